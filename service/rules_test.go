package service

import (
	"maps"
	"slices"
	"testing"
)

func TestRules_LevelsAndTimedStagesAreCheckedWhereTheyAreWritten(t *testing.T) {
	r := skillsRules()
	r.Criteria = append(r.Criteria,
		Criterion{Code: "P2", Name: "工艺", Stage: "practical", Max: pts(10), Kind: "judgement", Levels: true},
		Criterion{Code: "P3", Name: "尺寸", Stage: "practical", Max: pts(9), Kind: "measurement", Levels: true},
		Criterion{Code: "P4", Name: "外观", Stage: "practical", Max: Points(150), Kind: "judgement", Levels: true},
		Criterion{Code: "_P5", Name: "安全", Stage: "practical", Max: pts(9), Kind: "judgement"},
	)
	r.Stages[0].TimeLimit = 2000
	r.Stages[1].TimeLimit = 0
	got := map[string]string{}
	for _, f := range checkRules(r, "rules") {
		got[f.Field] = f.Text.Key
	}
	want := map[string]string{
		"rules.criteria[2].max":      "levels_max",
		"rules.criteria[3].levels":   "levels_judgement_only",
		"rules.criteria[5].code":     "code_reserved",
		"rules.stages[0].time_limit": "range",
		"rules.stages[1].time_limit": "range",
	}
	if !maps.Equal(got, want) {
		t.Errorf("check found %v, want %v", got, want)
	}

	r = skillsRules()
	r.Stages[1].Timed, r.Stages[1].TimeLimit = false, 0
	fe := rulesReadiness(r, "rules")
	if !slices.ContainsFunc(fe, func(f FieldError) bool {
		return f.Field == "rules.tie_breaks[1]" && f.Text.Key == "time_without_timed_stage"
	}) {
		t.Errorf("a tie-break on time without a timed stage passed: %v", fe)
	}
}

func TestRules_TitlesTeamAndHonourableAreCheckedWithTheirFields(t *testing.T) {
	r := skillsRules()
	r.Awards.Honourable = 101
	r.Titles = []Title{{Name: "技术能手", From: 1, To: 3}, {Name: "推荐技师", From: 6, To: 5}, {Name: " ", From: 0, To: 2}, {Name: "技术能手", From: 1, To: 1}}
	r.Team = TeamRule{Method: "average"}
	got := map[string]string{}
	for _, f := range checkRules(r, "rules") {
		got[f.Field] = f.Text.Key
	}
	want := map[string]string{
		"rules.awards.honourable": "range",
		"rules.titles[1].to":      "range",
		"rules.titles[2].name":    "required",
		"rules.titles[2].from":    "range",
		"rules.titles[3].name":    "title_repeated",
		"rules.team.method":       "one_of",
	}
	if !maps.Equal(got, want) {
		t.Errorf("check found %v, want %v", got, want)
	}
	r = skillsRules()
	r.Team = TeamRule{Method: "best"}
	if fe := checkRules(r, "rules"); len(fe) != 1 || fe[0].Field != "rules.team.best" {
		t.Errorf("best of none passed: %v", fe)
	}
	r.Team = TeamRule{Method: "sum", Best: 3}
	if fe := checkRules(r, "rules"); len(fe) != 1 || fe[0].Field != "rules.team.best" {
		t.Errorf("a sum with a best passed: %v", fe)
	}
}

func TestRules_DefaultTitlesAndTeamStoreAsBefore(t *testing.T) {
	r := skillsRules()
	plain, err := rulesJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	r.Titles, r.Team = []Title{}, TeamRule{Method: "sum"}
	if same, _ := rulesJSON(r); string(same) != string(plain) {
		t.Errorf("empty titles and a plain sum stored as %s, not %s", same, plain)
	}
}
