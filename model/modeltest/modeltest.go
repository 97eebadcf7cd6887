// Package modeltest gives each test a fresh, migrated database: SQLite always,
// and MySQL/MariaDB too when LEITAI_TEST_MYSQL_DSN names a server.
package modeltest

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
)

// MySQLEnv is the variable naming the MySQL server for tests, as
// mysql://root:@tcp(127.0.0.1:3306)/leitai_test?parseTime=true. Each test gets
// its own database, named after that one with a random suffix, dropped at the end.
const MySQLEnv = "LEITAI_TEST_MYSQL_DSN"

// Each runs fn once per configured database, as subtests named after the dialect.
func Each(t *testing.T, fn func(t *testing.T, db *gorm.DB)) {
	t.Helper()
	EachLocation(t, func(t *testing.T, loc model.Location) { fn(t, open(t, loc)) })
}

// EachLocation runs fn once per configured database with a new, empty
// database that fn opens itself, for tests of opening and migrating.
func EachLocation(t *testing.T, fn func(t *testing.T, loc model.Location)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, sqliteLocation(t)) })
	if os.Getenv(MySQLEnv) != "" {
		t.Run("mysql", func(t *testing.T) { fn(t, mysqlLocation(t)) })
	}
}

// SQLite opens a migrated database in a file of the test's temporary directory.
func SQLite(t testing.TB) *gorm.DB {
	t.Helper()
	return open(t, sqliteLocation(t))
}

// ImpatientSQLite is SQLite that gives up on a locked database at once, as
// one waiting out its busy timeout under load would: a test on it shows any
// writer that meets another's lock.
func ImpatientSQLite(t testing.TB) *gorm.DB {
	t.Helper()
	loc := sqliteLocation(t)
	loc.DSN = strings.Replace(loc.DSN, "busy_timeout(10000)", "busy_timeout(0)", 1)
	return open(t, loc)
}

func sqliteLocation(t testing.TB) model.Location {
	t.Helper()
	loc, err := model.ParseLocation("sqlite:" + filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// MySQL creates a fresh database on the server named by LEITAI_TEST_MYSQL_DSN.
// It fails the test, never skips it, when the server cannot be reached.
// Bench opens a fresh database of the dialect a benchmark runs on, "sqlite"
// or "mysql"; the benchmark is skipped on MySQL unless MySQLEnv names one.
func Bench(b *testing.B, dialect string) *gorm.DB {
	b.Helper()
	if dialect != "mysql" {
		return SQLite(b)
	}
	if os.Getenv(MySQLEnv) == "" {
		b.Skip("set " + MySQLEnv + " to benchmark MySQL")
	}
	return MySQL(b)
}

func MySQL(t testing.TB) *gorm.DB {
	t.Helper()
	return open(t, mysqlLocation(t))
}

func mysqlLocation(t testing.TB) model.Location {
	t.Helper()
	loc, err := model.ParseLocation(os.Getenv(MySQLEnv))
	if err != nil || loc.Dialect != model.MySQL {
		t.Fatalf("%s: %v (want mysql://user:pass@tcp(host:3306)/prefix?parseTime=true)", MySQLEnv, err)
	}
	slash := strings.LastIndex(loc.DSN, "/")
	server, rest := loc.DSN[:slash+1], loc.DSN[slash+1:]
	prefix, query, _ := strings.Cut(rest, "?")
	name := prefix + "_" + randomSuffix(t)

	admin, err := model.OpenServer(server + "?" + query)
	if err != nil {
		t.Fatalf("MySQL at %s: %v", MySQLEnv, err)
	}
	if err := admin.Exec("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").Error; err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS `" + name + "`")
		if sqlDB, err := admin.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return model.Location{Dialect: model.MySQL, DSN: server + name + "?" + query}
}

func open(t testing.TB, loc model.Location) *gorm.DB {
	t.Helper()
	db, err := model.Open(loc)
	if err != nil {
		t.Fatalf("open %s database: %v", loc.Dialect, err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

func randomSuffix(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
