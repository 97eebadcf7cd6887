package scoring

import "testing"

func TestExplain_WhyATieBreakPutAnEntrantWhereItIs(t *testing.T) {
	e := &event{rules: noAwards()}
	e.entrant(1, "100", "70", "10:00").entrant(2, "30", "100", "50:00") // both 79
	e.entrant(3, "80", "80", "30:00").entrant(4, "80", "80", "25:00")   // both 80
	e.entrant(5, "60", "60", "30:00").entrant(6, "60", "60", "30:00")   // equal on everything
	e.entrant(7, "90", "90", "30:00")                                   // alone on 90
	res := e.compute(t)
	if got := standing(res); got != "7:1 4:2 3:3 2:4 1:5 5:6 6:6" {
		t.Fatalf("standing %s", got)
	}
	for _, tc := range []struct {
		id     uint
		zh, en string
	}{
		{4, "与下一名总分同为 80，用时较短（25:00 对 30:00），列其前",
			"same total 80 as the next entrant, ahead on a shorter time used (25:00 to 30:00)"},
		{3, "与上一名总分同为 80，用时较长（30:00 对 25:00），列其后",
			"same total 80 as the entrant above, behind on a longer time used (30:00 to 25:00)"},
		{2, "与下一名总分同为 79，实操成绩较高（100 对 70），列其前",
			"same total 79 as the next entrant, ahead on a higher 实操 score (100 to 70)"},
		{1, "与上一名总分同为 79，实操成绩较低（70 对 100），列其后",
			"same total 79 as the entrant above, behind on a lower 实操 score (70 to 100)"},
		{5, "与另外 1 名参赛者总分同为 60，同分排序各项也相同，并列第 6 名",
			"equal with 1 other entrant(s) on the total 60 and on every tie-break: shares place 6"},
		{7, "", ""}, // ranked by its total alone: nothing to explain
	} {
		l := lineOf(t, res, tc.id)
		if got := notesIn(l, "zh-CN"); got != tc.zh {
			t.Errorf("entrant %d: %q, want %q", tc.id, got, tc.zh)
		}
		if got := notesIn(l, "en-GB"); got != tc.en {
			t.Errorf("entrant %d: %q, want %q", tc.id, got, tc.en)
		}
	}
}

// The middle one of three equal totals is explained against both neighbours.
func TestExplain_BetweenTwoNeighboursWithTheSameTotal(t *testing.T) {
	e := &event{rules: noAwards()}
	e.entrant(1, "80", "80", "20:00").entrant(2, "80", "80", "25:00").entrant(3, "80", "80", "30:00")
	got := notesIn(lineOf(t, e.compute(t), 2), "zh-CN")
	if got != "与上一名总分同为 80，用时较长（25:00 对 20:00），列其后 | 与下一名总分同为 80，用时较短（25:00 对 30:00），列其前" {
		t.Errorf("%q", got)
	}
}

// A shared rank across a boundary says which awards it spans and what it
// gets, in each language.
func TestExplain_ASharedRankAcrossABoundary(t *testing.T) {
	for _, tc := range []struct {
		sharedTop bool
		zh, en    string
	}{
		{true, "并列第 3 名跨越三等奖与无奖项的分界，按规则均获三等奖",
			"the shared place 3 spans the boundary of third prize and no award: by the rule all get third prize"},
		{false, "并列第 3 名跨越三等奖与无奖项的分界，按规则均不获奖",
			"the shared place 3 spans the boundary of third prize and no award: by the rule none gets an award"},
	} {
		a := Awards{Mode: AwardCounts, First: 1, Second: 1, Third: 1, SharedTop: tc.sharedTop}
		l := lineOf(t, field(a, "90", "80", "70", "70").compute(t), 4)
		last := l.Notes[len(l.Notes)-1] // after the note on the shared rank itself
		if got := last.In("zh-CN"); got != tc.zh {
			t.Errorf("%q, want %q", got, tc.zh)
		}
		if got := last.In("en"); got != tc.en {
			t.Errorf("%q, want %q", got, tc.en)
		}
	}
}

func TestExplain_TimesInMinutesAndSeconds(t *testing.T) {
	for _, tc := range []struct {
		c    clock
		want string
	}{{0, "0:00"}, {6000, "1:00"}, {72 * 6000, "72:00"}, {12*6000 + 550, "12:05.5"}, {12*6000 + 525, "12:05.25"}} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("clock %d: %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestExplain_AnUnknownKeyShowsAsItself(t *testing.T) {
	if got := note("no_such_key", 1).In("en"); got != "no_such_key" {
		t.Errorf("%q", got)
	}
}
