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
	"strings"

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
