package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
	"leitai/service"
)

type drawResult struct {
	Seed        string               `json:"seed"`
	DrawnBy     string               `json:"drawn_by"`
	Assignments []service.Assignment `json:"assignments"`
}

// TestDraw_RecordedSeedReproducesTheNumbers draws an event through the API and
// checks that anyone holding the recorded seed gets the same numbers.
func TestDraw_RecordedSeedReproducesTheNumbers(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ids := []uint{f.entrant.ID}
		for i := 2; i <= 3; i++ {
			var e entrant
			ent.must(201, "POST", entrantsPath(f.event), worker(fmt.Sprintf("职工%d", i), idNumber(fmt.Sprintf("1101051985010100%d", i)), []string{"female", "male"}[i%2]), &e)
			ids = append(ids, e.ID)
		}
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/entrants/approve", f.event.ID), map[string]any{"ids": ids}, nil)
		drawPath := fmt.Sprintf("/api/v1/events/%d/draw", f.event.ID)
		o.mustFail(409, "wrong_step", "", "POST", drawPath, map[string]any{"seed": "abc123"})
		o.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.contest.ID), map[string]any{"to": "registration_closed"}, nil)
		o.mustFail(422, "validation_failed", "seed", "POST", drawPath, map[string]any{"seed": "not-hex"})
		o.mustFail(404, "not_found", "", "GET", drawPath, nil)
		var d drawResult
		o.must(200, "POST", drawPath, map[string]any{"seed": "abc123"}, &d)
		if d.Seed != "0000000000abc123" || d.DrawnBy != f.organiser.Username || len(d.Assignments) != 3 {
			t.Fatalf("draw: %+v", d)
		}
		want := service.DrawNumbers(ids, 0xabc123, 2)
		for i := range want {
			if d.Assignments[i] != want[i] {
				t.Errorf("assignment %d: %+v, want %+v", i, d.Assignments[i], want[i])
			}
		}
		o.mustFail(409, "conflict", "", "POST", drawPath, nil) // a second draw, even without a body
		// Decisions freeze with the draw.
		o.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID), map[string]any{"decision": "reject", "reason": "x", "version": 2})
		var page struct {
			Items []entrant `json:"items"`
		}
		ent.must(200, "GET", entrantsPath(f.event), nil, &page)
		for _, e := range page.Items {
			if e.DrawNumber == "" {
				t.Errorf("entrant %d has no draw number", e.ID)
			}
		}
		ent.mustFail(403, "forbidden", "", "GET", drawPath, nil)
		// Reopening registration does not reopen a drawn event.
		o.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.contest.ID), map[string]any{"to": "registration_open", "reason": "补报"}, nil)
		ent.mustFail(409, "conflict", "", "POST", entrantsPath(f.event), worker("迟到", idNumber("11010519850101009"), "male"))
		// Nor can a drawn entrant be withdrawn: its number stays.
		ent.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/withdraw", f.entrant.ID), nil)
		var kept entrant
		o.must(200, "GET", entrantsPath(f.event), nil, &page)
		for _, e := range page.Items {
			if e.ID == f.entrant.ID {
				kept = e
			}
		}
		if kept.Status != "approved" || kept.DrawNumber == "" {
			t.Errorf("after a refused withdrawal: %+v, want approved with its number", kept)
		}
	})
}

// TestDraw_RaisesTheVersionsOfWhatItWrites: an edit read before the draw must
// not pass unnoticed after it.
func TestDraw_RaisesTheVersionsOfWhatItWrites(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		var approved entrant
		o.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID), map[string]any{"decision": "approve", "version": f.entrant.Version}, &approved)
		o.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.contest.ID), map[string]any{"to": "registration_closed"}, nil)
		var before event
		o.must(200, "GET", fmt.Sprintf("/api/v1/events/%d", f.event.ID), nil, &before)
		o.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/draw", f.event.ID), map[string]any{"seed": "1"}, nil)
		var after event
		o.must(200, "GET", fmt.Sprintf("/api/v1/events/%d", f.event.ID), nil, &after)
		if after.Version != before.Version+1 {
			t.Errorf("event version %d after the draw, want %d", after.Version, before.Version+1)
		}
		var page struct {
			Items []entrant `json:"items"`
		}
		o.must(200, "GET", entrantsPath(f.event), nil, &page)
		if len(page.Items) != 1 || page.Items[0].Version != approved.Version+1 || page.Items[0].DrawNumber == "" {
			t.Errorf("entrant after the draw: %+v, want version %d with a number", page.Items, approved.Version+1)
		}
	})
}
