package service

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Settling a paper sheet's double entry (keying.go): the cells where the two
// rounds differ, shown to those who may settle them, the value read from the
// paper for each, and the agreed values written to the judge's sheet.

// Difference is a cell the two rounds keyed differently (or one of them
// lacks), with the value settled from the paper once there is one.
type Difference struct {
	Number    string     `json:"number"`
	Criterion string     `json:"criterion"`
	First     *SheetMark `json:"first"`
	Second    *SheetMark `json:"second"`
	Settled   *SheetMark `json:"settled"`
}

// KeyingComparison is a paper sheet's differences, for those who settle them.
type KeyingComparison struct {
	EventID     uint             `json:"event_id"`
	EventName   string           `json:"event_name"`
	ContestName string           `json:"contest_name"`
	Stage       string           `json:"stage"`
	StageName   string           `json:"stage_name"`
	JudgeID     uint             `json:"judge_id"`
	JudgeName   string           `json:"judge_name"`
	Criteria    []SheetCriterion `json:"criteria"`
	Rounds      []KeyingRound    `json:"rounds"`
	Differences []Difference     `json:"differences"`
	// Waiting counts the differences not settled yet.
	Waiting  int        `json:"waiting"`
	AgreedAt *time.Time `json:"agreed_at"`
	Editable bool       `json:"editable"`
}

// settling loads a paper sheet whose differences the caller may see and
// settle: the event's chief judge, or a clerk who keyed neither round.
func (s *Service) settling(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, write bool) (paperContext, error) {
	pc, err := s.openPaper(ctx, c, eventID, stage, judgeID, write, DutyChief, DutyClerk)
	if err != nil {
		return pc, err
	}
	if _, keyed := pc.ownRound(c); keyed {
		return pc, &Error{Kind: KindForbidden, Code: "forbidden", Text: T("keying_own_entry")}
	}
	if pc.paper == nil {
		return pc, notFound("paper_sheet")
	}
	if !pc.compared() {
		return pc, conflict("keying_not_compared")
	}
	return pc, nil
}

// cellKey is a cell of a sheet: an entrant and a criterion.
type cellKey struct {
	entrant   uint
	criterion string
}

// comparedCell is a cell of a paper sheet as both rounds (and the paper,
// where they differ) give it.
type comparedCell struct {
	number                 string
	criterion              string
	entrant                uint
	first, second, settled *model.KeyedCell
}

func (cc comparedCell) differs() bool {
	return cc.first == nil || cc.second == nil || cc.first.Points != cc.second.Points || cc.first.Note != cc.second.Note
}

// agreed is the cell's agreed value: both rounds', or the paper's where they differ.
func (cc comparedCell) agreed() *model.KeyedCell {
	if cc.differs() {
		return cc.settled
	}
	return cc.first
}

// compareCells lays both rounds of a paper sheet side by side, cell by cell
// of the judge's sheet as it is now.
func (s *Service) compareCells(ctx context.Context, pc paperContext) ([]comparedCell, error) {
	var entrants []model.Entrant
	if err := s.sheetEntrants(ctx, pc.judge, pc.ev.ID).Select("id, draw_number").Order("draw_number").Find(&entrants).Error; err != nil {
		return nil, err
	}
	var cells []model.KeyedCell
	if err := s.conn(ctx).Where("paper_sheet_id = ?", pc.paper.ID).Find(&cells).Error; err != nil {
		return nil, err
	}
	byRound := map[int]map[cellKey]*model.KeyedCell{}
	for i, kc := range cells {
		if byRound[kc.Round] == nil {
			byRound[kc.Round] = map[cellKey]*model.KeyedCell{}
		}
		byRound[kc.Round][cellKey{kc.EntrantID, kc.Criterion}] = &cells[i]
	}
	var out []comparedCell
	for _, e := range entrants {
		for _, cr := range pc.criteria {
			key := cellKey{e.ID, cr.Code}
			out = append(out, comparedCell{number: e.DrawNumber, criterion: cr.Code, entrant: e.ID,
				first: byRound[1][key], second: byRound[2][key], settled: byRound[settledRound][key]})
		}
	}
	return out, nil
}

// agreeIfSettled writes a compared paper sheet's agreed values to the
// judge's sheet as its marks, made by c, and submits it, once no difference
// is left unsettled; it tells whether it did.
func (s *Service) agreeIfSettled(ctx context.Context, c Caller, pc paperContext) (bool, error) {
	cells, err := s.compareCells(ctx, pc)
	if err != nil {
		return false, err
	}
	if slices.ContainsFunc(cells, func(cc comparedCell) bool { return cc.agreed() == nil }) {
		return false, nil
	}
	var marks []model.Mark
	if err := s.conn(ctx).Where("sheet_id = ?", pc.sheet.ID).Find(&marks).Error; err != nil {
		return false, err
	}
	for _, cc := range cells {
		v := cc.agreed()
		cell := markCell{entrant: model.Entrant{ID: cc.entrant, DrawNumber: cc.number}}
		in := MarkInput{Number: cc.number, Criterion: cc.criterion, Points: Points(v.Points), Note: v.Note}
		if i := slices.IndexFunc(marks, func(m model.Mark) bool { return m.EntrantID == cc.entrant && m.Criterion == cc.criterion }); i >= 0 {
			cell.mark, in.Version = &marks[i], marks[i].Version
		}
		if _, err := s.writeMark(ctx, c, pc.sheet.Sheet, cell, in, ReasonDoubleEntry); err != nil {
			return false, err
		}
	}
	now := s.now()
	if err := s.updateVersioned(ctx, &model.Sheet{}, pc.sheet.ID, pc.sheet.Version, map[string]any{"submitted_at": now, "updated_at": now}); err != nil {
		return false, err
	}
	if err := s.conn(ctx).Model(&model.PaperSheet{}).Where("id = ?", pc.paper.ID).Update("agreed_at", now).Error; err != nil {
		return false, err
	}
	pc.paper.AgreedAt = &now
	return true, s.audit(ctx, c, "sheet.agree", "sheet", pc.sheet.ID, nil,
		map[string]any{"event_id": pc.ev.ID, "stage": pc.stage.Code, "judge_id": pc.judge.AccountID, "reason": ReasonDoubleEntry})
}

// Differences shows the cells where a paper sheet's two rounds differ, with
// both values, once both are submitted: to the event's chief judge and to
// its clerks who keyed neither round.
func (s *Service) Differences(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint) (KeyingComparison, error) {
	pc, err := s.settling(ctx, c, eventID, stage, judgeID, false)
	if err != nil {
		return KeyingComparison{}, err
	}
	return s.comparison(ctx, pc)
}

func (s *Service) comparison(ctx context.Context, pc paperContext) (KeyingComparison, error) {
	cells, err := s.compareCells(ctx, pc)
	if err != nil {
		return KeyingComparison{}, err
	}
	out := KeyingComparison{EventID: pc.ev.ID, EventName: pc.ev.Name, ContestName: pc.ct.Name, Stage: pc.stage.Code, StageName: pc.stage.Name,
		JudgeID: pc.judge.AccountID, JudgeName: pc.judgeName, Criteria: make([]SheetCriterion, len(pc.criteria)), Differences: []Difference{},
		AgreedAt: pc.paper.AgreedAt}
	for i, cr := range pc.criteria {
		out.Criteria[i] = SheetCriterion{Code: cr.Code, Name: cr.Name, Max: cr.Max, Kind: cr.Kind}
	}
	out.Rounds = paperProgress(*pc.paper, pc.keyings, func(int) int { return 0 }).Rounds
	for _, cc := range cells {
		if !cc.differs() {
			continue
		}
		view := func(kc *model.KeyedCell) *SheetMark {
			if kc == nil {
				return nil
			}
			v := cellView(cc.number, cc.criterion, storedCell{ID: kc.ID, Points: kc.Points, Note: kc.Note, Version: kc.Version})
			return &v
		}
		out.Differences = append(out.Differences, Difference{Number: cc.number, Criterion: cc.criterion, First: view(cc.first), Second: view(cc.second),
			Settled: view(cc.settled)})
		if cc.settled == nil {
			out.Waiting++
		}
	}
	out.Editable = pc.ct.Status == model.StepJudging && pc.paper.AgreedAt == nil
	return out, nil
}

// SettleDifference enters the paper's value for a cell where the two rounds
// differ, for the event's chief judge or a clerk who keyed neither round. The
// value need not be either round's: the paper decides. Saving it is as
// resendable and version-checked as a mark; the last difference settled
// makes the agreed values the judge's marks.
func (s *Service) SettleDifference(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, in MarkInput) (KeyingComparison, error) {
	var out KeyingComparison
	err := s.tx(ctx, func(ctx context.Context) error {
		pc, err := s.settling(ctx, c, eventID, stage, judgeID, true)
		if err != nil {
			return err
		}
		if err := s.notSignedOff(ctx, pc.ev.ID, pc.stage); err != nil {
			return err
		}
		if pc.paper.AgreedAt != nil {
			return conflict("paper_agreed")
		}
		if err := checkMark(pc.sheetContext, in); err != nil {
			return err
		}
		cells, err := s.compareCells(ctx, pc)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(cells, func(cc comparedCell) bool {
			return cc.number == in.Number && cc.criterion == in.Criterion && cc.differs()
		}) {
			return invalid(field("number", "cell_agrees", in.Number, in.Criterion))
		}
		settled, changed, err := s.writeKeyed(ctx, c, pc, settledRound, in)
		if err != nil {
			return err
		}
		if changed {
			if err := s.audit(ctx, c, "keying.settle", "sheet", pc.sheet.ID, nil,
				map[string]any{"event_id": pc.ev.ID, "stage": stage, "judge_id": judgeID, "cell": settled}); err != nil {
				return err
			}
		}
		if _, err := s.agreeIfSettled(ctx, c, pc); err != nil {
			return err
		}
		out, err = s.comparison(ctx, pc)
		return err
	})
	return out, err
}

// reopenPaper reopens the double entry of a judge's sheet being reopened:
// both rounds, for the clerks who keyed them and with their values, while
// the values settled from the paper go, since the paper may have changed.
func (s *Service) reopenPaper(ctx context.Context, sheetID uint) error {
	p, err := s.paperOf(ctx, sheetID)
	if err != nil || p == nil {
		return err
	}
	db := s.conn(ctx)
	if err := db.Model(&model.PaperSheet{}).Where("id = ?", p.ID).Update("agreed_at", nil).Error; err != nil {
		return err
	}
	if err := db.Model(&model.Keying{}).Where("paper_sheet_id = ?", p.ID).
		Updates(map[string]any{"submitted_at": nil, "version": gorm.Expr("version + 1"), "updated_at": s.now()}).Error; err != nil {
		return err
	}
	return db.Where("paper_sheet_id = ? AND round = ?", p.ID, settledRound).Delete(&model.KeyedCell{}).Error
}
