package service

import (
	"context"
	"time"

	"leitai/model"
)

// Attendance at check-in (检录). An absent entrant (缺赛) is on nobody's
// sheet: absent is not zero.
const (
	AttendancePresent = "present"
	AttendanceAbsent  = "absent"
)

// CheckInRow is an entrant as the check-in desk sees it: the number it
// calls, and the people to confirm against their ID cards.
type CheckInRow struct {
	EntrantID      uint          `json:"entrant_id"`
	DrawNumber     string        `json:"draw_number"`
	Station        int           `json:"station"`
	Session        int           `json:"session"`
	EnterpriseName string        `json:"enterprise_name"`
	TeamName       string        `json:"team_name"`
	People         []EntryPerson `json:"people"`
	Attendance     string        `json:"attendance"`
	CheckedInAt    *time.Time    `json:"checked_in_at"`
	Version        int           `json:"version"`
	// CodesWithdrawn, in the answer to a change of attendance, tells that the
	// change took back the work codes of the event's encryption draw.
	CodesWithdrawn bool `json:"codes_withdrawn,omitempty"`
}

// checkInView shows the competitors of an entry with their ID numbers and
// mobiles masked: the desk compares names and the ID card in hand.
func checkInView(e model.Entrant) CheckInRow {
	v := CheckInRow{EntrantID: e.ID, DrawNumber: e.DrawNumber, Station: e.Station, Session: e.Session, EnterpriseName: e.EnterpriseName,
		TeamName: e.TeamName, People: []EntryPerson{}, Attendance: e.Attendance, CheckedInAt: e.CheckedInAt, Version: e.Version}
	for _, p := range e.People {
		if p.Role == model.ParticipantCompetitor {
			v.People = append(v.People, entryPersonView(p, false))
		}
	}
	return v
}

// checkInOpen: check-in runs on the contest day, once the event is drawn:
// after registration closes and while judging lasts.
func checkInOpen(ct model.Contest, ev model.Event) error {
	if ct.Status != model.StepRegistrationClosed && ct.Status != model.StepJudging {
		return wrongStep(ct.Status)
	}
	if ev.DrawnAt == nil {
		return conflict("not_drawn", ev.Name)
	}
	return nil
}

// CheckInList pages through an event's drawn entrants in number order, or
// finds the one with a number, for its organisers, chief judge and check-in clerks.
func (s *Service) CheckInList(ctx context.Context, c Caller, eventID uint, number string, p PageRequest) (Page[CheckInRow], error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Page[CheckInRow]{}, err
	}
	ct, err := s.checksIn(ctx, c, ev)
	if err != nil {
		return Page[CheckInRow]{}, err
	}
	if err := checkInOpen(ct, ev); err != nil {
		return Page[CheckInRow]{}, err
	}
	q := entrantsWithPeople(s.conn(ctx).Model(&model.Entrant{})).
		Where("entrants.event_id = ? AND entrants.status = ? AND entrants.draw_number <> ''", ev.ID, EntrantApproved)
	if number != "" {
		q = q.Where("entrants.draw_number = ?", number)
	}
	return paged(q, p, "entrants.draw_number", checkInView)
}

// SetAttendance marks an entrant present or absent, or clears the mark. An
// entrant who has marks cannot be marked absent.
func (s *Service) SetAttendance(ctx context.Context, c Caller, entrantID uint, attendance string, version int) (CheckInRow, error) {
	var out CheckInRow
	err := s.tx(ctx, func(ctx context.Context) error {
		e, err := s.loadEntrant(ctx, entrantID)
		if err != nil {
			return err
		}
		ev, err := s.loadEvent(ctx, e.EventID)
		if err != nil {
			return err
		}
		ct, err := s.checksIn(ctx, c, ev)
		if err != nil {
			return err
		}
		if err := checkInOpen(ct, ev); err != nil {
			return err
		}
		if e.Status != EntrantApproved || e.DrawNumber == "" {
			return conflict("not_checkable", e.DrawNumber)
		}
		if e.Attendance == attendance {
			out = checkInView(e)
			return nil
		}
		withdrawn, err := s.checkInAmendsEncryption(ctx, c, ev)
		if err != nil {
			return err
		}
		if attendance == AttendanceAbsent {
			var n int64
			if err := s.conn(ctx).Model(&model.Mark{}).Where("entrant_id = ?", e.ID).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return conflict("entrant_has_marks", e.DrawNumber)
			}
		}
		before := checkInView(e)
		e.Attendance = attendance
		e.CheckedInAt, e.CheckedInBy = nil, nil
		if attendance != "" {
			now := s.now()
			e.CheckedInAt, e.CheckedInBy = &now, &c.AccountID
		}
		if err := s.updateVersioned(ctx, &model.Entrant{}, e.ID, version, map[string]any{
			"attendance": e.Attendance, "checked_in_at": e.CheckedInAt, "checked_in_by": e.CheckedInBy}); err != nil {
			return err
		}
		e.Version = version + 1
		out = checkInView(e)
		out.CodesWithdrawn = withdrawn
		return s.audit(ctx, c, "entrant.attendance", "entrant", e.ID, before, out)
	})
	return out, err
}
