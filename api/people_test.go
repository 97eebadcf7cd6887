package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

type person struct {
	ID             uint   `json:"id"`
	Name           string `json:"name"`
	OrganisationID uint   `json:"organisation_id"`
	IDNumber       string `json:"id_number"`
	Mobile         string `json:"mobile"`
}

func TestPeople_EnterpriseSeesOnlyItsOwnAndInFull(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		var page struct {
			Items []person `json:"items"`
			Total int      `json:"total"`
		}
		s.login(f.enterpriseAcc.Username, fixturePwd).must(200, "GET", "/api/v1/people", nil, &page)
		// Its two workers: one on file, one entered into the fixture's contest.
		if page.Total != 2 || page.Items[0].OrganisationID != f.enterprise.ID || page.Items[1].OrganisationID != f.enterprise.ID {
			t.Fatalf("enterprise sees %+v", page)
		}
		if page.Items[0].IDNumber != "11010519491231002X" || page.Items[0].Mobile != "13812345678" {
			t.Errorf("own worker masked: %+v", page.Items[0])
		}
		s.login(f.enterpriseAcc.Username, fixturePwd).must(200, "GET", "/api/v1/people?organisation_id=0", nil, &page)
		if page.Total != 2 {
			t.Errorf("a filter widened the enterprise's view: %d", page.Total)
		}
	})
}

func TestPeople_UnionsSeeTheirSubtreeMasked(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		var page struct {
			Items []person `json:"items"`
			Total int      `json:"total"`
		}
		s.login(f.organiser.Username, fixturePwd).must(200, "GET", "/api/v1/people", nil, &page)
		if page.Total != 2 || page.Items[0].IDNumber != "110105********002X" || page.Items[0].Mobile != "138****5678" {
			t.Errorf("organiser sees %+v", page)
		}
		s.admin().must(200, "GET", "/api/v1/people", nil, &page)
		if page.Total != 3 {
			t.Errorf("admin sees %d people, want 3", page.Total)
		}
		for _, p := range page.Items {
			if p.IDNumber[6:14] != "********" {
				t.Errorf("admin sees an unmasked ID number: %s", p.IDNumber)
			}
		}
	})
}

func TestPeople_HistoryAcrossContests(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		_, ev2 := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.must(201, "POST", entrantsPath(ev2), worker("王强", idNumber("11010519800101001"), "male"), nil)
		var hist struct {
			Items []struct {
				EventName string `json:"event_name"`
				Status    string `json:"status"`
			} `json:"items"`
		}
		path := fmt.Sprintf("/api/v1/people/%d/entries", f.entrant.Person.ID)
		ent.must(200, "GET", path, nil, &hist)
		if len(hist.Items) != 2 || hist.Items[0].Status != "pending" {
			t.Errorf("history: %+v", hist.Items)
		}
		s.login(f.organiser.Username, fixturePwd).must(200, "GET", path, nil, &hist)
		other := s.newAccount(s.admin(), "org_jb", "organiser", f.otherDistrict.ID)
		s.login(other.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", path, nil)
	})
}

// creditCode completes 17 characters with their GB 32100 check character.
func creditCode(first17 string) string {
	check, _ := service.CreditCodeCheck(first17)
	return first17 + string(check)
}

// TestPeople_AUnionAboveBothEnterprisesMovesAWorker: a worker who changed
// employers is moved by a union whose tree holds both enterprises, keeps
// their history, and is entered by the new enterprise from then on.
func TestPeople_AUnionAboveBothEnterprisesMovesAWorker(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var newEmployer org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "清河电力",
			"credit_code": creditCode("91320102MA1QH0002")}, &newEmployer)
		o := s.login(f.organiser.Username, fixturePwd)
		var found struct {
			Items []struct {
				person
				Version int `json:"version"`
			} `json:"items"`
		}
		o.must(200, "GET", "/api/v1/people?id_number="+f.entrant.Person.IDNumber, nil, &found)
		if len(found.Items) != 1 || found.Items[0].ID != f.entrant.Person.ID {
			t.Fatalf("finding the worker by ID number: %+v", found)
		}
		path := fmt.Sprintf("/api/v1/people/%d/transfer", f.entrant.Person.ID)
		move := func(to uint, reason string, version int) map[string]any {
			return map[string]any{"enterprise_id": to, "reason": reason, "version": version}
		}
		v := found.Items[0].Version
		o.mustFail(422, "validation_failed", "reason", "POST", path, move(newEmployer.ID, " ", v))
		o.mustFail(422, "validation_failed", "enterprise_id", "POST", path, move(f.district.ID, "调动", v))
		o.mustFail(422, "validation_failed", "enterprise_id", "POST", path, move(f.enterprise.ID, "调动", v))
		o.mustFail(403, "forbidden", "", "POST", path, move(f.otherEnterprise.ID, "调动", v)) // not in the district's tree
		s.login(f.enterpriseAcc.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", path, move(newEmployer.ID, "调动", v))
		other := s.newAccount(a, "org_jb", "organiser", f.otherDistrict.ID)
		s.login(other.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", path, move(f.otherEnterprise.ID, "调动", v))
		o.mustFail(409, "stale_version", "", "POST", path, move(newEmployer.ID, "调动", v+1))

		var moved struct {
			person
			Version int `json:"version"`
		}
		o.must(200, "POST", path, move(newEmployer.ID, "2026年11月调入清河电力", v), &moved)
		if moved.OrganisationID != newEmployer.ID || moved.Version != v+1 {
			t.Errorf("moved: %+v", moved)
		}
		var audit model.AuditEntry
		db.Where("action = ? AND entity_id = ?", "person.transfer", f.entrant.Person.ID).Take(&audit)
		if audit.Reason != "2026年11月调入清河电力" || audit.AccountID == nil || *audit.AccountID != f.organiser.ID {
			t.Errorf("the move's audit: %+v", audit)
		}

		// The history stays: the entry is still the old employer's, as entered.
		var history struct {
			Items []struct {
				EntrantID uint `json:"entrant_id"`
			} `json:"items"`
		}
		o.must(200, "GET", fmt.Sprintf("/api/v1/people/%d/entries", f.entrant.Person.ID), nil, &history)
		if len(history.Items) != 1 || history.Items[0].EntrantID != f.entrant.ID {
			t.Errorf("history after the move: %+v", history)
		}
		// The new employer enters the worker; the old one no longer can.
		_, ev := s.openContest(a, f.district.ID, 0)
		acc := s.newAccount(a, "ent_dl", "enterprise", newEmployer.ID)
		s.login(acc.Username, fixturePwd).must(201, "POST", entrantsPath(ev), worker("王强", f.entrant.Person.IDNumber, "male"), nil)
		s.login(f.enterpriseAcc.Username, fixturePwd).mustFail(409, "person_not_in_register", "person.id_number", "POST", entrantsPath(ev),
			worker("王强", f.entrant.Person.IDNumber, "male"))
	})
}
