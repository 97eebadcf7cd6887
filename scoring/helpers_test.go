package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// p reads points as a rule writes them: p("85.5").
func p(s string) Points {
	v, err := ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return v
}

// skills is the skills contest's rule set: theory 30 %, practical 70 % and
// timed; ties go to the better practical mark, then the shorter time, then
// the better theory mark. Judges' marks are averaged, so that one judge's
// mark is the criterion's score.
func skills() Rules {
	return Rules{
		Stages: []Stage{{Code: "theory", Name: "理论", Weight: 30}, {Code: "practical", Name: "实操", Weight: 70, Timed: true, TimeLimit: 120}},
		Criteria: []Criterion{
			{Code: "T1", Name: "理论知识考试", Stage: "theory", Max: p("100"), Kind: "measurement"},
			{Code: "P1", Name: "实操作业", Stage: "practical", Max: p("100"), Kind: "judgement"},
		},
		Combine:   Combine{Method: CombineMean},
		TieBreaks: []string{"stage:practical", "time", "stage:theory", "shared"},
		Awards:    Awards{Mode: AwardCounts, First: 1, Second: 2, Third: 3, SharedTop: true},
	}
}

// judged gives an entrant's marks on one criterion, one a judge: judge 1
// gives the first, judge 2 the second …
func judged(entrant uint, criterion string, points ...string) []Mark {
	var out []Mark
	for j, s := range points {
		out = append(out, Mark{Entrant: entrant, Criterion: criterion, Judge: uint(j + 1), Points: p(s), Counts: true})
	}
	return out
}

// timed gives an entrant's times used on a stage, "m:ss", one a judge.
func timed(entrant uint, stage string, times ...string) []Mark {
	var out []Mark
	for j, t := range times {
		var m, s int64
		if _, err := fmt.Sscanf(t, "%d:%d", &m, &s); err != nil {
			panic(err)
		}
		out = append(out, Mark{Entrant: entrant, Criterion: TimeCriterion, Stage: stage, Judge: uint(j + 1), Points: Points((m*60 + s) * 100), Counts: true})
	}
	return out
}

// event is an event being set up in a test.
type event struct {
	rules     Rules
	entrants  []Entrant
	marks     []Mark
	decisions []Decision
}

// entrant adds an entrant with one judge's theory and practical marks and
// the time used ("" for none; "29:59,30:00" for two judges' times).
func (e *event) entrant(id uint, theory, practical, time string) *event {
	e.entrants = append(e.entrants, Entrant{ID: id, Enterprise: 100 + id})
	e.marks = append(e.marks, judged(id, "T1", theory)...)
	e.marks = append(e.marks, judged(id, "P1", practical)...)
	if time != "" {
		e.marks = append(e.marks, timed(id, "practical", strings.Split(time, ",")...)...)
	}
	return e
}

func (e *event) compute(t *testing.T) Result {
	t.Helper()
	res, err := Compute(e.rules, e.entrants, e.marks, e.decisions)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// lineOf finds an entrant's line.
func lineOf(t *testing.T, res Result, id uint) EntrantResult {
	t.Helper()
	for _, l := range res.Entrants {
		if l.Entrant == id {
			return l
		}
	}
	t.Fatalf("entrant %d not in the results", id)
	return EntrantResult{}
}

// standing writes the results as "id:rank:award" in their order, e.g.
// "3:1:first 1:2:second 2:2:second", so that a test states the outcome in
// one line.
func standing(res Result) string {
	var parts []string
	for _, l := range res.Entrants {
		s := fmt.Sprintf("%d:%d", l.Entrant, l.Rank)
		if l.Award != "" {
			s += ":" + string(l.Award)
		}
		if l.Status != StatusRanked {
			s += ":" + string(l.Status)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// notesIn puts an entrant's notes into words.
func notesIn(l EntrantResult, lang string) string {
	var out []string
	for _, n := range l.Notes {
		out = append(out, n.In(lang))
	}
	return strings.Join(out, " | ")
}
