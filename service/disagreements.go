package service

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"leitai/model"
)

// Disagreements (评分差异): where the counting judges' marks of one entrant
// on one judgement criterion are further apart, highest minus lowest, than
// the event's threshold (Rules.Disagreement), the chief judge sees the cell
// with each judge's mark, and may ask some of those judges to mark it again
// (remarks.go). Measurement criteria are left out: they are read off, not
// judged. Trainees' marks never count, so they never make a disagreement;
// a replaced judge's marks count, as they stay its own.

// Disagreements are an event's cells whose marks differ by more than its threshold.
type Disagreements struct {
	EventID uint `json:"event_id"`
	// Threshold is the event's; 0 means the event shows no disagreements.
	Threshold Points         `json:"threshold"`
	Items     []Disagreement `json:"items"`
}

// Disagreement is one cell: an entrant, by number, on one criterion.
type Disagreement struct {
	Stage         string `json:"stage"`
	StageName     string `json:"stage_name"`
	Number        string `json:"number"`
	Criterion     string `json:"criterion"`
	CriterionName string `json:"criterion_name"`
	// Spread is the highest mark minus the lowest.
	Spread Points             `json:"spread"`
	Marks  []DisagreementMark `json:"marks"`
	// Remarks are the requests to mark this cell again, open and settled.
	Remarks []Remark `json:"remarks"`
}

// DisagreementMark is one counting judge's mark of the cell.
type DisagreementMark struct {
	JudgeID   uint   `json:"judge_id"`
	JudgeName string `json:"judge_name"`
	Points    Points `json:"points"`
	// Replaced is true for a judge replaced on the stage: its mark counts,
	// and it can no longer be asked to mark again.
	Replaced bool `json:"replaced"`
}

// countingJudge is a judge whose marks of a stage count.
type countingJudge struct {
	ID       uint
	Name     string
	Replaced bool
}

// countingJudges are the judges whose marks of a stage count: the judges
// (not trainees) given it, and those replaced on it, whose marks stay theirs.
func (s *Service) countingJudges(ctx context.Context, eventID uint, stage string) ([]countingJudge, error) {
	var members []model.PanelMember
	if err := s.conn(ctx).Preload("Account").Where("event_id = ? AND duty = ?", eventID, DutyJudge).Order("id").Find(&members).Error; err != nil {
		return nil, err
	}
	var out []countingJudge
	for _, m := range members {
		if slices.Contains(stagesOf(m), stage) {
			out = append(out, countingJudge{ID: m.AccountID, Name: m.Account.DisplayName})
		}
	}
	replaced, err := s.stageReplacements(ctx, eventID, stage)
	if err != nil {
		return nil, err
	}
	for _, r := range replaced {
		out = append(out, countingJudge{ID: r.ReplacedID, Name: r.Replaced.DisplayName, Replaced: true})
	}
	return out, nil
}

func judgeIDs(judges []countingJudge) []uint {
	ids := make([]uint, len(judges))
	for i, j := range judges {
		ids[i] = j.ID
	}
	return ids
}

// EventDisagreements shows an event's disagreements to its chief judge and,
// read-only, to its organisers.
func (s *Service) EventDisagreements(ctx context.Context, c Caller, eventID uint) (Disagreements, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Disagreements{}, err
	}
	if _, err := s.leadsEvent(ctx, c, ev); err != nil {
		return Disagreements{}, err
	}
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return Disagreements{}, err
	}
	return boardAnswer(s.boards, boardKey{"disagreements", fmt.Sprint(ev.ID)}, func() (Disagreements, error) {
		out := Disagreements{EventID: ev.ID, Threshold: rules.Disagreement, Items: []Disagreement{}}
		if rules.Disagreement <= 0 {
			return out, nil
		}
		for _, st := range rules.Stages {
			items, err := s.stageDisagreements(ctx, ev.ID, rules, st, 0, "")
			if err != nil {
				return out, err
			}
			out.Items = append(out.Items, items...)
		}
		return out, nil
	})
}

// judged are the codes of a stage's judgement criteria, with their names.
func judged(rules Rules, stage string) map[string]string {
	out := map[string]string{}
	for _, cr := range rules.Criteria {
		if cr.Stage == stage && cr.Kind == "judgement" {
			out[cr.Code] = cr.Name
		}
	}
	return out
}

// stageDisagreements finds the disagreements of a stage: one grouped query
// finds the cells, a second their marks. entrantID and criterion, when set,
// look at that one cell only.
func (s *Service) stageDisagreements(ctx context.Context, eventID uint, rules Rules, st Stage, entrantID uint, criterion string) ([]Disagreement, error) {
	names := judged(rules, st.Code)
	codes := make([]string, 0, len(names))
	for code := range names {
		if criterion == "" || code == criterion {
			codes = append(codes, code)
		}
	}
	judges, err := s.countingJudges(ctx, eventID, st.Code)
	if err != nil || len(codes) == 0 || len(judges) < 2 || rules.Disagreement <= 0 {
		return nil, err
	}
	db := s.conn(ctx)
	onStage := func() *gorm.DB {
		q := db.Table("marks").Joins("JOIN sheets ON sheets.id = marks.sheet_id").
			Where("sheets.event_id = ? AND sheets.stage = ? AND marks.judge_id IN ? AND marks.criterion IN ?", eventID, st.Code, judgeIDs(judges), codes)
		if entrantID != 0 {
			q = q.Where("marks.entrant_id = ?", entrantID)
		}
		return q
	}
	var cells []struct {
		EntrantID uint
		Criterion string
	}
	if err := onStage().Select("marks.entrant_id, marks.criterion").Group("marks.entrant_id, marks.criterion").
		Having("MAX(marks.points) - MIN(marks.points) > ?", int64(rules.Disagreement)).Scan(&cells).Error; err != nil {
		return nil, err
	}
	if len(cells) == 0 {
		return nil, nil
	}
	entrants := make([]uint, len(cells))
	for i, cl := range cells {
		entrants[i] = cl.EntrantID
	}
	var marks []struct {
		EntrantID  uint
		DrawNumber string
		Criterion  string
		JudgeID    uint
		Points     int64
	}
	if err := onStage().Joins("JOIN entrants ON entrants.id = marks.entrant_id").Where("marks.entrant_id IN ?", entrants).
		Select("marks.entrant_id, entrants.draw_number, marks.criterion, marks.judge_id, marks.points").Order("marks.judge_id").Scan(&marks).Error; err != nil {
		return nil, err
	}
	remarks, err := s.cellRemarks(ctx, eventID, st.Code, entrants)
	if err != nil {
		return nil, err
	}
	type cellKey struct {
		entrant   uint
		criterion string
	}
	byCell := make(map[cellKey][]int, len(cells))
	for i, m := range marks {
		k := cellKey{m.EntrantID, m.Criterion}
		byCell[k] = append(byCell[k], i)
	}
	judgeAt := make(map[uint]countingJudge, len(judges))
	for _, j := range judges {
		judgeAt[j.ID] = j
	}
	out := make([]Disagreement, 0, len(cells))
	for _, cl := range cells {
		d := Disagreement{Stage: st.Code, StageName: st.Name, Criterion: cl.Criterion, CriterionName: names[cl.Criterion],
			Marks: []DisagreementMark{}, Remarks: []Remark{}}
		low, high := int64(-1), int64(-1)
		for _, i := range byCell[cellKey{cl.EntrantID, cl.Criterion}] {
			m := marks[i]
			j := judgeAt[m.JudgeID]
			d.Number = m.DrawNumber
			d.Marks = append(d.Marks, DisagreementMark{JudgeID: j.ID, JudgeName: j.Name, Points: Points(m.Points), Replaced: j.Replaced})
			if low < 0 || m.Points < low {
				low = m.Points
			}
			high = max(high, m.Points)
		}
		d.Spread = Points(high - low)
		for _, r := range remarks {
			if r.entrantID == cl.EntrantID && r.Criterion == cl.Criterion {
				d.Remarks = append(d.Remarks, r.Remark)
			}
		}
		out = append(out, d)
	}
	order := map[string]int{}
	for i, cr := range rules.Criteria {
		order[cr.Code] = i
	}
	slices.SortFunc(out, func(a, b Disagreement) int {
		return cmp.Or(cmp.Compare(a.Number, b.Number), cmp.Compare(order[a.Criterion], order[b.Criterion]))
	})
	return out, nil
}
