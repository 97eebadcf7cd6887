package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// Duties a judge account can have in an event. Judges and trainees mark the
// stages they are given (a trainee's marks are kept and shown to the chief
// judge, and never count); the others act on the whole event.
const (
	DutyChief      = "chief"      // 裁判长: signs stages off, reopens sheets
	DutyJudge      = "judge"      // 裁判/评委
	DutyTrainee    = "trainee"    // 见习裁判
	DutyCheckIn    = "checkin"    // 检录员
	DutyClerk      = "clerk"      // 录分员: keys paper sheets in
	DutyEncryption = "encryption" // 加密裁判
)

// marks tells whether a duty marks stages.
func marks(duty string) bool { return duty == DutyJudge || duty == DutyTrainee }

// PanelMember is a judge account's duty in an event, as its organisers and
// chief judge see it.
type PanelMember struct {
	ID               uint     `json:"id"`
	EventID          uint     `json:"event_id"`
	AccountID        uint     `json:"account_id"`
	Username         string   `json:"username"`
	DisplayName      string   `json:"display_name"`
	OrganisationName string   `json:"organisation_name"`
	Duty             string   `json:"duty"`
	Stages           []string `json:"stages"`
	Version          int      `json:"version"`
}

// PanelInput gives an account a duty in an event.
type PanelInput struct {
	AccountID uint
	Duty      string
	Stages    []string
}

func stagesOf(m model.PanelMember) []string {
	if m.Stages == "" {
		return []string{}
	}
	return strings.Split(m.Stages, ",")
}

func panelMemberView(m model.PanelMember) PanelMember {
	return PanelMember{ID: m.ID, EventID: m.EventID, AccountID: m.AccountID, Username: m.Account.Username, DisplayName: m.Account.DisplayName,
		OrganisationName: m.Account.Organisation.Name, Duty: m.Duty, Stages: stagesOf(m), Version: m.Version}
}

// panelEvent loads and locks an event whose panel the caller forms: its
// contest's organisers, until judging is over.
func (s *Service) panelEvent(ctx context.Context, c Caller, eventID uint) (model.Event, error) {
	ev, ct, err := s.runLockedEvent(ctx, c, eventID)
	if err != nil {
		return ev, err
	}
	if stepOrder(ct.Status, model.StepJudging) > 0 {
		return ev, wrongStep(ct.Status)
	}
	return ev, nil
}

// ListPanel lists an event's panel, for its organisers and its chief judge.
func (s *Service) ListPanel(ctx context.Context, c Caller, eventID uint) ([]PanelMember, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if _, err := s.leadsEvent(ctx, c, ev); err != nil {
		return nil, err
	}
	var rows []model.PanelMember
	if err := s.conn(ctx).Preload("Account.Organisation").Where("event_id = ?", ev.ID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]PanelMember, len(rows))
	for i, m := range rows {
		out[i] = panelMemberView(m)
	}
	return out, nil
}

// AddPanelMember gives a judge account of the organiser's subtree a duty in
// an event: one duty an account, one chief judge an event.
func (s *Service) AddPanelMember(ctx context.Context, c Caller, eventID uint, in PanelInput) (PanelMember, error) {
	var out PanelMember
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, err := s.panelEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		acc, err := s.loadAccount(ctx, in.AccountID)
		var se *Error
		if errors.As(err, &se) && se.Kind == KindNotFound {
			return invalid(field("account_id", "panel_account"))
		}
		if err != nil {
			return err
		}
		if acc.Role != model.RoleJudge || acc.Disabled || !c.sees(acc.Organisation.Path) {
			return invalid(field("account_id", "panel_account"))
		}
		rules, err := parseRules(ev.Rules)
		if err != nil {
			return err
		}
		if fe := checkPanelStages(in, rules); len(fe) > 0 {
			return invalid(fe...)
		}
		if in.Duty == DutyChief {
			var n int64
			if err := s.conn(ctx).Model(&model.PanelMember{}).Where("event_id = ? AND duty = ?", ev.ID, DutyChief).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return conflict("chief_taken", ev.Name)
			}
		}
		now := s.now()
		m := model.PanelMember{EventID: ev.ID, AccountID: acc.ID, Duty: in.Duty, Stages: strings.Join(in.Stages, ","), Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := s.conn(ctx).Omit("Account").Create(&m).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("account_id", "panel_member_exists", acc.DisplayName, ev.Name)
			}
			return err
		}
		m.Account = acc
		out = panelMemberView(m)
		return s.audit(ctx, c, "panel.add", "event", ev.ID, nil, out)
	})
	return out, err
}

// checkPanelStages: a judge or trainee marks at least one of the event's
// stages, each once; the other duties take none.
func checkPanelStages(in PanelInput, r Rules) []FieldError {
	if !marks(in.Duty) {
		if len(in.Stages) > 0 {
			return []FieldError{field("stages", "panel_stages_none")}
		}
		return nil
	}
	if len(in.Stages) == 0 {
		return []FieldError{field("stages", "required")}
	}
	var fe []FieldError
	for i, code := range in.Stages {
		if !slices.ContainsFunc(r.Stages, func(st Stage) bool { return st.Code == code }) {
			fe = append(fe, field(fmt.Sprintf("stages[%d]", i), "stage_unknown", code))
		} else if slices.Index(in.Stages, code) < i {
			fe = append(fe, field(fmt.Sprintf("stages[%d]", i), "code_repeated", code))
		}
	}
	return fe
}

// RemovePanelMember takes a duty back, as long as the account has given no
// mark in the event, nor keyed a round of a paper sheet (which only it can finish).
func (s *Service) RemovePanelMember(ctx context.Context, c Caller, id uint) error {
	return s.tx(ctx, func(ctx context.Context) error {
		var m model.PanelMember
		if err := s.conn(ctx).Preload("Account.Organisation").Take(&m, id).Error; err != nil {
			return notFoundOr(err, "panel_member")
		}
		ev, err := s.panelEvent(ctx, c, m.EventID)
		if err != nil {
			return err
		}
		var n int64
		err = s.conn(ctx).Model(&model.Mark{}).Where("sheet_id IN (?)",
			s.conn(ctx).Model(&model.Sheet{}).Select("id").Where("event_id = ? AND judge_id = ?", ev.ID, m.AccountID)).Count(&n).Error
		if err != nil {
			return err
		}
		if n > 0 {
			return conflict("panel_member_has_marks", m.Account.DisplayName, n)
		}
		if n, err = s.keyingsBy(ctx, ev.ID, m.AccountID); err != nil {
			return err
		}
		if n > 0 {
			return conflict("panel_member_has_keyings", m.Account.DisplayName, n)
		}
		if err := s.conn(ctx).Delete(&model.PanelMember{}, m.ID).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "panel.remove", "event", ev.ID, panelMemberView(m), nil)
	})
}

// dutyIn finds the caller's duty in an event, if it has one.
func (s *Service) dutyIn(ctx context.Context, c Caller, eventID uint) (model.PanelMember, bool, error) {
	var rows []model.PanelMember
	if c.Role != model.RoleJudge {
		return model.PanelMember{}, false, nil
	}
	err := s.conn(ctx).Where("event_id = ? AND account_id = ?", eventID, c.AccountID).Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return model.PanelMember{}, false, err
	}
	return rows[0], true, nil
}
