//go:build unix

package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"leitai/model/modeltest"
)

// benchEvent is a provincial selection round: 50,000 entrants, 10 criteria
// (2 of theory, 8 of practical), 5 judges each: 2.5 million marks, in the
// order judges enter them (judge by judge, row by row), with the skills
// template's rules, 优胜奖 and titles.
func benchEvent() (Rules, []Entrant, []Mark) {
	const entrants, judges = 50000, 5
	r := skills()
	r.Stages[1].Timed = false
	r.TieBreaks = []string{"stage:practical", "stage:theory", "shared"}
	r.Combine = Combine{Method: CombineTrimmedMean, TrimMinJudges: 5}
	r.Awards = Awards{Mode: AwardShares, First: 10, Second: 20, Third: 30, Honourable: 80, MinTotal: p("60"), SharedTop: true}
	r.Titles = []Title{{Name: "技术能手", From: 1, To: 3}, {Name: "推荐技师", From: 1, To: 5}, {Name: "推荐高级工", From: 6, To: 20}}
	r.Criteria = nil
	for i := range 10 {
		stage, max := "practical", p("12.5")
		if i < 2 {
			stage, max = "theory", p("50")
		}
		r.Criteria = append(r.Criteria, Criterion{Code: fmt.Sprintf("C%d", i), Name: fmt.Sprintf("细则%d", i), Stage: stage, Max: max, Kind: "judgement"})
	}
	rng := rand.New(rand.NewPCG(7, 8))
	es := make([]Entrant, entrants)
	for i := range es {
		es[i] = Entrant{ID: uint(200001 + i), Enterprise: uint(1 + rng.IntN(2000))}
	}
	marks := make([]Mark, 0, entrants*len(r.Criteria)*judges)
	for j := range judges {
		for _, e := range es {
			for _, c := range r.Criteria {
				// Marks in steps of 0.5 from half the maximum up, so that ties are common.
				half := int64(c.Max) / 50 / 2
				marks = append(marks, Mark{Entrant: e.ID, Criterion: c.Code, Judge: uint(j + 1), Counts: true,
					Points: Points((half + rng.Int64N(half+1)) * 50)})
			}
		}
	}
	return r, es, marks
}

// BenchmarkCompute ranks that event from its marks in memory, reported as a
// multiple of merely going through the same marks and adding them up by
// entrant in a map (the least any computation over them costs), once with
// the marks in the order judges enter them, once in no order at all (what a
// query without ORDER BY may give, and the worst case for trying the mark
// before). Beside the time it reports the processor time of the whole
// process (garbage collection included) per operation, and its multiple of
// the baseline's, which a machine shared with other work disturbs far less.
func BenchmarkCompute(b *testing.B) {
	r, entrants, marks := benchEvent()
	shuffled := slices.Clone(marks)
	rand.New(rand.NewPCG(9, 10)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, order := range []struct {
		name  string
		marks []Mark
	}{{"sheet-order", marks}, {"no-order", shuffled}} {
		var base, baseCPU float64
		b.Run(order.name+"/baseline-sum-into-map", func(b *testing.B) {
			start, startCPU := time.Now(), modeltest.ProcessorTime()
			for b.Loop() {
				sums := make(map[uint]int64, len(entrants))
				for i := range order.marks {
					sums[order.marks[i].Entrant] += int64(order.marks[i].Points)
				}
			}
			base = float64(time.Since(start).Nanoseconds()) / float64(b.N)
			baseCPU = float64(modeltest.ProcessorTime()-startCPU) / float64(b.N)
			b.ReportMetric(baseCPU, "cpu-ns/op")
		})
		b.Run(order.name+"/compute", func(b *testing.B) {
			start, startCPU := time.Now(), modeltest.ProcessorTime()
			for b.Loop() {
				if _, err := Compute(r, entrants, order.marks, nil); err != nil {
					b.Fatal(err)
				}
			}
			cpu := float64(modeltest.ProcessorTime()-startCPU) / float64(b.N)
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/base, "x_baseline")
			b.ReportMetric(cpu, "cpu-ns/op")
			b.ReportMetric(cpu/baseCPU, "x_baseline_cpu")
		})
	}
}
