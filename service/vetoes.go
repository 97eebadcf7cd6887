package service

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Vetoes (一票否决): where an event's rules have a veto, its organisers or
// its chief judge record one against an entrant, with the reason, while the
// contest judges; the results computed next keep the entrant's marks and
// give it no rank and no award, saying why in words. A veto is taken back
// the same way, before the results are published.

// maxVetoReason bounds a veto's reason.
const maxVetoReason = 500

// Veto is a veto against an entrant, as the event's leaders see it.
type Veto struct {
	ID         uint      `json:"id"`
	EventID    uint      `json:"event_id"`
	EntrantID  uint      `json:"entrant_id"`
	DrawNumber string    `json:"draw_number"`
	Reason     string    `json:"reason"`
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
}

// ListVetoes lists an event's vetoes, for its organisers and chief judge.
func (s *Service) ListVetoes(ctx context.Context, c Caller, eventID uint) ([]Veto, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if _, err := s.leadsEvent(ctx, c, ev); err != nil {
		return nil, err
	}
	var rows []struct {
		model.Veto
		DrawNumber  string
		DisplayName string
	}
	if err := s.conn(ctx).Table("vetoes").Select("vetoes.*, entrants.draw_number, accounts.display_name").
		Joins("JOIN entrants ON entrants.id = vetoes.entrant_id").Joins("JOIN accounts ON accounts.id = vetoes.recorded_by").
		Where("vetoes.event_id = ?", ev.ID).Order("vetoes.id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Veto, len(rows))
	for i, r := range rows {
		out[i] = Veto{ID: r.ID, EventID: r.EventID, EntrantID: r.EntrantID, DrawNumber: r.DrawNumber, Reason: r.Reason,
			RecordedBy: r.DisplayName, RecordedAt: r.RecordedAt}
	}
	return out, nil
}

// vetoEvent holds an event for a veto by its organisers or chief judge,
// while the contest judges and the event's rules have a veto.
func (s *Service) vetoEvent(ctx context.Context, c Caller, eventID uint) (model.Event, error) {
	ev, err := s.lockEvent(ctx, eventID)
	if err != nil {
		return ev, err
	}
	ct, err := s.leadsEvent(ctx, c, ev)
	if err != nil {
		return ev, err
	}
	if err := judging(ct); err != nil {
		return ev, err
	}
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return ev, err
	}
	if !rules.Veto {
		return ev, &Error{Kind: KindConflict, Code: "veto_not_in_rules", Text: T("veto_not_in_rules", ev.Name)}
	}
	return ev, nil
}

// RecordVeto records a veto against an approved entrant of an event.
func (s *Service) RecordVeto(ctx context.Context, c Caller, eventID, entrantID uint, reason string) (Veto, error) {
	var out Veto
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, err := s.vetoEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return invalid(field("reason", "required"))
		}
		if len([]rune(reason)) > maxVetoReason {
			return invalid(field("reason", "appeal_text_long", maxVetoReason))
		}
		var e model.Entrant
		if err := s.conn(ctx).Where("id = ? AND event_id = ? AND status = ?", entrantID, ev.ID, EntrantApproved).Take(&e).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return invalid(field("entrant_id", "veto_entrant"))
			}
			return err
		}
		row := model.Veto{EventID: ev.ID, EntrantID: e.ID, Reason: reason, RecordedBy: c.AccountID, RecordedAt: s.now()}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("entrant_id", "veto_exists", e.DrawNumber)
			}
			return err
		}
		acc, err := s.loadAccount(ctx, c.AccountID)
		if err != nil {
			return err
		}
		out = Veto{ID: row.ID, EventID: ev.ID, EntrantID: e.ID, DrawNumber: e.DrawNumber, Reason: reason, RecordedBy: acc.DisplayName, RecordedAt: row.RecordedAt}
		return s.auditWithReason(ctx, c, "entrant.veto", "entrant", e.ID, nil, map[string]any{"event_id": ev.ID, "vetoed": true}, reason)
	})
	return out, err
}

// RemoveVeto takes a veto back, with a reason.
func (s *Service) RemoveVeto(ctx context.Context, c Caller, id uint, reason string) error {
	return s.tx(ctx, func(ctx context.Context) error {
		var row model.Veto
		if err := s.conn(ctx).Take(&row, id).Error; err != nil {
			return notFoundOr(err, "veto")
		}
		if _, err := s.vetoEvent(ctx, c, row.EventID); err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return invalid(field("reason", "required"))
		}
		if err := s.conn(ctx).Delete(&model.Veto{}, row.ID).Error; err != nil {
			return err
		}
		return s.auditWithReason(ctx, c, "entrant.veto_remove", "entrant", row.EntrantID, map[string]any{"vetoed": true, "reason": row.Reason},
			map[string]any{"vetoed": false}, reason)
	})
}

// entrantVetoes are the reasons of an event's vetoes, by entrant.
func (s *Service) entrantVetoes(ctx context.Context, eventID uint) (map[uint]string, error) {
	var rows []model.Veto
	if err := s.conn(ctx).Select("entrant_id, reason").Where("event_id = ?", eventID).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]string, len(rows))
	for _, r := range rows {
		out[r.EntrantID] = r.Reason
	}
	return out, nil
}
