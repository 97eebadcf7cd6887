package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// mysqlEnv names the MySQL/MariaDB server the load also runs on, as the Go
// tests do: mysql://root:@tcp(127.0.0.1:3306)/prefix?parseTime=true.
const mysqlEnv = "LEITAI_TEST_MYSQL_DSN"

// database is one database a run uses from start to end: a new SQLite file,
// or a new MySQL database dropped afterwards.
type database struct {
	label string
	// value is what LEITAI_DB receives.
	value string
	loc   model.Location
	drop  func() error
}

func sqliteDatabase(dir string) (database, error) {
	value := "sqlite:" + filepath.Join(dir, "leitai.db")
	loc, err := model.ParseLocation(value)
	return database{label: "SQLite", value: value, loc: loc, drop: func() error { return nil }}, err
}

// mysqlDatabase creates a database named after the one in dsn with a random
// suffix, on the server dsn names.
func mysqlDatabase(dsn string) (database, error) {
	loc, err := model.ParseLocation(dsn)
	if err != nil || loc.Dialect != model.MySQL {
		return database{}, fmt.Errorf("%s: %v (want mysql://user:pass@tcp(host:3306)/prefix?parseTime=true)", mysqlEnv, err)
	}
	slash := strings.LastIndex(loc.DSN, "/")
	server, rest := loc.DSN[:slash+1], loc.DSN[slash+1:]
	prefix, query, _ := strings.Cut(rest, "?")
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		return database{}, err
	}
	name := prefix + "_load_" + hex.EncodeToString(suffix)
	admin, err := model.OpenServer(server + "?" + query)
	if err != nil {
		return database{}, fmt.Errorf("MySQL at %s: %w", mysqlEnv, err)
	}
	if err := admin.Exec("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").Error; err != nil {
		return database{}, fmt.Errorf("create database %s: %w", name, err)
	}
	drop := func() error {
		defer func() {
			if sqlDB, err := admin.DB(); err == nil {
				sqlDB.Close()
			}
		}()
		return admin.Exec("DROP DATABASE IF EXISTS `" + name + "`").Error
	}
	dsnOut := server + name + "?" + query
	return database{label: "MariaDB", value: "mysql://" + dsnOut, loc: model.Location{Dialect: model.MySQL, DSN: dsnOut}, drop: drop}, nil
}

// storedEntries are the ids of an event's entries that name their worker,
// read from the database itself.
func storedEntries(db *gorm.DB, eventID uint) (map[uint]bool, error) {
	var ids []uint
	err := db.Table("entrants").Joins("JOIN event_participants ON event_participants.entrant_id = entrants.id").
		Where("entrants.event_id = ?", eventID).Distinct().Pluck("entrants.id", &ids).Error
	set := make(map[uint]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, err
}

// activeEntries counts an enterprise's pending and approved entries in an
// event: what its quota limits.
func activeEntries(db *gorm.DB, eventID, enterpriseID uint) (int64, error) {
	var n int64
	err := db.Model(&model.Entrant{}).Where("event_id = ? AND enterprise_id = ? AND status IN ?", eventID, enterpriseID,
		[]string{"pending", "approved"}).Count(&n).Error
	return n, err
}
