package service

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// Blind double entry (双人双录) of paper score sheets. Marks written on paper
// and signed at the venue are keyed in by score clerks (录分员):
//   - a judge's sheet of a stage becomes a paper sheet when a clerk starts
//     keying it, and only while the judge has no mark on it online and has
//     not submitted it; from then on the judge writes nothing on it online;
//   - the first clerk to start keys round 1, the next, a different clerk,
//     round 2: a clerk keys one round of a sheet at the most, and no answer to
//     a clerk ever holds another clerk's keyed values;
//   - a round has the judge's rows (its recusal and declared conflicts, no
//     absentee) and the stage's criteria and bounds, and is submitted complete;
//   - once both rounds are submitted, the cells where they differ are shown,
//     with both values, to the event's chief judge or to a clerk who keyed
//     neither round, who settles each with the value on the paper: nobody
//     confirms their own entry;
//   - when no difference is left, the agreed values become the judge's marks
//     (each change kept with the reason ReasonDoubleEntry) and the judge's
//     sheet is submitted, in the same transaction;
//   - reopening the judge's sheet (ReopenSheet) reopens both rounds for the
//     same two clerks, their values kept and the settled values dropped: the
//     corrected paper is keyed, compared and settled again;
//   - keying writes only while the contest is judging and the stage is not
//     signed off; it is read from judging on.
//
// On MySQL every write of a paper sheet holds its judge's sheet row before it
// reads anything else, so that two clerks' submissions, a settlement and a
// reopening of one sheet run one after the other and each sees what the last
// one wrote; starting a keying holds the event's row exclusively instead (a
// start is rare), so that no judge's mark of the event is under way meanwhile.

// How far a paper sheet has come.
const (
	PaperKeying      = "keying"      // a round is still being keyed
	PaperDifferences = "differences" // both rounds are in; differences wait to be settled
	PaperAgreed      = "agreed"      // the agreed values are the judge's marks
)

// keyingStates are the states of a paper sheet, in order.
var keyingStates = []string{PaperKeying, PaperDifferences, PaperAgreed}

// ReasonDoubleEntry is the reason kept with every mark written from a paper
// sheet's agreed entries.
const ReasonDoubleEntry = "双录一致"

// settledRound holds the values read from the paper where the rounds differ.
const settledRound = 0

// KeyingRound is one round of a paper sheet's keying, without its values.
type KeyingRound struct {
	Round       int        `json:"round"`
	ClerkID     uint       `json:"clerk_id"`
	ClerkName   string     `json:"clerk_name"`
	Keyed       int        `json:"keyed"`
	SubmittedAt *time.Time `json:"submitted_at"`
}

// PaperProgress is how far a paper sheet's double entry has come.
type PaperProgress struct {
	State    string        `json:"state"`
	Rounds   []KeyingRound `json:"rounds"`
	AgreedAt *time.Time    `json:"agreed_at"`
}

// KeyingBoard is an event's sheets as the keying desk sees them: each judge's
// sheet of each stage, with its paper state where it is kept on paper.
type KeyingBoard struct {
	ContestID     uint   `json:"contest_id"`
	ContestName   string `json:"contest_name"`
	ContestStatus string `json:"contest_status"`
	// Duty is the caller's duty in the event; empty for its organisers.
	Duty  string        `json:"duty"`
	Event EventProgress `json:"event"`
}

// Keying is a clerk's own round of a paper sheet: the judge's sheet with the
// values this clerk keyed, and nobody else's.
type Keying struct {
	JudgeID   uint   `json:"judge_id"`
	JudgeName string `json:"judge_name"`
	Round     int    `json:"round"`
	// Sheet is the round as a sheet: its version and submission are the round's.
	Sheet Sheet `json:"sheet"`
}

// paperContext is what every request on a judge's paper sheet loads first.
type paperContext struct {
	// sheetContext is the judge's: its duty, the stage and its criteria.
	sheetContext
	// caller is the caller's duty in the event.
	caller    model.PanelMember
	judge     Caller
	judgeName string
	sheet     judgeSheet
	found     bool
	paper     *model.PaperSheet
	keyings   []model.Keying
}

// openPaper loads a judge's sheet of a stage for a caller with one of the
// duties in the event, holding the sheet's row on MySQL when it writes (see
// the top of this file). It writes only while judging lasts, and reads from
// judging on.
func (s *Service) openPaper(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, write bool, duties ...string) (paperContext, error) {
	var pc paperContext
	ev, ct, err := s.judgingEvent(ctx, eventID)
	if err != nil {
		return pc, err
	}
	var lock clause.Expression
	if write {
		lock = clause.Locking{Strength: "UPDATE"}
	}
	if pc.sheet, pc.found, err = s.findSheet(ctx, ev.ID, stage, judgeID, lock); err != nil {
		return pc, err
	}
	d, ok, err := s.dutyIn(ctx, c, ev.ID)
	if err != nil {
		return pc, err
	}
	if !ok || !slices.Contains(duties, d.Duty) {
		return pc, forbidden()
	}
	if (write && ct.Status != model.StepJudging) || stepOrder(ct.Status, model.StepJudging) < 0 {
		return pc, wrongStep(ct.Status)
	}
	acc, err := s.loadAccount(ctx, judgeID)
	if se, ok := AsError(err); ok && se.Kind == KindNotFound {
		return pc, notFound("sheet")
	}
	if err != nil {
		return pc, err
	}
	judge := Caller{AccountID: acc.ID, Role: acc.Role, OrganisationID: acc.OrganisationID}
	jd, err := s.marker(ctx, judge, ev, stage)
	if err != nil {
		return pc, notFound("sheet")
	}
	if pc.sheetContext, err = s.stageSheet(ctx, ev, ct, jd, stage); err != nil {
		return pc, err
	}
	pc.caller, pc.judge, pc.judgeName = d, judge, acc.DisplayName
	if !pc.found {
		return pc, nil
	}
	if pc.paper, err = s.paperOf(ctx, pc.sheet.ID); err != nil || pc.paper == nil {
		return pc, err
	}
	err = s.conn(ctx).Preload("Clerk").Where("paper_sheet_id = ?", pc.paper.ID).Order("round").Find(&pc.keyings).Error
	return pc, err
}

// paperOf finds the paper sheet a judge's sheet is kept on, if any.
func (s *Service) paperOf(ctx context.Context, sheetID uint) (*model.PaperSheet, error) {
	var rows []model.PaperSheet
	if err := s.conn(ctx).Where("sheet_id = ?", sheetID).Limit(1).Find(&rows).Error; err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// onPaper tells whether a judge's sheet is kept on paper.
func (s *Service) onPaper(ctx context.Context, sheetID uint) (bool, error) {
	p, err := s.paperOf(ctx, sheetID)
	return p != nil, err
}

// ownRound is the caller's round of the paper sheet.
func (pc paperContext) ownRound(c Caller) (model.Keying, bool) {
	i := slices.IndexFunc(pc.keyings, func(k model.Keying) bool { return k.ClerkID == c.AccountID })
	if i < 0 {
		return model.Keying{}, false
	}
	return pc.keyings[i], true
}

// compared tells whether both rounds are submitted.
func (pc paperContext) compared() bool {
	return len(pc.keyings) == 2 && pc.keyings[0].SubmittedAt != nil && pc.keyings[1].SubmittedAt != nil
}

// keyingRound loads the caller's own round, for a clerk of the event.
func (s *Service) keyingRound(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, write bool) (paperContext, model.Keying, error) {
	pc, err := s.openPaper(ctx, c, eventID, stage, judgeID, write, DutyClerk)
	if err != nil {
		return pc, model.Keying{}, err
	}
	k, ok := pc.ownRound(c)
	if !ok {
		return pc, k, &Error{Kind: KindNotFound, Code: "not_found", Text: T("keying_not_started")}
	}
	return pc, k, nil
}

// KeyingBoard shows an event's sheets for keying, from judging on: to its
// organisers, its chief judge and its clerks. A clerk finds the sheets it may
// start or go on keying there, and the ones whose differences it may settle.
func (s *Service) KeyingBoard(ctx context.Context, c Caller, eventID uint) (KeyingBoard, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return KeyingBoard{}, err
	}
	ct, err := s.eventWithDuty(ctx, c, ev, DutyChief, DutyClerk)
	if err != nil {
		return KeyingBoard{}, err
	}
	if stepOrder(ct.Status, model.StepJudging) < 0 {
		return KeyingBoard{}, wrongStep(ct.Status)
	}
	d, _, err := s.dutyIn(ctx, c, ev.ID)
	if err != nil {
		return KeyingBoard{}, err
	}
	f, err := s.progressFacts(ctx, []uint{ev.ID})
	if err != nil {
		return KeyingBoard{}, err
	}
	out := KeyingBoard{ContestID: ct.ID, ContestName: ct.Name, ContestStatus: ct.Status, Duty: d.Duty}
	if out.Event, err = f.event(ev); err != nil {
		return KeyingBoard{}, err
	}
	if d.Duty == DutyClerk {
		// Why a judge stepped aside is for those who lead the event.
		out.Event.Conflicts = []Conflict{}
	}
	return out, nil
}

// paperProgressOf are the paper sheets of events, by their judge's sheet, in a
// fixed handful of queries whatever the size of the events.
func (s *Service) paperProgressOf(ctx context.Context, eventIDs []uint) (map[uint]*PaperProgress, error) {
	db := s.conn(ctx)
	sheets := db.Session(&gorm.Session{NewDB: true}).Model(&model.Sheet{}).Select("id").Where("event_id IN ?", eventIDs)
	var papers []model.PaperSheet
	if err := db.Where("sheet_id IN (?)", sheets).Find(&papers).Error; err != nil {
		return nil, err
	}
	out := map[uint]*PaperProgress{}
	if len(papers) == 0 {
		return out, nil
	}
	ids := make([]uint, len(papers))
	for i, p := range papers {
		ids[i] = p.ID
	}
	var keyings []model.Keying
	if err := db.Preload("Clerk").Where("paper_sheet_id IN ?", ids).Order("round").Find(&keyings).Error; err != nil {
		return nil, err
	}
	var counts []struct {
		PaperSheetID uint
		Round        int
		N            int
	}
	if err := db.Model(&model.KeyedCell{}).Select("paper_sheet_id, round, COUNT(*) AS n").Where("paper_sheet_id IN ? AND round <> ?", ids, settledRound).
		Group("paper_sheet_id, round").Scan(&counts).Error; err != nil {
		return nil, err
	}
	for _, p := range papers {
		var rounds []model.Keying
		for _, k := range keyings {
			if k.PaperSheetID == p.ID {
				rounds = append(rounds, k)
			}
		}
		keyed := func(round int) int {
			i := slices.IndexFunc(counts, func(c struct {
				PaperSheetID uint
				Round        int
				N            int
			}) bool {
				return c.PaperSheetID == p.ID && c.Round == round
			})
			if i < 0 {
				return 0
			}
			return counts[i].N
		}
		out[p.SheetID] = paperProgress(p, rounds, keyed)
	}
	return out, nil
}

// paperProgress says how far a paper sheet has come; keyed counts a round's cells.
func paperProgress(p model.PaperSheet, keyings []model.Keying, keyed func(round int) int) *PaperProgress {
	st := &PaperProgress{State: PaperKeying, Rounds: make([]KeyingRound, len(keyings)), AgreedAt: p.AgreedAt}
	submitted := 0
	for i, k := range keyings {
		st.Rounds[i] = KeyingRound{Round: k.Round, ClerkID: k.ClerkID, ClerkName: k.Clerk.DisplayName, Keyed: keyed(k.Round), SubmittedAt: k.SubmittedAt}
		if k.SubmittedAt != nil {
			submitted++
		}
	}
	switch {
	case p.AgreedAt != nil:
		st.State = PaperAgreed
	case submitted == 2:
		st.State = PaperDifferences
	}
	return st
}

// StartKeying makes a judge's sheet of a stage a paper sheet, if it is not
// one yet, and gives the calling clerk its round of it: the first round to
// the first clerk, the second to another. A clerk who has a round finds it
// again. A sheet the judge has marked or submitted online is not for paper.
func (s *Service) StartKeying(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint) (Keying, error) {
	var out Keying
	err := s.tx(ctx, func(ctx context.Context) error {
		// A start holds its event's row exclusively: no judge's mark is under
		// way while it looks for one, and none lands after it unseen.
		if _, err := s.lockEvent(ctx, eventID); err != nil {
			return err
		}
		pc, err := s.openPaper(ctx, c, eventID, stage, judgeID, true, DutyClerk)
		if err != nil {
			return err
		}
		if !pc.found {
			if err := s.makeSheet(ctx, pc.ev.ID, stage, judgeID); err != nil {
				return err
			}
			if pc.sheet, pc.found, err = s.findSheet(ctx, pc.ev.ID, stage, judgeID, nil); err != nil {
				return err
			}
		}
		if err := s.notSignedOff(ctx, pc.ev.ID, pc.stage); err != nil {
			return err
		}
		if k, ok := pc.ownRound(c); ok {
			out, err = s.keyingView(ctx, pc, k)
			return err
		}
		if pc.paper == nil {
			if err := s.putOnPaper(ctx, c, &pc); err != nil {
				return err
			}
		}
		if len(pc.keyings) >= 2 {
			return conflict("keying_rounds_taken")
		}
		now := s.now()
		k := model.Keying{PaperSheetID: pc.paper.ID, Round: len(pc.keyings) + 1, ClerkID: c.AccountID, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := s.conn(ctx).Omit("Clerk").Create(&k).Error; err != nil {
			return err
		}
		if out, err = s.keyingView(ctx, pc, k); err != nil {
			return err
		}
		return s.audit(ctx, c, "keying.start", "sheet", pc.sheet.ID, nil,
			map[string]any{"event_id": pc.ev.ID, "stage": stage, "judge_id": judgeID, "round": k.Round})
	})
	return out, err
}

// makeSheet makes a judge's sheet row if it has none yet.
func (s *Service) makeSheet(ctx context.Context, eventID uint, stage string, judgeID uint) error {
	now := s.now()
	row := model.Sheet{EventID: eventID, Stage: stage, JudgeID: judgeID, Version: 1, CreatedAt: now, UpdatedAt: now}
	return s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error
}

// putOnPaper makes the judge's sheet a paper sheet, unless its judge has
// marked or submitted it online.
func (s *Service) putOnPaper(ctx context.Context, c Caller, pc *paperContext) error {
	var marked int64
	if err := s.conn(ctx).Model(&model.Mark{}).Where("sheet_id = ?", pc.sheet.ID).Count(&marked).Error; err != nil {
		return err
	}
	if marked > 0 || pc.sheet.SubmittedAt != nil {
		return conflict("sheet_marked_online", pc.judgeName, pc.stage.Name)
	}
	p := model.PaperSheet{SheetID: pc.sheet.ID, CreatedBy: c.AccountID, CreatedAt: s.now()}
	if err := s.conn(ctx).Create(&p).Error; err != nil {
		return err
	}
	pc.paper = &p
	return s.audit(ctx, c, "sheet.paper", "sheet", pc.sheet.ID, nil, map[string]any{"event_id": pc.ev.ID, "stage": pc.stage.Code, "judge_id": pc.judge.AccountID})
}

// GetKeying shows the calling clerk its own round of a paper sheet.
func (s *Service) GetKeying(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint) (Keying, error) {
	pc, k, err := s.keyingRound(ctx, c, eventID, stage, judgeID, false)
	if err != nil {
		return Keying{}, err
	}
	return s.keyingView(ctx, pc, k)
}

// keyingView shows one round: the judge's rows with this round's values.
func (s *Service) keyingView(ctx context.Context, pc paperContext, k model.Keying) (Keying, error) {
	var cells []model.KeyedCell
	if err := s.conn(ctx).Where("paper_sheet_id = ? AND round = ?", k.PaperSheetID, k.Round).Find(&cells).Error; err != nil {
		return Keying{}, err
	}
	marks := make([]model.Mark, len(cells))
	for i, kc := range cells {
		marks[i] = model.Mark{ID: kc.ID, EntrantID: kc.EntrantID, Criterion: kc.Criterion, Points: kc.Points, Note: kc.Note, Version: kc.Version}
	}
	sheet, err := s.sheetGrid(ctx, pc.judge, pc.sheetContext, marks)
	if err != nil {
		return Keying{}, err
	}
	sheet.SubmittedAt, sheet.Version, sheet.Paper = k.SubmittedAt, k.Version, true
	sheet.Editable = pc.ct.Status == model.StepJudging && k.SubmittedAt == nil
	return Keying{JudgeID: pc.judge.AccountID, JudgeName: pc.judgeName, Round: k.Round, Sheet: sheet}, nil
}

// SaveKeyedCell stores one cell of the calling clerk's round, as SaveMark
// stores a judge's mark: within the criterion's bounds, on a row of the
// judge's sheet, resendable, and never silently over a newer value.
func (s *Service) SaveKeyedCell(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, in MarkInput) (SheetMark, error) {
	var out SheetMark
	err := s.tx(marksOnly(ctx), func(ctx context.Context) error {
		pc, k, err := s.keyingRound(ctx, c, eventID, stage, judgeID, true)
		if err != nil {
			return err
		}
		if err := checkMark(pc.sheetContext, in); err != nil {
			return err
		}
		if err := s.notSignedOff(ctx, pc.ev.ID, pc.stage); err != nil {
			return err
		}
		if k.SubmittedAt != nil {
			return conflict("keying_submitted")
		}
		out, _, err = s.writeKeyed(ctx, c, pc, k.Round, in)
		return err
	})
	return out, err
}

// writeKeyed stores a cell of a round (or a settled value) of a paper sheet.
func (s *Service) writeKeyed(ctx context.Context, c Caller, pc paperContext, round int, in MarkInput) (SheetMark, bool, error) {
	cell, err := s.markCell(ctx, pc.judge, pc.sheetContext, in)
	if err != nil {
		return SheetMark{}, false, err
	}
	var rows []model.KeyedCell
	if err := s.conn(ctx).Where("paper_sheet_id = ? AND round = ? AND entrant_id = ? AND criterion = ?", pc.paper.ID, round, cell.entrant.ID, in.Criterion).
		Limit(1).Find(&rows).Error; err != nil {
		return SheetMark{}, false, err
	}
	var existing *storedCell
	if len(rows) > 0 {
		existing = &storedCell{ID: rows[0].ID, Points: rows[0].Points, Note: rows[0].Note, Version: rows[0].Version}
	}
	view := func(sc storedCell) SheetMark { return cellView(cell.entrant.DrawNumber, in.Criterion, sc) }
	after, _, changed, err := s.writeCell(ctx, keyedCells{s: s, paperID: pc.paper.ID, round: round, by: c.AccountID}, cell.entrant.ID, existing, in, view)
	if err != nil {
		return SheetMark{}, false, err
	}
	return view(after), changed, nil
}

// keyedCells are the cells of one round of a paper sheet.
type keyedCells struct {
	s       *Service
	paperID uint
	round   int
	by      uint
}

func (r keyedCells) insert(ctx context.Context, entrantID uint, in MarkInput) (uint, error) {
	now := r.s.now()
	kc := model.KeyedCell{PaperSheetID: r.paperID, Round: r.round, EntrantID: entrantID, Criterion: in.Criterion, Points: int64(in.Points), Note: in.Note,
		Version: 1, KeyedBy: r.by, CreatedAt: now, UpdatedAt: now}
	err := r.s.conn(ctx).Create(&kc).Error
	return kc.ID, err
}

func (r keyedCells) locked(ctx context.Context, entrantID uint, criterion string) (storedCell, error) {
	var kc model.KeyedCell
	err := r.s.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("paper_sheet_id = ? AND round = ? AND entrant_id = ? AND criterion = ?",
		r.paperID, r.round, entrantID, criterion).Take(&kc).Error
	return storedCell{ID: kc.ID, Points: kc.Points, Note: kc.Note, Version: kc.Version}, err
}

func (r keyedCells) update(ctx context.Context, id uint, version int, in MarkInput) error {
	return r.s.updateVersioned(ctx, &model.KeyedCell{}, id, version, map[string]any{
		"points": in.Points, "note": in.Note, "keyed_by": r.by, "updated_at": r.s.now()})
}

// SubmitKeying hands the calling clerk's round in, complete; it is read-only
// from then on. The second round in makes the comparison, and when the two
// agree on every cell their values become the judge's marks at once.
func (s *Service) SubmitKeying(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, version int) (Keying, error) {
	var out Keying
	err := s.tx(ctx, func(ctx context.Context) error {
		pc, k, err := s.keyingRound(ctx, c, eventID, stage, judgeID, true)
		if err != nil {
			return err
		}
		if err := s.notSignedOff(ctx, pc.ev.ID, pc.stage); err != nil {
			return err
		}
		switch {
		case k.Version != version:
			return staleVersion()
		case k.SubmittedAt != nil:
			return conflict("keying_submitted")
		}
		view, err := s.keyingView(ctx, pc, k)
		if err != nil {
			return err
		}
		if view.Sheet.Missing > 0 {
			return sheetIncomplete(view.Sheet)
		}
		now := s.now()
		if err := s.updateVersioned(ctx, &model.Keying{}, k.ID, k.Version, map[string]any{"submitted_at": now, "updated_at": now}); err != nil {
			return err
		}
		view.Sheet.SubmittedAt, view.Sheet.Version, view.Sheet.Editable = &now, k.Version+1, false
		out = view
		for i := range pc.keyings {
			if pc.keyings[i].ID == k.ID {
				pc.keyings[i].SubmittedAt = &now
			}
		}
		if err := s.audit(ctx, c, "keying.submit", "sheet", pc.sheet.ID, nil,
			map[string]any{"event_id": pc.ev.ID, "stage": stage, "judge_id": judgeID, "round": k.Round}); err != nil {
			return err
		}
		if !pc.compared() {
			return nil
		}
		_, err = s.agreeIfSettled(ctx, c, pc)
		return err
	})
	return out, err
}

// keyingsBy counts the rounds of an event's paper sheets a clerk keys.
func (s *Service) keyingsBy(ctx context.Context, eventID, clerkID uint) (int64, error) {
	var n int64
	err := s.conn(ctx).Model(&model.Keying{}).Joins("JOIN paper_sheets ON paper_sheets.id = keyings.paper_sheet_id").
		Joins("JOIN sheets ON sheets.id = paper_sheets.sheet_id").Where("sheets.event_id = ? AND keyings.clerk_id = ?", eventID, clerkID).Count(&n).Error
	return n, err
}
