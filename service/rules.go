package service

import (
	"fmt"
	"slices"
	"strings"
)

// Stage is a part of an event (理论, 实操) with its weight in percent.
// The judges of an encrypted stage (二次加密) see work codes, not draw
// numbers (encryption.go).
type Stage struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Weight    int    `json:"weight"`
	Encrypted bool   `json:"encrypted"`
	// Timed stages have each entrant's time used (用时) entered on their
	// sheets, in whole seconds up to TimeLimit minutes, for the tie-break "time".
	Timed     bool `json:"timed"`
	TimeLimit int  `json:"time_limit"`
}

// Criterion is one line of the marking scheme (评分细则).
type Criterion struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Stage string `json:"stage"`
	Max   Points `json:"max"`
	Kind  string `json:"kind"`
	// Levels has judges of a judgement criterion enter a level from 0 to 3,
	// which stands for level ÷ 3 × Max points; Max is then a multiple of 0.03,
	// so that every level is an exact mark.
	Levels bool `json:"levels"`
}

// Combine says how several judges' marks for one criterion become one.
type Combine struct {
	Method        string `json:"method"`
	TrimMinJudges int    `json:"trim_min_judges"`
}

// Awards says who gets 一等奖, 二等奖 and 三等奖.
type Awards struct {
	Mode      string `json:"mode"`
	First     int    `json:"first"`
	Second    int    `json:"second"`
	Third     int    `json:"third"`
	MinTotal  Points `json:"min_total"`
	SharedTop bool   `json:"shared_top"`
}

// Rules is an event's whole rule set, stored as one versioned value.
type Rules struct {
	Stages    []Stage     `json:"stages"`
	Criteria  []Criterion `json:"criteria"`
	Combine   Combine     `json:"combine"`
	TieBreaks []string    `json:"tie_breaks"`
	Awards    Awards      `json:"awards"`
	Veto      bool        `json:"veto"`
	// Disagreement is how far apart (highest minus lowest) the counting
	// judges' marks of one entrant on one judgement criterion may be before
	// the chief judge is shown the cell; 0 shows none.
	Disagreement Points `json:"disagreement"`
}

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
)

// inRange reports a number outside lo..hi under the field's name.
func inRange[N int | Points](fieldName string, v, lo, hi N) []FieldError {
	if v < lo || v > hi {
		return []FieldError{field(fieldName, "range", lo, hi)}
	}
	return nil
}

// check finds what is wrong with a rule set that may still be incomplete; the
// field names start with prefix, as in "rules.criteria[2].max".
func (r Rules) check(prefix string) []FieldError {
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
	fe = append(fe, inRange(prefix+".disagreement", r.Disagreement, 0, maxRulesPoints)...)
	return fe
}

// readiness finds what keeps a complete rule set from being used: weights that
// do not sum to 100, a stage without criteria.
func (r Rules) readiness(prefix string) []FieldError {
	fe := r.check(prefix)
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
