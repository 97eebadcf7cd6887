package service_test

import (
	"os"

	"leitai/model/modeltest"
)

func mysqlConfigured() bool { return os.Getenv(modeltest.MySQLEnv) != "" }
