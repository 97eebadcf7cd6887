package scoring

import (
	"strings"
	"testing"
)

func TestAbsent_IsListedUnrankedWithoutAScoreNotZero(t *testing.T) {
	e := &event{rules: skills()}
	e.entrant(1, "60", "60", "30:00").entrant(2, "0", "0", "30:00")
	e.entrants = append(e.entrants, Entrant{ID: 3, Absent: true})
	res := e.compute(t)
	// The entrant who scored 0 is ranked last; the absent one is not ranked at all.
	if got := standing(res); got != "1:1:first 2:2:second 3:0:absent" {
		t.Errorf("standing %s", got)
	}
	if res.Field != 2 {
		t.Errorf("field %d, want the 2 who competed", res.Field)
	}
	if l := lineOf(t, res, 3); l.Stages != nil || l.Criteria != nil || notesIn(l, "zh-CN") != "缺赛，不参加排名" {
		t.Errorf("absent line %+v", l)
	}
}

func TestMissingMarks_AreReportedNotCountedAsZero(t *testing.T) {
	e := &event{rules: skills()}
	e.entrant(1, "60", "60", "30:00")
	e.entrants = append(e.entrants, Entrant{ID: 2}, Entrant{ID: 3})
	e.marks = append(e.marks, judged(2, "T1", "99")...) // no practical mark, no time
	e.marks = append(e.marks, judged(3, "T1", "99")...)
	e.marks = append(e.marks, judged(3, "P1", "99")...) // no time
	res := e.compute(t)
	if got := standing(res); got != "1:1:first 2:0:incomplete 3:0:incomplete" {
		t.Errorf("standing %s", got)
	}
	if res.Incomplete != 2 || res.Field != 1 {
		t.Errorf("incomplete %d, field %d; want 2 and 1", res.Incomplete, res.Field)
	}
	l := lineOf(t, res, 2)
	want := []MissingMark{{"practical", "P1"}, {"practical", TimeCriterion}}
	if len(l.Missing) != 2 || l.Missing[0] != want[0] || l.Missing[1] != want[1] {
		t.Errorf("missing %+v, want %+v", l.Missing, want)
	}
	// The complete stage is shown; the incomplete one and the total are not.
	if l.Stages[0].Score != p("99") || l.Stages[1].Score != 0 || l.Total != 0 {
		t.Errorf("stages %+v, total %s", l.Stages, l.Total)
	}
	if got := notesIn(l, "zh-CN"); got != "缺少评分：P1、实操用时；评分齐全前不排名" {
		t.Errorf("note %q", got)
	}
	if got := notesIn(lineOf(t, res, 3), "en"); got != "marks missing: the time used in 实操; not ranked until they are in" {
		t.Errorf("note %q", got)
	}
}

func TestVeto_NoRankNoAwardWithItsReason(t *testing.T) {
	e := &event{rules: indicators()}
	e.rules.Veto = true
	for i, total := range []string{"95", "90", "85"} {
		id := uint(i + 1)
		e.entrants = append(e.entrants, Entrant{ID: id, Enterprise: 10 + id})
		e.marks = append(e.marks, judged(id, "A1", total)...)
	}
	e.entrants[0].Vetoed, e.entrants[0].VetoReason = true, "发生重大安全事故"
	res := e.compute(t)
	// The vetoed entrant had the best total; the others move up.
	if got := standing(res); got != "2:1:first 3:2:second 1:0:vetoed" {
		t.Errorf("standing %s", got)
	}
	l := lineOf(t, res, 1)
	if l.Total != p("95") || l.VetoReason != "发生重大安全事故" || l.Award != "" {
		t.Errorf("vetoed line %+v: keeps its score and reason, no award", l)
	}
	if got := notesIn(l, "zh-CN"); got != "一票否决：发生重大安全事故；不参加排名和评奖" {
		t.Errorf("note %q", got)
	}
	if got := notesIn(l, "en"); got != "vetoed (一票否决): 发生重大安全事故; not ranked, no award" {
		t.Errorf("note %q", got)
	}
}

// indicators is a 五比一创-like event: one stage, one criterion, one judge,
// counts 1 first and 1 second.
func indicators() Rules {
	r := oneCriterion(CombineMean, 0)
	r.Awards = Awards{Mode: AwardCounts, First: 1, Second: 1}
	return r
}

func TestCompute_RefusesInputItCannotComputeWith(t *testing.T) {
	mark := func(m Mark) []Mark { m.Counts = true; return append(judged(1, "T1", "50"), m) }
	for _, tc := range []struct {
		name     string
		rules    func(*Rules)
		entrants []Entrant
		marks    []Mark
		want     string
	}{
		{"a mark of an entrant not in the event", nil, nil, mark(Mark{Entrant: 7, Criterion: "P1", Judge: 1}), "entrant 7"},
		{"a mark on a criterion the rules lack", nil, nil, mark(Mark{Entrant: 1, Criterion: "X9", Judge: 1}), `"X9"`},
		{"a time on a stage that is not timed", nil, nil, mark(Mark{Entrant: 1, Criterion: TimeCriterion, Stage: "theory", Judge: 1}), `"theory"`},
		{"a judge's second mark in one cell", nil, nil, mark(Mark{Entrant: 1, Criterion: "T1", Judge: 1, Points: 10}), "twice"},
		{"a mark above the maximum", nil, nil, mark(Mark{Entrant: 1, Criterion: "P1", Judge: 1, Points: p("100.01")}), "out of range"},
		{"a negative mark", nil, nil, mark(Mark{Entrant: 1, Criterion: "P1", Judge: 1, Points: -1}), "out of range"},
		{"marks of an absent entrant", nil, []Entrant{{ID: 1, Absent: true}}, judged(1, "T1", "50"), "absent"},
		{"an entrant listed twice", nil, []Entrant{{ID: 1}, {ID: 1}}, nil, "twice"},
		{"a veto without a reason", func(r *Rules) { r.Veto = true }, []Entrant{{ID: 1, Vetoed: true, VetoReason: " "}}, nil, "no reason"},
		{"a veto where the rules have none", nil, []Entrant{{ID: 1, Vetoed: true, VetoReason: "事故"}}, nil, "no veto"},
		{"a criterion of no stage", func(r *Rules) { r.Criteria[0].Stage = "oral" }, nil, nil, `"oral"`},
		{"a repeated criterion code", func(r *Rules) { r.Criteria[1].Code = "T1" }, nil, nil, "repeated"},
		{"an unknown tie-break", func(r *Rules) { r.TieBreaks = []string{"stage:oral"} }, nil, nil, "stage:oral"},
		{"shared before the end of the chain", func(r *Rules) { r.TieBreaks = []string{"shared", "time"} }, nil, nil, "shared"},
		{"an unknown combine method", func(r *Rules) { r.Combine.Method = "mode" }, nil, nil, `"mode"`},
		{"an unknown award mode", func(r *Rules) { r.Awards.Mode = "" }, nil, nil, "award mode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := skills()
			if tc.rules != nil {
				tc.rules(&r)
			}
			entrants := tc.entrants
			if entrants == nil {
				entrants = []Entrant{{ID: 1}}
			}
			_, err := Compute(r, entrants, tc.marks, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}

// Trainees' marks are a record only: they are not checked against the event
// either, since nothing is computed from them.
func TestCompute_TraineeMarksAreNotComputedFrom(t *testing.T) {
	e := &event{rules: skills()}
	e.entrant(1, "60", "60", "30:00")
	e.marks = append(e.marks, Mark{Entrant: 1, Criterion: "T1", Judge: 1, Points: p("100"), Counts: false})
	if l := lineOf(t, e.compute(t), 1); l.Total != p("60") {
		t.Errorf("total %s, want 60", l.Total)
	}
}

// Entrants are found by id whether their ids lie close together (a table)
// or far apart (a map).
func TestCompute_FindsEntrantsByIdNearOrFar(t *testing.T) {
	for _, ids := range [][]uint{{10, 11, 13}, {5, 1 << 40, 77}} {
		var entrants []Entrant
		for _, id := range ids {
			entrants = append(entrants, Entrant{ID: id})
		}
		x, err := indexEntrants(entrants, false)
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range ids {
			if e, ok := x.find(id); !ok || e != int32(i) {
				t.Errorf("ids %v: %d found at %d, %v", ids, id, e, ok)
			}
		}
		for _, id := range []uint{0, 9, 12, 14, 1<<40 + 1} {
			if _, ok := x.find(id); ok {
				t.Errorf("ids %v: %d found", ids, id)
			}
		}
		if _, err := indexEntrants(append(entrants, Entrant{ID: ids[1]}), false); err == nil {
			t.Errorf("ids %v: a repeated id accepted", ids)
		}
	}
}
