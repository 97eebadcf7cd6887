package scoring

import (
	"cmp"
	"slices"
)

// MedalRow is an organisation's line of a medal table: its 一等奖, 二等奖
// and 三等奖 as gold, silver and bronze.
type MedalRow struct {
	Organisation uint `json:"organisation"`
	// Rank: more gold first, then more silver, then more bronze; equal
	// counts share a rank.
	Rank   int `json:"rank"`
	Gold   int `json:"gold"`
	Silver int `json:"silver"`
	Bronze int `json:"bronze"`
}

// EnterpriseMedals is the medal table of the enterprises with an entrant in
// any of the results (one event's, or a whole contest's), those without a
// medal included at the foot.
func EnterpriseMedals(results []Result) []MedalRow {
	at := map[uint]int{}
	var rows []MedalRow
	for _, r := range results {
		for i := range r.Entrants {
			e := &r.Entrants[i]
			if e.Enterprise == 0 {
				continue
			}
			k, seen := at[e.Enterprise]
			if !seen {
				k = len(rows)
				at[e.Enterprise] = k
				rows = append(rows, MedalRow{Organisation: e.Enterprise})
			}
			rows[k].add(e.Award)
		}
	}
	return rankMedals(rows)
}

// UnionMedals is the medal table of the given unions (the district unions
// under the city's, say): each counts the medals of every enterprise below
// it in the tree that parents describes (organisation → its parent), and an
// enterprise named as a union counts for itself.
func UnionMedals(enterprises []MedalRow, parents map[uint]uint, unions []uint) []MedalRow {
	at := make(map[uint]int, len(unions))
	rows := make([]MedalRow, 0, len(unions))
	for _, u := range unions {
		if _, seen := at[u]; !seen {
			at[u] = len(rows)
			rows = append(rows, MedalRow{Organisation: u})
		}
	}
	// countedFor[k] is 1 + the enterprise last counted for union k, so that a
	// cycle in a faulty map counts no medal twice; the bound on the steps (a
	// tree has no more levels than organisations) keeps it from running for ever.
	countedFor := make([]int, len(rows))
	for ei, e := range enterprises {
		org, ok := e.Organisation, true
		for step := 0; ok && step <= len(parents); step++ {
			if k, listed := at[org]; listed && countedFor[k] != ei+1 {
				countedFor[k] = ei + 1
				rows[k].Gold += e.Gold
				rows[k].Silver += e.Silver
				rows[k].Bronze += e.Bronze
			}
			org, ok = parents[org]
		}
	}
	return rankMedals(rows)
}

func (m *MedalRow) add(a Award) {
	switch a {
	case AwardFirst:
		m.Gold++
	case AwardSecond:
		m.Silver++
	case AwardThird:
		m.Bronze++
	}
}

func rankMedals(rows []MedalRow) []MedalRow {
	counts := func(m MedalRow) [3]int { return [3]int{m.Gold, m.Silver, m.Bronze} }
	slices.SortFunc(rows, func(a, b MedalRow) int {
		ca, cb := counts(a), counts(b)
		return cmp.Or(slices.Compare(cb[:], ca[:]), cmp.Compare(a.Organisation, b.Organisation))
	})
	rankRows(len(rows), func(int) bool { return true },
		func(i, j int) bool { return counts(rows[i]) == counts(rows[j]) },
		func(i, rank int) { rows[i].Rank = rank })
	return rows
}
