// Command load drives the real server (bin/leitai) and a bare baseline on
// loopback ports with a contest day's load, and prints, per scenario and
// database, throughput, latency, statuses, "answered 2xx = stored", peak
// memory and the ratio to the baseline. It exits non-zero on what is
// correctness (a 5xx other than a login shed with 503, a written entry not
// stored, a quota exceeded, a server that does not start), never on time.
//
//	go build -o bin/load ./load && ./bin/load [-short] [-duration 10s]
//
// It runs on SQLite, and on MySQL/MariaDB too when LEITAI_TEST_MYSQL_DSN is set.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"leitai/model"
)

// config is the run's settings, from flags.
type config struct {
	server      string
	duration    time.Duration
	enterprises int
	// listed is how many entrants the listed event has at least.
	listed int
	// self is this program, started again with -baseline.
	self string
	// only names the scenarios to run (as -only lists them); empty runs them all.
	only []string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	server := fs.String("server", "bin/leitai", "the server binary to drive")
	duration := fs.Duration("duration", 10*time.Second, "how long each scenario runs")
	short := fs.Bool("short", false, "CI mode: 2 s a scenario and 600 entrants to list")
	enterprises := fs.Int("enterprises", 20, "enterprises, each with one account whose session several clients share")
	listed := fs.Int("listed", 6000, "entrants in the listed event, entered through the API where the scenarios before left fewer")
	baseline := fs.Bool("baseline", false, "serve the bare baseline handlers instead (started by the load itself)")
	addr := fs.String("addr", "", "with -baseline: the address to listen on")
	db := fs.String("db", "", "with -baseline: the database, as LEITAI_DB")
	only := fs.String("only", "", "run only these scenarios, comma-separated: "+strings.Join(scenarioNames(), ", "))
	fs.Parse(os.Args[1:])

	if *baseline {
		if err := serveBaseline(ctx, *addr, *db); err != nil {
			fmt.Fprintln(os.Stderr, "load -baseline:", err)
			os.Exit(1)
		}
		return
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	cfg := config{server: *server, duration: *duration, enterprises: *enterprises, listed: *listed, self: self}
	if *only != "" {
		cfg.only = strings.Split(*only, ",")
		for _, name := range cfg.only {
			if !slices.Contains(scenarioNames(), name) {
				fmt.Fprintf(os.Stderr, "load: no scenario %q; -only takes %s\n", name, strings.Join(scenarioNames(), ", "))
				os.Exit(2)
			}
		}
	}
	if *short {
		cfg.duration, cfg.listed = 2*time.Second, 600
	}
	if failures := drive(ctx, cfg, os.Stdout); len(failures) > 0 {
		fmt.Printf("\nload FAILED on correctness (%d):\n", len(failures))
		for _, f := range failures {
			fmt.Println("  -", f)
		}
		os.Exit(1)
	}
	fmt.Println("\nload: every answer was correct and every 2xx write was stored (time is reported, never judged)")
}

// drive runs the scenarios on SQLite and, when configured, on MySQL/MariaDB,
// printing a table for each, and returns what was incorrect.
func drive(ctx context.Context, cfg config, out io.Writer) []string {
	fmt.Fprintf(out, "Load of %s: %s a scenario, %d enterprises, %d cores, %s\n", cfg.server, cfg.duration, cfg.enterprises,
		runtime.NumCPU(), time.Now().Format("2006-01-02 15:04"))
	var failures []string
	dbs := []func(dir string) (database, error){sqliteDatabase}
	if dsn := os.Getenv(mysqlEnv); dsn != "" {
		dbs = append(dbs, func(string) (database, error) { return mysqlDatabase(dsn) })
	} else {
		fmt.Fprintf(out, "MySQL/MariaDB skipped: set %s=mysql://root:@tcp(127.0.0.1:3306)/leitai_load?parseTime=true to run it too\n", mysqlEnv)
	}
	for _, open := range dbs {
		dir, err := os.MkdirTemp("", "leitai-load-")
		if err != nil {
			return append(failures, err.Error())
		}
		db, err := open(dir)
		if err != nil {
			failures = append(failures, err.Error())
			continue
		}
		found := runOn(ctx, cfg, db, dir, out)
		if err := db.drop(); err != nil {
			found = append(found, fmt.Sprintf("drop the database: %v", err))
		}
		for _, f := range found {
			failures = append(failures, db.label+": "+f)
		}
		if len(found) == 0 {
			os.RemoveAll(dir)
		} else {
			fmt.Fprintf(out, "The servers' output is kept in %s\n", dir)
		}
		if ctx.Err() != nil {
			return append(failures, "interrupted")
		}
	}
	return failures
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// runOn starts the real server on db, sets up the federation, starts the
// baseline, runs every scenario and prints the table.
func runOn(ctx context.Context, cfg config, db database, dir string, out io.Writer) []string {
	fmt.Fprintf(out, "\n## %s\n\n", db.label)
	admin := credentials{"admin", "Load-admin-" + randomHex(4)}
	real, err := startProcess(ctx, "leitai", dir+"/leitai.log", func(addr string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, cfg.server)
		cmd.Env = append(os.Environ(), "LEITAI_ADDR="+addr, "LEITAI_DB="+db.value, "LEITAI_SECRET="+randomHex(32),
			"LEITAI_ADMIN_PASSWORD="+admin.password)
		return cmd
	})
	if err != nil {
		return []string{err.Error()}
	}
	defer real.stop()
	store, err := model.Connect(db.loc)
	if err != nil {
		return []string{fmt.Sprintf("open the database to count what is stored: %v", err)}
	}
	defer closeDB(store)

	r := &run{cfg: cfg, hc: newHTTPClient(), store: store, real: real, workers: &workers{}}
	setupStart := time.Now()
	if r.fed, err = setUp(ctx, r.hc, real.base, admin, cfg.enterprises); err != nil {
		return []string{fmt.Sprintf("set-up through the API: %v", err)}
	}
	fmt.Fprintf(out, "Set up %d enterprises with their accounts in %s.\n\n", cfg.enterprises, time.Since(setupStart).Round(time.Millisecond))
	r.bare, err = startProcess(ctx, "bare", dir+"/bare.log", func(addr string) *exec.Cmd {
		return exec.CommandContext(ctx, cfg.self, "-baseline", "-addr", addr, "-db", db.value)
	})
	if err != nil {
		return []string{err.Error()}
	}
	defer r.bare.stop()

	for _, scenario := range r.scenarios() {
		if err := scenario(ctx); err != nil {
			r.fail("%v", err)
			break
		}
	}
	printTable(out, r.rows)
	fmt.Fprintln(out)
	printGoals(out, r.goals)
	if len(r.failures) > 0 {
		if lines := real.errorLines(5); len(lines) > 0 {
			fmt.Fprintln(out, "\nThe server logged, among others:")
			for _, l := range lines {
				fmt.Fprintln(out, "  ", l)
			}
		}
	}
	return r.failures
}
