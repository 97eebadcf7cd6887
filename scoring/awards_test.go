package scoring

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// field is an event of one criterion whose entrants 1, 2, 3 … have the
// totals given, under the award rule a.
func field(a Awards, totals ...string) *event {
	e := &event{rules: oneCriterion(CombineMean, 0)}
	e.rules.Awards = a
	for i, total := range totals {
		id := uint(i + 1)
		e.entrants = append(e.entrants, Entrant{ID: id, Enterprise: 100 + id})
		e.marks = append(e.marks, judged(id, "A1", total)...)
	}
	return e
}

// descending gives n distinct totals, 90, 89, 88 …
func descending(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(90 - i)
	}
	return out
}

func TestAwards_SharesAreRoundedDownButAtLeastOnePlace(t *testing.T) {
	a := Awards{Mode: AwardShares, First: 10, Second: 20, Third: 30, Honourable: 50}
	for _, tc := range []struct {
		field int
		want  Places
	}{
		{0, Places{0, 0, 0, 0}},
		{1, Places{1, 1, 1, 1}},
		{5, Places{1, 1, 1, 2}}, // 0.5, 1, 1.5 and 2.5 places
		{10, Places{1, 2, 3, 5}},
		{15, Places{1, 3, 4, 7}}, // 1.5, 3, 4.5, 7.5
		{19, Places{1, 3, 5, 9}},
		{100, Places{10, 20, 30, 50}},
		{262, Places{26, 52, 78, 131}},
	} {
		if got := places(a, tc.field); got != tc.want {
			t.Errorf("field of %d: %+v, want %+v", tc.field, got, tc.want)
		}
	}
	// A share of 0 gives no place, even in a large field.
	if got := places(Awards{Mode: AwardShares, First: 0, Second: 5}, 1000); got != (Places{0, 50, 0, 0}) {
		t.Errorf("zero share: %+v", got)
	}
}

func TestAwards_SharesOfTheRankedFieldOnly(t *testing.T) {
	// 15 competed, 1 was absent and 1 vetoed: shares count the 13 ranked.
	e := field(Awards{Mode: AwardShares, First: 10, Second: 20, Third: 30}, descending(15)...)
	e.rules.Veto = true
	e.entrants[0].Vetoed, e.entrants[0].VetoReason = true, "质量事故"
	e.entrants = append(e.entrants, Entrant{ID: 99, Absent: true})
	res := e.compute(t)
	if res.Field != 14 || res.Places != (Places{1, 2, 4, 0}) {
		t.Errorf("field %d, places %+v; want 14 ranked and 1, 2, 4 places", res.Field, res.Places)
	}
	counts := map[Award]int{}
	for _, l := range res.Entrants {
		counts[l.Award]++
	}
	if counts[AwardFirst] != 1 || counts[AwardSecond] != 2 || counts[AwardThird] != 4 || counts[""] != 9 {
		t.Errorf("awards %v", counts)
	}
}

func TestAwards_CountsAreFixedNumbers(t *testing.T) {
	res := field(Awards{Mode: AwardCounts, First: 1, Second: 2, Third: 5}, descending(10)...).compute(t)
	if got := standing(res); got != "1:1:first 2:2:second 3:3:second 4:4:third 5:5:third 6:6:third 7:7:third 8:8:third 9:9 10:10" {
		t.Errorf("standing %s", got)
	}
	// More prizes than entrants: everyone ranked gets one, in order.
	res = field(Awards{Mode: AwardCounts, First: 1, Second: 2, Third: 5}, descending(2)...).compute(t)
	if got := standing(res); got != "1:1:first 2:2:second" {
		t.Errorf("standing %s", got)
	}
}

// A shared rank that straddles the boundary of two awards: with shared_top
// (national practice) all who share it get the better award, so a prize may
// go over its count, and the places below keep their own awards; without
// it all get the lesser one.
func TestAwards_ASharedRankAcrossABoundary(t *testing.T) {
	for _, tc := range []struct {
		name      string
		firsts    int
		sharedTop bool
		totals    []string
		want      string
	}{
		{"second and third shared, better award", 1, true, []string{"90", "80", "80", "70"}, "1:1:first 2:2:second 3:2:second 4:4"},
		{"second and third shared, lesser award", 1, false, []string{"90", "80", "80", "70"}, "1:1:first 2:2:third 3:2:third 4:4"},
		{"first and second shared, better award: two firsts, place 3 keeps third", 1, true, []string{"90", "90", "80", "70"}, "1:1:first 2:1:first 3:3:third 4:4"},
		{"first and second shared, lesser award", 1, false, []string{"90", "90", "80", "70"}, "1:1:second 2:1:second 3:3:third 4:4"},
		{"third and no award shared, better award", 1, true, []string{"90", "80", "70", "70", "60"}, "1:1:first 2:2:second 3:3:third 4:3:third 5:5"},
		{"third and no award shared, lesser award", 1, false, []string{"90", "80", "70", "70", "60"}, "1:1:first 2:2:second 3:3 4:3 5:5"},
		{"a tie within one award crosses no boundary", 2, false, []string{"90", "90"}, "1:1:first 2:1:first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Awards{Mode: AwardCounts, First: tc.firsts, Second: 1, Third: 1, SharedTop: tc.sharedTop}
			if got := standing(field(a, tc.totals...).compute(t)); got != tc.want {
				t.Errorf("standing %s, want %s", got, tc.want)
			}
		})
	}
}

func TestAwards_BelowMinTotalNoPrize(t *testing.T) {
	e := field(Awards{Mode: AwardCounts, First: 1, Second: 1, Third: 1, MinTotal: p("60")}, "90", "60", "59.99", "50")
	res := e.compute(t)
	// 60 is enough; 59.99 is not, though its place has a prize.
	if got := standing(res); got != "1:1:first 2:2:second 3:3 4:4" {
		t.Errorf("standing %s", got)
	}
	if got := notesIn(lineOf(t, res, 3), "zh-CN"); got != "总分 59.99 低于获奖最低总分 60，不获奖" {
		t.Errorf("note %q", got)
	}
	if got := notesIn(lineOf(t, res, 3), "en"); got != "total 59.99 is below the minimum total of 60 for an award: no award" {
		t.Errorf("note %q", got)
	}
	// The entrant at place 4 had no prize to lose: no note.
	if got := lineOf(t, res, 4).Notes; len(got) != 0 {
		t.Errorf("notes %v", got)
	}
}

// 优胜奖 goes to those without a prize within the top share of the field:
// national finals give medals to the top three and 优胜奖 to the top half.
func TestAwards_HonourableToTheRestOfTheTopShare(t *testing.T) {
	a := Awards{Mode: AwardCounts, First: 1, Second: 1, Third: 1, Honourable: 50, MinTotal: p("82")}
	res := field(a, descending(12)...).compute(t)
	// Top half of 12 is places 1–6; place 6 (total 85) qualifies, 7 does not;
	// min_total 82 holds for 优胜奖 too.
	if got := standing(res); got != "1:1:first 2:2:second 3:3:third 4:4:honourable 5:5:honourable 6:6:honourable 7:7 8:8 9:9 10:10 11:11 12:12" {
		t.Errorf("standing %s", got)
	}
	a.MinTotal = p("86")
	res = field(a, descending(12)...).compute(t)
	if got := standing(res); !strings.HasPrefix(got, "1:1:first 2:2:second 3:3:third 4:4:honourable 5:5:honourable 6:6 7:7") {
		t.Errorf("with min_total 86: standing %s", got)
	}
}

func TestTitles_FollowPlacesAndSeveralMayApply(t *testing.T) {
	e := field(Awards{Mode: AwardCounts, First: 1, Second: 2, Third: 3, SharedTop: true, MinTotal: p("70")}, descending(25)...)
	e.rules.Titles = []Title{{Name: "技术能手", From: 1, To: 3}, {Name: "推荐技师", From: 1, To: 5}, {Name: "推荐高级工", From: 6, To: 20}}
	// Entrants 3 and 4 share place 3: both are 技术能手, as both get the better award.
	e.marks[3].Points = e.marks[2].Points
	res := e.compute(t)
	want := map[uint][]string{
		1: {"技术能手", "推荐技师"}, 3: {"技术能手", "推荐技师"}, 4: {"技术能手", "推荐技师"},
		5: {"推荐技师"}, 6: {"推荐高级工"}, 20: {"推荐高级工"},
		21: nil, // total 70 … place 21 is beyond every title
	}
	for id, titles := range want {
		if got := lineOf(t, res, id).Titles; !slices.Equal(got, titles) {
			t.Errorf("entrant %d: titles %v, want %v", id, got, titles)
		}
	}
	// Place 20 has a title, but a total below min_total gets none.
	e.rules.Awards.MinTotal = p("72")
	l := lineOf(t, e.compute(t), 20)
	if l.Titles != nil || notesIn(l, "zh-CN") != "总分 71 低于获奖最低总分 72，不获奖" {
		t.Errorf("entrant 20 below min_total: %v, %q", l.Titles, notesIn(l, "zh-CN"))
	}
}
