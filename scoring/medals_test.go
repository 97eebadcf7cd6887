package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// medalsOf writes a medal table as "org:rank:gold/silver/bronze".
func medalsOf(rows []MedalRow) string {
	var out []string
	for _, m := range rows {
		out = append(out, fmt.Sprintf("%d:%d:%d/%d/%d", m.Organisation, m.Rank, m.Gold, m.Silver, m.Bronze))
	}
	return strings.Join(out, " ")
}

// enterpriseEvent: one first, one second, one third prize; the entrants, best
// first, are of the enterprises given.
func enterpriseEvent(t *testing.T, enterprises ...uint) Result {
	e := field(Awards{Mode: AwardCounts, First: 1, Second: 1, Third: 1}, descending(len(enterprises))...)
	for i := range e.entrants {
		e.entrants[i].Enterprise = enterprises[i]
	}
	return e.compute(t)
}

// The tree: city union 1 → district unions 10 and 20 and industry union 30;
// 10 → enterprises 101 and 102; 20 → 201; 30 → 301.
func tree() map[uint]uint {
	return map[uint]uint{10: 1, 20: 1, 30: 1, 101: 10, 102: 10, 201: 20, 301: 30}
}

func contest(t *testing.T) []Result {
	return []Result{
		enterpriseEvent(t, 101, 102, 201, 301),
		enterpriseEvent(t, 201, 101, 102),
	}
}

func TestMedals_PerEnterpriseGoldThenSilverThenBronze(t *testing.T) {
	got := medalsOf(EnterpriseMedals(contest(t)))
	// 101 and 201 have a gold each; 101's silver beats 201's bronze. 301
	// took part without a medal.
	if got != "101:1:1/1/0 201:2:1/0/1 102:3:0/1/1 301:4:0/0/0" {
		t.Errorf("table %s", got)
	}
}

func TestMedals_EqualCountsShareARank(t *testing.T) {
	got := medalsOf(EnterpriseMedals([]Result{enterpriseEvent(t, 101, 102, 103), enterpriseEvent(t, 102, 101, 103)}))
	if got != "101:1:1/1/0 102:1:1/1/0 103:3:0/0/2" {
		t.Errorf("table %s", got)
	}
}

func TestMedals_PerUnionThroughTheTree(t *testing.T) {
	enterprises := EnterpriseMedals(contest(t))
	if got := medalsOf(UnionMedals(enterprises, tree(), []uint{10, 20, 30})); got != "10:1:1/2/1 20:2:1/0/1 30:3:0/0/0" {
		t.Errorf("districts: %s", got)
	}
	// A union counts its whole subtree: the city all of them, at once with a
	// district below it; an enterprise named as a union counts for itself.
	if got := medalsOf(UnionMedals(enterprises, tree(), []uint{1, 10, 201})); got != "1:1:2/2/2 10:2:1/2/1 201:3:1/0/1" {
		t.Errorf("mixed levels: %s", got)
	}
}

// A faulty parent map with a cycle neither hangs nor counts a medal twice.
func TestMedals_ACycleInTheTreeCountsOnce(t *testing.T) {
	enterprises := EnterpriseMedals(contest(t))
	parents := map[uint]uint{101: 10, 10: 101}
	if got := medalsOf(UnionMedals(enterprises, parents, []uint{10, 101})); got != "10:1:1/1/0 101:1:1/1/0" {
		t.Errorf("table %s", got)
	}
}
