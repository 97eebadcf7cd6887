package service

import (
	"context"

	"leitai/model"
)

// Publication of results follows the contest's steps: entering public
// notice (公示) publishes each event's newest results version, and making
// the contest final (最终确定) makes it final and freezes the contest. A
// snapshot keeps when it was published and made final, the only things
// that are ever written to it after it is computed.

// resultsForStep checks and marks the events' newest snapshots as a contest
// enters public notice or becomes final. Final needs every event with
// approved entrants computed and decoded to names.
func (s *Service) resultsForStep(ctx context.Context, ct model.Contest, to string) error {
	if to != model.StepPublicNotice && to != model.StepFinal {
		return nil
	}
	events, err := s.contestEvents(ctx, ct.ID)
	if err != nil {
		return err
	}
	now := s.now()
	for _, ev := range events {
		last, err := s.latestSnapshot(ctx, ev.ID)
		if err != nil {
			return err
		}
		if to == model.StepFinal {
			if err := s.readyForFinal(ctx, ev, last); err != nil {
				return err
			}
		}
		if last == nil {
			continue
		}
		set := map[string]any{}
		if last.PublishedAt == nil {
			set["published_at"] = now
		}
		if to == model.StepFinal {
			set["final_at"] = now
		}
		if len(set) == 0 {
			continue
		}
		if err := s.conn(ctx).Model(&model.ResultSnapshot{}).Where("id = ?", last.ID).Updates(set).Error; err != nil {
			return err
		}
	}
	if to == model.StepFinal {
		return s.fillPools(ctx, ct)
	}
	return nil
}

// contestEvents lists a contest's events in the order they were made.
func (s *Service) contestEvents(ctx context.Context, contestID uint) ([]model.Event, error) {
	var events []model.Event
	err := s.conn(ctx).Where("contest_id = ?", contestID).Order("id").Find(&events).Error
	return events, err
}

// readyForFinal refuses to make final an event with approved entrants whose
// results are not computed or not decoded to names.
func (s *Service) readyForFinal(ctx context.Context, ev model.Event, last *model.ResultSnapshot) error {
	var n int64
	if err := s.conn(ctx).Model(&model.Entrant{}).Where("event_id = ? AND status = ?", ev.ID, EntrantApproved).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	decoded := int64(0)
	if last != nil {
		if err := s.conn(ctx).Model(&model.NameDecoding{}).Where("event_id = ?", ev.ID).Count(&decoded).Error; err != nil {
			return err
		}
	}
	if decoded == 0 {
		return &Error{Kind: KindConflict, Code: "results_not_ready", Text: T("results_not_ready", ev.Name)}
	}
	return nil
}
