package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"leitai/model"
)

// config is read from LEITAI_* variables, each overridden by the flag of the same meaning.
type config struct {
	Addr          string
	DB            model.Location
	AdminPassword string
	Secret        []byte
	Demo          bool
	// TrustedProxies are the addresses (IPs or CIDR ranges) whose
	// X-Forwarded-For header names the client; nobody else's is believed.
	TrustedProxies []string
	// dataDir keeps the generated secret: the SQLite file's directory, or ./data.
	dataDir string
}

// settingError names the setting that is wrong, for a one-line start-up failure.
type settingError struct{ name, why string }

func (e settingError) Error() string { return e.name + ": " + e.why }

func loadConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("leitai", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", env("LEITAI_ADDR", "127.0.0.1:8080"), "listen address, host:port (LEITAI_ADDR)")
	db := fs.String("db", getenv("LEITAI_DB"), "database: sqlite:PATH or mysql://user:pass@tcp(host:3306)/db?parseTime=true; sqlite:./data/leitai.db if unset, sqlite:./data/demo.db with --demo (LEITAI_DB)")
	adminPassword := fs.String("admin-password", getenv("LEITAI_ADMIN_PASSWORD"), "password of the first administrator, used on first start only (LEITAI_ADMIN_PASSWORD)")
	secret := fs.String("secret", getenv("LEITAI_SECRET"), "key for session tokens, at least 32 characters; generated and kept in the data directory if unset (LEITAI_SECRET)")
	demo := fs.Bool("demo", false, "load the demo city federation into a new database, then serve")
	maxConns := fs.String("db-max-conns", getenv("LEITAI_DB_MAX_CONNS"), "most database connections open at once; 32 for MySQL, 8 for SQLite if unset (LEITAI_DB_MAX_CONNS)")
	maxIdle := fs.String("db-max-idle-conns", getenv("LEITAI_DB_MAX_IDLE_CONNS"), "database connections kept open while unused; all of db-max-conns if unset (LEITAI_DB_MAX_IDLE_CONNS)")
	lifetime := fs.String("db-conn-lifetime", getenv("LEITAI_DB_CONN_LIFETIME"), "close a database connection this old, as 30m; 30m if unset (LEITAI_DB_CONN_LIFETIME)")
	idleTime := fs.String("db-conn-idle-time", getenv("LEITAI_DB_CONN_IDLE_TIME"), "close a database connection unused this long, as 5m; 5m if unset (LEITAI_DB_CONN_IDLE_TIME)")
	proxies := fs.String("trusted-proxies", getenv("LEITAI_TRUSTED_PROXIES"), "comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed; none if unset (LEITAI_TRUSTED_PROXIES)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}

	cfg := config{Addr: *addr, AdminPassword: *adminPassword, Demo: *demo}
	if _, port, err := net.SplitHostPort(cfg.Addr); err != nil || port == "" {
		return config{}, settingError{"LEITAI_ADDR", fmt.Sprintf("%q is not host:port, as in 127.0.0.1:8080", cfg.Addr)}
	}
	if *db == "" {
		// The demo never lands in the real database unless told to.
		*db = "sqlite:./data/leitai.db"
		if cfg.Demo {
			*db = "sqlite:./data/demo.db"
		}
	}
	loc, err := model.ParseLocation(*db)
	if err != nil {
		return config{}, settingError{"LEITAI_DB", err.Error()}
	}
	if loc.Pool, err = parsePool(*maxConns, *maxIdle, *lifetime, *idleTime); err != nil {
		return config{}, err
	}
	cfg.DB = loc
	cfg.dataDir = "data"
	if loc.Dialect == model.SQLite {
		cfg.dataDir = filepath.Dir(loc.Path)
	}
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if net.ParseIP(p) == nil {
			if _, _, err := net.ParseCIDR(p); err != nil {
				return config{}, settingError{"LEITAI_TRUSTED_PROXIES", fmt.Sprintf("%q is neither an address nor a CIDR range, as in 10.0.0.0/8", p)}
			}
		}
		cfg.TrustedProxies = append(cfg.TrustedProxies, p)
	}
	if *secret != "" {
		if len(*secret) < 32 {
			return config{}, settingError{"LEITAI_SECRET", "must be at least 32 characters"}
		}
		cfg.Secret = []byte(*secret)
	}
	return cfg, nil
}

// parsePool reads the connection pool's settings; an empty one keeps the default.
func parsePool(maxConns, maxIdle, lifetime, idleTime string) (model.Pool, error) {
	var p model.Pool
	for _, n := range []struct {
		name, value string
		to          *int
	}{{"LEITAI_DB_MAX_CONNS", maxConns, &p.MaxOpen}, {"LEITAI_DB_MAX_IDLE_CONNS", maxIdle, &p.MaxIdle}} {
		if n.value == "" {
			continue
		}
		v, err := strconv.Atoi(n.value)
		if err != nil || v < 1 || v > 10000 {
			return p, settingError{n.name, fmt.Sprintf("%q is not a number of connections from 1 to 10000", n.value)}
		}
		*n.to = v
	}
	for _, d := range []struct {
		name, value string
		to          *time.Duration
	}{{"LEITAI_DB_CONN_LIFETIME", lifetime, &p.MaxLifetime}, {"LEITAI_DB_CONN_IDLE_TIME", idleTime, &p.MaxIdleTime}} {
		if d.value == "" {
			continue
		}
		v, err := time.ParseDuration(d.value)
		if err != nil || v < time.Second {
			return p, settingError{d.name, fmt.Sprintf("%q is not a duration of at least a second, as in 30m", d.value)}
		}
		*d.to = v
	}
	if p.MaxOpen > 0 && p.MaxIdle > p.MaxOpen {
		return p, settingError{"LEITAI_DB_MAX_IDLE_CONNS", fmt.Sprintf("%d is more than LEITAI_DB_MAX_CONNS (%d)", p.MaxIdle, p.MaxOpen)}
	}
	return p, nil
}

// loadOrCreateSecret reads the secret kept in the data directory, creating it
// on first start. Several servers sharing one database must share LEITAI_SECRET instead.
func loadOrCreateSecret(dataDir string) ([]byte, error) {
	path := filepath.Join(dataDir, "secret")
	b, err := os.ReadFile(path)
	if err == nil {
		if s := strings.TrimSpace(string(b)); len(s) >= 32 {
			return []byte(s), nil
		}
		return nil, settingError{"LEITAI_SECRET", path + " holds fewer than 32 characters"}
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, settingError{"LEITAI_SECRET", err.Error()}
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	s := hex.EncodeToString(raw)
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, settingError{"LEITAI_SECRET", err.Error()}
	}
	if err := os.WriteFile(path, []byte(s+"\n"), 0o600); err != nil {
		return nil, settingError{"LEITAI_SECRET", err.Error()}
	}
	return []byte(s), nil
}
