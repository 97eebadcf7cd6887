package service

import (
	"fmt"
	"slices"
	"strings"

	"leitai/scoring"
)

// An event's rules are the scoring engine's types: one definition that
// events store, judging reads and results apply. The service checks them
// (check and readiness below), in this one place.
type (
	Stage     = scoring.Stage
	Criterion = scoring.Criterion
	Combine   = scoring.Combine
	Awards    = scoring.Awards
	Title     = scoring.Title
	TeamRule  = scoring.TeamRule
	Rules     = scoring.Rules
)

// The bounds of an event's numbers: sensible values, and far enough from the
// integers' limits that no sum of them overflows.
const (
	maxAwardShare  = 100 // percent
	maxAwardCount  = 100000
	maxTrimJudges  = 100
	maxStations    = 1000
	maxQuota       = 10000
	maxRulesPoints = Points(10000 * 100)
	maxTimeLimit   = 24 * 60 // minutes
	maxTitles      = 20
)

// inRange reports a number outside lo..hi under the field's name.
func inRange[N int | Points](fieldName string, v, lo, hi N) []FieldError {
	if v < lo || v > hi {
		return []FieldError{field(fieldName, "range", lo, hi)}
	}
	return nil
}

// checkRules finds what is wrong with a rule set that may still be
// incomplete; the field names start with prefix, as in
// "rules.criteria[2].max".
func checkRules(r Rules, prefix string) []FieldError {
	var fe []FieldError
	add := func(f, key string, args ...any) { fe = append(fe, field(prefix+f, key, args...)) }
	bound := func(f string, v, lo, hi int) { fe = append(fe, inRange(prefix+f, v, lo, hi)...) }
	// codeAndName checks a row's code (present, unique in seen) and name.
	codeAndName := func(p, code, name string, seen map[string]bool) {
		switch {
		case strings.TrimSpace(code) == "":
			add(p+".code", "required")
		case seen[code]:
			add(p+".code", "code_repeated", code)
		case strings.HasPrefix(code, "_"):
			add(p+".code", "code_reserved")
		}
		seen[code] = true
		if strings.TrimSpace(name) == "" {
			add(p+".name", "required")
		}
	}
	stages := map[string]bool{}
	for i, s := range r.Stages {
		p := fmt.Sprintf(".stages[%d]", i)
		codeAndName(p, s.Code, s.Name, stages)
		if s.Weight < 0 || s.Weight > 100 {
			add(p+".weight", "weight_range")
		}
		if s.Timed {
			bound(p+".time_limit", s.TimeLimit, 1, maxTimeLimit)
		} else {
			bound(p+".time_limit", s.TimeLimit, 0, maxTimeLimit)
		}
	}
	codes := map[string]bool{}
	for i, c := range r.Criteria {
		p := fmt.Sprintf(".criteria[%d]", i)
		codeAndName(p, c.Code, c.Name, codes)
		if !stages[c.Stage] {
			add(p+".stage", "stage_unknown", c.Stage)
		}
		if c.Max <= 0 {
			add(p+".max", "max_positive")
		} else if c.Max > maxRulesPoints {
			add(p+".max", "max_value", maxRulesPoints)
		}
		if !slices.Contains(criterionKinds, c.Kind) {
			add(p+".kind", "one_of", strings.Join(criterionKinds, ", "))
		}
		switch {
		case c.Levels && c.Kind != "judgement":
			add(p+".levels", "levels_judgement_only")
		case c.Levels && c.Max%3 != 0:
			add(p+".max", "levels_max", c.Max)
		}
	}
	if !slices.Contains(combineMethods, r.Combine.Method) {
		add(".combine.method", "one_of", strings.Join(combineMethods, ", "))
	}
	if r.Combine.Method == "trimmed_mean" {
		bound(".combine.trim_min_judges", r.Combine.TrimMinJudges, 3, maxTrimJudges)
	} else {
		bound(".combine.trim_min_judges", r.Combine.TrimMinJudges, 0, maxTrimJudges)
	}
	for i, tb := range r.TieBreaks {
		p := fmt.Sprintf(".tie_breaks[%d]", i)
		code, isStage := strings.CutPrefix(tb, "stage:")
		switch {
		case isStage && !stages[code]:
			add(p, "stage_unknown", code)
		case !isStage && tb != "time" && tb != "shared":
			add(p, "tie_break_unknown", tb)
		case tb == "shared" && i != len(r.TieBreaks)-1:
			add(p, "tie_break_shared_last")
		}
	}
	if !slices.Contains(awardModes, r.Awards.Mode) {
		add(".awards.mode", "one_of", strings.Join(awardModes, ", "))
	}
	most := maxAwardCount
	if r.Awards.Mode == "shares" {
		most = maxAwardShare
	}
	bound(".awards.first", r.Awards.First, 0, most)
	bound(".awards.second", r.Awards.Second, 0, most)
	bound(".awards.third", r.Awards.Third, 0, most)
	if r.Awards.Mode == "shares" && r.Awards.First+r.Awards.Second+r.Awards.Third > 100 {
		add(".awards", "shares_over_100")
	}
	fe = append(fe, inRange(prefix+".awards.min_total", r.Awards.MinTotal, 0, maxRulesPoints)...)
	bound(".awards.honourable", r.Awards.Honourable, 0, maxAwardShare)
	fe = append(fe, inRange(prefix+".disagreement", r.Disagreement, 0, maxRulesPoints)...)
	fe = append(fe, checkTitles(r.Titles, prefix)...)
	switch r.Team.Method {
	case "", scoring.TeamSum:
		bound(".team.best", r.Team.Best, 0, 0)
	case scoring.TeamBest:
		bound(".team.best", r.Team.Best, 1, maxAwardCount)
	default:
		add(".team.method", "one_of", strings.Join(teamMethods, ", "))
	}
	return fe
}

// checkTitles checks the titles that follow places: each named once, its
// places from 1 up, to no less than from.
func checkTitles(titles []Title, prefix string) []FieldError {
	var fe []FieldError
	if len(titles) > maxTitles {
		fe = append(fe, field(prefix+".titles", "too_many_items", maxTitles))
	}
	names := map[string]bool{}
	for i, t := range titles {
		p := fmt.Sprintf("%s.titles[%d]", prefix, i)
		switch name := strings.TrimSpace(t.Name); {
		case name == "":
			fe = append(fe, field(p+".name", "required"))
		case names[name]:
			fe = append(fe, field(p+".name", "title_repeated", name))
		default:
			names[name] = true
		}
		fe = append(fe, inRange(p+".from", t.From, 1, maxAwardCount)...)
		fe = append(fe, inRange(p+".to", t.To, max(t.From, 1), maxAwardCount)...)
	}
	return fe
}

// rulesReadiness finds what keeps a complete rule set from being used:
// weights that do not sum to 100, a stage without criteria.
func rulesReadiness(r Rules, prefix string) []FieldError {
	fe := checkRules(r, prefix)
	if len(r.Stages) == 0 {
		return append(fe, field(prefix+".stages", "stages_required"))
	}
	sum := 0
	for i, s := range r.Stages {
		sum += s.Weight
		has := slices.ContainsFunc(r.Criteria, func(c Criterion) bool { return c.Stage == s.Code })
		if !has {
			fe = append(fe, field(fmt.Sprintf("%s.stages[%d]", prefix, i), "stage_without_criteria", s.Name))
		}
	}
	if sum != 100 {
		fe = append(fe, field(prefix+".stages", "weights_not_100", sum))
	}
	if i := slices.Index(r.TieBreaks, "time"); i >= 0 && !slices.ContainsFunc(r.Stages, func(s Stage) bool { return s.Timed }) {
		fe = append(fe, field(fmt.Sprintf("%s.tie_breaks[%d]", prefix, i), "time_without_timed_stage"))
	}
	return fe
}
