package api_test

import (
	"fmt"
	"strings"
	"testing"

	"leitai/model/modeltest"
	"leitai/service"
)

// TestValueSets_RequestsTakeOnlyTheGoLists sends a value outside each set
// wherever a request names one, and expects 422 for that field with a message
// that lists the set's Go list.
func TestValueSets_RequestsTakeOnlyTheGoLists(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	f := s.fixture()
	a, ent := s.admin(), s.login(f.enterpriseAcc.Username, fixturePwd)
	var draft contest
	a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "草稿", "kind": "skills", "format": "trade", "level": "district", "organiser_id": f.district.ID}, &draft)
	person := func(key, value string) map[string]any {
		p := worker("赵敏", idNumber("11010519900101002"), "female")["person"].(map[string]any)
		p[key] = value
		return map[string]any{"person": p}
	}
	rules := func(change func(r map[string]any)) map[string]any {
		r := map[string]any{"stages": []any{map[string]any{"code": "p", "name": "实操", "weight": 100}},
			"criteria": []any{map[string]any{"code": "P1", "name": "实操", "stage": "p", "max": 100, "kind": "judgement"}},
			"combine":  map[string]any{"method": "mean", "trim_min_judges": 0}, "tie_breaks": []any{},
			"awards": map[string]any{"mode": "counts", "first": 1, "second": 2, "third": 3, "min_total": 0, "shared_top": false}}
		change(r)
		return map[string]any{"name": fmt.Sprintf("项目%d", len(r)), "rules": r}
	}
	contestsPath, eventsPath := "/api/v1/contests", fmt.Sprintf("/api/v1/contests/%d/events", draft.ID)
	cases := []struct {
		set, method, path string
		body              any
		field             string
		by                *client
	}{
		{"OrganisationKind", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "factory", "name": "某厂"}, "kind", a},
		{"OrganisationKind", "GET", "/api/v1/organisations?kind=factory", nil, "kind", a},
		{"Role", "POST", "/api/v1/accounts", map[string]any{"username": "ref_1", "display_name": "裁判", "role": "referee",
			"organisation_id": f.root.ID, "password": "Initial-pass-1"}, "role", a},
		{"Role", "GET", "/api/v1/accounts?role=referee", nil, "role", a},
		{"ContestKind", "GET", "/api/v1/contests?kind=games", nil, "kind", a},
		{"ContestKind", "POST", contestsPath, map[string]any{"name": "赛", "kind": "games", "level": "district"}, "kind", a},
		{"ContestFormat", "POST", contestsPath, map[string]any{"name": "赛", "kind": "skills", "format": "duel", "level": "district"}, "format", a},
		{"ContestLevel", "POST", contestsPath, map[string]any{"name": "赛", "kind": "labour", "level": "galaxy"}, "level", a},
		{"ContestStatus", "GET", "/api/v1/contests?status=paused", nil, "status", a},
		{"ContestStatus", "POST", fmt.Sprintf("/api/v1/contests/%d/steps", draft.ID), map[string]any{"to": "paused"}, "to", a},
		{"EntrantType", "POST", eventsPath, map[string]any{"name": "钳工", "entrant_type": "family"}, "entrant_type", a},
		{"CriterionKind", "POST", eventsPath, rules(func(r map[string]any) { r["criteria"].([]any)[0].(map[string]any)["kind"] = "guess" }), "rules.criteria[0].kind", a},
		{"CombineMethod", "POST", eventsPath, rules(func(r map[string]any) { r["combine"].(map[string]any)["method"] = "max" }), "rules.combine.method", a},
		{"AwardMode", "POST", eventsPath, rules(func(r map[string]any) { r["awards"].(map[string]any)["mode"] = "all" }), "rules.awards.mode", a},
		{"EntrantStatus", "GET", entrantsPath(f.event) + "?status=lost", nil, "status", a},
		{"ReviewDecision", "POST", fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID), map[string]any{"decision": "maybe", "version": f.entrant.Version}, "decision", a},
		{"Gender", "POST", entrantsPath(f.event), person("gender", "other"), "person.gender", ent},
		{"SkillLevel", "POST", entrantsPath(f.event), person("skill_level", "大师"), "person.skill_level", ent},
	}
	sets := service.ValueSets()
	for _, tc := range cases {
		tc.by.lang = "en"
		e := tc.by.mustFail(422, "validation_failed", tc.field, tc.method, tc.path, tc.body)
		want := "must be one of: " + strings.Join(sets[tc.set], ", ")
		for _, fe := range e.Error.Fields {
			if fe.Field == tc.field && fe.Message != want {
				t.Errorf("%s %s: %s says %q, want %q", tc.method, tc.path, tc.field, fe.Message, want)
			}
		}
	}
}
