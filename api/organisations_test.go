package api_test

import (
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func orgPath(id uint) string { return fmt.Sprintf("/api/v1/organisations/%d", id) }

func TestOrganisation_CreditCodeIsCheckedAndUnique(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		body := func(code string) map[string]any {
			return map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "新企业", "credit_code": code}
		}
		a.mustFail(422, "validation_failed", "credit_code", "POST", "/api/v1/organisations", body("91350100M000100Y44"))
		a.mustFail(422, "validation_failed", "credit_code", "POST", "/api/v1/organisations", body("91350100M00010"))
		a.mustFail(422, "validation_failed", "credit_code", "POST", "/api/v1/organisations", body(""))
		a.mustFail(409, "duplicate", "credit_code", "POST", "/api/v1/organisations", body(codeA))
		var o org
		a.must(201, "POST", "/api/v1/organisations", body("91320102ma1qh00010"), &o) // lower case is normalised
		if o.CreditCode != "91320102MA1QH00010" {
			t.Errorf("credit code stored as %q", o.CreditCode)
		}
		var n int64
		db.Model(&model.Organisation{}).Count(&n)
		if n != 6 {
			t.Errorf("%d organisations after one good and four bad creations, want 6", n)
		}
	})
}

func TestOrganisation_EnterpriseIsALeafAndTheRootIsUnique(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		a.mustFail(422, "validation_failed", "parent_id", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.enterprise.ID, "kind": "grassroots_union", "name": "车间工会"})
		a.mustFail(422, "validation_failed", "kind", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "city_union", "name": "第二个市总"})
		a.mustFail(422, "validation_failed", "kind", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "club", "name": "俱乐部"})
		a.mustFail(422, "validation_failed", "parent_id", "POST", "/api/v1/organisations", map[string]any{"parent_id": 9999, "kind": "district_union", "name": "无上级"})
		a.mustFail(422, "validation_failed", "parent_id", "PATCH", orgPath(f.root.ID), map[string]any{"version": f.root.Version, "parent_id": f.district.ID})
	})
}

func TestOrganisation_MoveThatWouldMakeACycleIsRefused(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var sub org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "街道工会"}, &sub)
		a.mustFail(422, "validation_failed", "parent_id", "PATCH", orgPath(f.district.ID), map[string]any{"version": f.district.Version, "parent_id": sub.ID})
		a.mustFail(422, "validation_failed", "parent_id", "PATCH", orgPath(f.district.ID), map[string]any{"version": f.district.Version, "parent_id": f.district.ID})
		var got org
		a.must(200, "GET", orgPath(f.district.ID), nil, &got)
		if *got.ParentID != f.root.ID || got.Version != f.district.Version {
			t.Errorf("refused move changed the organisation: %+v", got)
		}
	})
}

func TestOrganisation_MovingASubtreeMovesItsScope(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var sub, shop org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "街道工会"}, &sub)
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": sub.ID, "kind": "enterprise", "name": "街道小厂", "credit_code": "91320102MA1QH00010"}, &shop)
		// Move the street union, with its factory, from 清河 to 江北.
		a.must(200, "PATCH", orgPath(sub.ID), map[string]any{"version": sub.Version, "parent_id": f.otherDistrict.ID}, nil)
		qh := s.login(f.organiser.Username, fixturePwd)
		qh.mustFail(403, "forbidden", "", "GET", orgPath(shop.ID), nil)
		jb := s.newAccount(a, "org_jb", "organiser", f.otherDistrict.ID)
		s.login(jb.Username, fixturePwd).must(200, "GET", orgPath(shop.ID), nil, nil)
	})
}

func TestOrganisation_StaleVersionIs409(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		a.must(200, "PATCH", orgPath(f.enterprise.ID), map[string]any{"version": f.enterprise.Version, "name": "清河机床集团"}, nil)
		a.mustFail(409, "stale_version", "", "PATCH", orgPath(f.enterprise.ID), map[string]any{"version": f.enterprise.Version, "name": "别的名字"})
		a.mustFail(422, "validation_failed", "version", "PATCH", orgPath(f.enterprise.ID), map[string]any{"name": "没有版本"})
	})
}

func TestOrganisation_OrganiserActsOnlyStrictlyBelowItsUnion(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		var tree struct {
			Items []struct {
				org
				Children []org `json:"children"`
			} `json:"items"`
		}
		o.must(200, "GET", "/api/v1/organisations/tree", nil, &tree)
		if len(tree.Items) != 1 || tree.Items[0].ID != f.district.ID || len(tree.Items[0].Children) != 1 {
			t.Fatalf("organiser's tree: %+v", tree.Items)
		}
		var list struct {
			Total int `json:"total"`
		}
		o.must(200, "GET", "/api/v1/organisations", nil, &list)
		if list.Total != 2 {
			t.Errorf("organiser lists %d organisations, want its union and its enterprise", list.Total)
		}
		o.mustFail(403, "forbidden", "", "GET", orgPath(f.otherEnterprise.ID), nil)
		o.mustFail(403, "forbidden", "", "PATCH", orgPath(f.otherEnterprise.ID), map[string]any{"version": 1, "name": "抢来的"})
		o.mustFail(403, "forbidden", "", "DELETE", orgPath(f.otherEnterprise.ID), nil)
		o.mustFail(403, "forbidden", "", "PATCH", orgPath(f.district.ID), map[string]any{"version": f.district.Version, "name": "改自己"})
		o.mustFail(403, "forbidden", "", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.otherDistrict.ID, "kind": "grassroots_union", "name": "越界"})
		o.mustFail(403, "forbidden", "", "PATCH", orgPath(f.enterprise.ID), map[string]any{"version": f.enterprise.Version, "parent_id": f.otherDistrict.ID})
		o.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "街道工会"}, nil)
	})
}

func TestOrganisation_OnlyAnEmptyOneCanBeDeleted(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		a.mustFail(409, "conflict", "", "DELETE", orgPath(f.district.ID), nil)   // has an enterprise
		a.mustFail(409, "conflict", "", "DELETE", orgPath(f.enterprise.ID), nil) // has an account and a worker
		a.mustFail(403, "forbidden", "", "DELETE", orgPath(f.root.ID), nil)
		var empty org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "空工会"}, &empty)
		a.must(204, "DELETE", orgPath(empty.ID), nil, nil)
		a.mustFail(404, "not_found", "", "GET", orgPath(empty.ID), nil)
		a.mustFail(404, "not_found", "", "GET", "/api/v1/organisations/abc", nil)
	})
}

// TestOrganisation_OneThatRunsAContestOrEnteredOneIsKept: what refers to an
// organisation is named in a 409, never a database error.
func TestOrganisation_OneThatRunsAContestOrEnteredOneIsKept(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var union org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "industry_union", "name": "市机械冶金工会"}, &union)
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "机械行业技能竞赛", "kind": "skills", "format": "trade", "level": "industry", "organiser_id": union.ID}, nil)
		e := a.mustFail(409, "conflict", "", "DELETE", orgPath(union.ID), nil)
		if !strings.Contains(e.Error.Message, "竞赛") {
			t.Errorf("refusal %q does not name the contests", e.Error.Message)
		}
		a.lang = "en"
		e = a.mustFail(409, "conflict", "", "DELETE", orgPath(union.ID), nil)
		if !strings.Contains(e.Error.Message, "contests") {
			t.Errorf("refusal %q does not name the contests", e.Error.Message)
		}
		// An enterprise whose entry stays on record, though its people and accounts are gone.
		for _, stmt := range []string{
			"DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE organisation_id = ?)",
			"DELETE FROM accounts WHERE organisation_id = ?",
		} {
			if err := db.Exec(stmt, f.enterprise.ID).Error; err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Exec("UPDATE people SET organisation_id = ? WHERE organisation_id = ?", f.otherEnterprise.ID, f.enterprise.ID).Error; err != nil {
			t.Fatal(err)
		}
		e = a.mustFail(409, "conflict", "", "DELETE", orgPath(f.enterprise.ID), nil)
		if !strings.Contains(e.Error.Message, "entries") {
			t.Errorf("refusal %q does not name the entries", e.Error.Message)
		}
	})
}

func TestOrganisation_ChangesAreAudited(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		s.admin().must(200, "PATCH", orgPath(f.enterprise.ID), map[string]any{"version": f.enterprise.Version, "name": "清河机床集团"}, nil)
		var e model.AuditEntry
		if err := db.Where("action = ? AND entity_id = ?", "organisation.update", f.enterprise.ID).Take(&e).Error; err != nil {
			t.Fatal(err)
		}
		if e.AccountID == nil || e.BeforeValue == nil || e.AfterValue == nil {
			t.Errorf("audit entry lacks who/before/after: %+v", e)
		}
	})
}

func TestOrganisation_SearchAndPaging(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		s.fixture()
		a := s.admin()
		var page struct {
			Items    []org `json:"items"`
			Total    int   `json:"total"`
			Page     int   `json:"page"`
			PageSize int   `json:"page_size"`
		}
		a.must(200, "GET", "/api/v1/organisations?page=2&page_size=2", nil, &page)
		if page.Total != 5 || len(page.Items) != 2 || page.Page != 2 || page.PageSize != 2 {
			t.Errorf("page 2 of 2: %+v", page)
		}
		a.must(200, "GET", "/api/v1/organisations?q=机床", nil, &page)
		if page.Total != 1 || page.Items[0].CreditCode != codeA {
			t.Errorf("search by name: %+v", page)
		}
		a.must(200, "GET", "/api/v1/organisations?q=%25", nil, &page)
		if page.Total != 0 {
			t.Errorf("a %% in the search matched %d", page.Total)
		}
		a.must(200, "GET", "/api/v1/organisations?kind=enterprise", nil, &page)
		if page.Total != 2 {
			t.Errorf("kind filter: %d", page.Total)
		}
		a.mustFail(422, "validation_failed", "page_size", "GET", "/api/v1/organisations?page_size=1000", nil)
		a.mustFail(422, "validation_failed", "", "GET", "/api/v1/organisations?page=abc", nil)
	})
}
