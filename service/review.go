package service

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// Review approves or rejects one entry; a rejection needs a reason the
// enterprise will see. A decision can be changed until the draw.
func (s *Service) Review(ctx context.Context, c Caller, id uint, decision, reason string, version int) (Entrant, error) {
	reason = strings.TrimSpace(reason)
	if decision == "reject" && reason == "" {
		return Entrant{}, invalid(field("reason", "reject_reason_required"))
	}
	if !slices.Contains(reviewDecisions, decision) {
		return Entrant{}, invalid(field("decision", "one_of", strings.Join(reviewDecisions, ", ")))
	}
	err := s.tx(ctx, func(ctx context.Context) error {
		e, err := s.loadEntrant(ctx, id)
		if err != nil {
			return err
		}
		if _, err := s.reviewableEvent(ctx, c, e.EventID); err != nil {
			return err
		}
		if e.Version != version {
			return staleVersion()
		}
		if e.Status == EntrantWithdrawn {
			return conflict("entrant_not_active")
		}
		status, rejectReason := EntrantApproved, ""
		if decision == "reject" {
			status, rejectReason = EntrantRejected, reason
		}
		if err := s.updateVersioned(ctx, &model.Entrant{}, e.ID, e.Version, map[string]any{"status": status, "reject_reason": rejectReason}); err != nil {
			return err
		}
		return s.auditWithReason(ctx, c, "entrant.review", "entrant", e.ID, map[string]string{"status": e.Status},
			map[string]string{"status": status}, reason)
	})
	if err != nil {
		return Entrant{}, err
	}
	e, err := s.loadEntrant(ctx, id)
	return entrantView(e, true), err
}

// ApproveAll approves the given pending entries of an event, all or none.
func (s *Service) ApproveAll(ctx context.Context, c Caller, eventID uint, ids []uint) (int, error) {
	if len(ids) == 0 {
		return 0, invalid(field("ids", "required"))
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if _, err := s.reviewableEvent(ctx, c, eventID); err != nil {
			return err
		}
		var rows []model.Entrant
		if err := tx.Where("id IN ? AND event_id = ?", ids, eventID).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) != len(ids) {
			return invalid(field("ids", "ids_not_in_event"))
		}
		for _, e := range rows {
			if e.Status != EntrantPending {
				return conflict("not_pending", e.ID)
			}
		}
		// The status condition holds against a review that landed after the read above.
		res := tx.Model(&model.Entrant{}).Where("id IN ? AND status = ?", ids, EntrantPending).Updates(map[string]any{
			"status": EntrantApproved, "version": gorm.Expr("version + 1")})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != int64(len(ids)) {
			return staleVersion()
		}
		for _, e := range rows {
			if err := s.audit(ctx, c, "entrant.review", "entrant", e.ID, map[string]string{"status": e.Status}, map[string]string{"status": EntrantApproved}); err != nil {
				return err
			}
		}
		return nil
	})
	return len(ids), err
}
