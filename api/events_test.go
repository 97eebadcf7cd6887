package api_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// An event's numbers are bounded, so that none is absurd and no sum of them
// overflows: each bound is refused naming its field, and its edge is accepted.
func TestEvent_NumbersAreBounded(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var ct contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "全区技能竞赛", "kind": "skills", "format": "trade", "level": "district", "organiser_id": f.district.ID}, &ct)
		var ev event
		a.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": "钳工"}, &ev)
		path := fmt.Sprintf("/api/v1/events/%d", ev.ID)
		// withRules is the event's rules with one part changed.
		withRules := func(part string, change map[string]any) map[string]any {
			var rules map[string]any
			raw, _ := json.Marshal(ev.Rules)
			_ = json.Unmarshal(raw, &rules)
			target := rules
			if part == "criteria[0]" {
				target = rules["criteria"].([]any)[0].(map[string]any)
			} else if part != "" {
				target = rules[part].(map[string]any)
			}
			for k, v := range change {
				target[k] = v
			}
			return map[string]any{"version": ev.Version, "rules": rules}
		}
		const maxInt64 = 9223372036854775807
		for _, tc := range []struct {
			field string
			body  map[string]any
		}{
			{"rules.awards.first", withRules("awards", map[string]any{"mode": "shares", "first": maxInt64, "second": 1, "third": 0})},
			{"rules.awards.second", withRules("awards", map[string]any{"mode": "shares", "first": 0, "second": 101, "third": 0})},
			{"rules.awards.third", withRules("awards", map[string]any{"mode": "shares", "first": 0, "second": 0, "third": -1})},
			{"rules.awards.first", withRules("awards", map[string]any{"mode": "counts", "first": 100001, "second": 0, "third": 0})},
			{"rules.awards", withRules("awards", map[string]any{"mode": "shares", "first": 50, "second": 50, "third": 1})},
			{"rules.awards.min_total", withRules("awards", map[string]any{"min_total": "10000.01"})},
			{"rules.awards.min_total", withRules("awards", map[string]any{"min_total": -1})},
			{"rules.criteria[0].max", withRules("criteria[0]", map[string]any{"max": "10000.01"})},
			{"rules.combine.trim_min_judges", withRules("combine", map[string]any{"method": "trimmed_mean", "trim_min_judges": 2})},
			{"rules.combine.trim_min_judges", withRules("combine", map[string]any{"method": "trimmed_mean", "trim_min_judges": 101})},
			{"rules.combine.trim_min_judges", withRules("combine", map[string]any{"method": "median", "trim_min_judges": maxInt64})},
			{"rules.awards.honourable", withRules("awards", map[string]any{"honourable": 101})},
			{"rules.titles[1].to", withRules("", map[string]any{"titles": []any{map[string]any{"name": "技术能手", "from": 1, "to": 3},
				map[string]any{"name": "推荐技师", "from": 6, "to": 5}}})},
			{"rules.team.method", withRules("", map[string]any{"team": map[string]any{"method": "average", "best": 0}})},
			{"rules.team.best", withRules("", map[string]any{"team": map[string]any{"method": "best", "best": 0}})},
			{"quota_per_enterprise", map[string]any{"version": ev.Version, "quota_per_enterprise": 10001}},
			{"quota_per_enterprise", map[string]any{"version": ev.Version, "quota_per_enterprise": -1}},
			{"stations", map[string]any{"version": ev.Version, "stations": 1001}},
			{"stations", map[string]any{"version": ev.Version, "stations": -1}},
		} {
			a.mustFail(422, "validation_failed", tc.field, "PATCH", path, tc.body)
		}
		for _, body := range []map[string]any{
			withRules("awards", map[string]any{"mode": "counts", "first": 100000, "second": 100000, "third": 100000, "min_total": "10000"}),
			withRules("awards", map[string]any{"mode": "shares", "first": 100, "second": 0, "third": 0}),
			withRules("criteria[0]", map[string]any{"max": "10000"}),
			withRules("combine", map[string]any{"method": "trimmed_mean", "trim_min_judges": 100}),
			withRules("", map[string]any{"titles": []any{map[string]any{"name": "技术能手", "from": 1, "to": 3}},
				"team": map[string]any{"method": "best", "best": 3}}),
			withRules("awards", map[string]any{"honourable": 50, "no_shared_medals": true}),
			{"quota_per_enterprise": 10000, "stations": 1000},
		} {
			body["version"] = ev.Version
			a.must(200, "PATCH", path, body, &ev)
		}
	})
}
