package service_test

import (
	"os"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

func mysqlConfigured() bool { return os.Getenv(modeltest.MySQLEnv) != "" }

// benchDB opens a fresh database of the dialect a benchmark runs on, "sqlite"
// or "mysql"; MySQL's is skipped unless one is configured.
func benchDB(b *testing.B, dialect string) *gorm.DB {
	if dialect == "mysql" {
		if !mysqlConfigured() {
			b.Skip("set " + modeltest.MySQLEnv + " to benchmark MySQL")
		}
		return modeltest.MySQL(b)
	}
	return modeltest.SQLite(b)
}
