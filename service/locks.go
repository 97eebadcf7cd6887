package service

import (
	"context"

	"gorm.io/gorm/clause"

	"leitai/model"
)

// Row locks on MySQL, where transactions run side by side. SQLite needs none:
// its write transactions run one at a time (see Service.tx). Who locks what:
//   - a change to the organisation tree: the root's row (lockTree);
//   - a review or a draw: its event's row, exclusively (lockEvent);
//   - an entry: its event's row, shared with other entries, and its
//     enterprise's quota row in the event, exclusively (entryEvent);
//   - a contest changing step: the rows of its events, exclusively (lockEvents),
//     so that it waits for entries under way and none slips past the step;
//   - a judge's write (a mark, a submission, a reopening): its event's row,
//     shared (judgingEvent), so that a sign-off, a change of step or of the
//     panel, which hold it exclusively, waits for the writes under way and
//     every later write sees it;
//   - a clerk's write to a paper sheet (keying.go): its event's row, shared,
//     and its judge's sheet row, exclusively; starting to key a sheet: its
//     event's row, exclusively, so that no judge's mark is under way meanwhile.
// Each is taken before anything else is read, so that the transaction's
// later reads see what the previous holder committed.

// shareLock is MySQL's "LOCK IN SHARE MODE", which MariaDB reads and GORM's
// "FOR SHARE" is not.
type shareLock struct{}

func (shareLock) Name() string                 { return "FOR" }
func (shareLock) Build(b clause.Builder)       { b.WriteString("LOCK IN SHARE MODE") }
func (shareLock) MergeClause(c *clause.Clause) { c.Name, c.Expression = "", shareLock{} }

// onMySQL tells whether the database is MySQL/MariaDB, which needs row locks.
func (s *Service) onMySQL(ctx context.Context) bool { return s.conn(ctx).Dialector.Name() == "mysql" }

// lockTree makes changes to the organisation tree run one at a time, by
// locking the root's row: a move and a creation both compute paths from rows
// another change may be rewriting.
func (s *Service) lockTree(ctx context.Context) error {
	if !s.onMySQL(ctx) {
		return nil
	}
	var root model.Organisation
	return s.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("parent_id IS NULL").Take(&root).Error
}

// lockEvent loads an event and holds its row exclusively until the
// transaction ends, so that checks over its entrants (reviews, the draw) and
// the writes that follow them are not interleaved with another request's, nor
// with an entry.
func (s *Service) lockEvent(ctx context.Context, id uint) (model.Event, error) {
	q := s.conn(ctx)
	if s.onMySQL(ctx) {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var e model.Event
	err := q.Take(&e, id).Error
	return e, notFoundOr(err, "event")
}

// entryEvent loads the event an entry goes into, holding its row shared until
// the transaction ends (entries go on side by side; a draw or a change of
// step waits for them), and, when the event has a quota, the enterprise's
// quota row exclusively, so that one enterprise's entries into one event are
// counted one at a time while every other enterprise's go on.
func (s *Service) entryEvent(ctx context.Context, eventID, enterpriseID uint) (model.Event, error) {
	if !s.onMySQL(ctx) {
		return s.loadEvent(ctx, eventID)
	}
	var e model.Event
	if err := s.conn(ctx).Clauses(shareLock{}).Take(&e, eventID).Error; err != nil {
		return e, notFoundOr(err, "event")
	}
	if e.QuotaPerEnterprise == 0 {
		return e, nil // nothing to count; and a quota cannot change once registration is open
	}
	return e, s.conn(ctx).Exec("INSERT INTO entry_quota_locks (event_id, enterprise_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE event_id = event_id",
		eventID, enterpriseID).Error
}

// lockEvents holds the rows of a contest's events exclusively until the
// transaction ends, and returns them.
func (s *Service) lockEvents(ctx context.Context, contestID uint) ([]model.Event, error) {
	q := s.conn(ctx)
	if s.onMySQL(ctx) {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var events []model.Event
	err := q.Where("contest_id = ?", contestID).Order("id").Find(&events).Error
	return events, err
}

// judgingEvent loads the event a judge's write goes into, with its contest's
// name and step, holding the event's row shared until the transaction ends
// (see the list above).
func (s *Service) judgingEvent(ctx context.Context, id uint) (model.Event, model.Contest, error) {
	ev, ct, _, _, err := s.judgingEventAs(ctx, id, Caller{})
	return ev, ct, err
}

// judgingEventAs is judgingEvent with, for a judge, its duty in the event
// (found tells whether it has one) read by the same statement: the hottest
// request, saving a mark, starts here.
func (s *Service) judgingEventAs(ctx context.Context, id uint, c Caller) (ev model.Event, ct model.Contest, duty model.PanelMember, found bool, err error) {
	q := s.conn(ctx)
	if s.onMySQL(ctx) {
		q = q.Clauses(shareLock{})
	}
	var row struct {
		model.Event
		ContestName   string
		ContestStatus string
		DutyID        *uint
		DutyDuty      *string
		DutyStages    *string
		DutyVersion   *int
	}
	q = q.Table("events").Joins("JOIN contests ON contests.id = events.contest_id")
	if c.Role == model.RoleJudge {
		q = q.Select("events.*, contests.name AS contest_name, contests.status AS contest_status, "+
			"panel_members.id AS duty_id, panel_members.duty AS duty_duty, panel_members.stages AS duty_stages, panel_members.version AS duty_version").
			Joins("LEFT JOIN panel_members ON panel_members.event_id = events.id AND panel_members.account_id = ?", c.AccountID)
	} else {
		q = q.Select("events.*, contests.name AS contest_name, contests.status AS contest_status")
	}
	err = q.Where("events.id = ?", id).Limit(1).Scan(&row).Error
	if err == nil && row.ID == 0 {
		err = notFound("event")
	}
	ct = model.Contest{ID: row.ContestID, Name: row.ContestName, Status: row.ContestStatus}
	if row.DutyID != nil {
		duty = model.PanelMember{ID: *row.DutyID, EventID: row.ID, AccountID: c.AccountID, Duty: *row.DutyDuty, Stages: *row.DutyStages, Version: *row.DutyVersion}
		found = true
	}
	return row.Event, ct, duty, found, err
}
