package scoring

import (
	"fmt"
	"strings"
)

// Compute makes an event's results from its rules, its entrants, their
// marks and the chief judge's decisions on ties (nil for none).
//
// Per entrant and criterion the counting judges' marks are combined by the
// rules' method, the exact criterion scores summed into stage scores, and the
// exact stage scores weighted into the total. Every figure shown (criterion,
// stage, total, time) is its exact value rounded once, half up, to
// hundredths; nothing is computed from a rounded figure. Ranking compares
// the totals as shown, then the tie-breaks compare the stage scores and
// times as shown, so what decides a place is what anyone can read.
//
// It returns an error for input it cannot compute with (an unknown
// criterion or entrant, a judge's second mark in a cell, a mark out of
// range, marks of an absent entrant, a veto without a reason or without
// the rules' veto); never a result built on such input.
func Compute(rules Rules, entrants []Entrant, marks []Mark, decisions []Decision) (Result, error) {
	l, err := newLayout(rules)
	if err != nil {
		return Result{}, err
	}
	idx, err := indexEntrants(entrants, rules.Veto)
	if err != nil {
		return Result{}, err
	}
	c, err := gather(&l, entrants, &idx, marks)
	if err != nil {
		return Result{}, err
	}
	lines, err := scoreEntrants(rules, &l, entrants, &c)
	if err != nil {
		return Result{}, err
	}
	return rank(rules, &l, lines, decisions), nil
}

// entrantIndex finds an entrant's position by id. The entrants of one
// event mostly have ids close together (database keys), so it is a plain
// table over their range when that is at most four times their number: a
// look-up per mark then costs an array access, not a hash.
type entrantIndex struct {
	base  uint
	table []int32 // 1 + position, by id − base; 0 for none
	byID  map[uint]int32
}

func (x *entrantIndex) find(id uint) (int32, bool) {
	if x.byID != nil {
		e, ok := x.byID[id]
		return e, ok
	}
	if id < x.base || id-x.base >= uint(len(x.table)) || x.table[id-x.base] == 0 {
		return 0, false
	}
	return x.table[id-x.base] - 1, true
}

func indexEntrants(entrants []Entrant, veto bool) (entrantIndex, error) {
	var x entrantIndex
	if len(entrants) > 0 {
		lo, hi := entrants[0].ID, entrants[0].ID
		for _, e := range entrants {
			lo, hi = min(lo, e.ID), max(hi, e.ID)
		}
		if hi-lo < 4*uint(len(entrants)) {
			x.base, x.table = lo, make([]int32, hi-lo+1)
		} else {
			x.byID = make(map[uint]int32, len(entrants))
		}
	}
	for i, e := range entrants {
		if _, seen := x.find(e.ID); seen {
			return x, fmt.Errorf("scoring: entrant %d listed twice", e.ID)
		}
		if e.Vetoed && !veto {
			return x, fmt.Errorf("scoring: entrant %d is vetoed, but the event's rules have no veto", e.ID)
		}
		if e.Vetoed && strings.TrimSpace(e.VetoReason) == "" {
			return x, fmt.Errorf("scoring: the veto of entrant %d has no reason", e.ID)
		}
		if x.byID != nil {
			x.byID[e.ID] = int32(i)
		} else {
			x.table[e.ID-x.base] = int32(i) + 1
		}
	}
	return x, nil
}

// scoreEntrants makes each entrant's line, in the order of entrants: its
// criterion and stage scores, time and total, and its status. An absent
// entrant has no scores; a stage with a criterion no one has marked has no
// score, nor has the total, and the entrant is incomplete.
func scoreEntrants(r Rules, l *layout, entrants []Entrant, c *cells) ([]EntrantResult, error) {
	ncol, ncrit, nstage := len(l.cols), l.criteria, len(r.Stages)
	lines := make([]EntrantResult, len(entrants))
	// One backing array each, so that 50,000 entrants are not 100,000 allocations.
	criteria := make([]CriterionScore, len(entrants)*ncrit)
	stages := make([]StageScore, len(entrants)*nstage)
	// Each line's first note goes into one array for all; few have more.
	notes := make([]Note, len(entrants))
	sums := make([]exact, nstage)
	complete := make([]bool, nstage)
	tooLarge := false
	rounded := func(x exact) Points {
		p, ok := x.round()
		tooLarge = tooLarge || !ok
		return p
	}
	for i, e := range entrants {
		line := &lines[i]
		*line = EntrantResult{Entrant: e.ID, Enterprise: e.Enterprise, Team: e.Team, Status: StatusRanked, Notes: notes[i : i : i+1]}
		if e.Absent {
			line.Status, line.Notes = StatusAbsent, append(line.Notes, note("absent"))
			continue
		}
		line.Criteria = criteria[i*ncrit : (i+1)*ncrit : (i+1)*ncrit]
		line.Stages = stages[i*nstage : (i+1)*nstage : (i+1)*nstage]
		for s := range sums {
			sums[s], complete[s] = whole(0), true
			line.Stages[s].Code = r.Stages[s].Code
		}
		for col, cl := range l.cols {
			points, judges := c.of(i*ncol + col)
			if j, twice := repeatedJudge(judges); twice {
				return nil, fmt.Errorf("scoring: judge %d marked entrant %d on %q twice", c.judgeIDs[j], e.ID, cl.code)
			}
			if !cl.time {
				line.Criteria[col] = CriterionScore{Code: cl.code, Judges: len(points)}
			}
			switch {
			case len(points) == 0:
				line.Missing = append(line.Missing, MissingMark{Stage: r.Stages[cl.stage].Code, Criterion: cl.code})
				complete[cl.stage] = false
			case cl.time:
				t := rounded(median(points))
				line.Stages[cl.stage].Time = t
				line.Time += t
			default:
				v := combine(r.Combine.Method, r.Combine.TrimMinJudges, points)
				line.Criteria[col].Score = rounded(v)
				sums[cl.stage] = sums[cl.stage].add(v)
			}
		}
		total := whole(0)
		for s, st := range r.Stages {
			if complete[s] {
				line.Stages[s].Score = rounded(sums[s])
			}
			total = total.add(sums[s].scale(int64(st.Weight), 100))
		}
		if len(line.Missing) == 0 {
			line.Total = rounded(total)
		}
		switch {
		case e.Vetoed:
			line.Status, line.VetoReason = StatusVetoed, e.VetoReason
			line.Notes = append(line.Notes, note("vetoed", e.VetoReason))
		case len(line.Missing) > 0:
			line.Status = StatusIncomplete
			line.Notes = append(line.Notes, missingNote(r, line.Missing))
		}
	}
	if tooLarge {
		return nil, fmt.Errorf("scoring: a score is beyond the range of points")
	}
	return lines, nil
}
