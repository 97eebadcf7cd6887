package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// tieBreak is one key of the chain after the total: a stage's score (higher
// first) or, with time, the time used (shorter first).
type tieBreak struct {
	stage int
	time  bool
}

// parseTieBreaks reads the chain. "shared" ends it; entrants the chain does
// not separate share their rank whether it is written or not.
func parseTieBreaks(keys []string, stageOf map[string]int) ([]tieBreak, error) {
	var chain []tieBreak
	for i, k := range keys {
		code, isStage := strings.CutPrefix(k, TieStagePrefix)
		stage, known := stageOf[code]
		switch {
		case k == TieShared && i == len(keys)-1:
		case k == TieTime:
			chain = append(chain, tieBreak{time: true})
		case isStage && known:
			chain = append(chain, tieBreak{stage: stage})
		default:
			return nil, fmt.Errorf("scoring: tie-break %q unknown or out of place", k)
		}
	}
	return chain, nil
}

// key is the figure an entrant is compared on, negated where higher goes
// first, so that smaller always goes first.
func (k tieBreak) key(e *EntrantResult) int64 {
	if k.time {
		return int64(e.Time)
	}
	return -int64(e.Stages[k.stage].Score)
}

// rankKey writes into row an entrant's figures in the order the ranking
// compares them: the total, then each tie-break of the chain; row has room
// for one more, the entrant's id, which lists entrants sharing a rank in a
// stable order and never separates them.
func rankKey(row []int64, e *EntrantResult, chain []tieBreak) {
	row[0] = -int64(e.Total)
	for i, k := range chain {
		row[1+i] = k.key(e)
	}
	row[len(row)-1] = int64(e.Entrant)
}

// decidedBy is the index in the rank keys a and b (without their ids) of
// the first figure that differs: 0 for the total, 1+i for the chain's i-th
// tie-break, len(a) when none does.
func decidedBy(a, b []int64) int {
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return len(a)
}

// group is a run of entrants at positions [from, to) of the order that share
// one rank; its places are from+1 … to.
type group struct{ from, to int }

// rank orders the ranked entrants, applies the chief judge's decisions to
// ties on prize places, reports the ties still undecided, gives awards and
// titles, and puts the lines in the order of the results.
func rank(r Rules, l *layout, lines []EntrantResult, decisions []Decision) Result {
	var order, rest []int
	for i := range lines {
		if lines[i].Status == StatusRanked {
			order = append(order, i)
		} else {
			rest = append(rest, i)
		}
	}
	// The keys sit side by side in one array, so that sorting 50,000
	// entrants compares numbers instead of following each line's slices.
	stride := len(l.tieBreaks) + 2
	keys := make([]int64, len(order)*stride)
	for k, i := range order {
		rankKey(keys[k*stride:(k+1)*stride], &lines[i], l.tieBreaks)
	}
	row := func(k int) []int64 { return keys[k*stride : (k+1)*stride] }
	byKey := make([]int, len(order))
	for k := range byKey {
		byKey[k] = k
	}
	slices.SortFunc(byKey, func(a, b int) int { return slices.Compare(row(a), row(b)) })
	res := Result{Field: len(order), Places: places(r.Awards, len(order))}
	var groups []group
	for pos, k := range byKey {
		if pos > 0 {
			a, b := row(byKey[pos-1]), row(k)
			switch by := decidedBy(a[:stride-1], b[:stride-1]); {
			case by == stride-1:
				groups[len(groups)-1].to++
				continue
			case by > 0:
				explainTieBreak(r, &lines[order[byKey[pos-1]]], &lines[order[k]], l.tieBreaks[by-1])
			}
		}
		groups = append(groups, group{pos, pos + 1})
	}
	for pos, k := range byKey {
		byKey[pos] = order[k] // from now on, the lines in order of place
	}
	order = byKey
	groups = decideTies(r.Awards, &res, lines, order, groups, decisions)
	for _, g := range groups {
		giveAwards(r, res.Places, lines, order[g.from:g.to], g.from+1)
	}
	slices.SortFunc(rest, func(i, j int) int {
		return cmp.Or(cmp.Compare(unrankedOrder(lines[i].Status), unrankedOrder(lines[j].Status)),
			cmp.Compare(lines[i].Entrant, lines[j].Entrant))
	})
	for _, i := range rest {
		if lines[i].Status == StatusIncomplete {
			res.Incomplete++
		}
	}
	permute(lines, append(order, rest...))
	res.Entrants = lines
	return res
}

// permute puts lines in the order of from, in place: the line at position k
// becomes the one at from[k]. It uses up from.
func permute(lines []EntrantResult, from []int) {
	for k := range from {
		if from[k] < 0 {
			continue
		}
		held, j := lines[k], k
		for {
			src := from[j]
			from[j] = -1
			if src == k {
				lines[j] = held
				break
			}
			lines[j], j = lines[src], src
		}
	}
}

func unrankedOrder(s Status) int {
	return slices.Index([]Status{StatusIncomplete, StatusVetoed, StatusAbsent}, s)
}

// decideTies goes through the shared ranks. On a place that gets a prize,
// under NoSharedMedals, a tie is either ordered by the chief judge's decision
// naming exactly its entrants, or reported; every other shared rank stays
// shared. It returns the groups with the decided ties split into places.
func decideTies(a Awards, res *Result, lines []EntrantResult, order []int, groups []group, decisions []Decision) []group {
	used := make([]bool, len(decisions))
	prizes := res.Places.First + res.Places.Second + res.Places.Third
	var out []group
	for _, g := range groups {
		members := order[g.from:g.to]
		n := len(members)
		if n == 1 {
			out = append(out, g)
			continue
		}
		if !a.NoSharedMedals || g.from+1 > prizes || lines[members[0]].Total < a.MinTotal {
			shared := note("shared", n-1, lines[members[0]].Total, g.from+1) // one for all, read-only
			for _, i := range members {
				lines[i].Notes = append(lines[i].Notes, shared)
			}
			out = append(out, g)
			continue
		}
		d := matchingDecision(lines, members, decisions, used)
		if d < 0 {
			tie, pending := Tie{Place: g.from + 1}, note("tie_pending", n-1, g.from+1)
			for _, i := range members {
				tie.Entrants = append(tie.Entrants, lines[i].Entrant)
				lines[i].Notes = append(lines[i].Notes, pending)
			}
			res.Ties = append(res.Ties, tie)
			out = append(out, g)
			continue
		}
		used[d] = true
		position := make(map[uint]int, n)
		for p, id := range decisions[d].Entrants {
			position[id] = p
		}
		slices.SortFunc(members, func(i, j int) int {
			return cmp.Compare(position[lines[i].Entrant], position[lines[j].Entrant])
		})
		for p, i := range members {
			lines[i].Notes = append(lines[i].Notes, note("decided", n-1, g.from+p+1))
			out = append(out, group{g.from + p, g.from + p + 1})
		}
	}
	for d, u := range used {
		if !u {
			res.UnusedDecisions = append(res.UnusedDecisions, decisions[d])
		}
	}
	return out
}

// matchingDecision finds an unused decision that names exactly the tied
// entrants, each once; -1 if none does.
func matchingDecision(lines []EntrantResult, members []int, decisions []Decision, used []bool) int {
	ids := make([]uint, len(members))
	for k, i := range members {
		ids[k] = lines[i].Entrant
	}
	slices.Sort(ids)
	for d, dec := range decisions {
		if used[d] || len(dec.Entrants) != len(ids) {
			continue
		}
		named := slices.Sorted(slices.Values(dec.Entrants))
		if slices.Equal(named, ids) {
			return d
		}
	}
	return -1
}
