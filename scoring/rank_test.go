package scoring

import (
	"slices"
	"testing"
)

// noAwards is the skills rule set with no prizes, to look at ranks alone.
func noAwards() Rules {
	r := skills()
	r.Awards = Awards{Mode: AwardCounts}
	return r
}

func TestRank_EqualEntrantsShareARankAndThePlacesBelowSkip(t *testing.T) {
	e := &event{rules: noAwards()}
	e.entrant(1, "90", "90", "30:00").entrant(2, "80", "80", "30:00").entrant(3, "80", "80", "30:00").entrant(4, "70", "70", "30:00")
	if got := standing(e.compute(t)); got != "1:1 2:2 3:2 4:4" {
		t.Errorf("standing %s, want 1, 2, 2, 4", got)
	}
}

// Entrants are compared on their totals as published, then on each
// tie-break in turn, the next only when the one before leaves them equal.
func TestRank_TieBrokenByPracticalThenTimeThenTheory(t *testing.T) {
	type entrant struct {
		id                      uint
		theory, practical, time string
	}
	for _, tc := range []struct {
		name     string
		entrants []entrant
		want     string
	}{
		{"the higher total first, whatever the tie-breaks",
			[]entrant{{1, "100", "90", "50:00"}, {2, "60", "100", "10:00"}}, "1:1 2:2"},
		{"equal totals (79): the better practical first",
			[]entrant{{1, "100", "70", "10:00"}, {2, "30", "100", "50:00"}}, "2:1 1:2"},
		{"equal totals and practical: the shorter time first",
			[]entrant{{1, "80", "80", "30:00"}, {2, "80", "80", "25:00"}}, "2:1 1:2"},
		{"equal totals as published (80.00 from 80.003), practical and time: the better theory first",
			[]entrant{{1, "80", "80", "30:00"}, {2, "80.01", "80", "30:00"}}, "2:1 1:2"},
		{"equal on every key: shared",
			[]entrant{{2, "80", "80", "30:00"}, {1, "80", "80", "30:00"}}, "1:1 2:1"},
		{"a time half a second shorter (a median of two judges) still counts",
			[]entrant{{1, "80", "80", "30:00"}, {2, "80", "80", "29:59,30:00"}}, "2:1 1:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &event{rules: noAwards()}
			for _, en := range tc.entrants {
				e.entrant(en.id, en.theory, en.practical, en.time)
			}
			if got := standing(e.compute(t)); got != tc.want {
				t.Errorf("standing %s, want %s", got, tc.want)
			}
		})
	}
}

// The chain is the event's own: here the time comes first.
func TestRank_TheEventsOwnChainTimeFirst(t *testing.T) {
	e := &event{rules: noAwards()}
	e.rules.TieBreaks = []string{"time", "stage:practical", "stage:theory", "shared"}
	e.entrant(1, "100", "70", "40:00").entrant(2, "30", "100", "50:00")
	if got := standing(e.compute(t)); got != "1:1 2:2" {
		t.Errorf("standing %s, want the shorter time first despite the lower practical", got)
	}
}

// A chain that does not end in "shared" still leaves entrants it cannot
// separate sharing a rank: ranking never falls back on ids or names.
func TestRank_EntrantsTheChainCannotSeparateShareWithoutShared(t *testing.T) {
	for _, chain := range [][]string{nil, {"stage:practical"}, {"time", "stage:theory"}} {
		e := &event{rules: noAwards()}
		e.rules.TieBreaks = chain
		e.entrant(9, "80", "80", "30:00").entrant(3, "80", "80", "30:00")
		if got := standing(e.compute(t)); got != "3:1 9:1" {
			t.Errorf("chain %v: standing %s, want a shared first place", chain, got)
		}
	}
}

// medalEvent has one gold, one silver and one bronze and no shared medal
// places: 1 is first; 2 and 3 tie on every key for place 2; 4 and 5 tie for
// place 4, below the medals.
func medalEvent() *event {
	e := &event{rules: skills()}
	e.rules.Awards = Awards{Mode: AwardCounts, First: 1, Second: 1, Third: 1, SharedTop: true, NoSharedMedals: true}
	e.entrant(1, "90", "90", "30:00").entrant(2, "80", "80", "30:00").entrant(3, "80", "80", "30:00")
	e.entrant(4, "70", "70", "30:00").entrant(5, "70", "70", "30:00")
	return e
}

func TestRank_NoSharedMedals_ATieOnAMedalPlaceIsReported(t *testing.T) {
	res := medalEvent().compute(t)
	if len(res.Ties) != 1 || res.Ties[0].Place != 2 || !slices.Equal(res.Ties[0].Entrants, []uint{2, 3}) {
		t.Fatalf("ties %+v, want entrants 2 and 3 at place 2 only", res.Ties)
	}
	// Until the chief judge decides, the tie stands as shared (and SharedTop
	// gives both the silver); the tie for place 4 is no medal place and stays.
	if got := standing(res); got != "1:1:first 2:2:second 3:2:second 4:4 5:4" {
		t.Errorf("standing %s", got)
	}
	if got := notesIn(lineOf(t, res, 2), "zh-CN"); got != "与另外 1 名参赛者并列第 2 名；获奖名次不设并列，待裁判长决定名次 | 并列第 2 名跨越二等奖与三等奖的分界，按规则均获二等奖" {
		t.Errorf("notes %q", got)
	}
}

func TestRank_NoSharedMedals_TheChiefJudgesDecisionOrdersTheTie(t *testing.T) {
	e := medalEvent()
	e.decisions = []Decision{{Entrants: []uint{3, 2}}}
	res := e.compute(t)
	if len(res.Ties) != 0 || len(res.UnusedDecisions) != 0 {
		t.Errorf("ties %+v, unused %+v; want none", res.Ties, res.UnusedDecisions)
	}
	if got := standing(res); got != "1:1:first 3:2:second 2:3:third 4:4 5:4" {
		t.Errorf("standing %s", got)
	}
	if got := notesIn(lineOf(t, res, 2), "en"); got != "equal with 1 other entrant(s) on the total and every tie-break: placed 3 by the chief judge's decision" {
		t.Errorf("notes %q", got)
	}
}

// A decision applies to a tie of exactly the entrants it names; once the
// marks change and the tie is another, it is reported unused and the tie
// awaits a new one.
func TestRank_NoSharedMedals_ADecisionForOtherEntrantsIsNotApplied(t *testing.T) {
	for _, d := range [][]uint{{2, 4}, {2}, {3, 2, 4}, {4, 5}} {
		e := medalEvent()
		e.decisions = []Decision{{Entrants: d}}
		res := e.compute(t)
		if len(res.Ties) != 1 || len(res.UnusedDecisions) != 1 {
			t.Errorf("decision %v: ties %+v, unused %+v; want the tie at 2 reported and the decision unused", d, res.Ties, res.UnusedDecisions)
		}
	}
}

// Without no_shared_medals a tie on a medal place is simply shared, and a
// decision has nothing to apply to.
func TestRank_SharedMedalsAllowed_NoTieIsReported(t *testing.T) {
	e := medalEvent()
	e.rules.Awards.NoSharedMedals = false
	e.decisions = []Decision{{Entrants: []uint{3, 2}}}
	res := e.compute(t)
	if len(res.Ties) != 0 || len(res.UnusedDecisions) != 1 {
		t.Errorf("ties %+v, unused %+v", res.Ties, res.UnusedDecisions)
	}
	if got := standing(res); got != "1:1:first 2:2:second 3:2:second 4:4 5:4" {
		t.Errorf("standing %s", got)
	}
}

// A tie on a medal place among entrants below min_total gets no medal
// either way, so it is not put to the chief judge.
func TestRank_NoSharedMedals_ATieBelowMinTotalIsNoMedalTie(t *testing.T) {
	e := medalEvent()
	e.rules.Awards.MinTotal = p("85")
	res := e.compute(t)
	if len(res.Ties) != 0 {
		t.Errorf("ties %+v, want none", res.Ties)
	}
	if got := standing(res); got != "1:1:first 2:2 3:2 4:4 5:4" {
		t.Errorf("standing %s", got)
	}
}
