package scoring

import "testing"

// oneCriterion is an event of one stage with one criterion, combined by method.
func oneCriterion(method string, trimMin int) Rules {
	return Rules{
		Stages:    []Stage{{Code: "review", Name: "评审", Weight: 100}},
		Criteria:  []Criterion{{Code: "A1", Name: "创新性", Stage: "review", Max: p("100"), Kind: "judgement"}},
		Combine:   Combine{Method: method, TrimMinJudges: trimMin},
		TieBreaks: []string{"shared"},
		Awards:    Awards{Mode: AwardCounts},
	}
}

func TestCombine_JudgesMarksBecomeOneByTheRule(t *testing.T) {
	for _, tc := range []struct {
		name    string
		method  string
		trimMin int
		marks   []string
		score   string
	}{
		{"mean of all judges", CombineMean, 0, []string{"80", "85", "90"}, "85"},
		{"mean of one judge", CombineMean, 0, []string{"77.5"}, "77.5"},
		{"trimmed: one highest and one lowest dropped with 5 judges", CombineTrimmedMean, 5, []string{"99", "80", "86", "85", "90"}, "87"},
		{"trimmed: only one of two equal highest dropped", CombineTrimmedMean, 5, []string{"90", "90", "80", "85", "70"}, "85"},
		{"trimmed: 4 judges where 5 are needed is the plain mean", CombineTrimmedMean, 5, []string{"99", "80", "86", "85"}, "87.5"},
		{"trimmed: 3 judges where 3 are needed drops two", CombineTrimmedMean, 3, []string{"70", "95", "80"}, "80"},
		{"trimmed: never below 3 judges, whatever the setting", CombineTrimmedMean, 0, []string{"70", "90"}, "80"},
		{"trimmed: one judge", CombineTrimmedMean, 5, []string{"66"}, "66"},
		{"median of an odd count is the middle mark", CombineMedian, 0, []string{"90", "70", "80"}, "80"},
		{"median of an even count is the mean of the middle two", CombineMedian, 0, []string{"90", "70", "85", "80"}, "82.5"},
		{"median of two", CombineMedian, 0, []string{"80.01", "80.02"}, "80.02"},
		{"mean of 85, 85, 86 shows 85.33", CombineMean, 0, []string{"85", "85", "86"}, "85.33"},
		{"mean of 85, 86, 86 shows 85.67", CombineMean, 0, []string{"85", "86", "86"}, "85.67"},
		{"an exact half of a hundredth goes up", CombineMean, 0, []string{"85", "85.01"}, "85.01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := event{rules: oneCriterion(tc.method, tc.trimMin), entrants: []Entrant{{ID: 1}}, marks: judged(1, "A1", tc.marks...)}
			l := lineOf(t, e.compute(t), 1)
			if got := l.Criteria[0]; got.Score != p(tc.score) || got.Judges != len(tc.marks) {
				t.Errorf("got %s from %d judges, want %s from %d", got.Score, got.Judges, tc.score, len(tc.marks))
			}
		})
	}
}

func TestCombine_TraineesNeverCount(t *testing.T) {
	marks := judged(1, "A1", "80", "90")
	marks = append(marks, Mark{Entrant: 1, Criterion: "A1", Judge: 9, Points: p("10"), Counts: false})
	e := event{rules: oneCriterion(CombineMean, 0), entrants: []Entrant{{ID: 1}, {ID: 2}}, marks: marks}
	// A trainee's mark alone is no mark: entrant 2 is still missing one.
	e.marks = append(e.marks, Mark{Entrant: 2, Criterion: "A1", Judge: 9, Points: p("100"), Counts: false})
	res := e.compute(t)
	if l := lineOf(t, res, 1); l.Criteria[0].Score != p("85") || l.Criteria[0].Judges != 2 {
		t.Errorf("entrant 1: %+v, want 85 from the 2 counting judges", l.Criteria[0])
	}
	if l := lineOf(t, res, 2); l.Status != StatusIncomplete {
		t.Errorf("entrant 2 with only a trainee's mark: %s, want incomplete", l.Status)
	}
}

// Stage scores add the exact criterion scores, not the rounded ones: two
// criteria of 85.333… make 170.67, where the figures shown add up to 170.66.
func TestStage_SumsExactCriterionScores(t *testing.T) {
	r := oneCriterion(CombineMean, 0)
	r.Criteria = append(r.Criteria, Criterion{Code: "A2", Name: "实用性", Stage: "review", Max: p("100"), Kind: "judgement"})
	e := event{rules: r, entrants: []Entrant{{ID: 1}}, marks: append(judged(1, "A1", "85", "85", "86"), judged(1, "A2", "85", "85", "86")...)}
	l := lineOf(t, e.compute(t), 1)
	if l.Criteria[0].Score != p("85.33") || l.Criteria[1].Score != p("85.33") || l.Stages[0].Score != p("170.67") || l.Total != p("170.67") {
		t.Errorf("criteria %+v, stage %s, total %s; want 85.33, 85.33, 170.67, 170.67", l.Criteria, l.Stages[0].Score, l.Total)
	}
}

// Three thirds of a hundredth make one: an entrant whose three criteria are
// each 85.003… ties one with 85.01 + 85 + 85, where floats or sums of
// rounded figures would part them.
func TestStage_ThirdsAddUpToAWholeHundredth(t *testing.T) {
	r := oneCriterion(CombineMean, 0)
	r.Criteria = append(r.Criteria,
		Criterion{Code: "A2", Name: "实用性", Stage: "review", Max: p("100"), Kind: "judgement"},
		Criterion{Code: "A3", Name: "效益", Stage: "review", Max: p("100"), Kind: "judgement"})
	e := event{rules: r, entrants: []Entrant{{ID: 1}, {ID: 2}}}
	for _, c := range []string{"A1", "A2", "A3"} {
		e.marks = append(e.marks, judged(1, c, "85", "85", "85.01")...)
	}
	e.marks = append(e.marks, judged(2, "A1", "85.01", "85.01", "85.01")...)
	e.marks = append(e.marks, judged(2, "A2", "85", "85", "85")...)
	e.marks = append(e.marks, judged(2, "A3", "85", "85", "85")...)
	res := e.compute(t)
	if got := standing(res); got != "1:1 2:1" {
		t.Errorf("standing %s, want a shared first place", got)
	}
	if l := lineOf(t, res, 1); l.Total != p("255.01") || l.Criteria[0].Score != p("85") {
		t.Errorf("entrant 1: total %s, criterion %s; want 255.01 from criteria shown as 85", l.Total, l.Criteria[0].Score)
	}
}

// The total weighs the exact stage scores, never the rounded ones: a
// practical score of 255.02/3 = 85.00666… shows as 85.01, and 70 % of it is
// 59.50466… → 59.50, where 70 % of the 85.01 shown would make 59.51.
func TestTotal_WeighsExactStageScores(t *testing.T) {
	e := event{rules: skills(), entrants: []Entrant{{ID: 1}}}
	e.marks = append(judged(1, "T1", "0"), judged(1, "P1", "85", "85", "85.02")...)
	e.marks = append(e.marks, timed(1, "practical", "60:00")...)
	l := lineOf(t, e.compute(t), 1)
	if l.Stages[1].Score != p("85.01") || l.Total != p("59.5") {
		t.Errorf("practical %s, total %s; want 85.01 and 59.50", l.Stages[1].Score, l.Total)
	}
}

func TestTime_MedianOfTheCountingJudgesTimes(t *testing.T) {
	for _, tc := range []struct {
		times []string
		want  Points
	}{
		{[]string{"12:00", "12:10", "30:00"}, 12*6000 + 1000},
		{[]string{"12:00", "12:01"}, 12*6000 + 50}, // half a second
		{[]string{"9:59"}, 9*6000 + 5900},
	} {
		e := event{rules: skills(), entrants: []Entrant{{ID: 1}}}
		e.marks = append(judged(1, "T1", "80"), judged(1, "P1", "80")...)
		e.marks = append(e.marks, timed(1, "practical", tc.times...)...)
		e.marks = append(e.marks, Mark{Entrant: 1, Criterion: TimeCriterion, Stage: "practical", Judge: 50, Points: 1, Counts: false})
		l := lineOf(t, e.compute(t), 1)
		if l.Time != tc.want || l.Stages[1].Time != tc.want {
			t.Errorf("times %v: %d (%s), want %d", tc.times, l.Time, clock(l.Time), tc.want)
		}
	}
}
