package service

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Declared conflicts (申报回避): beyond the recusal the server applies by
// organisation, a judge may know an entrant behind a number (a relative, a
// former apprentice) and step aside from that entrant alone. The entrant
// leaves the judge's sheets; the chief judge sees the declaration and its
// reason on the progress board. A judge declares before marking the entrant.

// Conflict is a declared conflict, by number only.
type Conflict struct {
	ID        uint      `json:"id"`
	Number    string    `json:"number"`
	AccountID uint      `json:"account_id"`
	JudgeName string    `json:"judge_name"`
	Reason    string    `json:"reason"`
	CreatedAt time.Time `json:"created_at"`
}

func conflictView(pc model.PanelConflict) Conflict {
	return Conflict{ID: pc.ID, Number: pc.Entrant.DrawNumber, AccountID: pc.AccountID, JudgeName: pc.Account.DisplayName, Reason: pc.Reason,
		CreatedAt: pc.CreatedAt}
}

// DeclareConflict records that the caller, a judge or trainee of the event,
// steps aside from the entrant with a number on its sheets: after the draw,
// until judging ends, and only while it has given that entrant no mark.
func (s *Service) DeclareConflict(ctx context.Context, c Caller, eventID uint, number, reason string) (Conflict, error) {
	var out Conflict
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, ct, err := s.judgingEvent(ctx, eventID)
		if err != nil {
			return err
		}
		d, ok, err := s.dutyIn(ctx, c, ev.ID)
		if err != nil {
			return err
		}
		if !ok || !marks(d.Duty) {
			return forbidden()
		}
		if err := s.conflictBeforeEncryption(ctx, ev, d); err != nil {
			return err
		}
		if ct.Status != model.StepRegistrationClosed && ct.Status != model.StepJudging {
			return wrongStep(ct.Status)
		}
		var entrants []model.Entrant
		if err := s.sheetEntrants(ctx, c, ev.ID).Where("entrants.draw_number = ?", number).Limit(1).Find(&entrants).Error; err != nil {
			return err
		}
		if len(entrants) == 0 {
			return invalid(field("number", "number_unknown", number))
		}
		var marked int64
		if err := s.conn(ctx).Model(&model.Mark{}).Where("entrant_id = ? AND judge_id = ?", entrants[0].ID, c.AccountID).Count(&marked).Error; err != nil {
			return err
		}
		if marked > 0 {
			return conflict("conflict_after_marks", number)
		}
		pc := model.PanelConflict{EventID: ev.ID, AccountID: c.AccountID, EntrantID: entrants[0].ID, Reason: reason, CreatedAt: s.now()}
		if err := s.conn(ctx).Omit("Account", "Entrant").Create(&pc).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("number", "conflict_declared", number)
			}
			return err
		}
		rows, err := s.eventConflicts(ctx, []uint{ev.ID}, c.AccountID)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if r.ID == pc.ID {
				out = conflictView(r)
			}
		}
		return s.audit(ctx, c, "panel.conflict", "event", ev.ID, nil, out)
	})
	return out, err
}

// eventConflicts lists the conflicts declared in events, by a judge when judgeID is set.
func (s *Service) eventConflicts(ctx context.Context, eventIDs []uint, judgeID uint) ([]model.PanelConflict, error) {
	q := s.conn(ctx).Preload("Account").Preload("Entrant", func(q *gorm.DB) *gorm.DB { return q.Select("id, draw_number, attendance") }).
		Where("event_id IN ?", eventIDs)
	if judgeID != 0 {
		q = q.Where("account_id = ?", judgeID)
	}
	var rows []model.PanelConflict
	err := q.Order("id").Find(&rows).Error
	return rows, err
}
