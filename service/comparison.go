package service

import (
	"context"
	"math/big"

	"leitai/model"
)

// After a stage is signed off, a judge (or a trainee, to learn from it) may
// see how its own marks compare with the panel's: for each criterion of the
// stage, its marks' mean and spread beside those of the other counting
// judges' marks of the same entrants, the ones it marked. No entrant is
// named, nor any other judge: the panel is one pool. The spread is the
// population standard deviation; means and deviations are computed exactly
// from the marks in hundredths and rounded half up to hundredths once, at
// the end; lowest and highest are exact.

// Comparison is a judge's marks of a stage against the panel's.
type Comparison struct {
	EventID   uint                  `json:"event_id"`
	EventName string                `json:"event_name"`
	Stage     string                `json:"stage"`
	StageName string                `json:"stage_name"`
	Criteria  []CriterionComparison `json:"criteria"`
}

// CriterionComparison is one criterion: the judge's own marks and the other
// counting judges' marks of the entrants the judge marked.
type CriterionComparison struct {
	Code  string    `json:"code"`
	Name  string    `json:"name"`
	Max   Points    `json:"max"`
	Own   MarkStats `json:"own"`
	Panel MarkStats `json:"panel"`
}

// MarkStats sums up some marks; with no marks every figure is 0.
type MarkStats struct {
	// Marks counts the marks, Judges the judges who gave them.
	Marks  int `json:"marks"`
	Judges int `json:"judges"`
	// Mean and SD (the population standard deviation) are rounded half up to hundredths.
	Mean Points `json:"mean"`
	SD   Points `json:"sd"`
	Low  Points `json:"low"`
	High Points `json:"high"`
}

// markStats sums up marks given in hundredths by judges.
func markStats(points []int64, judges int) MarkStats {
	n := int64(len(points))
	if n == 0 {
		return MarkStats{}
	}
	st := MarkStats{Marks: len(points), Judges: judges, Low: Points(points[0]), High: Points(points[0])}
	var sum int64
	sumSq := new(big.Int)
	for _, p := range points {
		sum += p
		sumSq.Add(sumSq, new(big.Int).Mul(big.NewInt(p), big.NewInt(p)))
		st.Low, st.High = min(st.Low, Points(p)), max(st.High, Points(p))
	}
	// Marks are never negative, so half up is (2·sum + n) / 2n in integers.
	st.Mean = Points((2*sum + n) / (2 * n))
	// The deviation in hundredths is √v / n with v = n·Σp² − (Σp)², exactly.
	v := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(n), sumSq), new(big.Int).Mul(big.NewInt(sum), big.NewInt(sum)))
	st.SD = Points(roundedRootOver(v, n))
	return st
}

// roundedRootOver is √v / n rounded half up, for v ≥ 0 and n > 0, in
// integers: it is ⌊√v / n⌋ or one more, and one more exactly when
// (2k + 1)² · n² ≤ 4v for k = ⌊√v / n⌋.
func roundedRootOver(v *big.Int, n int64) int64 {
	bn := big.NewInt(n)
	k := new(big.Int).Quo(new(big.Int).Sqrt(v), bn)
	odd := new(big.Int).Add(new(big.Int).Lsh(k, 1), big.NewInt(1))
	lhs := new(big.Int).Mul(new(big.Int).Mul(odd, odd), new(big.Int).Mul(bn, bn))
	if lhs.Cmp(new(big.Int).Lsh(v, 2)) <= 0 {
		k.Add(k, big.NewInt(1))
	}
	return k.Int64()
}

// CompareMarks shows the caller, a judge or trainee of a stage, its marks
// against the panel's, once the stage is signed off (409 before).
func (s *Service) CompareMarks(ctx context.Context, c Caller, eventID uint, stage string) (Comparison, error) {
	sc, err := s.openSheet(ctx, c, eventID, stage, false)
	if err != nil {
		return Comparison{}, err
	}
	var signed int64
	if err := s.conn(ctx).Model(&model.StageSignoff{}).Where("event_id = ? AND stage = ?", sc.ev.ID, stage).Count(&signed).Error; err != nil {
		return Comparison{}, err
	}
	if signed == 0 {
		return Comparison{}, conflict("comparison_before_signoff", sc.stage.Name)
	}
	judges, err := s.countingJudges(ctx, sc.ev.ID, stage)
	if err != nil {
		return Comparison{}, err
	}
	others := []uint{}
	for _, j := range judges {
		if j.ID != c.AccountID {
			others = append(others, j.ID)
		}
	}
	var marks []struct {
		EntrantID uint
		Criterion string
		JudgeID   uint
		Points    int64
	}
	if err := s.stageMarksBy(ctx, sc.ev.ID, stage, append(others, c.AccountID)).
		Select("marks.entrant_id, marks.criterion, marks.judge_id, marks.points").Scan(&marks).Error; err != nil {
		return Comparison{}, err
	}
	type cell struct {
		entrant   uint
		criterion string
	}
	own := map[cell]bool{}
	for _, m := range marks {
		if m.JudgeID == c.AccountID {
			own[cell{m.EntrantID, m.Criterion}] = true
		}
	}
	out := Comparison{EventID: sc.ev.ID, EventName: sc.ev.Name, Stage: sc.stage.Code, StageName: sc.stage.Name, Criteria: []CriterionComparison{}}
	for _, cr := range sc.criteria {
		var mine, theirs []int64
		panel := map[uint]bool{}
		for _, m := range marks {
			switch {
			case m.Criterion != cr.Code || !own[cell{m.EntrantID, m.Criterion}]:
			case m.JudgeID == c.AccountID:
				mine = append(mine, m.Points)
			default:
				theirs = append(theirs, m.Points)
				panel[m.JudgeID] = true
			}
		}
		ownJudges := 0
		if len(mine) > 0 {
			ownJudges = 1
		}
		out.Criteria = append(out.Criteria, CriterionComparison{Code: cr.Code, Name: cr.Name, Max: cr.Max,
			Own: markStats(mine, ownJudges), Panel: markStats(theirs, len(panel))})
	}
	return out, nil
}
