package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// startedService is the service over db after its first start: the city
// union and admin, as the demo expects to find them.
func startedService(t *testing.T, db *gorm.DB) (*Service, context.Context) {
	t.Helper()
	svc := New(db, Options{Secret: []byte("demo-test-secret-0123456789abcdef"), BcryptCost: bcrypt.MinCost})
	ctx := context.Background()
	if _, err := svc.EnsureAdmin(ctx, "Admin-pass-2026"); err != nil {
		t.Fatal(err)
	}
	return svc, ctx
}

func TestDemo_LoadsAValidFederationOnce(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		svc, ctx := startedService(t, db)
		for i := 0; i < 2; i++ { // the second load must change nothing
			if err := svc.LoadDemo(ctx); err != nil {
				t.Fatal(err)
			}
		}
		var orgs []model.Organisation
		db.Find(&orgs)
		enterprises := 0
		for _, o := range orgs {
			if o.Kind == model.KindEnterprise {
				enterprises++
				if o.CreditCode == nil || checkCreditCode(*o.CreditCode) != "" {
					t.Errorf("%s: invalid credit code %v", o.Name, o.CreditCode)
				}
			}
		}
		if len(orgs) != 10 || enterprises != 6 {
			t.Errorf("%d organisations with %d enterprises, want 10 and 6", len(orgs), enterprises)
		}
		var people []model.Person
		db.Find(&people)
		if len(people) != 40 {
			t.Errorf("%d workers, want 40", len(people))
		}
		for _, p := range people {
			if key := checkIDNumber(p.IDNumber, svc.now()); key != "" {
				t.Errorf("%s: ID number %s: %s", p.Name, p.IDNumber, key)
			}
			if male := (p.IDNumber[16]-'0')%2 == 1; male != (p.Gender == "male") {
				t.Errorf("%s: gender %s disagrees with ID number %s", p.Name, p.Gender, p.IDNumber)
			}
			if given := []rune(p.Name)[1:]; !slices.Contains(demoGiven[p.Gender], string(given)) {
				t.Errorf("%s: the given name %s is not one usual for %s", p.Name, string(given), p.Gender)
			}
			if key := checkMobile(p.Mobile); key != "" {
				t.Errorf("%s: mobile %s", p.Name, p.Mobile)
			}
		}
		var contests, entrants, approved int64
		db.Model(&model.Contest{}).Count(&contests)
		db.Model(&model.Entrant{}).Count(&entrants)
		db.Model(&model.Entrant{}).Where("status = ?", EntrantApproved).Count(&approved)
		if contests != 3 || entrants != 18 || approved != 12 {
			t.Errorf("demo contests %d, entrants %d, approved %d; want 3, 18, 12", contests, entrants, approved)
		}
		for _, username := range []string{"org_qh", "ent_1", "ent_6", "judge_4"} {
			if _, err := svc.Login(ctx, username, DemoPassword, "127.0.0.1"); err != nil {
				t.Errorf("demo login %s: %v", username, err)
			}
		}
	})
}

// TestDemo_AFailureHalfWayLeavesTheDatabaseAsItWas makes the database refuse
// the demo's last contest: nothing of the demo may stay, and once the
// database takes it, the next run loads the whole demo.
func TestDemo_AFailureHalfWayLeavesTheDatabaseAsItWas(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		svc, ctx := startedService(t, db)
		trigger := "CREATE TRIGGER refuse_innovation BEFORE INSERT ON contests FOR EACH ROW WHEN NEW.kind = 'innovation' BEGIN SELECT RAISE(ABORT, 'refused'); END"
		if db.Dialector.Name() == "mysql" {
			trigger = "CREATE TRIGGER refuse_innovation BEFORE INSERT ON contests FOR EACH ROW BEGIN IF NEW.kind = 'innovation' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'; END IF; END"
		}
		if err := db.Exec(trigger).Error; err != nil {
			t.Fatal(err)
		}
		if err := svc.LoadDemo(ctx); err == nil {
			t.Fatal("the demo loaded although the database refused its last contest")
		}
		counts := map[string]int64{}
		for _, table := range []string{"organisations", "accounts", "people", "contests", "events", "entrants", "audit_entries"} {
			var n int64
			db.Table(table).Count(&n)
			counts[table] = n
		}
		var root model.Organisation
		db.Where("parent_id IS NULL").Take(&root)
		want := map[string]int64{"organisations": 1, "accounts": 1, "people": 0, "contests": 0, "events": 0, "entrants": 0, "audit_entries": 0}
		if root.Name != RootName || fmt.Sprint(counts) != fmt.Sprint(want) {
			t.Fatalf("after a failed demo: root %q, rows %v; want %q and %v", root.Name, counts, RootName, want)
		}
		if err := db.Exec("DROP TRIGGER refuse_innovation").Error; err != nil {
			t.Fatal(err)
		}
		if err := svc.LoadDemo(ctx); err != nil {
			t.Fatalf("second run: %v", err)
		}
		var contests int64
		db.Model(&model.Contest{}).Count(&contests)
		if contests != 3 {
			t.Errorf("%d contests after the second run, want 3", contests)
		}
	})
}

// TestDemo_RefusesADatabaseInUse keeps demo accounts out of a real federation.
func TestDemo_RefusesADatabaseInUse(t *testing.T) {
	db := modeltest.SQLite(t)
	svc, ctx := startedService(t, db)
	var root model.Organisation
	db.Where("parent_id IS NULL").Take(&root)
	district := model.Organisation{ParentID: &root.ID, Kind: model.KindDistrictUnion, Name: "清河区总工会", Path: "", Version: 1}
	if err := db.Create(&district).Error; err != nil {
		t.Fatal(err)
	}
	if err := svc.LoadDemo(ctx); err == nil || !strings.Contains(err.Error(), "new database") {
		t.Fatalf("demo into a database in use: %v, want a refusal", err)
	}
	var accounts int64
	db.Model(&model.Account{}).Count(&accounts)
	if accounts != 1 {
		t.Errorf("%d accounts after the refusal, want 1", accounts)
	}
}

func TestEnsureAdmin_GeneratesAPasswordThatMustBeChanged(t *testing.T) {
	db := modeltest.SQLite(t)
	svc := New(db, Options{Secret: []byte("demo-test-secret-0123456789abcdef"), BcryptCost: bcrypt.MinCost})
	ctx := context.Background()
	generated, err := svc.EnsureAdmin(ctx, "")
	if err != nil || svc.checkPassword("admin", generated) != "" {
		t.Fatalf("generated %q, %v", generated, err)
	}
	res, err := svc.Login(ctx, "admin", generated, "127.0.0.1")
	if err != nil || !res.Account.MustChangePassword {
		t.Fatalf("login with the generated password: %+v %v", res.Account, err)
	}
	again, err := svc.EnsureAdmin(ctx, "")
	if err != nil || again != "" {
		t.Errorf("second start generated %q, %v; want nothing", again, err)
	}
	if _, err := New(modeltest.SQLite(t), Options{}).EnsureAdmin(ctx, "weak"); err == nil {
		t.Error("a weak LEITAI_ADMIN_PASSWORD was accepted")
	}
}
