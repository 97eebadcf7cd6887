package service

import (
	"context"
	"time"

	"leitai/model"
)

// Duty is one of a judge account's duties, as its home page lists them.
type Duty struct {
	EventID       uint           `json:"event_id"`
	EventName     string         `json:"event_name"`
	ContestID     uint           `json:"contest_id"`
	ContestName   string         `json:"contest_name"`
	ContestStatus string         `json:"contest_status"`
	Duty          string         `json:"duty"`
	Sheets        []SheetSummary `json:"sheets"`
}

// SheetSummary is how far a judge's sheet of one stage has come.
type SheetSummary struct {
	Stage     string `json:"stage"`
	StageName string `json:"stage_name"`
	// Cells is how many marks the sheet needs, Marked how many it has.
	Cells       int        `json:"cells"`
	Marked      int        `json:"marked"`
	SubmittedAt *time.Time `json:"submitted_at"`
	// OpenRemarks counts the chief judge's requests to mark cells again not settled yet.
	OpenRemarks int `json:"open_remarks"`
}

// MyDuties lists the caller's duties in events, with its sheets' progress
// once judging has begun.
func (s *Service) MyDuties(ctx context.Context, c Caller) ([]Duty, error) {
	out := []Duty{}
	if c.Role != model.RoleJudge {
		return out, nil
	}
	var members []model.PanelMember
	if err := s.conn(ctx).Where("account_id = ?", c.AccountID).Order("event_id").Find(&members).Error; err != nil {
		return nil, err
	}
	for _, m := range members {
		ev, err := s.loadEvent(ctx, m.EventID)
		if err != nil {
			return nil, err
		}
		ct, err := s.loadContest(ctx, ev.ContestID)
		if err != nil {
			return nil, err
		}
		d := Duty{EventID: ev.ID, EventName: ev.Name, ContestID: ct.ID, ContestName: ct.Name, ContestStatus: ct.Status, Duty: m.Duty, Sheets: []SheetSummary{}}
		if marks(m.Duty) {
			if d.Sheets, err = s.sheetSummaries(ctx, c, ev, ct, stagesOf(m)); err != nil {
				return nil, err
			}
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *Service) sheetSummaries(ctx context.Context, c Caller, ev model.Event, ct model.Contest, stages []string) ([]SheetSummary, error) {
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return nil, err
	}
	started := stepOrder(ct.Status, model.StepJudging) >= 0
	var rows int64
	if started {
		if err := s.sheetEntrants(ctx, c, ev.ID).Count(&rows).Error; err != nil {
			return nil, err
		}
	}
	var out []SheetSummary
	for _, code := range stages {
		st, crit, ok := stageOf(rules, code)
		if !ok {
			continue // a stage removed from the rules after the assignment
		}
		sum := SheetSummary{Stage: st.Code, StageName: st.Name, Cells: int(rows) * len(crit)}
		sheet, found, err := s.findSheet(ctx, ev.ID, code, c.AccountID, nil)
		if err != nil {
			return nil, err
		}
		if found {
			var n int64
			if err := s.conn(ctx).Model(&model.Mark{}).Where("sheet_id = ?", sheet.ID).Count(&n).Error; err != nil {
				return nil, err
			}
			sum.Marked, sum.SubmittedAt = int(n), sheet.SubmittedAt
		}
		if err := s.overseeSummary(ctx, c, ev.ID, &sum); err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	return out, nil
}
