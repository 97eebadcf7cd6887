package model_test

import (
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func TestMigrate_FromEmptyCreatesEveryTableAndIsIdempotent(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		for _, table := range []string{"organisations", "accounts", "sessions", "login_throttles", "people", "audit_entries", "schema_migrations"} {
			if !db.Migrator().HasTable(table) {
				t.Errorf("table %s missing after migration", table)
			}
		}
		dialect := model.SQLite
		if db.Dialector.Name() == "mysql" {
			dialect = model.MySQL
		}
		if err := model.Migrate(db, dialect); err != nil {
			t.Fatalf("second migration run: %v", err)
		}
	})
}

func TestMigrate_UniqueIndexesHold(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		code := "91350100M000100Y43"
		root := model.Organisation{Kind: model.KindCityUnion, Name: "市总工会", Version: 1}
		if err := db.Create(&root).Error; err != nil {
			t.Fatal(err)
		}
		a := model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: "甲", CreditCode: &code, Version: 1}
		if err := db.Create(&a).Error; err != nil {
			t.Fatal(err)
		}
		b := model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: "乙", CreditCode: &code, Version: 1}
		if err := db.Create(&b).Error; err != gorm.ErrDuplicatedKey {
			t.Fatalf("second organisation with the same credit code: got %v, want a duplicate key error", err)
		}
	})
}

func TestParseLocation(t *testing.T) {
	for _, tc := range []struct {
		in      string
		dialect model.Dialect
		wantErr bool
	}{
		{"sqlite:./data/leitai.db", model.SQLite, false},
		{"sqlite:", "", true},
		{"mysql://u:p@tcp(127.0.0.1:3306)/leitai?parseTime=true", model.MySQL, false},
		{"mysql://u:p@tcp(127.0.0.1:3306)/", "", true},
		{"postgres://x", "", true},
		{"", "", true},
	} {
		loc, err := model.ParseLocation(tc.in)
		if (err != nil) != tc.wantErr || loc.Dialect != tc.dialect {
			t.Errorf("ParseLocation(%q) = %v, %v", tc.in, loc.Dialect, err)
		}
	}
}
