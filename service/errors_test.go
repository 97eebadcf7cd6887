package service

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// TestTransaction_AConstraintNoRuleCaughtIsAConflict: whatever a rule forgets
// to check first, the database's refusal reaches the user as a 409.
func TestTransaction_AConstraintNoRuleCaughtIsAConflict(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := New(db, Options{BcryptCost: bcrypt.MinCost})
		ctx := context.Background()
		if _, err := s.EnsureAdmin(ctx, "Admin-pass-2026"); err != nil {
			t.Fatal(err)
		}
		for code, write := range map[string]func(tx *gorm.DB) error{
			"in_use": func(tx *gorm.DB) error { return tx.Exec("DELETE FROM organisations WHERE parent_id IS NULL").Error },
			"duplicate": func(tx *gorm.DB) error {
				var admin model.Account
				if err := tx.Take(&admin).Error; err != nil {
					return err
				}
				admin.ID = 0
				return tx.Omit("Organisation").Create(&admin).Error
			},
		} {
			err := s.tx(ctx, func(ctx context.Context) error { return write(s.conn(ctx)) })
			if se, ok := AsError(err); !ok || se.Kind != KindConflict || se.Code != code {
				t.Errorf("%s: got %v, want a conflict %q", code, err, code)
			}
		}
	})
}

// TestAudit_AValueThatCannotBeEncodedIsAnError: an audit row never silently
// loses its before or after.
func TestAudit_AValueThatCannotBeEncodedIsAnError(t *testing.T) {
	s := New(modeltest.SQLite(t), Options{BcryptCost: bcrypt.MinCost})
	ctx := context.Background()
	for _, v := range []any{math.NaN(), make(chan int)} {
		if err := s.audit(ctx, Caller{}, "test", "test", 1, v, nil); err == nil {
			t.Errorf("before %v: audited without an error", v)
		}
		if err := s.audit(ctx, Caller{}, "test", "test", 1, nil, v); err == nil {
			t.Errorf("after %v: audited without an error", v)
		}
	}
	var n int64
	s.conn(ctx).Model(&model.AuditEntry{}).Count(&n)
	if n != 0 {
		t.Errorf("%d audit rows written, want none", n)
	}
}

// TestTransaction_NestedCallsJoinTheOuterOne: work done by a call nested in a
// transaction is kept or undone with it, never committed on its own.
func TestTransaction_NestedCallsJoinTheOuterOne(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := New(db, Options{BcryptCost: bcrypt.MinCost})
		ctx := context.Background()
		refused := errors.New("refused after the nested write")
		err := s.tx(ctx, func(ctx context.Context) error {
			if err := s.tx(ctx, func(ctx context.Context) error {
				return s.audit(ctx, Caller{}, "nested", "test", 1, nil, nil)
			}); err != nil {
				return err
			}
			return refused
		})
		var n int64
		db.Model(&model.AuditEntry{}).Count(&n)
		if !errors.Is(err, refused) || n != 0 {
			t.Errorf("outer failure: %v, %d audit rows kept; want the failure and none", err, n)
		}
	})
}

// TestNotFound_NamesTheThingInTheCallersLanguage: every thing the service may
// not find is named by a word of its own in Chinese and in English, never by
// its internal key.
func TestNotFound_NamesTheThingInTheCallersLanguage(t *testing.T) {
	for _, what := range []string{"account", "contest", "draw", "entrant", "event", "organisation", "panel_member", "person", "sheet", "stage"} {
		for _, lang := range []Lang{LangZH, LangEN} {
			text := notFound(what).Text.In(lang)
			if strings.Contains(text, "thing_") || (lang == LangZH && strings.ContainsAny(text, "abcdefghijklmnopqrstuvwxyz")) {
				t.Errorf("not found %s in %s: %q", what, lang, text)
			}
		}
	}
}
