package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func TestContest_TemplatesBringTheirEvents(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		for kind, want := range map[string][]string{"labour": {"五比一创"}, "innovation": {"小发明", "小创造", "小革新", "小设计", "小建议"}, "honour": {"工人先锋号", "新时代好工人"}} {
			var ct contest
			a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "评选 " + kind, "kind": kind, "level": "city", "organiser_id": f.root.ID}, &ct)
			var events struct {
				Items []event `json:"items"`
			}
			a.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), nil, &events)
			var names []string
			for _, e := range events.Items {
				names = append(names, e.Name)
			}
			if strings.Join(names, ",") != strings.Join(want, ",") {
				t.Errorf("%s: events %v, want %v", kind, names, want)
			}
		}
		// A technique contest's new event starts with 理论 30 / 实操 70.
		stages := f.event.Rules["stages"].([]any)
		if len(stages) != 2 || stages[0].(map[string]any)["weight"].(float64) != 30 || stages[1].(map[string]any)["name"] != "实操" {
			t.Errorf("skills event stages: %v", stages)
		}
	})
}

func TestContest_BadInputNamesTheField(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		a.mustFail(422, "validation_failed", "format", "POST", "/api/v1/contests", map[string]any{"name": "x", "kind": "skills", "level": "city"})
		a.mustFail(422, "validation_failed", "kind", "POST", "/api/v1/contests", map[string]any{"name": "x", "kind": "party", "level": "city"})
		a.mustFail(422, "validation_failed", "registration_closes_at", "POST", "/api/v1/contests", map[string]any{"name": "x", "kind": "labour", "level": "city",
			"registration_opens_at": s.now, "registration_closes_at": s.now.Add(-time.Hour)})
		a.mustFail(422, "validation_failed", "organiser_id", "POST", "/api/v1/contests", map[string]any{"name": "x", "kind": "labour", "level": "city", "organiser_id": f.enterprise.ID})
		o := s.login(f.organiser.Username, fixturePwd)
		o.mustFail(403, "forbidden", "", "POST", "/api/v1/contests", map[string]any{"name": "x", "kind": "labour", "level": "city", "organiser_id": f.otherDistrict.ID})
	})
}

func TestContest_OpeningRegistrationChecksEveryEvent(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var ct contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "焊工比武", "kind": "skills", "format": "post", "level": "enterprise", "organiser_id": f.district.ID}, &ct)
		path := fmt.Sprintf("/api/v1/contests/%d", ct.ID)
		e := a.mustFail(422, "validation_failed", "events", "POST", path+"/steps", map[string]any{"to": "registration_open"})
		var ev event
		a.must(201, "POST", path+"/events", map[string]any{"name": "焊工", "entrant_type": "individual"}, &ev)
		rules := ev.Rules
		rules["stages"].([]any)[1].(map[string]any)["weight"] = 60
		a.must(200, "PATCH", fmt.Sprintf("/api/v1/events/%d", ev.ID), map[string]any{"version": ev.Version, "rules": rules}, &ev)
		if ev.RulesVersion != 2 {
			t.Errorf("rules version %d after a change, want 2", ev.RulesVersion)
		}
		e = a.mustFail(422, "validation_failed", "events[0].rules.stages", "POST", path+"/steps", map[string]any{"to": "registration_open"})
		var msg string
		for _, fe := range e.Error.Fields {
			msg += fe.Message
		}
		if !strings.Contains(msg, "焊工") || !strings.Contains(msg, "90%") {
			t.Errorf("messages do not name the event and the sum: %q", msg)
		}
		bad := map[string]any{"version": ev.Version, "rules": map[string]any{"criteria": []any{map[string]any{"code": "T1", "max": 1.234}}}}
		if e := a.mustFail(422, "validation_failed", "rules.criteria.max", "PATCH", fmt.Sprintf("/api/v1/events/%d", ev.ID), bad); !strings.Contains(e.Error.Fields[0].Message, "两位小数") {
			t.Errorf("message for a three-decimal maximum: %q", e.Error.Fields[0].Message)
		}
		rules["stages"].([]any)[1].(map[string]any)["weight"] = 70
		a.must(200, "PATCH", fmt.Sprintf("/api/v1/events/%d", ev.ID), map[string]any{"version": ev.Version, "rules": rules}, &ev)
		a.mustFail(422, "validation_failed", "registration_closes_at", "POST", path+"/steps", map[string]any{"to": "registration_open"})
		a.must(200, "PATCH", path, map[string]any{"version": ct.Version, "registration_opens_at": s.now, "registration_closes_at": s.now.Add(48 * time.Hour)}, &ct)
		a.must(200, "POST", path+"/steps", map[string]any{"to": "registration_open", "reason": "方案已定"}, &ct)
		if ct.Status != "registration_open" {
			t.Errorf("status %s", ct.Status)
		}
		var entry model.AuditEntry
		if err := db.Where("action = ? AND entity_id = ?", "contest.step", ct.ID).Take(&entry).Error; err != nil || entry.Reason != "方案已定" {
			t.Errorf("step not audited with its reason: %+v %v", entry, err)
		}
	})
}

func TestContest_StepsGoOneAtATimeAndFreezeTheSetup(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		path := fmt.Sprintf("/api/v1/contests/%d", f.contest.ID)
		a.mustFail(409, "wrong_step", "", "POST", path+"/steps", map[string]any{"to": "final"})
		a.mustFail(422, "validation_failed", "version", "PATCH", fmt.Sprintf("/api/v1/events/%d", f.event.ID), map[string]any{"trade": "x"})
		a.mustFail(409, "wrong_step", "", "PATCH", path, map[string]any{"version": f.contest.Version, "name": "改名"})
		// The window may still move until judging, to extend registration.
		var moved contest
		a.must(200, "PATCH", path, map[string]any{"version": f.contest.Version, "registration_closes_at": s.now.Add(30 * 24 * time.Hour)}, &moved)
		f.contest = moved
		a.mustFail(409, "wrong_step", "", "PATCH", fmt.Sprintf("/api/v1/events/%d", f.event.ID), map[string]any{"version": f.event.Version, "trade": "x"})
		a.mustFail(409, "wrong_step", "", "POST", path+"/events", map[string]any{"name": "钳工", "entrant_type": "individual"})
		a.mustFail(409, "wrong_step", "", "DELETE", path, nil)
		a.must(200, "POST", path+"/steps", map[string]any{"to": "registration_closed"}, nil)
		a.must(200, "POST", path+"/steps", map[string]any{"to": "registration_open", "reason": "延长报名"}, nil)
		a.must(200, "POST", path+"/steps", map[string]any{"to": "registration_closed"}, nil)
		// Judging needs every event with entrants drawn, and the draw needs every entry reviewed.
		a.mustFail(422, "validation_failed", "events[0].drawn", "POST", path+"/steps", map[string]any{"to": "judging"})
		a.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/events/%d/draw", f.event.ID), map[string]any{})
		a.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID), map[string]any{"decision": "approve", "version": f.entrant.Version}, nil)
		a.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/draw", f.event.ID), map[string]any{"seed": "abc123"}, nil)
		a.must(200, "POST", path+"/steps", map[string]any{"to": "judging"}, &moved)
		a.mustFail(409, "wrong_step", "", "PATCH", path, map[string]any{"version": moved.Version, "registration_closes_at": s.now.Add(40 * 24 * time.Hour)})
	})
}

func TestContest_EnterpriseSeesOnlyContestsItMayEnter(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var draft, other contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "草稿", "kind": "labour", "level": "district", "organiser_id": f.district.ID}, &draft)
		other, _ = s.openContest(a, f.otherDistrict.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		var page struct {
			Items []contest `json:"items"`
			Total int       `json:"total"`
		}
		ent.must(200, "GET", "/api/v1/contests", nil, &page)
		if page.Total != 1 || page.Items[0].ID != f.contest.ID {
			t.Errorf("enterprise sees %+v, want only the open contest of its district", page)
		}
		ent.mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/contests/%d", draft.ID), nil)
		ent.mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/contests/%d", other.ID), nil)
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "GET", "/api/v1/contests", nil, &page)
		if page.Total != 2 {
			t.Errorf("organiser sees %d contests, want its 2", page.Total)
		}
		o.mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/contests/%d", other.ID), nil)
	})
}

// TestEvent_RulesThatDoNotParseAreAnErrorNotAnEmptyRuleSet: a rule set
// changed behind the service's back is never shown, or checked, as empty.
func TestEvent_RulesThatDoNotParseAreAnErrorNotAnEmptyRuleSet(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		if err := db.Exec("UPDATE events SET rules = ? WHERE id = ?", `{"stages": "broken"`, f.event.ID).Error; err != nil {
			t.Fatal(err)
		}
		a := s.admin()
		a.mustFail(500, "internal", "", "GET", fmt.Sprintf("/api/v1/events/%d", f.event.ID), nil)
		a.mustFail(500, "internal", "", "GET", fmt.Sprintf("/api/v1/contests/%d/events", f.contest.ID), nil)
	})
}
