package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// Re-marking (复评): the chief judge asks some or all of the judges whose
// marks of a cell disagree (disagreements.go) to mark it again, with a
// reason, while judging lasts and before the stage is signed off. A judge's
// submitted sheet is reopened for it (audited like a reopening), and then
// only the cells asked may change; the judge sees each request and its
// reason on its sheet. A request is settled when the judge saves the cell
// again: a changed mark, or the same mark confirmed explicitly. A sheet with
// an open request cannot be submitted, and one reopened for re-marks is
// submitted again by itself once its last request is settled.

// Outcomes of a request to re-mark.
const (
	RemarkChanged   = "changed"   // the judge saved another mark
	RemarkConfirmed = "confirmed" // the judge confirmed its mark as it was
	RemarkWithdrawn = "withdrawn" // the judge was replaced before it re-marked
)

// Remark is a request to mark one cell again, as the chief judge and the
// judge asked see it.
type Remark struct {
	ID           uint       `json:"id"`
	Stage        string     `json:"stage"`
	Number       string     `json:"number"`
	Criterion    string     `json:"criterion"`
	JudgeID      uint       `json:"judge_id"`
	JudgeName    string     `json:"judge_name"`
	Reason       string     `json:"reason"`
	PointsBefore Points     `json:"points_before"`
	Reopened     bool       `json:"reopened"`
	RequestedAt  time.Time  `json:"requested_at"`
	SettledAt    *time.Time `json:"settled_at"`
	Outcome      string     `json:"outcome"`
	PointsAfter  *Points    `json:"points_after"`
}

func remarkView(r model.RemarkRequest) Remark {
	v := Remark{ID: r.ID, Stage: r.Stage, Number: r.Entrant.DrawNumber, Criterion: r.Criterion, JudgeID: r.JudgeID, JudgeName: r.Judge.DisplayName,
		Reason: r.Reason, PointsBefore: Points(r.PointsBefore), Reopened: r.Reopened, RequestedAt: r.CreatedAt, SettledAt: r.SettledAt, Outcome: r.Outcome}
	if r.PointsAfter != nil {
		p := Points(*r.PointsAfter)
		v.PointsAfter = &p
	}
	return v
}

// remarkRows is the query of requests with what their views name.
func (s *Service) remarkRows(ctx context.Context) *gorm.DB {
	return s.conn(ctx).Preload("Entrant", func(q *gorm.DB) *gorm.DB { return q.Select("id, draw_number") }).Preload("Judge").Order("id")
}

// cellRemark is a request with the entrant it is about.
type cellRemark struct {
	entrantID uint
	Remark
}

// cellRemarks lists every request about the entrants of a stage.
func (s *Service) cellRemarks(ctx context.Context, eventID uint, stage string, entrantIDs []uint) ([]cellRemark, error) {
	var rows []model.RemarkRequest
	if err := s.remarkRows(ctx).Where("event_id = ? AND stage = ? AND entrant_id IN ?", eventID, stage, entrantIDs).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]cellRemark, len(rows))
	for i, r := range rows {
		out[i] = cellRemark{entrantID: r.EntrantID, Remark: remarkView(r)}
	}
	return out, nil
}

// openRemarks are a judge's requests of a stage not settled yet.
func (s *Service) openRemarks(ctx context.Context, eventID uint, stage string, judgeID uint) ([]model.RemarkRequest, error) {
	var rows []model.RemarkRequest
	err := s.remarkRows(ctx).Where("event_id = ? AND stage = ? AND judge_id = ? AND settled_at IS NULL", eventID, stage, judgeID).Find(&rows).Error
	return rows, err
}

// RemarkInput asks judges to mark one cell again.
type RemarkInput struct {
	Stage     string
	Number    string
	Criterion string
	JudgeIDs  []uint
	Reason    string
}

// RequestRemarks asks judges to mark a cell again: the event's chief judge,
// while judging lasts and before the stage is signed off, on a cell whose
// marks disagree, of judges still marking the stage who marked it.
func (s *Service) RequestRemarks(ctx context.Context, c Caller, eventID uint, in RemarkInput) ([]Remark, error) {
	var out []Remark
	err := s.tx(ctx, func(ctx context.Context) error {
		// Held shared, the event's row makes a sign-off wait for the request (locks.go).
		ev, ct, err := s.judgingEvent(ctx, eventID)
		if err != nil {
			return err
		}
		if err := s.chiefOf(ctx, c, ev); err != nil {
			return err
		}
		if err := judging(ct); err != nil {
			return err
		}
		rules, err := parseRules(ev.Rules)
		if err != nil {
			return err
		}
		st, _, found := stageOf(rules, in.Stage)
		if !found {
			return invalid(field("stage", "stage_unknown", in.Stage))
		}
		if err := s.notSignedOff(ctx, ev.ID, st); err != nil {
			return err
		}
		criterionName, ok := judged(rules, st.Code)[in.Criterion]
		if !ok {
			return invalid(field("criterion", "remark_criterion", in.Criterion, st.Name))
		}
		var entrants []model.Entrant
		if err := s.conn(ctx).Where("event_id = ? AND status = ? AND draw_number = ?", ev.ID, EntrantApproved, in.Number).Limit(1).Find(&entrants).Error; err != nil {
			return err
		}
		if len(entrants) == 0 || in.Number == "" {
			return invalid(field("number", "remark_number", in.Number))
		}
		entrant := entrants[0]
		judges, err := s.countingJudges(ctx, ev.ID, st.Code)
		if err != nil {
			return err
		}
		var fe []FieldError
		for i, id := range in.JudgeIDs {
			j := slices.IndexFunc(judges, func(j countingJudge) bool { return j.ID == id })
			switch {
			case slices.Index(in.JudgeIDs, id) < i:
				fe = append(fe, field(fmt.Sprintf("judge_ids[%d]", i), "remark_judge_repeated"))
			case j < 0 || judges[j].Replaced:
				fe = append(fe, field(fmt.Sprintf("judge_ids[%d]", i), "remark_judge"))
			}
		}
		if len(fe) > 0 {
			return invalid(fe...)
		}
		// The judges' sheets are held first, in one order, so that the marks read
		// next are the ones they keep until the requests are made.
		sheets := map[uint]judgeSheet{}
		for _, id := range slices.Sorted(slices.Values(in.JudgeIDs)) {
			sh, found, err := s.findSheet(ctx, ev.ID, st.Code, id, clause.Locking{Strength: "UPDATE"})
			if err != nil {
				return err
			}
			if found {
				sheets[id] = sh
			}
		}
		cell, err := s.stageDisagreements(ctx, ev.ID, rules, st, entrant.ID, in.Criterion)
		if err != nil {
			return err
		}
		if len(cell) == 0 {
			return conflict("remark_no_disagreement", in.Number, criterionName)
		}
		for i, id := range in.JudgeIDs {
			if !slices.ContainsFunc(cell[0].Marks, func(m DisagreementMark) bool { return m.JudgeID == id }) {
				fe = append(fe, field(fmt.Sprintf("judge_ids[%d]", i), "remark_judge_no_mark"))
			}
		}
		if len(fe) > 0 {
			return invalid(fe...)
		}
		for _, id := range in.JudgeIDs {
			r, err := s.askRemark(ctx, c, sheets[id], entrant, in, st.Code, criterionName)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// askRemark asks one judge, whose sheet is held, to mark a cell again,
// reopening the sheet if it was submitted.
func (s *Service) askRemark(ctx context.Context, c Caller, sheet judgeSheet, e model.Entrant, in RemarkInput, stage, criterionName string) (Remark, error) {
	open, err := s.openRemarks(ctx, sheet.EventID, stage, sheet.JudgeID)
	if err != nil {
		return Remark{}, err
	}
	var mark model.Mark
	if err := s.conn(ctx).Where("entrant_id = ? AND criterion = ? AND judge_id = ?", e.ID, in.Criterion, sheet.JudgeID).Take(&mark).Error; err != nil {
		return Remark{}, err
	}
	judge, err := s.loadAccount(ctx, sheet.JudgeID)
	if err != nil {
		return Remark{}, err
	}
	if slices.ContainsFunc(open, func(r model.RemarkRequest) bool { return r.EntrantID == e.ID && r.Criterion == in.Criterion }) {
		return Remark{}, conflict("remark_open_already", judge.DisplayName, e.DrawNumber, criterionName)
	}
	now := s.now()
	// A request on a sheet reopened for re-marks joins that reopening: the
	// sheet goes back in when the last of them is settled.
	reopened := sheet.SubmittedAt != nil || slices.ContainsFunc(open, func(r model.RemarkRequest) bool { return r.Reopened })
	if sheet.SubmittedAt != nil {
		if err := s.updateVersioned(ctx, &model.Sheet{}, sheet.ID, sheet.Version, map[string]any{"submitted_at": nil, "updated_at": now}); err != nil {
			return Remark{}, err
		}
		if err := s.auditWithReason(ctx, c, "sheet.reopen", "sheet", sheet.ID, map[string]any{"submitted_at": sheet.SubmittedAt},
			map[string]any{"event_id": sheet.EventID, "stage": stage, "judge_id": sheet.JudgeID, "for_remark": true}, in.Reason); err != nil {
			return Remark{}, err
		}
	}
	row := model.RemarkRequest{EventID: sheet.EventID, Stage: stage, EntrantID: e.ID, Criterion: in.Criterion, JudgeID: sheet.JudgeID, Reason: in.Reason,
		MarkVersion: mark.Version, PointsBefore: mark.Points, Reopened: reopened, RequestedBy: c.AccountID, CreatedAt: now}
	if err := s.conn(ctx).Omit("Entrant", "Judge").Create(&row).Error; err != nil {
		return Remark{}, err
	}
	row.Entrant, row.Judge = e, judge
	view := remarkView(row)
	return view, s.auditWithReason(ctx, c, "remark.request", "remark", row.ID, nil, view, in.Reason)
}

// ConfirmMark settles the caller's open requests on a cell by confirming
// its mark as it is: a save of the mark stored (SaveMark with Confirm set)
// that writes nothing. It answers the sheet, which goes back in by itself
// when it was reopened for re-marks and this was the last of them.
func (s *Service) ConfirmMark(ctx context.Context, c Caller, eventID uint, stage string, in MarkInput) (Sheet, error) {
	var out Sheet
	err := s.tx(ctx, func(ctx context.Context) error {
		in.Confirm = true
		if _, err := s.SaveMark(ctx, c, eventID, stage, in); err != nil {
			return err
		}
		var err error
		out, err = s.GetSheet(ctx, c, eventID, stage)
		return err
	})
	return out, err
}

// confirmMark answers the requests on a cell with the mark stored, which the
// judge names (409 mark_changed with the stored mark otherwise).
func (s *Service) confirmMark(ctx context.Context, c Caller, sc sheetContext, sheet model.Sheet, cell markCell, in MarkInput, criterionName string) (SheetMark, error) {
	open, err := s.openRemarks(ctx, sheet.EventID, sheet.Stage, sheet.JudgeID)
	if err != nil {
		return SheetMark{}, err
	}
	asked := onCell(open, cell.entrant.ID, in.Criterion)
	if len(asked) == 0 || cell.mark == nil {
		return SheetMark{}, conflict("remark_none", cell.entrant.DrawNumber, criterionName)
	}
	cur := sheetMarkView(cell.entrant.DrawNumber, *cell.mark)
	if cur.Points != in.Points {
		return SheetMark{}, &Error{Kind: KindConflict, Code: "mark_changed", Text: T("mark_changed", cur.Number, in.Criterion, cur.Points), Current: cur}
	}
	if err := s.settleRemarks(ctx, c, asked, RemarkConfirmed, cell.mark.Points); err != nil {
		return SheetMark{}, err
	}
	return cur, s.resubmitAfterRemarks(ctx, c, sc, sheet, asked)
}

// onCell picks the requests about one cell.
func onCell(rows []model.RemarkRequest, entrantID uint, criterion string) []model.RemarkRequest {
	var out []model.RemarkRequest
	for _, r := range rows {
		if r.EntrantID == entrantID && r.Criterion == criterion {
			out = append(out, r)
		}
	}
	return out
}

// settleRemarks records how requests were settled.
func (s *Service) settleRemarks(ctx context.Context, c Caller, rows []model.RemarkRequest, outcome string, points int64) error {
	now := s.now()
	for _, r := range rows {
		res := s.conn(ctx).Model(&model.RemarkRequest{}).Where("id = ? AND settled_at IS NULL", r.ID).
			Updates(map[string]any{"settled_at": now, "outcome": outcome, "points_after": points})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return staleVersion()
		}
		r.SettledAt, r.Outcome, r.PointsAfter = &now, outcome, &points
		if err := s.audit(ctx, c, "remark.settle", "remark", r.ID, nil, remarkView(r)); err != nil {
			return err
		}
	}
	return nil
}

// resubmitAfterRemarks hands a sheet reopened for re-marks back in once its
// last request is settled, as it was before, if it is still complete.
func (s *Service) resubmitAfterRemarks(ctx context.Context, c Caller, sc sheetContext, sheet model.Sheet, settled []model.RemarkRequest) error {
	if sheet.SubmittedAt != nil || !slices.ContainsFunc(settled, func(r model.RemarkRequest) bool { return r.Reopened }) {
		return nil
	}
	open, err := s.openRemarks(ctx, sheet.EventID, sheet.Stage, sheet.JudgeID)
	if err != nil || len(open) > 0 {
		return err
	}
	view, err := s.sheetView(ctx, c, sc)
	if err != nil || view.Missing > 0 {
		return err
	}
	now := s.now()
	if err := s.updateVersioned(ctx, &model.Sheet{}, sheet.ID, sheet.Version, map[string]any{"submitted_at": now, "updated_at": now}); err != nil {
		return err
	}
	return s.audit(ctx, c, "sheet.submit", "sheet", sheet.ID, nil, map[string]any{"event_id": sheet.EventID, "stage": sheet.Stage, "after_remarks": true})
}

// remarksSettled refuses to submit a sheet while a request to mark one of
// its cells again is open.
func (s *Service) remarksSettled(ctx context.Context, sc sheetContext, sheet model.Sheet) error {
	open, err := s.openRemarks(ctx, sheet.EventID, sheet.Stage, sheet.JudgeID)
	if err != nil || len(open) == 0 {
		return err
	}
	return conflict("remark_unsettled", len(open), remarkCells(sc, open))
}

// remarkCells names cells as "003 实操作业", for messages.
func remarkCells(sc sheetContext, rows []model.RemarkRequest) string {
	names := make([]string, len(rows))
	for i, r := range rows {
		name := r.Criterion
		if j := slices.IndexFunc(sc.criteria, func(cr Criterion) bool { return cr.Code == r.Criterion }); j >= 0 {
			name = sc.criteria[j].Name
		}
		names[i] = r.Entrant.DrawNumber + " " + name
	}
	return strings.Join(names, "、")
}

// sheetHolds counts what oversight holds on one judge's sheet of a stage, in
// one query, so that a mark saved on a sheet it holds nothing on costs one
// cheap round trip more.
type sheetHolds struct {
	// Replaces counts the judges this one took the sheet over from directly.
	Replaces int64
	// Remarks counts the open requests to mark cells again.
	Remarks int64
	// SignedOff counts the stage's sign-offs: 0 or 1.
	SignedOff int64
}

func (s *Service) holdsOn(ctx context.Context, eventID uint, stage string, judgeID uint) (sheetHolds, error) {
	var h sheetHolds
	err := s.conn(ctx).Raw(`SELECT
		(SELECT COUNT(*) FROM judge_replacements WHERE event_id = ? AND stage = ? AND replacement_id = ?) AS replaces,
		(SELECT COUNT(*) FROM remark_requests WHERE event_id = ? AND stage = ? AND judge_id = ? AND settled_at IS NULL) AS remarks,
		(SELECT COUNT(*) FROM stage_signoffs WHERE event_id = ? AND stage = ?) AS signed_off`,
		eventID, stage, judgeID, eventID, stage, judgeID, eventID, stage).Scan(&h).Error
	return h, err
}

// writeOverseenMark is writeMark under oversight: a cell the judges this one
// replaced had marked is closed; a sheet reopened for re-marks takes only
// the cells asked; a changed or confirmed mark settles the requests on its cell.
func (s *Service) writeOverseenMark(ctx context.Context, c Caller, sc sheetContext, h judgeSheet, cell markCell, in MarkInput) (SheetMark, error) {
	sheet := h.Sheet
	criterionName := in.Criterion
	if i := slices.IndexFunc(sc.criteria, func(cr Criterion) bool { return cr.Code == in.Criterion }); i >= 0 {
		criterionName = sc.criteria[i].Name
	}
	if h.Replaces > 0 {
		closed, err := s.cellClosed(ctx, sheet, cell.entrant.ID, in.Criterion)
		if err != nil {
			return SheetMark{}, err
		}
		if closed {
			return SheetMark{}, invalid(field("number", "cell_closed", cell.entrant.DrawNumber, criterionName))
		}
	}
	if in.Confirm {
		return s.confirmMark(ctx, c, sc, sheet, cell, in, criterionName)
	}
	var asked []model.RemarkRequest
	if h.Remarks > 0 {
		open, err := s.openRemarks(ctx, sheet.EventID, sheet.Stage, sheet.JudgeID)
		if err != nil {
			return SheetMark{}, err
		}
		asked = onCell(open, cell.entrant.ID, in.Criterion)
		if len(asked) == 0 && slices.ContainsFunc(open, func(r model.RemarkRequest) bool { return r.Reopened }) {
			return SheetMark{}, conflict("sheet_remark_only", remarkCells(sc, open))
		}
	}
	out, err := s.writeMark(ctx, c, sheet, cell, in, "")
	if err != nil || len(asked) == 0 {
		return out, err
	}
	var changed []model.RemarkRequest
	for _, r := range asked {
		if out.Version > r.MarkVersion {
			changed = append(changed, r)
		}
	}
	if len(changed) == 0 {
		return out, nil
	}
	if err := s.settleRemarks(ctx, c, changed, RemarkChanged, int64(out.Points)); err != nil {
		return out, err
	}
	return out, s.resubmitAfterRemarks(ctx, c, sc, sheet, changed)
}
