package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

func accPath(id uint) string { return fmt.Sprintf("/api/v1/accounts/%d", id) }

func TestAccount_UsernameIsUniqueWhateverItsCase(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		body := map[string]any{"username": "ENT_QH", "display_name": "重复", "role": "enterprise", "organisation_id": f.enterprise.ID, "password": "Initial-pass-1"}
		a.mustFail(409, "duplicate", "username", "POST", "/api/v1/accounts", body)
		body["username"] = "a b"
		a.mustFail(422, "validation_failed", "username", "POST", "/api/v1/accounts", body)
		body["username"], body["password"] = "fine_name", "weak"
		a.mustFail(422, "validation_failed", "password", "POST", "/api/v1/accounts", body)
	})
}

func TestAccount_RoleMustSuitItsOrganisation(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		create := func(role string, orgID uint) map[string]any {
			return map[string]any{"username": "x_" + role, "display_name": "x", "role": role, "organisation_id": orgID, "password": "Initial-pass-1"}
		}
		a.mustFail(422, "validation_failed", "organisation_id", "POST", "/api/v1/accounts", create("enterprise", f.district.ID))
		a.mustFail(422, "validation_failed", "organisation_id", "POST", "/api/v1/accounts", create("organiser", f.enterprise.ID))
		a.mustFail(422, "validation_failed", "organisation_id", "POST", "/api/v1/accounts", create("admin", f.district.ID))
		a.mustFail(422, "validation_failed", "role", "POST", "/api/v1/accounts", create("superuser", f.root.ID))
		a.must(201, "POST", "/api/v1/accounts", create("judge", f.enterprise.ID), nil)
	})
}

func TestAccount_OrganiserCreatesOnlyEnterpriseAndJudgeAccountsInItsSubtree(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		create := func(username, role string, orgID uint) map[string]any {
			return map[string]any{"username": username, "display_name": username, "role": role, "organisation_id": orgID, "password": "Initial-pass-1"}
		}
		o.mustFail(403, "forbidden", "", "POST", "/api/v1/accounts", create("org2", "organiser", f.district.ID))
		o.mustFail(403, "forbidden", "", "POST", "/api/v1/accounts", create("adm2", "admin", f.root.ID))
		o.mustFail(403, "forbidden", "", "POST", "/api/v1/accounts", create("ent_jb", "enterprise", f.otherEnterprise.ID))
		o.must(201, "POST", "/api/v1/accounts", create("ent_qh2", "enterprise", f.enterprise.ID), nil)
		o.must(201, "POST", "/api/v1/accounts", create("judge_qh", "judge", f.district.ID), nil)
		// It sees the accounts of its subtree, itself included, and none outside.
		var page struct {
			Items []account `json:"items"`
			Total int       `json:"total"`
		}
		o.must(200, "GET", "/api/v1/accounts", nil, &page)
		if page.Total != 4 {
			t.Errorf("organiser sees %d accounts, want 4: %+v", page.Total, page.Items)
		}
		o.mustFail(403, "forbidden", "", "GET", accPath(f.judge.ID), nil)
		// It cannot disable or reset its own kind: organisers are the admin's to manage.
		o.mustFail(403, "forbidden", "", "PATCH", accPath(f.organiser.ID), map[string]any{"version": f.organiser.Version, "display_name": "x"})
	})
}

func TestAccount_DisablingEndsItsSessionsAndBlocksLogin(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		a := s.admin()
		var updated account
		a.must(200, "PATCH", accPath(f.enterpriseAcc.ID), map[string]any{"version": f.enterpriseAcc.Version, "disabled": true}, &updated)
		if !updated.Disabled || updated.Version != f.enterpriseAcc.Version+1 {
			t.Errorf("after disabling: %+v", updated)
		}
		ent.mustFail(401, "unauthenticated", "", "GET", "/api/v1/people", nil)
		s.anonymous().mustFail(403, "account_disabled", "", "POST", "/api/v1/auth/login", map[string]string{"username": f.enterpriseAcc.Username, "password": fixturePwd})
		a.mustFail(409, "stale_version", "", "PATCH", accPath(f.enterpriseAcc.ID), map[string]any{"version": f.enterpriseAcc.Version, "disabled": false})
		a.must(200, "PATCH", accPath(f.enterpriseAcc.ID), map[string]any{"version": updated.Version, "disabled": false}, nil)
		s.login(f.enterpriseAcc.Username, fixturePwd)
	})
}

func TestAccount_NobodyDisablesThemselves(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		a := s.admin()
		var me struct {
			Account account `json:"account"`
		}
		a.must(200, "GET", "/api/v1/auth/me", nil, &me)
		a.mustFail(422, "validation_failed", "disabled", "PATCH", accPath(me.Account.ID), map[string]any{"version": me.Account.Version, "disabled": true})
	})
}

func TestAccount_ResetPasswordEndsSessionsAndForcesAChange(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		o := s.login(f.organiser.Username, fixturePwd)
		o.mustFail(422, "validation_failed", "password", "POST", accPath(f.enterpriseAcc.ID)+"/password", map[string]string{"password": "12345678"})
		o.must(204, "POST", accPath(f.enterpriseAcc.ID)+"/password", map[string]string{"password": "Reset-pass-3"}, nil)
		ent.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
		var res struct {
			Account account `json:"account"`
		}
		s.login(f.enterpriseAcc.Username, "Reset-pass-3").must(200, "GET", "/api/v1/auth/me", nil, &res)
		if !res.Account.MustChangePassword {
			t.Error("must_change_password not set after reset")
		}
	})
}
