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
	for _, f := range r.check("rules") {
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
	fe := r.readiness("rules")
	if !slices.ContainsFunc(fe, func(f FieldError) bool {
		return f.Field == "rules.tie_breaks[1]" && f.Text.Key == "time_without_timed_stage"
	}) {
		t.Errorf("a tie-break on time without a timed stage passed: %v", fe)
	}
}
