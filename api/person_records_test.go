package api_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func TestPeople_AnEnterpriseAddsAndChangesOnlyItsOwnWorkers(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		body := worker("孙丽", idNumber("11010519910303004"), "female")["person"].(map[string]any)
		var added struct {
			person
			Version int `json:"version"`
		}
		ent.must(201, "POST", "/api/v1/people", body, &added)
		if added.OrganisationID != f.enterprise.ID || added.IDNumber != body["id_number"] {
			t.Fatalf("added %+v", added)
		}
		ent.mustFail(409, "duplicate", "id_number", "POST", "/api/v1/people", body)
		// Another enterprise's worker is refused without a word about them.
		taken := worker("郑七", idNumber("11010519910303039"), "male")["person"]
		s.login(f.otherEnterpriseAcc.Username, fixturePwd).must(201, "POST", "/api/v1/people", taken, nil)
		e := ent.mustFail(409, "person_not_in_register", "id_number", "POST", "/api/v1/people", taken)
		if e.Error.Message == "" || strings.Contains(e.Error.Message, "江北") {
			t.Errorf("refusal says %q", e.Error.Message)
		}
		bad := worker("孙丽", idNumber("11010519910303004"), "male")["person"]
		ent.mustFail(422, "validation_failed", "gender", "POST", "/api/v1/people", bad)

		body["mobile"], body["version"] = "13700001111", added.Version
		path := fmt.Sprintf("/api/v1/people/%d", added.ID)
		ent.must(200, "PATCH", path, body, &added)
		if added.Mobile != "13700001111" || added.Version != 2 {
			t.Errorf("changed %+v", added)
		}
		ent.mustFail(409, "stale_version", "", "PATCH", path, body)
		var entry model.AuditEntry
		if err := db.Where("action = ? AND entity_id = ?", "person.update", added.ID).Take(&entry).Error; err != nil {
			t.Errorf("change not audited: %v", err)
		} else if entry.AfterValue == nil || strings.Contains(*entry.AfterValue, "13700001111") {
			t.Errorf("audit keeps the mobile unmasked: %v", entry.AfterValue)
		}
		// The other enterprise and the unions change nobody here.
		body["version"] = added.Version
		s.login(f.otherEnterpriseAcc.Username, fixturePwd).mustFail(403, "forbidden", "", "PATCH", path, body)
		s.login(f.organiser.Username, fixturePwd).mustFail(403, "forbidden", "", "PATCH", path, body)
		s.login(f.organiser.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", "/api/v1/people", worker("周八", idNumber("11010519910303012"), "male")["person"])
	})
}

func TestPeople_FilteredByEnterpriseTradeAndSkillLevel(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		welder := worker("吴焊", idNumber("11010519910303021"), "male")["person"].(map[string]any)
		welder["trade"], welder["skill_level"] = "焊工", "二级/技师"
		ent.must(201, "POST", "/api/v1/people", welder, nil)
		var page struct {
			Items []person `json:"items"`
			Total int      `json:"total"`
		}
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "GET", "/api/v1/people?trade="+url.QueryEscape("焊"), nil, &page)
		if page.Total != 1 || page.Items[0].Name != "吴焊" {
			t.Errorf("by trade: %+v", page)
		}
		o.must(200, "GET", "/api/v1/people?skill_level="+url.QueryEscape("三级/高级工"), nil, &page)
		if page.Total != 1 || page.Items[0].Name != "王强" {
			t.Errorf("by skill level: %+v", page)
		}
		o.must(200, "GET", fmt.Sprintf("/api/v1/people?organisation_id=%d&skill_level=%s", f.enterprise.ID, url.QueryEscape("二级/技师")), nil, &page)
		if page.Total != 1 {
			t.Errorf("by enterprise and skill level: %+v", page)
		}
		o.mustFail(422, "validation_failed", "skill_level", "GET", "/api/v1/people?skill_level=x", nil)
		// An enterprise finds its own worker by a part of the ID number; a union does not.
		ent.must(200, "GET", "/api/v1/people?q=19910303", nil, &page)
		if page.Total != 1 || page.Items[0].Name != "吴焊" {
			t.Errorf("enterprise by part of an ID number: %+v", page)
		}
		o.must(200, "GET", "/api/v1/people?q=19910303", nil, &page)
		if page.Total != 0 {
			t.Errorf("a union finds workers by part of an ID number: %+v", page)
		}
	})
}
