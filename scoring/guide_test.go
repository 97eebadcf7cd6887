package scoring

import "testing"

// The worked example of "How results are computed" in the user guide
// (docs/user-guide.*.md, chapter 19), so that the guide and the code agree.
func TestGuide_WorkedExample(t *testing.T) {
	r := skills()
	r.Combine = Combine{Method: CombineTrimmedMean, TrimMinJudges: 5}
	r.Awards = Awards{Mode: AwardShares, First: 10, Second: 20, Third: 30, SharedTop: true}
	e := &event{rules: r}
	for _, en := range []struct {
		id        uint
		theory    string
		practical []string
		time      string
	}{
		{1, "90", []string{"88", "86", "86", "85", "80"}, "48:10"},
		{2, "70", []string{"80", "80", "80", "80", "80"}, "55:00"},
		{3, "80", []string{"90", "90", "90", "92", "85"}, "50:00"},
		{4, "70", []string{"80", "80", "80", "80", "80"}, "52:30"},
		{5, "89.23", []string{"86", "86", "86", "86", "86"}, "58:00"},
	} {
		e.entrants = append(e.entrants, Entrant{ID: en.id})
		e.marks = append(e.marks, judged(en.id, "T1", en.theory)...)
		e.marks = append(e.marks, judged(en.id, "P1", en.practical...)...)
		e.marks = append(e.marks, timed(en.id, "practical", en.time)...)
	}
	e.entrants = append(e.entrants, Entrant{ID: 6, Absent: true})
	res := e.compute(t)
	if got := standing(res); got != "3:1:first 5:2:second 1:3:third 4:4 2:5 6:0:absent" {
		t.Errorf("standing %s", got)
	}
	for id, want := range map[uint][2]string{1: {"85.67", "86.97"}, 2: {"80", "77"}, 3: {"90", "87"}, 4: {"80", "77"}, 5: {"86", "86.97"}} {
		l := lineOf(t, res, id)
		if l.Stages[1].Score != p(want[0]) || l.Total != p(want[1]) {
			t.Errorf("entrant %d: practical %s, total %s; want %s, %s", id, l.Stages[1].Score, l.Total, want[0], want[1])
		}
	}
	for id, want := range map[uint]string{
		5: "与下一名总分同为 86.97，实操成绩较高（86 对 85.67），列其前",
		1: "与上一名总分同为 86.97，实操成绩较低（85.67 对 86），列其后",
		4: "与下一名总分同为 77，用时较短（52:30 对 55:00），列其前",
		6: "缺赛，不参加排名",
	} {
		if got := notesIn(lineOf(t, res, id), "zh-CN"); got != want {
			t.Errorf("entrant %d: %q, want %q", id, got, want)
		}
	}
	if got := notesIn(lineOf(t, res, 5), "en"); got != "same total 86.97 as the next entrant, ahead on a higher 实操 score (86 to 85.67)" {
		t.Errorf("%q", got)
	}
}
