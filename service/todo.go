package service

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// ClosingSoon is how far ahead an organiser's to-do list warns of a
// registration window about to close.
const ClosingSoon = 7 * 24 * time.Hour

// Todo is what waits for the caller, as its home page lists it. Each list
// holds only what the caller's role does; the others stay empty.
type Todo struct {
	// Reviews are the events of the caller's contests with entries waiting for review.
	Reviews []TodoEvent `json:"reviews"`
	// Closing are the caller's contests whose registration closes within ClosingSoon.
	Closing []TodoContest `json:"closing"`
	// Undrawn are the events of the caller's contests whose registration has
	// closed and that are not drawn yet.
	Undrawn []TodoEvent `json:"undrawn"`
	// Rejected are an enterprise's rejected entries it can still correct.
	Rejected []TodoEntry `json:"rejected"`
	// Windows are the contests an enterprise may register into now.
	Windows []TodoContest `json:"windows"`
	// Sheets are a judge's sheets that still need marks.
	Sheets []TodoSheet `json:"sheets"`
}

// TodoEvent is an event with how many entries wait in it: pending ones for a
// review, approved ones for a draw.
type TodoEvent struct {
	ContestID   uint   `json:"contest_id"`
	ContestName string `json:"contest_name"`
	EventID     uint   `json:"event_id"`
	EventName   string `json:"event_name"`
	Entries     int    `json:"entries"`
}

// TodoContest is a contest whose registration window is open, with how many
// entries the caller has in it (an enterprise its own, an organiser all).
type TodoContest struct {
	ContestID   uint       `json:"contest_id"`
	ContestName string     `json:"contest_name"`
	ClosesAt    *time.Time `json:"closes_at"`
	Entries     int        `json:"entries"`
}

// TodoEntry is a rejected entry, with the reason it was given.
type TodoEntry struct {
	EntrantID    uint   `json:"entrant_id"`
	ContestID    uint   `json:"contest_id"`
	ContestName  string `json:"contest_name"`
	EventID      uint   `json:"event_id"`
	EventName    string `json:"event_name"`
	EntrantName  string `json:"entrant_name"`
	RejectReason string `json:"reject_reason"`
}

// TodoSheet is a judge's sheet of one stage in judging, with the marks it still needs.
type TodoSheet struct {
	ContestID   uint   `json:"contest_id"`
	ContestName string `json:"contest_name"`
	EventID     uint   `json:"event_id"`
	EventName   string `json:"event_name"`
	Stage       string `json:"stage"`
	StageName   string `json:"stage_name"`
	Remaining   int    `json:"remaining"`
	OpenRemarks int    `json:"open_remarks"`
}

// MyTodo lists what waits for the caller: its role decides which lists it gets.
func (s *Service) MyTodo(ctx context.Context, c Caller) (Todo, error) {
	t := Todo{Reviews: []TodoEvent{}, Closing: []TodoContest{}, Undrawn: []TodoEvent{}, Rejected: []TodoEntry{}, Windows: []TodoContest{}, Sheets: []TodoSheet{}}
	var err error
	switch c.Role {
	case model.RoleAdmin, model.RoleOrganiser:
		if t.Reviews, err = s.eventsWaiting(ctx, c, EntrantPending, model.StepRegistrationOpen, model.StepRegistrationClosed); err != nil {
			return t, err
		}
		if t.Undrawn, err = s.eventsWaiting(ctx, c, EntrantApproved, model.StepRegistrationClosed); err != nil {
			return t, err
		}
		var open []TodoContest
		if open, err = s.openWindows(ctx, c); err != nil {
			return t, err
		}
		now := s.now()
		for _, w := range open {
			if w.ClosesAt != nil && !w.ClosesAt.Before(now) && !w.ClosesAt.After(now.Add(ClosingSoon)) {
				t.Closing = append(t.Closing, w)
			}
		}
	case model.RoleEnterprise:
		if t.Rejected, err = s.rejectedEntries(ctx, c); err != nil {
			return t, err
		}
		t.Windows, err = s.openWindows(ctx, c)
	case model.RoleJudge:
		t.Sheets, err = s.sheetsToMark(ctx, c)
	}
	return t, err
}

// eventsWaiting lists the undrawn events of the contests the caller runs at
// one of steps, with how many of their entries have status; an event
// without such entries is listed only for a draw (approved), where an event
// without entries still waits to be drawn.
func (s *Service) eventsWaiting(ctx context.Context, c Caller, status string, steps ...string) ([]TodoEvent, error) {
	out := []TodoEvent{}
	q := s.conn(ctx).Table("events").
		Select("contests.id AS contest_id, contests.name AS contest_name, events.id AS event_id, events.name AS event_name, COUNT(entrants.id) AS entries").
		Joins("JOIN contests ON contests.id = events.contest_id").
		Joins("LEFT JOIN entrants ON entrants.event_id = events.id AND entrants.status = ?", status).
		Where("contests.status IN ? AND events.drawn_at IS NULL", steps).
		Group("contests.id, contests.name, events.id, events.name").
		Order("contests.id, events.id")
	if status == EntrantPending {
		q = q.Having("COUNT(entrants.id) > 0")
	}
	err := c.scopeByOrganisation(q, "contests.organiser_id").Scan(&out).Error
	return out, err
}

// openWindows lists the contests the caller sees whose registration is open,
// the first to close first, with the caller's entries in each that still stand.
func (s *Service) openWindows(ctx context.Context, c Caller) ([]TodoContest, error) {
	out := []TodoContest{}
	entries := "entrants.contest_id = contests.id AND entrants.status IN ?"
	args := []any{[]string{EntrantPending, EntrantApproved}}
	if c.Role == model.RoleEnterprise {
		entries += " AND entrants.enterprise_id = ?"
		args = append(args, c.OrganisationID)
	}
	q := s.conn(ctx).Table("contests").
		Select("contests.id AS contest_id, contests.name AS contest_name, contests.registration_closes_at AS closes_at, COUNT(entrants.id) AS entries").
		Joins("LEFT JOIN entrants ON "+entries, args...).
		Where("contests.status = ?", model.StepRegistrationOpen).
		Group("contests.id, contests.name, contests.registration_closes_at").
		Order("contests.id")
	if err := c.contestScope(q).Scan(&out).Error; err != nil {
		return nil, err
	}
	// Sorted here, not in SQL: SQLite compares stored times as text, whatever their zone.
	// Windows without an end come last.
	slices.SortStableFunc(out, func(a, b TodoContest) int {
		switch {
		case a.ClosesAt == nil && b.ClosesAt == nil:
			return 0
		case a.ClosesAt == nil:
			return 1
		case b.ClosesAt == nil:
			return -1
		}
		return a.ClosesAt.Compare(*b.ClosesAt)
	})
	return out, nil
}

// rejectedEntries lists the enterprise's rejected entries in contests whose
// registration is still open: it may withdraw each and enter it again corrected.
func (s *Service) rejectedEntries(ctx context.Context, c Caller) ([]TodoEntry, error) {
	var rows []model.Entrant
	err := s.conn(ctx).Preload("People", func(q *gorm.DB) *gorm.DB { return q.Order("role DESC, position") }).
		Joins("JOIN contests ON contests.id = entrants.contest_id").
		Where("entrants.enterprise_id = ? AND entrants.status = ? AND contests.status = ?", c.OrganisationID, EntrantRejected, model.StepRegistrationOpen).
		Order("entrants.contest_id, entrants.event_id, entrants.id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := []TodoEntry{}
	names := map[uint]model.Event{}
	contests := map[uint]model.Contest{}
	for _, e := range rows {
		ev, ok := names[e.EventID]
		if !ok {
			if ev, err = s.loadEvent(ctx, e.EventID); err != nil {
				return nil, err
			}
			names[e.EventID] = ev
		}
		ct, ok := contests[e.ContestID]
		if !ok {
			if ct, err = s.loadContest(ctx, e.ContestID); err != nil {
				return nil, err
			}
			contests[e.ContestID] = ct
		}
		out = append(out, TodoEntry{EntrantID: e.ID, ContestID: ct.ID, ContestName: ct.Name, EventID: ev.ID, EventName: ev.Name,
			EntrantName: entrantName(e), RejectReason: e.RejectReason})
	}
	return out, nil
}

// sheetsToMark lists the judge's sheets in events being judged that are not
// submitted yet or have requests to mark cells again.
func (s *Service) sheetsToMark(ctx context.Context, c Caller) ([]TodoSheet, error) {
	duties, err := s.MyDuties(ctx, c)
	if err != nil {
		return nil, err
	}
	out := []TodoSheet{}
	for _, d := range duties {
		if d.ContestStatus != model.StepJudging {
			continue
		}
		for _, sh := range d.Sheets {
			if sh.SubmittedAt != nil && sh.OpenRemarks == 0 {
				continue
			}
			out = append(out, TodoSheet{ContestID: d.ContestID, ContestName: d.ContestName, EventID: d.EventID, EventName: d.EventName,
				Stage: sh.Stage, StageName: sh.StageName, Remaining: max(sh.Cells-sh.Marked, 0), OpenRemarks: sh.OpenRemarks})
		}
	}
	return out, nil
}
