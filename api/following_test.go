package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// A district union follows a contest of the city union read-only: it sees the
// contest, its events and only the entries of its own district's enterprises,
// masked, and changes nothing.
func TestFollowing_DistrictUnionSeesTheCitysContestReadOnly(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		city, cityEvent := s.openContest(a, f.root.ID, 0)
		ownID, otherID := idNumber("11010519700101011"), idNumber("11010519700101021")
		var own, theirs entrant
		s.login(f.enterpriseAcc.Username, fixturePwd).must(201, "POST", entrantsPath(cityEvent), worker("赵一", ownID, "male"), &own)
		s.login(f.otherEnterpriseAcc.Username, fixturePwd).must(201, "POST", entrantsPath(cityEvent), worker("钱二", otherID, "male"), &theirs)

		o := s.login(f.organiser.Username, fixturePwd)
		var list struct {
			Items []struct {
				ID         uint `json:"id"`
				Organising bool `json:"organising"`
			} `json:"items"`
		}
		o.must(200, "GET", "/api/v1/contests", nil, &list)
		organising := map[uint]bool{}
		for _, it := range list.Items {
			organising[it.ID] = it.Organising
		}
		if got, ok := organising[city.ID]; !ok || got {
			t.Errorf("the city's contest in the district's list: present %v, organising %v", ok, got)
		}
		if !organising[f.contest.ID] {
			t.Errorf("the district's own contest is not marked as organised by it: %+v", list.Items)
		}
		var ct struct {
			Organising bool `json:"organising"`
		}
		o.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d", city.ID), nil, &ct)
		o.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/events", city.ID), nil, nil)

		var page struct {
			Items []entrant `json:"items"`
		}
		o.must(200, "GET", entrantsPath(cityEvent), nil, &page)
		if len(page.Items) != 1 || page.Items[0].ID != own.ID {
			t.Fatalf("the district sees %+v, want only its own enterprise's entry %d", page.Items, own.ID)
		}
		if page.Items[0].Person.IDNumber == ownID {
			t.Error("a following union sees the ID number in full")
		}
		// Asking for the other district's enterprise finds nothing.
		o.must(200, "GET", fmt.Sprintf("%s?enterprise_id=%d", entrantsPath(cityEvent), f.otherEnterprise.ID), nil, &page)
		if len(page.Items) != 0 {
			t.Errorf("the other district's entries through a filter: %+v", page.Items)
		}

		// It writes nothing: not the contest, not its events, not a review, not the draw.
		o.mustFail(403, "forbidden", "", "PATCH", fmt.Sprintf("/api/v1/contests/%d", city.ID), map[string]any{"version": city.Version, "description": "x"})
		o.mustFail(403, "forbidden", "", "POST", fmt.Sprintf("/api/v1/contests/%d/steps", city.ID), map[string]any{"to": "registration_closed"})
		o.mustFail(403, "forbidden", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/review", own.ID), map[string]any{"decision": "approve", "version": own.Version})
		o.mustFail(403, "forbidden", "", "POST", fmt.Sprintf("/api/v1/events/%d/entrants/approve", cityEvent.ID), map[string]any{"ids": []uint{own.ID}})
		o.mustFail(403, "forbidden", "", "POST", fmt.Sprintf("/api/v1/events/%d/entrants/reject", cityEvent.ID), map[string]any{"ids": []uint{own.ID}, "reason": "x"})
		o.mustFail(403, "forbidden", "", "POST", fmt.Sprintf("/api/v1/events/%d/draw", cityEvent.ID), map[string]any{})
		o.mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/events/%d/draw", cityEvent.ID), nil)

		// A draft of the city is not followed.
		var draft contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "全市焊工比武", "kind": "skills", "format": "trade", "level": "city", "organiser_id": f.root.ID}, &draft)
		o.mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/contests/%d", draft.ID), nil)

		// A contest of the other district is not the district's to follow.
		otherCt, otherEv := s.openContest(a, f.otherDistrict.ID, 0)
		o.mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/contests/%d", otherCt.ID), nil)
		o.mustFail(403, "forbidden", "", "GET", entrantsPath(otherEv), nil)
	})
}
