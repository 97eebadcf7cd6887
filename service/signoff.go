package service

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm/clause"

	"leitai/model"
)

// Sign-off (裁判长签核): the chief judge signs a stage of an event off once
// every counting judge of the stage has submitted; from then on no mark of
// the stage changes, and no sheet reopens, until an organiser reopens the
// stage with a reason. Sign-off is what lets results be computed.

// notSignedOff refuses a change to a stage that is signed off.
func (s *Service) notSignedOff(ctx context.Context, eventID uint, st Stage) error {
	var n int64
	if err := s.conn(ctx).Model(&model.StageSignoff{}).Where("event_id = ? AND stage = ?", eventID, st.Code).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return conflict("stage_signed_off", st.Name)
	}
	return nil
}

// chiefsEvent holds an event for a write by its chief judge, with its contest.
func (s *Service) chiefsEvent(ctx context.Context, c Caller, eventID uint) (model.Event, model.Contest, error) {
	ev, err := s.lockEvent(ctx, eventID)
	if err != nil {
		return ev, model.Contest{}, err
	}
	if err := s.chiefOf(ctx, c, ev); err != nil {
		return ev, model.Contest{}, err
	}
	ct, err := s.loadContest(ctx, ev.ContestID)
	return ev, ct, err
}

// SignOffStage signs a stage off: the event's chief judge, while judging
// lasts, when every judge given the stage has submitted its sheet.
func (s *Service) SignOffStage(ctx context.Context, c Caller, eventID uint, stage string) error {
	return s.tx(ctx, func(ctx context.Context) error {
		ev, ct, err := s.chiefsEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		st, err := judgedStage(ct, ev, stage)
		if err != nil {
			return err
		}
		if err := s.notSignedOff(ctx, ev.ID, st); err != nil {
			return err
		}
		waiting, err := s.judgesNotSubmitted(ctx, ev.ID, stage)
		if err != nil {
			return err
		}
		if len(waiting) > 0 {
			return conflict("signoff_waiting", st.Name, strings.Join(waiting, "、"))
		}
		row := model.StageSignoff{EventID: ev.ID, Stage: stage, SignedBy: c.AccountID, SignedAt: s.now()}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "stage.sign_off", "event", ev.ID, nil, map[string]any{"stage": stage})
	})
}

// ReopenStage takes a sign-off back, with a reason: the contest's organisers,
// while judging lasts. The chief judge may then reopen sheets.
func (s *Service) ReopenStage(ctx context.Context, c Caller, eventID uint, stage, reason string) error {
	return s.tx(ctx, func(ctx context.Context) error {
		ev, ct, err := s.runLockedEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		st, err := judgedStage(ct, ev, stage)
		if err != nil {
			return err
		}
		if err := s.notDecoded(ctx, ev, st); err != nil {
			return err
		}
		res := s.conn(ctx).Where("event_id = ? AND stage = ?", ev.ID, stage).Delete(&model.StageSignoff{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return conflict("stage_not_signed_off", st.Name)
		}
		return s.auditWithReason(ctx, c, "stage.reopen", "event", ev.ID, map[string]any{"stage": stage, "signed_off": true},
			map[string]any{"stage": stage, "signed_off": false}, reason)
	})
}

// judgesNotSubmitted names the judges (not trainees) given a stage whose
// sheet is not submitted, holding the stage's sheets on MySQL until the
// transaction ends so that none is reopened under the sign-off.
func (s *Service) judgesNotSubmitted(ctx context.Context, eventID uint, stage string) ([]string, error) {
	var members []model.PanelMember
	if err := s.conn(ctx).Preload("Account").Where("event_id = ? AND duty = ?", eventID, DutyJudge).Order("id").Find(&members).Error; err != nil {
		return nil, err
	}
	q := s.conn(ctx)
	if s.onMySQL(ctx) {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var sheets []model.Sheet
	if err := q.Where("event_id = ? AND stage = ?", eventID, stage).Find(&sheets).Error; err != nil {
		return nil, err
	}
	var waiting []string
	judges := 0
	for _, m := range members {
		if !slices.Contains(stagesOf(m), stage) {
			continue
		}
		judges++
		if !slices.ContainsFunc(sheets, func(sh model.Sheet) bool { return sh.JudgeID == m.AccountID && sh.SubmittedAt != nil }) {
			waiting = append(waiting, m.Account.DisplayName)
		}
	}
	if judges == 0 {
		return nil, conflict("signoff_no_judges")
	}
	return waiting, nil
}

// judgedStage finds a stage of an event whose contest is judging.
func judgedStage(ct model.Contest, ev model.Event, code string) (Stage, error) {
	if err := judging(ct); err != nil {
		return Stage{}, err
	}
	return eventStage(ev, code)
}

// eventStage finds a stage of an event's rules.
func eventStage(ev model.Event, code string) (Stage, error) {
	st, _, err := eventStageCriteria(ev, code)
	return st, err
}
