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

// A judge's score sheet: rows are numbers, columns are the stage's criteria.
// Nothing on it, nor in any answer to a judge, names an entrant, an
// enterprise or an ID number.

// SheetCriterion is a column of a sheet.
type SheetCriterion struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Max    Points `json:"max"`
	Kind   string `json:"kind"`
	Levels bool   `json:"levels"`
}

// The time used (用时) is the last column of a timed stage's sheets, kept as
// a mark of this criterion in whole seconds (hundredths of a "point" being
// hundredths of a second), so that it is saved, resent, audited, submitted
// and signed off as every mark is.
const (
	TimeCriterion = "_time"
	KindTime      = "time"
)

// timeColumn is the time-used column of a timed stage.
func timeColumn(st Stage) Criterion {
	return Criterion{Code: TimeCriterion, Name: "用时", Stage: st.Code, Max: Points(st.TimeLimit * 60 * 100), Kind: KindTime}
}

// SheetMark is one mark as its judge sees it; Version is what a change names.
type SheetMark struct {
	Number    string `json:"number"`
	Criterion string `json:"criterion"`
	Points    Points `json:"points"`
	Note      string `json:"note"`
	Version   int    `json:"version"`
}

// SheetRow is an entrant on a sheet, by number only, with its marks by criterion.
type SheetRow struct {
	Number string               `json:"number"`
	Marks  map[string]SheetMark `json:"marks"`
	// Closed are the criteria of this row that a judge replaced by this one
	// had marked: they take no mark here (replacements.go).
	Closed []string `json:"closed,omitempty"`
}

// Sheet is one judge's sheet of one stage.
type Sheet struct {
	EventID     uint             `json:"event_id"`
	EventName   string           `json:"event_name"`
	ContestName string           `json:"contest_name"`
	Stage       string           `json:"stage"`
	StageName   string           `json:"stage_name"`
	Duty        string           `json:"duty"`
	Criteria    []SheetCriterion `json:"criteria"`
	Rows        []SheetRow       `json:"rows"`
	// Missing counts the cells still without a mark.
	Missing     int        `json:"missing"`
	SubmittedAt *time.Time `json:"submitted_at"`
	// Editable is true while the judge may still change marks.
	Editable bool `json:"editable"`
	// Encrypted is true for an encrypted stage: rows are work codes.
	Encrypted bool `json:"encrypted"`
	Version   int  `json:"version"`
	// Conflicts are the judge's own declared conflicts in the event: those
	// numbers are not on its sheets.
	Conflicts []Conflict `json:"conflicts"`
	// Paper is true for a sheet kept on paper and keyed in by clerks (keying.go).
	Paper bool `json:"paper"`
	SheetOversight
}

// MarkInput is a mark as a judge types it. Version is the mark's version the
// judge last saw, 0 for a new mark.
type MarkInput struct {
	Number    string
	Criterion string
	Points    Points
	Note      string
	Version   int
	// Confirm answers a request to mark the cell again with the mark stored,
	// which Points names; it writes nothing (remarks.go).
	Confirm bool
}

// stageOf finds a stage and its criteria in an event's rules.
func stageOf(r Rules, code string) (Stage, []Criterion, bool) {
	i := slices.IndexFunc(r.Stages, func(st Stage) bool { return st.Code == code })
	if i < 0 {
		return Stage{}, nil, false
	}
	var crit []Criterion
	for _, c := range r.Criteria {
		if c.Stage == code {
			crit = append(crit, c)
		}
	}
	if r.Stages[i].Timed {
		crit = append(crit, timeColumn(r.Stages[i]))
	}
	return r.Stages[i], crit, true
}

// sheetContext is what every sheet request loads first.
type sheetContext struct {
	ev       model.Event
	ct       model.Contest
	duty     model.PanelMember
	stage    Stage
	criteria []Criterion
	// codes are the work codes of an encrypted stage by entrant, nil otherwise.
	codes map[uint]string
}

// openSheet checks that the caller marks this stage of the event, and loads
// what a sheet needs. A judge reads its sheet from judging on, and writes
// only while judging lasts.
func (s *Service) openSheet(ctx context.Context, c Caller, eventID uint, stage string, write bool) (sheetContext, error) {
	var sc sheetContext
	ev, ct, duty, found, err := s.judgingEventAs(ctx, eventID, c)
	if err != nil {
		return sc, err
	}
	if err := marksStage(duty, found, stage); err != nil {
		return sc, err
	}
	st, crit, err := eventStageCriteria(ev, stage)
	if err != nil {
		return sc, err
	}
	if (write && ct.Status != model.StepJudging) || stepOrder(ct.Status, model.StepJudging) < 0 {
		return sc, wrongStep(ct.Status)
	}
	codes, err := s.stageCodes(ctx, ev, st)
	if err != nil {
		return sc, err
	}
	return sheetContext{ev: ev, ct: ct, duty: duty, stage: st, criteria: crit, codes: codes}, nil
}

// stageSheet is what a sheet of a stage needs: its criteria and, on an
// encrypted stage, the work codes its rows show; for reading another's sheet,
// where openSheet's checks of the caller do not apply.
func (s *Service) stageSheet(ctx context.Context, ev model.Event, ct model.Contest, duty model.PanelMember, stage string) (sheetContext, error) {
	st, crit, err := eventStageCriteria(ev, stage)
	if err != nil {
		return sheetContext{}, err
	}
	codes, err := s.stageCodes(ctx, ev, st)
	if err != nil {
		return sheetContext{}, err
	}
	return sheetContext{ev: ev, ct: ct, duty: duty, stage: st, criteria: crit, codes: codes}, nil
}

// sheetEntrants are the rows a judge marks: the event's approved, drawn
// entrants who are not absent and not of the judge's own organisation.
func (s *Service) sheetEntrants(ctx context.Context, c Caller, eventID uint) *gorm.DB {
	db := s.conn(ctx)
	declared := db.Session(&gorm.Session{NewDB: true}).Model(&model.PanelConflict{}).Select("entrant_id").
		Where("event_id = ? AND account_id = ?", eventID, c.AccountID)
	return c.notRecused(db.Model(&model.Entrant{}).
		Where("entrants.event_id = ? AND entrants.status = ? AND entrants.draw_number <> '' AND entrants.attendance <> ?",
			eventID, EntrantApproved, AttendanceAbsent).
		Where("entrants.id NOT IN (?)", declared))
}

// judgeSheet is a judge's sheet with what holds it: whether its stage is
// signed off, whether it is kept on paper, how many judges its judge
// replaces and how many of its cells are asked to be marked again.
type judgeSheet struct {
	model.Sheet
	SignedOff bool
	OnPaper   bool
	Replaces  int64
	Remarks   int64
}

// findSheet loads a judge's sheet row, if it has one yet, with what holds it;
// locking, on MySQL, holds the row until the transaction ends.
func (s *Service) findSheet(ctx context.Context, eventID uint, stage string, judgeID uint, locking clause.Expression) (judgeSheet, bool, error) {
	q := s.conn(ctx)
	if locking != nil && s.onMySQL(ctx) {
		q = q.Clauses(locking)
	}
	var rows []judgeSheet
	err := q.Table("sheets").Select(`sheets.*,
		EXISTS (SELECT 1 FROM stage_signoffs WHERE stage_signoffs.event_id = sheets.event_id AND stage_signoffs.stage = sheets.stage) AS signed_off,
		EXISTS (SELECT 1 FROM paper_sheets WHERE paper_sheets.sheet_id = sheets.id) AS on_paper,
		(SELECT COUNT(*) FROM judge_replacements r WHERE r.event_id = sheets.event_id AND r.stage = sheets.stage AND r.replacement_id = sheets.judge_id) AS replaces,
		(SELECT COUNT(*) FROM remark_requests q WHERE q.event_id = sheets.event_id AND q.stage = sheets.stage AND q.judge_id = sheets.judge_id AND q.settled_at IS NULL) AS remarks`).
		Where("sheets.event_id = ? AND sheets.stage = ? AND sheets.judge_id = ?", eventID, stage, judgeID).Limit(1).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return judgeSheet{}, false, err
	}
	return rows[0], true, nil
}

// GetSheet shows the caller its sheet of a stage, from judging on.
func (s *Service) GetSheet(ctx context.Context, c Caller, eventID uint, stage string) (Sheet, error) {
	sc, err := s.openSheet(ctx, c, eventID, stage, false)
	if err != nil {
		return Sheet{}, err
	}
	return s.sheetView(ctx, c, sc)
}

func (s *Service) sheetView(ctx context.Context, c Caller, sc sheetContext) (Sheet, error) {
	sheet, found, err := s.findSheet(ctx, sc.ev.ID, sc.stage.Code, c.AccountID, nil)
	if err != nil {
		return Sheet{}, err
	}
	var marks []model.Mark
	if found {
		if err := s.conn(ctx).Where("sheet_id = ?", sheet.ID).Find(&marks).Error; err != nil {
			return Sheet{}, err
		}
	}
	out, err := s.sheetGrid(ctx, c, sc, marks)
	if err != nil {
		return out, err
	}
	if found {
		out.SubmittedAt, out.Version = sheet.SubmittedAt, sheet.Version
		if out.Paper, err = s.onPaper(ctx, sheet.ID); err != nil {
			return out, err
		}
	}
	out.Editable = sc.ct.Status == model.StepJudging && out.SubmittedAt == nil && !out.Paper
	// On an encrypted stage the conflicts stay off the sheet: they name draw
	// numbers, which no sheet of the stage shows.
	if !out.Encrypted {
		declared, err := s.eventConflicts(ctx, []uint{sc.ev.ID}, c.AccountID)
		if err != nil {
			return out, err
		}
		out.Conflicts = make([]Conflict, len(declared))
		for i, pc := range declared {
			out.Conflicts[i] = conflictView(pc)
		}
	}
	err = s.overseeSheet(ctx, c.AccountID, sc, &out)
	return out, err
}

// sheetGrid lays out the sheet of judge c: its rows by number, the stage's
// criteria, and the marks given (a judge's, or a clerk's keyed values).
func (s *Service) sheetGrid(ctx context.Context, c Caller, sc sheetContext, marks []model.Mark) (Sheet, error) {
	out := Sheet{EventID: sc.ev.ID, EventName: sc.ev.Name, ContestName: sc.ct.Name, Stage: sc.stage.Code, StageName: sc.stage.Name,
		Duty: sc.duty.Duty, Criteria: make([]SheetCriterion, len(sc.criteria)), Rows: []SheetRow{}, Conflicts: []Conflict{}, Encrypted: sc.codes != nil,
		SheetOversight: SheetOversight{Remarks: []Remark{}}}
	for i, cr := range sc.criteria {
		out.Criteria[i] = SheetCriterion{Code: cr.Code, Name: cr.Name, Max: cr.Max, Kind: cr.Kind, Levels: cr.Levels}
	}
	var entrants []model.Entrant
	if err := s.sheetEntrants(ctx, c, sc.ev.ID).Select("id, draw_number").Order("draw_number").Find(&entrants).Error; err != nil {
		return out, err
	}
	byEntrant := map[uint][]model.Mark{}
	for _, m := range marks {
		byEntrant[m.EntrantID] = append(byEntrant[m.EntrantID], m)
	}
	for _, e := range entrants {
		number, ok := sc.shown(e)
		if !ok {
			continue
		}
		row := SheetRow{Number: number, Marks: map[string]SheetMark{}}
		for _, m := range byEntrant[e.ID] {
			if slices.ContainsFunc(sc.criteria, func(cr Criterion) bool { return cr.Code == m.Criterion }) {
				row.Marks[m.Criterion] = sheetMarkView(number, m)
			}
		}
		out.Missing += len(sc.criteria) - len(row.Marks)
		out.Rows = append(out.Rows, row)
	}
	if out.Encrypted {
		// Rows in code order, which tells nothing of the draw order.
		slices.SortFunc(out.Rows, func(a, b SheetRow) int { return strings.Compare(a.Number, b.Number) })
	}
	return out, nil
}

func sheetMarkView(number string, m model.Mark) SheetMark {
	return SheetMark{Number: number, Criterion: m.Criterion, Points: Points(m.Points), Note: m.Note, Version: m.Version}
}

// judging checks that judges may act: the contest is in its judging step.
func judging(ct model.Contest) error {
	if ct.Status != model.StepJudging {
		return wrongStep(ct.Status)
	}
	return nil
}

// SaveMark stores one mark on the caller's sheet. Sending the mark that is
// already stored changes nothing and answers it again, so a resent mark is
// harmless; a mark changed since the version the judge names answers 409
// mark_changed with the stored one.
func (s *Service) SaveMark(ctx context.Context, c Caller, eventID uint, stage string, in MarkInput) (SheetMark, error) {
	var out SheetMark
	err := s.tx(marksOnly(ctx), func(ctx context.Context) error {
		sc, err := s.openSheet(ctx, c, eventID, stage, true)
		if err != nil {
			return err
		}
		if err := checkMark(sc, in); err != nil {
			return err
		}
		cell, err := s.markCell(ctx, c, sc, in)
		if err != nil {
			return err
		}
		sheet, err := s.sheetFor(ctx, sc.ev.ID, stage, c.AccountID)
		if err != nil {
			return err
		}
		switch {
		case sheet.SignedOff:
			return conflict("stage_signed_off", sc.stage.Name)
		case sheet.SubmittedAt != nil:
			return conflict("sheet_submitted")
		}
		if sheet.OnPaper {
			return conflict("sheet_on_paper")
		}
		out, err = s.writeOverseenMark(ctx, c, sc, sheet, cell, in)
		return err
	})
	return out, err
}

// checkMark holds a mark to its stage: a criterion of it, from 0 to its
// maximum (two decimals, which Points already holds); on the 0–3 scale, one
// of its four levels; a time in whole seconds, with no note.
func checkMark(sc sheetContext, in MarkInput) error {
	i := slices.IndexFunc(sc.criteria, func(cr Criterion) bool { return cr.Code == in.Criterion })
	if i < 0 {
		return invalid(field("criterion", "criterion_unknown", in.Criterion, sc.stage.Name))
	}
	cr := sc.criteria[i]
	switch {
	case in.Points < 0 || in.Points > cr.Max:
		if cr.Kind == KindTime {
			return invalid(field("points", "time_range", int(cr.Max/6000)))
		}
		return invalid(field("points", "mark_range", cr.Max))
	case cr.Levels && in.Points*3%cr.Max != 0:
		return invalid(field("points", "mark_level", cr.Max/3, cr.Max*2/3, cr.Max))
	case cr.Kind == KindTime && in.Points%100 != 0:
		return invalid(field("points", "time_whole_seconds"))
	case cr.Kind == KindTime && in.Note != "":
		return invalid(field("note", "time_without_note"))
	}
	return nil
}

// markCell is the entrant a mark goes to, found by its number on the
// caller's sheet, with the mark the caller has given it on the criterion, if any.
type markCell struct {
	entrant model.Entrant
	mark    *model.Mark
}

func (s *Service) markCell(ctx context.Context, c Caller, sc sheetContext, in MarkInput) (markCell, error) {
	var rows []struct {
		EntrantID  uint
		DrawNumber string
		MarkID     *uint
		SheetID    *uint
		Points     *int64
		Note       *string
		Version    *int
	}
	q := s.sheetEntrants(ctx, c, sc.ev.ID).
		Select("entrants.id AS entrant_id, entrants.draw_number, marks.id AS mark_id, marks.sheet_id, marks.points, marks.note, marks.version").
		Joins("LEFT JOIN marks ON marks.entrant_id = entrants.id AND marks.criterion = ? AND marks.judge_id = ?", in.Criterion, c.AccountID)
	err := sc.numbered(q, in.Number).Limit(1).Scan(&rows).Error
	if err != nil {
		return markCell{}, err
	}
	if len(rows) == 0 {
		return markCell{}, invalid(field("number", "number_unknown", in.Number))
	}
	r := rows[0]
	// The entrant goes by the number the judge sent: its work code on an encrypted stage.
	cell := markCell{entrant: model.Entrant{ID: r.EntrantID, DrawNumber: in.Number}}
	if r.MarkID != nil {
		cell.mark = &model.Mark{ID: *r.MarkID, SheetID: *r.SheetID, EntrantID: r.EntrantID, JudgeID: c.AccountID, Criterion: in.Criterion,
			Points: *r.Points, Note: *r.Note, Version: *r.Version}
	}
	return cell, nil
}

// sheetFor loads the judge's sheet, making it on its first mark, and holds
// its row on MySQL until the transaction ends, so that a submission waits for
// marks under way and no mark lands on a submitted sheet. On MySQL the row is
// written before it is read: a locking read of a row not there yet would lock
// the gap where it goes, and two first marks of one sheet would then deadlock
// inserting it; the write also holds the row exclusively, so one judge's
// marks go one at a time and two copies of one new mark (a retry racing its
// original) cannot deadlock on the mark's row either. SQLite writes one
// transaction at a time, so there the sheet is read first and written only
// when it is not there yet.
func (s *Service) sheetFor(ctx context.Context, eventID uint, stage string, judgeID uint) (judgeSheet, error) {
	if !s.onMySQL(ctx) {
		if sheet, found, err := s.findSheet(ctx, eventID, stage, judgeID, nil); found || err != nil {
			return sheet, err
		}
	}
	now := s.now()
	row := model.Sheet{EventID: eventID, Stage: stage, JudgeID: judgeID, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return judgeSheet{}, err
	}
	sheet, _, err := s.findSheet(ctx, eventID, stage, judgeID, shareLock{})
	return sheet, err
}

// writeMark stores a mark and its change, made by c for a reason (none
// when a judge types it).
func (s *Service) writeMark(ctx context.Context, c Caller, sheet model.Sheet, cell markCell, in MarkInput, reason string) (SheetMark, error) {
	e := cell.entrant
	var existing *storedCell
	if m := cell.mark; m != nil {
		existing = &storedCell{ID: m.ID, Points: m.Points, Note: m.Note, Version: m.Version}
	}
	view := func(sc storedCell) SheetMark { return cellView(e.DrawNumber, in.Criterion, sc) }
	after, before, changed, err := s.writeCell(ctx, judgeMarks{s: s, sheet: sheet, by: c.AccountID}, e.ID, existing, in, view)
	if err != nil {
		return SheetMark{}, err
	}
	if !changed {
		return view(after), nil
	}
	change := model.MarkChange{MarkID: after.ID, SheetID: sheet.ID, AfterPoints: after.Points, AfterNote: after.Note, ChangedBy: c.AccountID,
		Reason: reason, CreatedAt: s.now()}
	if before != nil {
		change.BeforePoints, change.BeforeNote = &before.Points, before.Note
	}
	return view(after), s.conn(ctx).Create(&change).Error
}

// SubmitSheet hands the caller's sheet in, complete, in one transaction; it
// is read-only from then on until it is reopened.
func (s *Service) SubmitSheet(ctx context.Context, c Caller, eventID uint, stage string, version int) (Sheet, error) {
	var out Sheet
	err := s.tx(ctx, func(ctx context.Context) error {
		sc, err := s.openSheet(ctx, c, eventID, stage, true)
		if err != nil {
			return err
		}
		sheet, found, err := s.findSheet(ctx, sc.ev.ID, stage, c.AccountID, clause.Locking{Strength: "UPDATE"})
		if err != nil {
			return err
		}
		switch {
		case !found || sheet.Version != version:
			return staleVersion()
		case sheet.SignedOff:
			return conflict("stage_signed_off", sc.stage.Name)
		case sheet.SubmittedAt != nil:
			return conflict("sheet_submitted")
		}
		if sheet.OnPaper {
			return conflict("sheet_on_paper")
		}
		if err := s.remarksSettled(ctx, sc, sheet.Sheet); err != nil {
			return err
		}
		view, err := s.sheetView(ctx, c, sc)
		if err != nil {
			return err
		}
		if view.Missing > 0 {
			return sheetIncomplete(view)
		}
		now := s.now()
		if err := s.updateVersioned(ctx, &model.Sheet{}, sheet.ID, sheet.Version, map[string]any{"submitted_at": now, "updated_at": now}); err != nil {
			return err
		}
		view.SubmittedAt, view.Version, view.Editable = &now, sheet.Version+1, false
		out = view
		return s.audit(ctx, c, "sheet.submit", "sheet", sheet.ID, nil, map[string]any{"event_id": sc.ev.ID, "stage": stage})
	})
	return out, err
}

// maxMissingListed bounds the cells an incomplete sheet's answer names.
const maxMissingListed = 50

// sheetIncomplete names the cells still without a mark, as "rows[number].criterion".
func sheetIncomplete(v Sheet) *Error {
	e := &Error{Kind: KindInvalid, Code: "sheet_incomplete", Text: T("sheet_incomplete", v.Missing)}
	for _, r := range v.Rows {
		for _, cr := range v.Criteria {
			if _, ok := r.Marks[cr.Code]; !ok && !slices.Contains(r.Closed, cr.Code) && len(e.Fields) < maxMissingListed {
				e.Fields = append(e.Fields, field(fmt.Sprintf("rows[%s].%s", r.Number, cr.Code), "mark_missing"))
			}
		}
	}
	return e
}

// ReopenSheet makes a judge's submitted sheet editable again, with a reason:
// the event's organisers or its chief judge, while judging lasts. A paper
// sheet's double entry reopens with it (reopenPaper).
func (s *Service) ReopenSheet(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, reason string) error {
	return s.tx(ctx, func(ctx context.Context) error {
		ev, _, err := s.judgingEvent(ctx, eventID)
		if err != nil {
			return err
		}
		ct, err := s.leadsEvent(ctx, c, ev)
		if err != nil {
			return err
		}
		if err := judging(ct); err != nil {
			return err
		}
		sheet, found, err := s.findSheet(ctx, ev.ID, stage, judgeID, clause.Locking{Strength: "UPDATE"})
		if err != nil {
			return err
		}
		if !found || sheet.SubmittedAt == nil {
			return conflict("sheet_not_submitted")
		}
		if sheet.SignedOff {
			st, err := eventStage(ev, stage)
			if err != nil {
				return err
			}
			return conflict("stage_signed_off", st.Name)
		}
		if err := s.updateVersioned(ctx, &model.Sheet{}, sheet.ID, sheet.Version, map[string]any{"submitted_at": nil, "updated_at": s.now()}); err != nil {
			return err
		}
		if err := s.reopenPaper(ctx, sheet.ID); err != nil {
			return err
		}
		return s.auditWithReason(ctx, c, "sheet.reopen", "sheet", sheet.ID, map[string]any{"submitted_at": sheet.SubmittedAt},
			map[string]any{"event_id": ev.ID, "stage": stage, "judge_id": judgeID}, reason)
	})
}

// JudgeSheet shows one judge's or trainee's sheet of a stage, read-only, to
// the event's organisers and chief judge: that is where a trainee's marks are
// seen, and they never count.
func (s *Service) JudgeSheet(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint) (Sheet, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Sheet{}, err
	}
	ct, err := s.leadsEvent(ctx, c, ev)
	if err != nil {
		return Sheet{}, err
	}
	acc, err := s.loadAccount(ctx, judgeID)
	if err != nil {
		return Sheet{}, err
	}
	judge := Caller{AccountID: acc.ID, Role: acc.Role, OrganisationID: acc.OrganisationID}
	duty, err := s.marker(ctx, judge, ev, stage)
	if err != nil {
		return Sheet{}, notFound("sheet")
	}
	sc, err := s.stageSheet(ctx, ev, ct, duty, stage)
	if err != nil {
		return Sheet{}, err
	}
	v, err := s.sheetView(ctx, judge, sc)
	v.Editable = false
	return v, err
}

// eventStageCriteria finds a stage of an event's rules with its criteria.
func eventStageCriteria(ev model.Event, code string) (Stage, []Criterion, error) {
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return Stage{}, nil, err
	}
	st, crit, ok := stageOf(rules, code)
	if !ok {
		return st, nil, notFound("stage")
	}
	return st, crit, nil
}
