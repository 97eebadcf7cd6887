package service

import (
	"context"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func TestDemo_LoadsAValidFederationOnce(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		svc := New(db, Options{Secret: []byte("demo-test-secret-0123456789abcdef"), BcryptCost: bcrypt.MinCost})
		ctx := context.Background()
		if _, err := svc.EnsureAdmin(ctx, "Admin-pass-2026"); err != nil {
			t.Fatal(err)
		}
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
			if key := checkIDNumber(p.IDNumber); key != "" {
				t.Errorf("%s: ID number %s: %s", p.Name, p.IDNumber, key)
			}
			if male := (p.IDNumber[16]-'0')%2 == 1; male != (p.Gender == "male") {
				t.Errorf("%s: gender %s disagrees with ID number %s", p.Name, p.Gender, p.IDNumber)
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
			if _, err := svc.Login(ctx, username, DemoPassword); err != nil {
				t.Errorf("demo login %s: %v", username, err)
			}
		}
	})
}

func TestEnsureAdmin_GeneratesAPasswordThatMustBeChanged(t *testing.T) {
	db := modeltest.SQLite(t)
	svc := New(db, Options{Secret: []byte("demo-test-secret-0123456789abcdef"), BcryptCost: bcrypt.MinCost})
	ctx := context.Background()
	generated, err := svc.EnsureAdmin(ctx, "")
	if err != nil || checkPasswordStrength(generated) != "" {
		t.Fatalf("generated %q, %v", generated, err)
	}
	res, err := svc.Login(ctx, "admin", generated)
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
