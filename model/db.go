// Package model holds the database structs, opens the database named by a
// DSN (embedded SQLite or MySQL/MariaDB) and runs the versioned migrations.
package model

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3/gormlite"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the kind of database behind a DSN.
type Dialect string

const (
	SQLite Dialect = "sqlite"
	MySQL  Dialect = "mysql"
)

// Location is where the database lives, parsed from a LEITAI_DB value.
type Location struct {
	Dialect Dialect
	// Path is the SQLite file; empty for MySQL.
	Path string
	// DSN is what the driver receives.
	DSN string
}

// Redacted names the database without its password, for messages.
func (l Location) Redacted() string {
	if l.Dialect == SQLite {
		return "sqlite:" + l.Path
	}
	dsn, _, _ := strings.Cut(l.DSN, "?")
	if at := strings.LastIndex(dsn, "@"); at >= 0 {
		dsn = dsn[at+1:]
	}
	return "mysql://" + dsn
}

// ParseLocation reads "sqlite:PATH" or "mysql://user:pass@tcp(host:3306)/db?parseTime=true".
func ParseLocation(value string) (Location, error) {
	switch {
	case strings.HasPrefix(value, "sqlite:"):
		path := strings.TrimPrefix(value, "sqlite:")
		if path == "" {
			return Location{}, fmt.Errorf("sqlite: needs a file path, as in sqlite:./data/leitai.db")
		}
		dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_pragma=foreign_keys(1)&_pragma=synchronous(normal)&_txlock=immediate"
		return Location{Dialect: SQLite, Path: path, DSN: dsn}, nil
	case strings.HasPrefix(value, "mysql://"):
		dsn := strings.TrimPrefix(value, "mysql://")
		slash := strings.LastIndex(dsn, "/")
		if !strings.Contains(dsn, "@") || slash < 0 || strings.TrimSpace(strings.SplitN(dsn[slash+1:], "?", 2)[0]) == "" {
			return Location{}, fmt.Errorf("mysql: expected mysql://user:pass@tcp(host:3306)/database?parseTime=true")
		}
		return Location{Dialect: MySQL, DSN: withMySQLDefaults(dsn)}, nil
	default:
		return Location{}, fmt.Errorf("must start with sqlite: or mysql://")
	}
}

// withMySQLDefaults makes times come back as UTC time.Time values and text as utf8mb4,
// whatever the caller's DSN left out.
func withMySQLDefaults(dsn string) string {
	base, rawQuery, _ := strings.Cut(dsn, "?")
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return dsn
	}
	for k, v := range map[string]string{"parseTime": "true", "charset": "utf8mb4", "loc": "UTC"} {
		if q.Get(k) == "" {
			q.Set(k, v)
		}
	}
	return base + "?" + q.Encode()
}

func gormConfig() *gorm.Config {
	return &gorm.Config{
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Millisecond) },
		TranslateError: true,
	}
}

// OpenServer connects to a MySQL server without choosing a database, to create
// or drop one.
func OpenServer(dsn string) (*gorm.DB, error) {
	return gorm.Open(mysql.Open(dsn), gormConfig())
}

// Open connects to the database and brings its schema up to date.
func Open(loc Location) (*gorm.DB, error) {
	db, err := Connect(loc)
	if err != nil {
		return nil, err
	}
	if err := Migrate(db, loc.Dialect); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return db, nil
}

// Connect opens the database as it is, without migrating it.
func Connect(loc Location) (*gorm.DB, error) {
	cfg := gormConfig()
	var (
		db  *gorm.DB
		err error
	)
	switch loc.Dialect {
	case SQLite:
		if dir := filepath.Dir(loc.Path); dir != "" {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create database directory: %w", err)
			}
		}
		db, err = gorm.Open(gormlite.Open(loc.DSN), cfg)
	case MySQL:
		db, err = gorm.Open(mysql.Open(loc.DSN), cfg)
	default:
		return nil, fmt.Errorf("unknown database dialect %q", loc.Dialect)
	}
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if loc.Dialect == MySQL {
		sqlDB.SetMaxOpenConns(32)
		sqlDB.SetConnMaxLifetime(5 * time.Minute)
	}
	if err := sqlDB.Ping(); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return db, nil
}
