package service

import (
	"context"

	"gorm.io/gorm"

	"leitai/model"
)

// numbersWithoutDraw tells whether a kind of contest gives its entrants their
// numbers without a draw: an innovation evaluation (五小) judges written
// achievements, not work at a venue, so it needs numbers for anonymous
// judging but no stations, sessions or recorded draw.
func numbersWithoutDraw(kind string) bool { return kind == KindInnovation }

// numberInOrder gives the approved entrants of every event of a contest that
// numbers without a draw their numbers, 001, 002 … in the order they
// registered, as the contest starts judging. Every entry has been reviewed by
// then (checkStep), and an event so numbered counts as drawn: its entries are
// final.
func (s *Service) numberInOrder(ctx context.Context, c Caller, ct model.Contest) error {
	tx := s.conn(ctx)
	events, err := s.lockEvents(ctx, ct.ID)
	if err != nil {
		return err
	}
	now := s.now()
	for _, ev := range events {
		if ev.DrawnAt != nil {
			continue
		}
		var ids []uint
		if err := tx.Model(&model.Entrant{}).Where("event_id = ? AND status = ?", ev.ID, EntrantApproved).Order("id").Pluck("id", &ids).Error; err != nil {
			return err
		}
		for i, id := range ids {
			res := tx.Model(&model.Entrant{}).Where("id = ? AND status = ?", id, EntrantApproved).Updates(map[string]any{
				"draw_number": entrantNumber(i, len(ids)), "version": gorm.Expr("version + 1")})
			if err := versionedResult(res); err != nil {
				return err
			}
		}
		if err := s.updateVersioned(ctx, &model.Event{}, ev.ID, ev.Version, map[string]any{"drawn_at": now}); err != nil {
			return err
		}
		if err := s.audit(ctx, c, "event.number", "event", ev.ID, nil, map[string]any{"entrants": len(ids)}); err != nil {
			return err
		}
	}
	return nil
}
