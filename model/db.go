// Package model holds the database structs, opens the database named by a
// DSN (embedded SQLite or MySQL/MariaDB) and runs the versioned migrations.
package model

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	mysqldriver "github.com/go-sql-driver/mysql"
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
	// Pool sizes the connection pool; zero values take the dialect's defaults.
	Pool Pool
}

// Pool sizes a database's connection pool.
type Pool struct {
	// MaxOpen bounds the connections open at once: 32 on MySQL; on SQLite 8,
	// each holding its own copy of the database engine, one of them writing at
	// a time (the service queues writers).
	MaxOpen int
	// MaxIdle is how many stay open unused, ready for the next burst: all of
	// MaxOpen by default, so that a steady load opens no new connections.
	MaxIdle int
	// MaxLifetime closes a connection this old (30 minutes), before a server
	// or a proxy between drops it; MaxIdleTime one unused this long (5 minutes).
	MaxLifetime time.Duration
	MaxIdleTime time.Duration
}

// withDefaults fills what the pool left unset for the dialect.
func (p Pool) withDefaults(d Dialect) Pool {
	if p.MaxOpen == 0 {
		p.MaxOpen = 32
		if d == SQLite {
			p.MaxOpen = 8
		}
	}
	if p.MaxIdle == 0 {
		p.MaxIdle = p.MaxOpen
	}
	if p.MaxLifetime == 0 {
		p.MaxLifetime = 30 * time.Minute
	}
	if p.MaxIdleTime == 0 {
		p.MaxIdleTime = 5 * time.Minute
	}
	return p
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

// withMySQLDefaults makes times come back as UTC time.Time values and text as
// utf8mb4, and statements go out with their values, whatever the caller's DSN
// left out.
func withMySQLDefaults(dsn string) string {
	base, rawQuery, _ := strings.Cut(dsn, "?")
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return dsn
	}
	// interpolateParams sends each statement once, with its values, instead of
	// preparing it, running it and closing it: a third of the round trips.
	for k, v := range map[string]string{"parseTime": "true", "charset": "utf8mb4", "loc": "UTC", "interpolateParams": "true"} {
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
		sqlDB, err := openSQLite(loc.DSN)
		if err != nil {
			return nil, err
		}
		db, err = gorm.Open(gormlite.OpenDB(sqlDB), cfg)
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
	pool := loc.Pool.withDefaults(loc.Dialect)
	sqlDB.SetMaxOpenConns(pool.MaxOpen)
	sqlDB.SetMaxIdleConns(pool.MaxIdle)
	sqlDB.SetConnMaxLifetime(pool.MaxLifetime)
	sqlDB.SetConnMaxIdleTime(pool.MaxIdleTime)
	if err := sqlDB.Ping(); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return db, nil
}

// Deadlock tells whether err is MySQL giving up one transaction of a deadlock:
// the transaction was rolled back and may simply run again.
func Deadlock(err error) bool {
	var me *mysqldriver.MySQLError
	return errors.As(err, &me) && me.Number == 1213
}
