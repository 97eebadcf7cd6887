package service_test

import (
	"os"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

func mysqlConfigured() bool { return os.Getenv(modeltest.MySQLEnv) != "" }

// benchDatabase is a fresh database of the dialect ("sqlite" or "mysql")
// for a benchmark; the MySQL half is skipped unless it is configured.
func benchDatabase(b *testing.B, dialect string) *gorm.DB {
	b.Helper()
	if dialect != "mysql" {
		return modeltest.SQLite(b)
	}
	if !mysqlConfigured() {
		b.Skip("set " + modeltest.MySQLEnv + " to benchmark MySQL")
	}
	return modeltest.MySQL(b)
}
