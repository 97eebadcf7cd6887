# Leitai: `make run` builds everything and starts the server; `make test` runs every test.
.DEFAULT_GOAL := run
.PHONY: run demo build frontend test test-go test-frontend test-e2e bench load load-short check tools chromium clean

FRONTEND_DEPS := frontend/node_modules/.package-lock.json
MYSQL_HINT := LEITAI_TEST_MYSQL_DSN='mysql://root:@tcp(127.0.0.1:3306)/leitai_test?parseTime=true'

run: build
	./bin/leitai

demo: build
	./bin/leitai --demo

build: frontend
	go build -o bin/leitai .

# The web app is built once per make run; the Go binary embeds frontend/dist.
frontend: tools $(FRONTEND_DEPS)
	cd frontend && npm run build

$(FRONTEND_DEPS): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

tools:
	@command -v go >/dev/null || { echo "Leitai needs Go 1.26 or newer: https://go.dev/doc/install"; exit 1; }
	@command -v npm >/dev/null || { echo "Leitai needs Node.js 20.19 or newer and npm to build its web app: apt-get install nodejs npm"; exit 1; }
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error("Leitai needs Node.js 20.19 or newer to build its web app; this is " + process.version); process.exit(1) }'

test: build check test-go load-short test-frontend test-e2e

check:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt would change:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	go vet ./...

# The API's tests on MySQL/MariaDB open a fresh database each and take close to
# go test's default ten minutes on a busy machine.
test-go:
	@if [ -n "$$LEITAI_TEST_MYSQL_DSN" ]; then \
		echo "Go tests run on SQLite and on MySQL/MariaDB ($$LEITAI_TEST_MYSQL_DSN)"; \
	else \
		echo "Go tests run on SQLite only; to run them on MySQL/MariaDB too, set $(MYSQL_HINT)"; \
	fi
	go test -count=1 -timeout 30m ./...

test-frontend:
	cd frontend && npm run test:unit

test-e2e: chromium
	cd frontend && npm run e2e

# Browser tests drive Debian's Chromium; install it (and CJK fonts) when root can.
chromium:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Chromium and CJK fonts for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else \
			echo "The browser tests need Chromium: sudo apt-get install chromium fonts-noto-cjk"; exit 1; \
		fi; }

# docs/benchmarks.md was measured with exactly this command.
bench:
	@if [ -n "$$LEITAI_TEST_MYSQL_DSN" ]; then \
		echo "Benchmarks run on SQLite and on MySQL/MariaDB ($$LEITAI_TEST_MYSQL_DSN)"; \
	else \
		echo "Benchmarks run on SQLite only: the MySQL/MariaDB half is skipped; to run it, set $(MYSQL_HINT)"; \
	fi
	go test -run '^$$' -bench . -benchmem -benchtime 10x ./...

# A contest day's load on the real server beside a bare baseline (docs/benchmarks.md);
# it fails on wrong answers and lost writes, never on time. CI runs the short mode.
load: build
	go build -o bin/load ./load
	./bin/load

load-short: build
	go build -o bin/load ./load
	./bin/load -short

clean:
	rm -rf bin frontend/node_modules
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
