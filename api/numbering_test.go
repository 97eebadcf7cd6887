package api_test

import (
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// An innovation evaluation (五小) has no draw: its approved entrants are
// numbered in the order they registered when judging starts, once every entry
// has been reviewed.
func TestNumbering_AnInnovationEvaluationNumbersInRegistrationOrderWithoutADraw(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		var ct contest
		o.must(201, "POST", "/api/v1/contests", map[string]any{"name": "清河区五小创新成果评选", "kind": "innovation", "level": "district",
			"organiser_id": f.district.ID, "registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(7 * 24 * time.Hour)}, &ct)
		var events struct {
			Items []event `json:"items"`
		}
		o.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), nil, &events)
		steps := fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID)
		o.must(200, "POST", steps, map[string]any{"to": "registration_open"}, nil)
		ev := events.Items[0]
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		var entries [3]entrant
		for i, name := range []string{"甲", "乙", "丙"} {
			ent.must(201, "POST", entrantsPath(ev), worker(name, idNumber(fmt.Sprintf("1101051985010100%d", i+1)), []string{"male", "female", "male"}[i]), &entries[i])
		}
		review := func(e entrant, decision string) {
			o.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", e.ID), map[string]any{"decision": decision, "reason": "不符合条件", "version": e.Version}, nil)
		}
		review(entries[2], "approve")
		review(entries[1], "reject")
		o.must(200, "POST", steps, map[string]any{"to": "registration_closed"}, nil)
		o.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/events/%d/draw", ev.ID), map[string]any{})
		// An entry still waiting for review holds judging back, naming its event.
		o.mustFail(422, "validation_failed", "events[0].pending", "POST", steps, map[string]any{"to": "judging"})
		review(entries[0], "approve")
		o.must(200, "POST", steps, map[string]any{"to": "judging"}, nil)

		var rows []model.Entrant
		db.Where("event_id = ?", ev.ID).Order("id").Find(&rows)
		got := []string{rows[0].DrawNumber, rows[1].DrawNumber, rows[2].DrawNumber}
		if got[0] != "001" || got[1] != "" || got[2] != "002" {
			t.Errorf("numbers %q, want 001 and 002 in the order of registration, none for the rejected entry", got)
		}
		var numbered model.Event
		db.Take(&numbered, ev.ID)
		if numbered.DrawnAt == nil {
			t.Error("the numbered event does not count as drawn")
		}
		var audited int64
		db.Model(&model.AuditEntry{}).Where("action = ? AND entity_id = ?", "event.number", ev.ID).Count(&audited)
		if audited != 1 {
			t.Errorf("numbering audited %d times", audited)
		}
	})
}
