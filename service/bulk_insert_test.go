package service

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// More rows than one statement may carry on either database are written in
// several, and each row gets the id the database gave it.
func TestBulkInsert_RowsPastTheCapGetTheirOwnIDs(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		rows := mysqlPlaceholders/len(auditInsert.columns) + 7
		var values []any
		for i := range rows {
			values = append(values, nil, "bulk.test", "entrant", i+1, nil, nil, fmt.Sprint("row ", i), db.NowFunc())
		}
		var ids []uint
		err := db.Transaction(func(tx *gorm.DB) error {
			var err error
			ids, err = auditInsert.insert(context.Background(), tx, values)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != rows {
			t.Fatalf("%d ids for %d rows", len(ids), rows)
		}
		var kept []model.AuditEntry
		if err := db.Where("action = ?", "bulk.test").Order("id").Find(&kept).Error; err != nil {
			t.Fatal(err)
		}
		if len(kept) != rows {
			t.Fatalf("%d rows kept of %d", len(kept), rows)
		}
		for i, e := range kept {
			if e.ID != ids[i] || e.EntityID != uint(i+1) || e.Reason != fmt.Sprint("row ", i) {
				t.Fatalf("row %d: kept %+v under id %d", i, e, ids[i])
			}
		}
	})
}

// A row that breaks a constraint fails as GORM would have it fail.
func TestBulkInsert_DuplicateIsGORMs(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		org := model.Organisation{Kind: model.KindEnterprise, Name: "清河机床", Path: "/", Version: 1}
		if err := db.Create(&org).Error; err != nil {
			t.Fatal(err)
		}
		now := db.NowFunc()
		row := []any{org.ID, "110101199001011237", "职工", "male", "", "", "", 0, 1, now, now}
		err := db.Transaction(func(tx *gorm.DB) error {
			_, err := peopleInsert.insert(context.Background(), tx, append(row, row...))
			return err
		})
		if !errors.Is(err, gorm.ErrDuplicatedKey) {
			t.Fatalf("got %v, want a duplicate key", err)
		}
	})
}
