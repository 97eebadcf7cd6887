package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"leitai/model"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfig_DefaultsToEmbeddedSQLiteOnLoopback(t *testing.T) {
	cfg, err := loadConfig(nil, envOf(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:8080" || cfg.DB.Path != "./data/leitai.db" || cfg.dataDir != "data" {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestConfig_DemoGetsItsOwnDatabaseUnlessTold(t *testing.T) {
	cfg, err := loadConfig([]string{"--demo"}, envOf(nil), io.Discard)
	if err != nil || cfg.DB.Path != "./data/demo.db" {
		t.Fatalf("--demo alone: %+v %v, want ./data/demo.db", cfg.DB, err)
	}
	cfg, err = loadConfig([]string{"--demo"}, envOf(map[string]string{"LEITAI_DB": "sqlite:/tmp/x.db"}), io.Discard)
	if err != nil || cfg.DB.Path != "/tmp/x.db" {
		t.Fatalf("--demo with LEITAI_DB: %+v %v, want /tmp/x.db", cfg.DB, err)
	}
}

func TestConfig_TrustedProxies(t *testing.T) {
	cfg, err := loadConfig([]string{"--trusted-proxies", "10.0.0.0/8, 127.0.0.1,::1"}, envOf(nil), io.Discard)
	if err != nil || strings.Join(cfg.TrustedProxies, " ") != "10.0.0.0/8 127.0.0.1 ::1" {
		t.Fatalf("%+v %v", cfg.TrustedProxies, err)
	}
	if cfg, _ := loadConfig(nil, envOf(nil), io.Discard); len(cfg.TrustedProxies) != 0 {
		t.Errorf("trusted proxies by default: %v, want none", cfg.TrustedProxies)
	}
}

func TestConfig_DatabasePool(t *testing.T) {
	cfg, err := loadConfig([]string{"--db-max-conns", "64"}, envOf(map[string]string{"LEITAI_DB_MAX_IDLE_CONNS": "16", "LEITAI_DB_CONN_LIFETIME": "1h", "LEITAI_DB_CONN_IDLE_TIME": "90s"}), io.Discard)
	want := model.Pool{MaxOpen: 64, MaxIdle: 16, MaxLifetime: time.Hour, MaxIdleTime: 90 * time.Second}
	if err != nil || cfg.DB.Pool != want {
		t.Fatalf("pool %+v %v, want %+v", cfg.DB.Pool, err, want)
	}
}

func TestConfig_FlagOverridesEnvironment(t *testing.T) {
	cfg, err := loadConfig([]string{"--addr", "0.0.0.0:9000"}, envOf(map[string]string{"LEITAI_ADDR": "127.0.0.1:1"}), io.Discard)
	if err != nil || cfg.Addr != "0.0.0.0:9000" {
		t.Fatalf("%+v %v", cfg, err)
	}
}

func TestConfig_BadValueNamesTheSetting(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		name string
	}{
		{map[string]string{"LEITAI_ADDR": "8080"}, "LEITAI_ADDR"},
		{map[string]string{"LEITAI_DB": "postgres://x"}, "LEITAI_DB"},
		{map[string]string{"LEITAI_DB": "mysql://nohost"}, "LEITAI_DB"},
		{map[string]string{"LEITAI_SECRET": "short"}, "LEITAI_SECRET"},
		{map[string]string{"LEITAI_TRUSTED_PROXIES": "10.0.0.0/33"}, "LEITAI_TRUSTED_PROXIES"},
		{map[string]string{"LEITAI_DB_MAX_CONNS": "0"}, "LEITAI_DB_MAX_CONNS"},
		{map[string]string{"LEITAI_DB_MAX_CONNS": "8", "LEITAI_DB_MAX_IDLE_CONNS": "9"}, "LEITAI_DB_MAX_IDLE_CONNS"},
		{map[string]string{"LEITAI_DB_CONN_LIFETIME": "30"}, "LEITAI_DB_CONN_LIFETIME"},
		{map[string]string{"LEITAI_DB_CONN_IDLE_TIME": "5 minutes"}, "LEITAI_DB_CONN_IDLE_TIME"},
	} {
		_, err := loadConfig(nil, envOf(tc.env), io.Discard)
		if err == nil || !strings.HasPrefix(err.Error(), tc.name+": ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: error %v, want one line starting with %s", tc.env, err, tc.name)
		}
	}
}

func TestSecret_GeneratedOnceAndKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	first, err := loadOrCreateSecret(dir)
	if err != nil || len(first) < 32 {
		t.Fatalf("%q %v", first, err)
	}
	again, err := loadOrCreateSecret(dir)
	if err != nil || string(again) != string(first) {
		t.Fatalf("second read %q %v, want the kept secret", again, err)
	}
	if st, _ := os.Stat(filepath.Join(dir, "secret")); st.Mode().Perm() != 0o600 {
		t.Errorf("secret file mode %v", st.Mode().Perm())
	}
}
