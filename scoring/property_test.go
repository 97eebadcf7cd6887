package scoring

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// randomEvent makes an event of the skills template with marks drawn from
// a few values, so that ties are common, a few absent and vetoed entrants,
// trainees' marks, and now and then a missing mark.
func randomEvent(rng *rand.Rand) event {
	r := skills()
	r.Combine = Combine{Method: []string{CombineMean, CombineTrimmedMean, CombineMedian}[rng.IntN(3)], TrimMinJudges: 3 + rng.IntN(3)}
	r.Awards = Awards{Mode: AwardShares, First: 10, Second: 20, Third: 30, SharedTop: rng.IntN(2) == 0, Honourable: 80, MinTotal: p("80.5")}
	r.Veto = true
	r.Titles = []Title{{Name: "技术能手", From: 1, To: 3}}
	e := event{rules: r}
	n := 5 + rng.IntN(40)
	for i := range n {
		en := Entrant{ID: uint(1000 + i*7), Enterprise: uint(1 + rng.IntN(5)), Team: uint(rng.IntN(4))}
		switch rng.IntN(12) {
		case 0:
			en.Absent = true
		case 1:
			en.Vetoed, en.VetoReason = true, "安全事故"
		}
		e.entrants = append(e.entrants, en)
		if en.Absent {
			continue
		}
		judges := 1 + rng.IntN(6)
		for j := range judges {
			for _, c := range []string{"T1", "P1", TimeCriterion} {
				if rng.IntN(200) == 0 {
					continue // a missing mark
				}
				m := Mark{Entrant: en.ID, Criterion: c, Judge: uint(j + 1), Counts: true,
					Points: []Points{8000, 8050, 8100, 8133}[rng.IntN(4)]}
				if c == TimeCriterion {
					m.Stage, m.Points = "practical", Points(1800+rng.IntN(3)*60)*100
				}
				e.marks = append(e.marks, m)
				if rng.IntN(5) == 0 {
					m.Judge, m.Counts, m.Points = uint(50+j), false, 0
					e.marks = append(e.marks, m)
				}
			}
		}
	}
	return e
}

// The results do not depend on the order in which entrants and marks come.
func TestRank_IndependentOfTheOrderOfTheInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		e := randomEvent(rng)
		want, err := Compute(e.rules, e.entrants, e.marks, nil)
		if err != nil {
			t.Fatal(err)
		}
		rng.Shuffle(len(e.entrants), func(i, j int) { e.entrants[i], e.entrants[j] = e.entrants[j], e.entrants[i] })
		rng.Shuffle(len(e.marks), func(i, j int) { e.marks[i], e.marks[j] = e.marks[j], e.marks[i] })
		got, err := Compute(e.rules, e.entrants, e.marks, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input gives other results:\n%s\n%s", standing(got), standing(want))
		}
	}
}

// Ranks do not depend on the entrants' ids: giving them other ids gives
// each the same rank, award and titles.
func TestRank_IndependentOfIds(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		e := randomEvent(rng)
		before, _ := Compute(e.rules, e.entrants, e.marks, nil)
		newID := map[uint]uint{}
		for i, k := range rng.Perm(len(e.entrants)) {
			newID[e.entrants[i].ID] = uint(1 + k)
		}
		for i := range e.entrants {
			e.entrants[i].ID = newID[e.entrants[i].ID]
		}
		for i := range e.marks {
			e.marks[i].Entrant = newID[e.marks[i].Entrant]
		}
		after, err := Compute(e.rules, e.entrants, e.marks, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range before.Entrants {
			a := lineOf(t, after, newID[l.Entrant])
			if a.Rank != l.Rank || a.Award != l.Award || !slices.Equal(a.Titles, l.Titles) || a.Total != l.Total {
				t.Fatalf("entrant %d (now %d): rank %d %q %v, was %d %q %v", l.Entrant, a.Entrant, a.Rank, a.Award, a.Titles, l.Rank, l.Award, l.Titles)
			}
		}
	}
}

// A rank is one more than the number of entrants strictly ahead by the total
// and the chain; an entrant ranked no better than another never has a
// better award; and no ranked entrant is left without a rank.
func TestRank_IsOnePlusThoseStrictlyAhead(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	worth := map[Award]int{AwardFirst: 4, AwardSecond: 3, AwardThird: 2, AwardHonourable: 1, "": 0}
	for range 300 {
		e := randomEvent(rng)
		res, _ := Compute(e.rules, e.entrants, e.marks, nil)
		l, _ := newLayout(e.rules)
		for i := range res.Entrants {
			a := &res.Entrants[i]
			if (a.Status == StatusRanked) != (a.Rank > 0) {
				t.Fatalf("entrant %d %s with rank %d", a.Entrant, a.Status, a.Rank)
			}
			if a.Status != StatusRanked {
				continue
			}
			ahead := 0
			for j := range res.Entrants {
				b := &res.Entrants[j]
				if b.Status != StatusRanked {
					continue
				}
				if slices.Compare(keyOf(b, l.tieBreaks), keyOf(a, l.tieBreaks)) < 0 {
					ahead++
				}
				if b.Rank >= a.Rank && b.Total >= e.rules.Awards.MinTotal && a.Total >= e.rules.Awards.MinTotal && worth[b.Award] > worth[a.Award] {
					t.Fatalf("entrant %d at rank %d has %q, better than %q at rank %d", b.Entrant, b.Rank, b.Award, a.Award, a.Rank)
				}
			}
			if a.Rank != ahead+1 {
				t.Fatalf("entrant %d has rank %d with %d ahead", a.Entrant, a.Rank, ahead)
			}
		}
	}
}

// keyOf is what ranks an entrant: its rank key without the id.
func keyOf(e *EntrantResult, chain []tieBreak) []int64 {
	row := make([]int64, len(chain)+2)
	rankKey(row, e, chain)
	return row[:len(row)-1]
}

// Under no_shared_medals, once the chief judge has decided every tie
// reported, none is left, each decision is used, and no two entrants share
// a rank with a prize.
func TestRank_DecidingEveryReportedTieLeavesNoSharedMedal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	reported := 0
	for range 300 {
		e := randomEvent(rng)
		e.rules.Awards.NoSharedMedals = true
		res, _ := Compute(e.rules, e.entrants, e.marks, nil)
		for _, tie := range res.Ties {
			order := slices.Clone(tie.Entrants)
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			e.decisions = append(e.decisions, Decision{Entrants: order})
		}
		reported += len(res.Ties)
		res, err := Compute(e.rules, e.entrants, e.marks, e.decisions)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Ties) != 0 || len(res.UnusedDecisions) != 0 {
			t.Fatalf("ties %v, unused %v after deciding", res.Ties, res.UnusedDecisions)
		}
		seen := map[int]bool{}
		for _, l := range res.Entrants {
			if l.Award == AwardFirst || l.Award == AwardSecond || l.Award == AwardThird {
				if seen[l.Rank] {
					t.Fatalf("rank %d shared with a prize: %s", l.Rank, standing(res))
				}
				seen[l.Rank] = true
			}
		}
	}
	if reported == 0 {
		t.Fatal("no tie was reported: the events do not test the rule")
	}
}
