package service

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"leitai/model"
)

// Steps lists a contest's steps in order.
func Steps() []string { return append([]string(nil), steps...) }

// stepOrder compares two steps of the lifecycle: below zero when a comes
// before b, zero when they are the same step, above zero after.
func stepOrder(a, b string) int { return slices.Index(steps, a) - slices.Index(steps, b) }

func stepAllowed(from, to string) bool {
	for i := 0; i+1 < len(steps); i++ {
		if steps[i] == from && steps[i+1] == to {
			return true
		}
	}
	return from == model.StepRegistrationClosed && to == model.StepRegistrationOpen
}

// MoveContest takes a contest to another step after that step's checks.
func (s *Service) MoveContest(ctx context.Context, c Caller, id uint, to, reason string) (Contest, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		ct, err := s.runContest(ctx, c, id)
		if err != nil {
			return err
		}
		// Back from public notice to judging corrects results after an upheld appeal (noticeForStep).
		back := ct.Status == model.StepPublicNotice && to == model.StepJudging
		if !back && !stepAllowed(ct.Status, to) {
			return &Error{Kind: KindConflict, Code: "wrong_step", Text: T("step_not_allowed", T("step_"+ct.Status), T("step_"+to))}
		}
		if err := s.checkStep(ctx, ct, to); err != nil {
			return err
		}
		if to == model.StepJudging && !back && numbersWithoutDraw(ct.Kind) {
			if err := s.numberInOrder(ctx, c, ct); err != nil {
				return err
			}
		}
		if err := s.resultsForStep(ctx, ct, to); err != nil {
			return err
		}
		changes := map[string]any{"status": to}
		if err := s.noticeForStep(ctx, ct, to, changes); err != nil {
			return err
		}
		if err := s.updateVersioned(ctx, &model.Contest{}, ct.ID, ct.Version, changes); err != nil {
			return err
		}
		return s.auditWithReason(ctx, c, "contest.step", "contest", ct.ID, map[string]string{"status": ct.Status}, map[string]string{"status": to}, strings.TrimSpace(reason))
	})
	if err != nil {
		return Contest{}, err
	}
	return s.GetContest(ctx, c, id)
}

// checkStep holds what must be true before a contest enters a step.
func (s *Service) checkStep(ctx context.Context, ct model.Contest, to string) error {
	tx := s.conn(ctx)
	events, err := s.lockEvents(ctx, ct.ID)
	if err != nil {
		return err
	}
	var fe []FieldError
	switch to {
	case model.StepRegistrationOpen:
		if len(events) == 0 {
			fe = append(fe, field("events", "no_events"))
		}
		if ct.RegistrationOpensAt == nil || ct.RegistrationClosesAt == nil {
			fe = append(fe, field("registration_closes_at", "window_required"))
		}
		for i, ev := range events {
			rules, err := parseRules(ev.Rules)
			if err != nil {
				return fmt.Errorf("event %d: %w", ev.ID, err)
			}
			for _, f := range rulesReadiness(rules, eventFieldPrefix(i)+".rules") {
				f.Text = T("in_event", ev.Name, f.Text)
				fe = append(fe, f)
			}
		}
	case model.StepJudging:
		for i, ev := range events {
			var n int64
			if err := tx.Model(&model.Entrant{}).Where("event_id = ? AND status IN ?", ev.ID, []string{EntrantPending, EntrantApproved}).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 && ev.DrawnAt == nil && !numbersWithoutDraw(ct.Kind) {
				fe = append(fe, field(fmt.Sprintf("%s.drawn", eventFieldPrefix(i)), "event_not_drawn", ev.Name))
			}
			if numbersWithoutDraw(ct.Kind) {
				var pending int64
				if err := tx.Model(&model.Entrant{}).Where("event_id = ? AND status = ?", ev.ID, EntrantPending).Count(&pending).Error; err != nil {
					return err
				}
				if pending > 0 {
					fe = append(fe, field(fmt.Sprintf("%s.pending", eventFieldPrefix(i)), "event_pending_review", ev.Name, pending))
				}
			}
		}
	}
	if len(fe) > 0 {
		return invalid(fe...)
	}
	return nil
}
