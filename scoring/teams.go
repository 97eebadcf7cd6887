package scoring

import (
	"cmp"
	"fmt"
	"slices"
)

// Standing is a team's, or an enterprise's, place in one event.
type Standing struct {
	ID uint `json:"id"`
	// Rank is 0 when no member counts (all absent, vetoed or incomplete);
	// equal totals share a rank.
	Rank  int    `json:"rank"`
	Total Points `json:"total"`
	// Members are the entrants whose totals count, best first.
	Members []uint `json:"members"`
}

// TeamStandings ranks the teams of an event by their members' totals under
// the team rule (see standings).
func TeamStandings(r Result, rule TeamRule) ([]Standing, error) {
	return standings(r, rule, func(e *EntrantResult) uint { return e.Team })
}

// EnterpriseStandings ranks the enterprises of an event as though each
// enterprise's entrants were one team under the event's team rule (团体总分:
// all of them, or the best N).
func EnterpriseStandings(r Result, rule TeamRule) ([]Standing, error) {
	return standings(r, rule, func(e *EntrantResult) uint { return e.Enterprise })
}

// standings groups the entrants by key (0 is no group). A group's total is
// the sum of its ranked members' totals as published (all of them, or the
// best N), so anyone can add them up from the results; absent, vetoed and
// incomplete members count nothing. A team with fewer than N ranked members
// counts those it has. Equal totals share a rank; groups are then listed by id.
func standings(r Result, rule TeamRule, key func(*EntrantResult) uint) ([]Standing, error) {
	best := 0 // all
	switch rule.Method {
	case "", TeamSum:
	case TeamBest:
		if rule.Best < 1 {
			return nil, fmt.Errorf("scoring: team rule best %d: at least 1", rule.Best)
		}
		best = rule.Best
	default:
		return nil, fmt.Errorf("scoring: team rule %q unknown", rule.Method)
	}
	at := map[uint]int{}
	var out []Standing
	// r.Entrants lists the ranked best first, so members come in order.
	for i := range r.Entrants {
		e := &r.Entrants[i]
		id := key(e)
		if id == 0 {
			continue
		}
		k, seen := at[id]
		if !seen {
			k = len(out)
			at[id] = k
			out = append(out, Standing{ID: id})
		}
		s := &out[k]
		if e.Status == StatusRanked && (best == 0 || len(s.Members) < best) {
			s.Members = append(s.Members, e.Entrant)
			s.Total += e.Total
		}
	}
	rankStandings(out)
	return out, nil
}

// rankStandings sorts standings, those with a counting member first, by
// total, then by id, and ranks them: equal totals share a rank.
func rankStandings(out []Standing) {
	slices.SortFunc(out, func(a, b Standing) int {
		return cmp.Or(cmp.Compare(min(len(b.Members), 1), min(len(a.Members), 1)),
			cmp.Compare(b.Total, a.Total), cmp.Compare(a.ID, b.ID))
	})
	rankRows(len(out), func(i int) bool { return len(out[i].Members) > 0 },
		func(i, j int) bool { return out[i].Total == out[j].Total },
		func(i, rank int) { out[i].Rank = rank })
}

// rankRows gives sorted rows their ranks: a row equal to the one before
// shares its rank (1, 2, 2, 4); a row that is not ranked gets 0.
func rankRows(n int, ranked func(i int) bool, equal func(i, j int) bool, set func(i, rank int)) {
	rank := 0
	for i := range n {
		if !ranked(i) {
			continue
		}
		if i == 0 || !equal(i-1, i) {
			rank = i + 1
		}
		set(i, rank)
	}
}

// SumStandings ranks groups (enterprises, say) over several events by the
// sum of their totals in each event where they rank (团体总分 of a contest):
// a group ranks when it ranks in at least one event, and its Members are
// those that counted there, event by event. Equal sums share a rank; groups
// are then listed by id.
func SumStandings(events ...[]Standing) []Standing {
	at := map[uint]int{}
	var out []Standing
	for _, list := range events {
		for _, s := range list {
			k, seen := at[s.ID]
			if !seen {
				k = len(out)
				at[s.ID] = k
				out = append(out, Standing{ID: s.ID})
			}
			if s.Rank > 0 {
				out[k].Total += s.Total
				out[k].Members = append(out[k].Members, s.Members...)
			}
		}
	}
	rankStandings(out)
	return out
}
