package service

import (
	"context"
	"slices"

	"leitai/model"
)

// What oversight (re-mark requests, replacements, sign-off) adds to the
// views a judge and the chief judge already have: the judge's sheet, the
// judge's home page, and the progress board.

// SheetOversight is what a judge's sheet shows of oversight.
type SheetOversight struct {
	// Remarks are the open requests to mark cells of this sheet again, with
	// the chief judge's reasons.
	Remarks []Remark `json:"remarks"`
	// RemarkOnly is true while the sheet is reopened for re-marks: only the
	// cells asked may change, and it goes back in by itself once they are settled.
	RemarkOnly bool `json:"remark_only"`
	// SignedOff is true once the stage is signed off: the judge may then
	// compare its marks with the panel's (comparison.go).
	SignedOff bool `json:"signed_off"`
	// Replaces names the judge this one took the sheet over from; the cells
	// that judge marked are closed here (SheetRow.Closed).
	Replaces string `json:"replaces"`
}

// overseeSheet adds oversight to a judge's sheet, and leaves the cells the
// judges it replaced had marked out of its missing ones.
func (s *Service) overseeSheet(ctx context.Context, judgeID uint, sc sheetContext, out *Sheet) error {
	out.Remarks = []Remark{}
	h, err := s.holdsOn(ctx, sc.ev.ID, sc.stage.Code, judgeID)
	if err != nil {
		return err
	}
	out.SignedOff = h.SignedOff > 0
	if h.Remarks > 0 {
		open, err := s.openRemarks(ctx, sc.ev.ID, sc.stage.Code, judgeID)
		if err != nil {
			return err
		}
		for _, r := range open {
			out.Remarks = append(out.Remarks, remarkView(r))
			out.RemarkOnly = out.RemarkOnly || r.Reopened
		}
	}
	if h.Replaces == 0 {
		return nil
	}
	reps, err := s.stageReplacements(ctx, sc.ev.ID, sc.stage.Code)
	if err != nil {
		return err
	}
	preds := predecessors(reps, judgeID)
	if len(preds) == 0 {
		return nil
	}
	out.Replaces = preds[0].Replaced.DisplayName
	closed, err := s.closedCells(ctx, sc.ev.ID, sc.stage.Code, preds)
	if err != nil {
		return err
	}
	for i, row := range out.Rows {
		for _, cr := range out.Criteria {
			if _, marked := row.Marks[cr.Code]; !marked && slices.Contains(closed[row.Number], cr.Code) {
				out.Rows[i].Closed = append(out.Rows[i].Closed, cr.Code)
				out.Missing--
			}
		}
	}
	return nil
}

// overseeSummary leaves closed cells out of a sheet's count on the judge's
// home page, and counts its open requests to mark again.
func (s *Service) overseeSummary(ctx context.Context, c Caller, eventID uint, sum *SheetSummary) error {
	h, err := s.holdsOn(ctx, eventID, sum.Stage, c.AccountID)
	if err != nil {
		return err
	}
	sum.OpenRemarks = int(h.Remarks)
	if h.Replaces == 0 || sum.Cells == 0 {
		return nil
	}
	reps, err := s.stageReplacements(ctx, eventID, sum.Stage)
	if err != nil {
		return err
	}
	closed, err := s.closedCellCount(ctx, c, eventID, sum.Stage, predecessors(reps, c.AccountID))
	sum.Cells = max(0, sum.Cells-closed)
	return err
}

// JudgeOversight is what the progress board shows of oversight for a judge's sheet.
type JudgeOversight struct {
	// Replaces names the judge this one took the sheet over from.
	Replaces string `json:"replaces"`
	// OpenRemarks counts the judge's requests to mark again not settled yet.
	OpenRemarks int `json:"open_remarks"`
}

// boardOversight is what oversight adds to the progress board, found in a
// few queries for all its events: replacements are rare, so counting the
// closed cells of each new judge's sheet costs one query each.
type boardOversight struct {
	closed   map[stageJudge]int
	remarks  map[stageJudge]int
	replaces map[stageJudge]string
}

func (s *Service) boardOversight(ctx context.Context, eventIDs []uint, members []model.PanelMember) (boardOversight, error) {
	b := boardOversight{closed: map[stageJudge]int{}, remarks: map[stageJudge]int{}, replaces: map[stageJudge]string{}}
	var open []struct {
		EventID uint
		Stage   string
		JudgeID uint
		N       int
	}
	if err := s.conn(ctx).Model(&model.RemarkRequest{}).Select("event_id, stage, judge_id, COUNT(*) AS n").
		Where("event_id IN ? AND settled_at IS NULL", eventIDs).Group("event_id, stage, judge_id").Scan(&open).Error; err != nil {
		return b, err
	}
	for _, o := range open {
		b.remarks[stageJudge{o.EventID, o.Stage, o.JudgeID}] = o.N
	}
	var reps []model.JudgeReplacement
	if err := s.conn(ctx).Preload("Replaced").Where("event_id IN ?", eventIDs).Order("id").Find(&reps).Error; err != nil {
		return b, err
	}
	for _, r := range reps {
		k := stageJudge{r.EventID, r.Stage, r.ReplacementID}
		b.replaces[k] = r.Replaced.DisplayName
		i := slices.IndexFunc(members, func(m model.PanelMember) bool {
			return m.EventID == r.EventID && m.AccountID == r.ReplacementID && slices.Contains(stagesOf(m), r.Stage)
		})
		if i < 0 {
			continue // replaced in turn: its sheet is off the board
		}
		judge := Caller{AccountID: r.ReplacementID, OrganisationID: members[i].Account.OrganisationID}
		stageReps := slices.DeleteFunc(slices.Clone(reps), func(o model.JudgeReplacement) bool { return o.EventID != r.EventID || o.Stage != r.Stage })
		n, err := s.closedCellCount(ctx, judge, r.EventID, r.Stage, predecessors(stageReps, r.ReplacementID))
		if err != nil {
			return b, err
		}
		b.closed[k] = n
	}
	return b, nil
}

// apply adds oversight to one judge's row of the board.
func (b boardOversight) apply(eventID uint, stage string, jp *JudgeProgress) {
	k := stageJudge{eventID, stage, jp.AccountID}
	jp.Cells = max(0, jp.Cells-b.closed[k])
	jp.Replaces, jp.OpenRemarks = b.replaces[k], b.remarks[k]
}
