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
	return s.reviewMany(ctx, c, eventID, ids, []string{EntrantPending}, EntrantApproved, "")
}

// RejectAll rejects the given pending or approved entries of an event for one
// reason, all or none; each entry's rejection is audited with the reason.
func (s *Service) RejectAll(ctx context.Context, c Caller, eventID uint, ids []uint, reason string) (int, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return 0, invalid(field("reason", "reject_reason_required"))
	}
	return s.reviewMany(ctx, c, eventID, ids, []string{EntrantPending, EntrantApproved}, EntrantRejected, reason)
}

// reviewMany moves entries of an event from one of the statuses from to the
// status to in one transaction: every one of them, or none.
func (s *Service) reviewMany(ctx context.Context, c Caller, eventID uint, ids []uint, from []string, to, reason string) (int, error) {
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
			if !slices.Contains(from, e.Status) {
				return conflict(notReviewableKey(to), e.ID)
			}
		}
		// The status condition holds against a review that landed after the read above.
		res := tx.Model(&model.Entrant{}).Where("id IN ? AND status IN ?", ids, from).Updates(map[string]any{
			"status": to, "reject_reason": reason, "version": gorm.Expr("version + 1")})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != int64(len(ids)) {
			return staleVersion()
		}
		for _, e := range rows {
			if err := s.auditWithReason(ctx, c, "entrant.review", "entrant", e.ID, map[string]string{"status": e.Status}, map[string]string{"status": to}, reason); err != nil {
				return err
			}
		}
		return nil
	})
	return len(ids), err
}

// notReviewableKey names the refusal of an entry a batch cannot move to status to.
func notReviewableKey(to string) string {
	if to == EntrantRejected {
		return "not_rejectable"
	}
	return "not_pending"
}
