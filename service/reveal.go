package service

import (
	"context"
	"slices"
	"time"

	"leitai/model"
	"leitai/scoring"
)

// The reveal (揭晓) of published results at the award ceremony: the
// contest's organisers step each event's reveal from nothing, through each
// prize from the lowest up, to everything, and the venue's big screen and
// the public pages follow, showing only what is revealed. An event nobody
// has stepped shows everything published; once the contest is final, every
// event shows everything, and the reveal no longer changes.

// The reveal levels, in order: each shows the prizes of the levels before
// it and its own; all shows every line.
const (
	RevealNone       = "none"
	RevealHonourable = "honourable"
	RevealThird      = "third"
	RevealSecond     = "second"
	RevealFirst      = "first"
	RevealAll        = "all"
)

// RevealLevels are the reveal levels in the order the announcer steps them.
func RevealLevels() []string {
	return []string{RevealNone, RevealHonourable, RevealThird, RevealSecond, RevealFirst, RevealAll}
}

// revealShows tells whether a line shows at a reveal level: at all, every
// line; below it, the lines whose prize is at or below the level.
func revealShows(level string, award scoring.Award) bool {
	if level == RevealAll {
		return true
	}
	if award == "" {
		return false
	}
	levels := RevealLevels()
	return slices.Index(levels, string(award)) <= slices.Index(levels, level)
}

// EventReveal is how far an event's results are revealed, for the announcer.
type EventReveal struct {
	EventID   uint   `json:"event_id"`
	EventName string `json:"event_name"`
	// Published tells whether the event has published results to reveal.
	Published bool       `json:"published"`
	Level     string     `json:"level"`
	Version   int        `json:"version"`
	UpdatedAt *time.Time `json:"updated_at"`
}

// ContestReveals lists the reveal of each event of a contest to its organisers.
func (s *Service) ContestReveals(ctx context.Context, c Caller, contestID uint) ([]EventReveal, error) {
	ct, err := s.runContest(ctx, c, contestID)
	if err != nil {
		return nil, err
	}
	var events []model.Event
	if err := s.conn(ctx).Select("id, name").Where("contest_id = ?", ct.ID).Order("id").Find(&events).Error; err != nil {
		return nil, err
	}
	ids := make([]uint, len(events))
	for i, ev := range events {
		ids[i] = ev.ID
	}
	published, err := s.publishedSnapshots(ctx, ids)
	if err != nil {
		return nil, err
	}
	reveals, err := s.reveals(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]EventReveal, len(events))
	for i, ev := range events {
		_, pub := published[ev.ID]
		out[i] = revealOf(ev, pub && ct.Status == model.StepPublicNotice, reveals[ev.ID])
		out[i].Published = pub
	}
	return out, nil
}

// revealOf describes an event's reveal; an event without a row, or one whose
// contest is past public notice, shows all.
func revealOf(ev model.Event, stepped bool, r *model.ResultReveal) EventReveal {
	out := EventReveal{EventID: ev.ID, EventName: ev.Name, Level: RevealAll}
	if r != nil {
		out.Version, out.UpdatedAt = r.Version, &r.UpdatedAt
		if stepped {
			out.Level = r.Level
		}
	}
	return out
}

// reveals are the reveal rows of events, by event.
func (s *Service) reveals(ctx context.Context, eventIDs []uint) (map[uint]*model.ResultReveal, error) {
	var rows []model.ResultReveal
	if err := s.conn(ctx).Where("event_id IN ?", append(eventIDs, 0)).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]*model.ResultReveal, len(rows))
	for i := range rows {
		out[rows[i].EventID] = &rows[i]
	}
	return out, nil
}

// RevealInput steps an event's reveal; Version is the reveal's version as
// read, 0 before the first step.
type RevealInput struct {
	Level   string
	Version int
}

// SetReveal steps an event's reveal: its organisers, during public notice,
// once the event's results are published. Any level may follow any other,
// so that a step taken by mistake is taken back.
func (s *Service) SetReveal(ctx context.Context, c Caller, eventID uint, in RevealInput) (EventReveal, error) {
	if !slices.Contains(RevealLevels(), in.Level) {
		return EventReveal{}, invalid(field("level", "reveal_level"))
	}
	var out EventReveal
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, ct, err := s.runLockedEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		if ct.Status != model.StepPublicNotice {
			return wrongStep(ct.Status)
		}
		published, err := s.publishedSnapshots(ctx, []uint{ev.ID})
		if err != nil {
			return err
		}
		if _, ok := published[ev.ID]; !ok {
			return conflict("reveal_not_published", ev.Name)
		}
		reveals, err := s.reveals(ctx, []uint{ev.ID})
		if err != nil {
			return err
		}
		row, before := reveals[ev.ID], RevealAll
		switch {
		case row == nil && in.Version != 0, row != nil && row.Version != in.Version:
			return staleVersion()
		case row == nil:
			row = &model.ResultReveal{EventID: ev.ID, Level: in.Level, Version: 1, UpdatedBy: c.AccountID, UpdatedAt: s.now()}
			if err := s.conn(ctx).Create(row).Error; err != nil {
				return err
			}
		default:
			before = row.Level
			row.Level, row.Version, row.UpdatedBy, row.UpdatedAt = in.Level, row.Version+1, c.AccountID, s.now()
			res := s.conn(ctx).Model(&model.ResultReveal{}).Where("id = ? AND version = ?", row.ID, in.Version).
				Updates(map[string]any{"level": row.Level, "version": row.Version, "updated_by": row.UpdatedBy, "updated_at": row.UpdatedAt})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return staleVersion()
			}
		}
		out = revealOf(ev, true, row)
		out.Published = true
		return s.audit(ctx, c, "results.reveal", "event", ev.ID, map[string]any{"level": before}, map[string]any{"level": in.Level})
	})
	return out, err
}
