package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// teamEvent: team 1 is entrants 1 (90), 2 (80), 3 (70); team 2 is 4 (85),
// 5 (84) and 6, absent; team 3 is 7 (95), vetoed. Entrants 1, 4 and 7 are
// of enterprise 501, the others of 502.
func teamEvent(t *testing.T) Result {
	e := field(Awards{Mode: AwardCounts}, "90", "80", "70", "85", "84")
	e.rules.Veto = true
	e.marks = append(e.marks, judged(7, "A1", "95")...)
	e.entrants = append(e.entrants, Entrant{ID: 6, Absent: true}, Entrant{ID: 7, Vetoed: true, VetoReason: "安全事故"})
	for i := range e.entrants {
		en := &e.entrants[i]
		en.Team = map[uint]uint{1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 3}[en.ID]
		en.Enterprise = 502
		if en.ID%3 == 1 {
			en.Enterprise = 501
		}
	}
	return e.compute(t)
}

// table writes standings as "id:rank:total:members".
func table(s []Standing) string {
	var out []string
	for _, row := range s {
		out = append(out, fmt.Sprintf("%d:%d:%s:%v", row.ID, row.Rank, row.Total, row.Members))
	}
	return strings.Join(out, " ")
}

func TestTeams_SumOfMembersTotals(t *testing.T) {
	s, err := TeamStandings(teamEvent(t), TeamRule{Method: TeamSum})
	// The absent and the vetoed members count nothing; a team with no
	// member who counts is listed unranked.
	if err != nil || table(s) != "1:1:240:[1 2 3] 2:2:169:[4 5] 3:0:0:[]" {
		t.Errorf("%s, %v", table(s), err)
	}
	// An empty method is the sum: rules stored before teams existed.
	if s2, _ := TeamStandings(teamEvent(t), TeamRule{}); table(s2) != table(s) {
		t.Errorf("empty rule: %s", table(s2))
	}
}

func TestTeams_BestNOfMembers(t *testing.T) {
	s, err := TeamStandings(teamEvent(t), TeamRule{Method: TeamBest, Best: 2})
	if err != nil || table(s) != "1:1:170:[1 2] 2:2:169:[4 5] 3:0:0:[]" {
		t.Errorf("%s, %v", table(s), err)
	}
	// Best 3 where team 2 has only 2 who count: it counts those.
	s, _ = TeamStandings(teamEvent(t), TeamRule{Method: TeamBest, Best: 3})
	if table(s) != "1:1:240:[1 2 3] 2:2:169:[4 5] 3:0:0:[]" {
		t.Errorf("best 3: %s", table(s))
	}
	s, _ = TeamStandings(teamEvent(t), TeamRule{Method: TeamBest, Best: 1})
	if table(s) != "1:1:90:[1] 2:2:85:[4] 3:0:0:[]" {
		t.Errorf("best 1: %s", table(s))
	}
}

func TestTeams_EqualTotalsShareARank(t *testing.T) {
	e := field(Awards{Mode: AwardCounts}, "90", "80", "85", "85", "60")
	for i := range e.entrants {
		e.entrants[i].Team = uint([]int{1, 1, 2, 2, 3}[i])
	}
	s, _ := TeamStandings(e.compute(t), TeamRule{Method: TeamSum})
	if table(s) != "1:1:170:[1 2] 2:1:170:[3 4] 3:3:60:[5]" {
		t.Errorf("%s", table(s))
	}
}

func TestEnterprises_RankedAsOneTeamUnderTheTeamRule(t *testing.T) {
	// 501: entrants 1 (90), 4 (85), 7 (vetoed); 502: 2 (80), 3 (70), 5 (84), 6 (absent).
	s, err := EnterpriseStandings(teamEvent(t), TeamRule{Method: TeamSum})
	if err != nil || table(s) != "502:1:234:[5 2 3] 501:2:175:[1 4]" {
		t.Errorf("sum: %s, %v", table(s), err)
	}
	s, _ = EnterpriseStandings(teamEvent(t), TeamRule{Method: TeamBest, Best: 2})
	if table(s) != "501:1:175:[1 4] 502:2:164:[5 2]" {
		t.Errorf("best 2: %s", table(s))
	}
}

func TestTeams_RuleItCannotApplyIsRefused(t *testing.T) {
	for _, rule := range []TeamRule{{Method: "average"}, {Method: TeamBest}, {Method: TeamBest, Best: -1}} {
		if _, err := TeamStandings(Result{}, rule); err == nil {
			t.Errorf("%+v accepted", rule)
		}
	}
}

func TestTeams_ContestSumAddsEachEventsRankedTotals(t *testing.T) {
	first := []Standing{{ID: 501, Rank: 1, Total: 17000, Members: []uint{1, 2}}, {ID: 502, Rank: 2, Total: 16900, Members: []uint{4}}, {ID: 503}}
	second := []Standing{{ID: 502, Rank: 1, Total: 100, Members: []uint{9}}, {ID: 504}}
	// 501 and 502 end equal and share first place; 503 and 504 rank nowhere.
	if got := table(SumStandings(first, second)); got != "501:1:170:[1 2] 502:1:170:[4 9] 503:0:0:[] 504:0:0:[]" {
		t.Errorf("%s", got)
	}
	if got := SumStandings(); len(got) != 0 {
		t.Errorf("no events: %v", got)
	}
}
