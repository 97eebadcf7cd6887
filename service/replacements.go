package service

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// Replacing a judge (更换裁判) who drops out, for the rest of a stage: an
// organiser of the contest gives the judge's stage to another judge account,
// with a reason, while judging lasts and before the stage is signed off. The
// chief judge may not: forming the panel is the organisers' (panels.go),
// and the chief judge asks them. The marks the first judge gave stay its
// own and count, as its sheet stood: that sheet is closed, neither
// submitted nor awaited, and its judge can no longer write. The new
// judge's sheet holds only the cells the first judge had not marked, and
// the sign-off waits for it instead. Recusal applies to the new judge as to
// any: its own organisation's entrants and those it steps aside from are
// not on its sheet.

// Replacement is one judge replaced by another on a stage.
type Replacement struct {
	ID              uint      `json:"id"`
	EventID         uint      `json:"event_id"`
	Stage           string    `json:"stage"`
	StageName       string    `json:"stage_name"`
	ReplacedID      uint      `json:"replaced_id"`
	ReplacedName    string    `json:"replaced_name"`
	ReplacementID   uint      `json:"replacement_id"`
	ReplacementName string    `json:"replacement_name"`
	Reason          string    `json:"reason"`
	CreatedAt       time.Time `json:"created_at"`
	// MarksKept counts the marks the replaced judge had given: they stay its own and count.
	MarksKept int `json:"marks_kept"`
}

// ReplaceInput names the judge who leaves a stage, the account that takes
// its sheet over, and why.
type ReplaceInput struct {
	JudgeID   uint
	AccountID uint
	Reason    string
}

func replacementView(r model.JudgeReplacement, rules Rules, kept int) Replacement {
	v := Replacement{ID: r.ID, EventID: r.EventID, Stage: r.Stage, StageName: r.Stage, ReplacedID: r.ReplacedID, ReplacedName: r.Replaced.DisplayName,
		ReplacementID: r.ReplacementID, ReplacementName: r.Replacement.DisplayName, Reason: r.Reason, CreatedAt: r.CreatedAt, MarksKept: kept}
	if st, _, ok := stageOf(rules, r.Stage); ok {
		v.StageName = st.Name
	}
	return v
}

// stageReplacements lists the replacements of a stage of an event, in order.
func (s *Service) stageReplacements(ctx context.Context, eventID uint, stage string) ([]model.JudgeReplacement, error) {
	var rows []model.JudgeReplacement
	err := s.conn(ctx).Preload("Replaced").Preload("Replacement").Where("event_id = ? AND stage = ?", eventID, stage).Order("id").Find(&rows).Error
	return rows, err
}

// predecessors are the judges whose sheet of a stage a judge took over,
// directly or through earlier replacements, nearest first.
func predecessors(reps []model.JudgeReplacement, judgeID uint) []model.JudgeReplacement {
	var out []model.JudgeReplacement
	cur := judgeID
	for range reps {
		i := slices.IndexFunc(reps, func(r model.JudgeReplacement) bool { return r.ReplacementID == cur })
		if i < 0 {
			break
		}
		out = append(out, reps[i])
		cur = reps[i].ReplacedID
	}
	return out
}

func replacedIDs(reps []model.JudgeReplacement) []uint {
	ids := make([]uint, len(reps))
	for i, r := range reps {
		ids[i] = r.ReplacedID
	}
	return ids
}

// stageMarksBy is the query of the marks given on a stage by some judges.
func (s *Service) stageMarksBy(ctx context.Context, eventID uint, stage string, judges []uint) *gorm.DB {
	return s.conn(ctx).Table("marks").Joins("JOIN sheets ON sheets.id = marks.sheet_id").
		Where("sheets.event_id = ? AND sheets.stage = ? AND marks.judge_id IN ?", eventID, stage, judges)
}

// closedCells are the cells of a stage the judge's predecessors marked, as
// criterion codes by number: on the judge's sheet they take no mark.
func (s *Service) closedCells(ctx context.Context, eventID uint, stage string, preds []model.JudgeReplacement) (map[string][]string, error) {
	out := map[string][]string{}
	if len(preds) == 0 {
		return out, nil
	}
	var rows []struct {
		DrawNumber string
		Criterion  string
	}
	if err := s.stageMarksBy(ctx, eventID, stage, replacedIDs(preds)).Joins("JOIN entrants ON entrants.id = marks.entrant_id").
		Select("entrants.draw_number, marks.criterion").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.DrawNumber] = append(out[r.DrawNumber], r.Criterion)
	}
	return out, nil
}

// closedCellCount counts the closed cells on a judge's rows of a stage.
func (s *Service) closedCellCount(ctx context.Context, judge Caller, eventID uint, stage string, preds []model.JudgeReplacement) (int, error) {
	if len(preds) == 0 {
		return 0, nil
	}
	var n int64
	rows := s.sheetEntrants(ctx, judge, eventID).Select("entrants.id")
	err := s.stageMarksBy(ctx, eventID, stage, replacedIDs(preds)).Where("marks.entrant_id IN (?)", rows).Count(&n).Error
	return int(n), err
}

// cellClosed tells whether a cell of a judge's sheet was marked by a judge it replaced.
func (s *Service) cellClosed(ctx context.Context, sheet model.Sheet, entrantID uint, criterion string) (bool, error) {
	reps, err := s.stageReplacements(ctx, sheet.EventID, sheet.Stage)
	if err != nil {
		return false, err
	}
	preds := predecessors(reps, sheet.JudgeID)
	if len(preds) == 0 {
		return false, nil
	}
	var n int64
	err = s.stageMarksBy(ctx, sheet.EventID, sheet.Stage, replacedIDs(preds)).
		Where("marks.entrant_id = ? AND marks.criterion = ?", entrantID, criterion).Count(&n).Error
	return n > 0, err
}

// ReplaceJudge gives a judge's stage to another judge account for the rest
// of it: the contest's organisers, while judging lasts and before the stage
// is signed off, for a judge who has not submitted its sheet. The new
// account is a judge account of the organiser's union, on the event's panel
// as a judge of other stages or not on it at all, that has never marked the stage.
func (s *Service) ReplaceJudge(ctx context.Context, c Caller, eventID uint, stage string, in ReplaceInput) (Replacement, error) {
	var out Replacement
	err := s.tx(ctx, func(ctx context.Context) error {
		// Held exclusively, the event's row waits for the judges' writes under way, the first judge's among them.
		ev, ct, err := s.runLockedEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		if err := judging(ct); err != nil {
			return err
		}
		rules, err := parseRules(ev.Rules)
		if err != nil {
			return err
		}
		st, _, found := stageOf(rules, stage)
		if !found {
			return notFound("stage")
		}
		if err := s.notSignedOff(ctx, ev.ID, st); err != nil {
			return err
		}
		var olds []model.PanelMember
		if err := s.conn(ctx).Preload("Account").Where("event_id = ? AND account_id = ?", ev.ID, in.JudgeID).Limit(1).Find(&olds).Error; err != nil {
			return err
		}
		if len(olds) == 0 || olds[0].Duty != DutyJudge || !slices.Contains(stagesOf(olds[0]), stage) {
			return invalid(field("judge_id", "replace_not_judge", st.Name))
		}
		old := olds[0]
		sheet, found, err := s.findSheet(ctx, ev.ID, stage, old.AccountID, clause.Locking{Strength: "UPDATE"})
		if err != nil {
			return err
		}
		if found && sheet.SubmittedAt != nil {
			return conflict("replace_submitted", old.Account.DisplayName, st.Name)
		}
		acc, cur, err := s.replacementAccount(ctx, c, ev.ID, st, old, in.AccountID)
		if err != nil {
			return err
		}
		now := s.now()
		if err := s.updateVersioned(ctx, &model.PanelMember{}, old.ID, old.Version, map[string]any{
			"stages": strings.Join(slices.DeleteFunc(stagesOf(old), func(code string) bool { return code == stage }), ","), "updated_at": now}); err != nil {
			return err
		}
		if cur != nil {
			err = s.updateVersioned(ctx, &model.PanelMember{}, cur.ID, cur.Version, map[string]any{
				"stages": strings.Join(append(stagesOf(*cur), stage), ","), "updated_at": now})
		} else {
			err = s.conn(ctx).Omit("Account").Create(&model.PanelMember{EventID: ev.ID, AccountID: acc.ID, Duty: DutyJudge, Stages: stage,
				Version: 1, CreatedAt: now, UpdatedAt: now}).Error
		}
		if err != nil {
			return err
		}
		// The new judge's sheet exists from the start: one whose every cell the
		// first judge marked has nothing to take a mark, and is submitted all the same.
		if err := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&model.Sheet{EventID: ev.ID, Stage: stage, JudgeID: acc.ID,
			Version: 1, CreatedAt: now, UpdatedAt: now}).Error; err != nil {
			return err
		}
		withdrawn := s.conn(ctx).Model(&model.RemarkRequest{}).Where("event_id = ? AND stage = ? AND judge_id = ? AND settled_at IS NULL", ev.ID, stage, old.AccountID).
			Updates(map[string]any{"settled_at": now, "outcome": RemarkWithdrawn})
		if withdrawn.Error != nil {
			return withdrawn.Error
		}
		row := model.JudgeReplacement{EventID: ev.ID, Stage: stage, ReplacedID: old.AccountID, ReplacementID: acc.ID, Reason: in.Reason,
			CreatedBy: c.AccountID, CreatedAt: now}
		if err := s.conn(ctx).Omit("Replaced", "Replacement").Create(&row).Error; err != nil {
			return err
		}
		row.Replaced, row.Replacement = old.Account, acc
		kept, err := s.marksKept(ctx, ev.ID)
		if err != nil {
			return err
		}
		out = replacementView(row, rules, kept[stageJudge{stage: stage, judgeID: old.AccountID}])
		return s.auditWithReason(ctx, c, "panel.replace", "event", ev.ID, map[string]any{"stage": stage, "judge_id": old.AccountID},
			map[string]any{"replacement": out, "remarks_withdrawn": withdrawn.RowsAffected}, in.Reason)
	})
	return out, err
}

// replacementAccount checks the account that takes a stage over, and finds
// its place on the event's panel, if it has one.
func (s *Service) replacementAccount(ctx context.Context, c Caller, eventID uint, st Stage, old model.PanelMember, accountID uint) (model.Account, *model.PanelMember, error) {
	acc, err := s.loadAccount(ctx, accountID)
	var se *Error
	if errors.As(err, &se) && se.Kind == KindNotFound {
		return acc, nil, invalid(field("account_id", "panel_account"))
	}
	if err != nil {
		return acc, nil, err
	}
	if acc.Role != model.RoleJudge || acc.Disabled || !c.sees(acc.Organisation.Path) {
		return acc, nil, invalid(field("account_id", "panel_account"))
	}
	if acc.ID == old.AccountID {
		return acc, nil, invalid(field("account_id", "replace_same"))
	}
	var members []model.PanelMember
	if err := s.conn(ctx).Where("event_id = ? AND account_id = ?", eventID, acc.ID).Limit(1).Find(&members).Error; err != nil {
		return acc, nil, err
	}
	var cur *model.PanelMember
	if len(members) > 0 {
		cur = &members[0]
		switch {
		case cur.Duty != DutyJudge:
			return acc, nil, invalid(field("account_id", "replace_on_panel", acc.DisplayName))
		case slices.Contains(stagesOf(*cur), st.Code):
			return acc, nil, invalid(field("account_id", "replace_on_stage", acc.DisplayName, st.Name))
		}
	}
	// A judge replaced on the stage before, or one with a sheet of it from
	// another time, never takes it (back): that would mix two seats' marks.
	_, had, err := s.findSheet(ctx, eventID, st.Code, acc.ID, nil)
	if err != nil {
		return acc, nil, err
	}
	var left int64
	if err := s.conn(ctx).Model(&model.JudgeReplacement{}).Where("event_id = ? AND stage = ? AND replaced_id = ?", eventID, st.Code, acc.ID).
		Count(&left).Error; err != nil {
		return acc, nil, err
	}
	if had || left > 0 {
		return acc, nil, invalid(field("account_id", "replace_judged_stage", acc.DisplayName, st.Name))
	}
	return acc, cur, nil
}

// stageJudge names one judge's sheet of a stage of an event.
type stageJudge struct {
	eventID uint
	stage   string
	judgeID uint
}

// marksKept counts each judge's marks of each stage of an event.
func (s *Service) marksKept(ctx context.Context, eventID uint) (map[stageJudge]int, error) {
	var rows []struct {
		Stage   string
		JudgeID uint
		N       int
	}
	err := s.conn(ctx).Table("marks").Joins("JOIN sheets ON sheets.id = marks.sheet_id").Where("sheets.event_id = ?", eventID).
		Select("sheets.stage, marks.judge_id, COUNT(*) AS n").Group("sheets.stage, marks.judge_id").Scan(&rows).Error
	out := map[stageJudge]int{}
	for _, r := range rows {
		out[stageJudge{stage: r.Stage, judgeID: r.JudgeID}] = r.N
	}
	return out, err
}

// ListReplacements lists an event's replacements, in order, for its
// organisers and its chief judge.
func (s *Service) ListReplacements(ctx context.Context, c Caller, eventID uint) ([]Replacement, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if _, err := s.leadsEvent(ctx, c, ev); err != nil {
		return nil, err
	}
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return nil, err
	}
	var rows []model.JudgeReplacement
	if err := s.conn(ctx).Preload("Replaced").Preload("Replacement").Where("event_id = ?", ev.ID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Replacement, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	kept, err := s.marksKept(ctx, ev.ID)
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		out[i] = replacementView(r, rules, kept[stageJudge{stage: r.Stage, judgeID: r.ReplacedID}])
	}
	return out, nil
}
