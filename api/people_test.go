package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
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
