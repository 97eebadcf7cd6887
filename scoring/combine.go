package scoring

import (
	"fmt"
	"math"
	"slices"
)

// layout numbers the columns of an event's marks: its criteria in the order
// of the rules, then the time of each timed stage.
type layout struct {
	cols       []column
	byCode     map[string]int32 // criterion code → column
	timeOf     map[string]int32 // timed stage's code → its time column
	stageOf    map[string]int   // stage code → index in the rules
	stageCodes []string
	criteria   int // the first len(criteria) columns are criteria
	tieBreaks  []tieBreak
}

type column struct {
	code  string
	stage int
	max   Points
	time  bool
}

// newLayout reads what the computation needs from the rules and refuses
// rules it cannot compute with: a criterion of no stage, a repeated code, an
// unknown combine method, award mode or tie-break.
func newLayout(r Rules) (layout, error) {
	l := layout{byCode: map[string]int32{}, timeOf: map[string]int32{}, stageOf: map[string]int{}, criteria: len(r.Criteria)}
	for i, s := range r.Stages {
		if _, seen := l.stageOf[s.Code]; seen {
			return l, fmt.Errorf("scoring: stage code %q repeated", s.Code)
		}
		l.stageOf[s.Code] = i
		l.stageCodes = append(l.stageCodes, s.Code)
	}
	for _, c := range r.Criteria {
		st, ok := l.stageOf[c.Stage]
		switch _, seen := l.byCode[c.Code]; {
		case !ok:
			return l, fmt.Errorf("scoring: criterion %q is of no stage %q", c.Code, c.Stage)
		case seen || c.Code == TimeCriterion:
			return l, fmt.Errorf("scoring: criterion code %q repeated or reserved", c.Code)
		}
		l.byCode[c.Code] = int32(len(l.cols))
		l.cols = append(l.cols, column{code: c.Code, stage: st, max: c.Max})
	}
	for i, s := range r.Stages {
		if s.Timed {
			l.timeOf[s.Code] = int32(len(l.cols))
			l.cols = append(l.cols, column{code: TimeCriterion, stage: i, max: Points(s.TimeLimit) * 60 * 100, time: true})
		}
	}
	for _, c := range l.cols {
		if c.max > math.MaxInt32 {
			return l, fmt.Errorf("scoring: the maximum of %q in stage %q is beyond %s", c.code, l.stageCodes[c.stage], Points(math.MaxInt32))
		}
	}
	if !slices.Contains(CombineMethods(), r.Combine.Method) {
		return l, fmt.Errorf("scoring: combine method %q unknown", r.Combine.Method)
	}
	if !slices.Contains(AwardModes(), r.Awards.Mode) {
		return l, fmt.Errorf("scoring: award mode %q unknown", r.Awards.Mode)
	}
	var err error
	l.tieBreaks, err = parseTieBreaks(r.TieBreaks, l.stageOf)
	return l, err
}

// columnNear finds the column of a mark, trying first the column after
// near, then near itself.
func (l *layout) columnNear(m *Mark, near int32) (int32, error) {
	for _, c := range [2]int32{near + 1, near} {
		if int(c) < len(l.cols) && l.cols[c].code == m.Criterion && (!l.cols[c].time || l.stageCodes[l.cols[c].stage] == m.Stage) {
			return c, nil
		}
	}
	if m.Criterion == TimeCriterion {
		if c, ok := l.timeOf[m.Stage]; ok {
			return c, nil
		}
		return 0, fmt.Errorf("scoring: a time used on stage %q, which is not timed", m.Stage)
	}
	if c, ok := l.byCode[m.Criterion]; ok {
		return c, nil
	}
	return 0, fmt.Errorf("scoring: a mark on criterion %q, which the rules do not have", m.Criterion)
}

// cells are the counting marks grouped by entrant and column: the marks of
// cell e×len(cols)+c are points[off[cell]:off[cell+1]], by judges[…] (each
// judge numbered in the order first met, to find a judge's second mark).
// Points are kept in 32 bits, which every mark within a maximum of up to
// 21 million points fits.
type cells struct {
	off      []int32
	points   []int32
	judges   []int32
	judgeIDs []uint // by number
}

// gather sorts the counting marks into cells, in two passes (count, then
// place) so that the marks are stored once, side by side. It refuses marks it
// cannot place: of an unknown or absent entrant, out of range, or a judge's
// second mark in one cell. Marks usually come a sheet at a time, row by row,
// so the entrant and the judge of the mark before, and the column after its
// column, are tried before a look-up.
func gather(l *layout, entrants []Entrant, idx *entrantIndex, marks []Mark) (cells, error) {
	ncol := int32(len(l.cols))
	if len(marks) >= math.MaxInt32 || len(entrants)*int(ncol) >= math.MaxInt32 {
		return cells{}, fmt.Errorf("scoring: %d marks of %d entrants are too many for one event", len(marks), len(entrants))
	}
	cellOf := make([]int32, len(marks))
	off := make([]int32, len(entrants)*int(ncol)+1)
	var e, c int32
	var last *Mark // the last counting mark
	for i := range marks {
		m := &marks[i]
		if !m.Counts {
			cellOf[i] = -1
			continue
		}
		if last == nil || m.Entrant != last.Entrant {
			var ok bool
			if e, ok = idx.find(m.Entrant); !ok {
				return cells{}, fmt.Errorf("scoring: a mark of entrant %d, who is not in the event", m.Entrant)
			}
			if entrants[e].Absent {
				return cells{}, fmt.Errorf("scoring: entrant %d is absent but has marks", m.Entrant)
			}
		}
		var err error
		if c, err = l.columnNear(m, c); err != nil {
			return cells{}, err
		}
		if m.Points < 0 || m.Points > l.cols[c].max {
			return cells{}, fmt.Errorf("scoring: mark %s of entrant %d on %q is out of range", m.Points, m.Entrant, m.Criterion)
		}
		last = m
		cell := e*ncol + c
		cellOf[i] = cell
		off[cell+1]++
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	next := slices.Clone(off[:len(off)-1])
	out := cells{off: off, points: make([]int32, off[len(off)-1]), judges: make([]int32, off[len(off)-1])}
	numbers := map[uint]int32{}
	var j int32
	for i, cell := range cellOf {
		if cell < 0 {
			continue
		}
		m := &marks[i]
		if len(out.judgeIDs) == 0 || m.Judge != out.judgeIDs[j] {
			var ok bool
			if j, ok = numbers[m.Judge]; !ok {
				j = int32(len(out.judgeIDs))
				numbers[m.Judge] = j
				out.judgeIDs = append(out.judgeIDs, m.Judge)
			}
		}
		at := next[cell]
		next[cell]++
		out.points[at], out.judges[at] = int32(m.Points), j
	}
	return out, nil
}

// of returns the points and judges of one cell.
func (c *cells) of(cell int) ([]int32, []int32) {
	from, to := c.off[cell], c.off[cell+1]
	return c.points[from:to], c.judges[from:to]
}

// repeatedJudge finds a judge with two marks in one cell.
func repeatedJudge(judges []int32) (int32, bool) {
	for i := 1; i < len(judges); i++ {
		if slices.Contains(judges[:i], judges[i]) {
			return judges[i], true
		}
	}
	return 0, false
}

// combine makes one exact mark of a criterion's counting marks (at least
// one): their mean; without one highest and one lowest once there are
// trimMin judges (and at least 3), the plain mean below that; or their median.
// It may reorder v. Sums of 32-bit marks, fewer than 2³¹ of them, cannot
// overflow 64 bits.
func combine(method string, trimMin int, v []int32) exact {
	if method == CombineMedian {
		return median(v)
	}
	sum, lo, hi := int64(0), v[0], v[0]
	for _, x := range v {
		sum += int64(x)
		lo, hi = min(lo, x), max(hi, x)
	}
	n := int64(len(v))
	if method == CombineTrimmedMean && len(v) >= max(trimMin, 3) {
		return fraction(sum-int64(lo)-int64(hi), n-2)
	}
	return fraction(sum, n)
}

// median is the middle mark, or the mean of the two middle ones of an even
// count. It sorts v.
func median(v []int32) exact {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return whole(int64(v[n/2]))
	}
	return fraction(int64(v[n/2-1])+int64(v[n/2]), 2)
}
