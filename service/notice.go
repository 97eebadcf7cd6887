package service

import (
	"context"
	"errors"
	"time"

	"leitai/model"
	"leitai/service/workdays"
)

// Public notice (公示): a contest's results are shown publicly for a set
// number of working days, counted by the official calendar with its weekend
// working days (调休), from the day after the notice starts. The notice ends
// at midnight (Beijing time) after its last working day; appeals are taken
// until then, and the contest becomes final only after it. An appeal upheld
// during the notice takes the contest back to judging for the correction;
// entering the notice again starts a new one. A contest may go without a
// notice period (0 working days), as a small in-house contest does: its
// results may be made final as soon as they are published, and appeals are
// taken only in the hours after results are computed, where it says so.

// Bounds of the notice settings.
const (
	minNoticeWorkdays = 0
	maxNoticeWorkdays = 30
	maxAppealHours    = 72
)

// Notice is a contest's notice: its settings, and when the current one
// started and ends. EndsOn is its last day (Beijing time), EndsAt the moment
// it is over.
type Notice struct {
	Workdays    int        `json:"notice_workdays"`
	AppealHours int        `json:"appeal_hours"`
	StartedAt   *time.Time `json:"notice_started_at"`
	EndsOn      *string    `json:"notice_ends_on"`
	EndsAt      *time.Time `json:"notice_ends_at"`
}

// noticeEnd is the last day of a notice of n working days started at start,
// and the moment after it.
func noticeEnd(start time.Time, n int) (lastDay string, over time.Time, err error) {
	day, err := workdays.After(start.In(beijing), n)
	if err != nil {
		return "", time.Time{}, err
	}
	return day.Format("2006-01-02"), day.AddDate(0, 0, 1).UTC(), nil
}

// noticeOf shows a contest's notice; the end is left out where the calendar
// lacks its year.
func noticeOf(ct model.Contest) Notice {
	n := Notice{Workdays: ct.NoticeWorkdays, AppealHours: ct.AppealHours, StartedAt: ct.NoticeStartedAt}
	if ct.NoticeStartedAt != nil && ct.NoticeWorkdays > 0 {
		if day, over, err := noticeEnd(*ct.NoticeStartedAt, ct.NoticeWorkdays); err == nil {
			n.EndsOn, n.EndsAt = &day, &over
		}
	}
	return n
}

// calendarError says that the official calendar lacks a year.
func calendarError(err error) error {
	var unknown *workdays.UnknownYearError
	if errors.As(err, &unknown) {
		return &Error{Kind: KindConflict, Code: "notice_calendar_unknown", Text: T("notice_calendar_unknown", unknown.Year)}
	}
	return err
}

// NoticeInput is the organisers' notice settings.
type NoticeInput struct {
	Workdays    int
	AppealHours int
}

// SetNotice changes how long a contest's public notice lasts and whether
// appeals are also taken while it judges: its organisers, until it is final.
func (s *Service) SetNotice(ctx context.Context, c Caller, contestID uint, in NoticeInput) (Contest, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		ct, err := s.runContest(ctx, c, contestID)
		if err != nil {
			return err
		}
		if stepOrder(ct.Status, model.StepFinal) >= 0 {
			return wrongStep(ct.Status)
		}
		var fe []FieldError
		if in.Workdays < minNoticeWorkdays || in.Workdays > maxNoticeWorkdays {
			fe = append(fe, field("notice_workdays", "notice_workdays_range", minNoticeWorkdays, maxNoticeWorkdays))
		}
		if in.AppealHours < 0 || in.AppealHours > maxAppealHours {
			fe = append(fe, field("appeal_hours", "appeal_hours_range", maxAppealHours))
		}
		if len(fe) > 0 {
			return invalid(fe...)
		}
		if err := s.updateVersioned(ctx, &model.Contest{}, ct.ID, ct.Version,
			map[string]any{"notice_workdays": in.Workdays, "appeal_hours": in.AppealHours, "updated_at": s.now()}); err != nil {
			return err
		}
		return s.audit(ctx, c, "contest.notice", "contest", ct.ID,
			map[string]int{"notice_workdays": ct.NoticeWorkdays, "appeal_hours": ct.AppealHours},
			map[string]int{"notice_workdays": in.Workdays, "appeal_hours": in.AppealHours})
	})
	if err != nil {
		return Contest{}, err
	}
	return s.GetContest(ctx, c, contestID)
}

// noticeForStep adds to a change of step what it does to the notice, after
// the checks it needs: entering the notice starts it (the calendar must know
// when it ends); becoming final waits for its end and for every appeal's
// ruling; going back to judging needs an appeal upheld during it.
func (s *Service) noticeForStep(ctx context.Context, ct model.Contest, to string, changes map[string]any) error {
	switch {
	case to == model.StepPublicNotice:
		now := s.now()
		if _, _, err := noticeEnd(now, ct.NoticeWorkdays); err != nil {
			return calendarError(err)
		}
		changes["notice_started_at"] = now
	case to == model.StepFinal:
		if ct.NoticeStartedAt != nil && ct.NoticeWorkdays > 0 {
			day, over, err := noticeEnd(*ct.NoticeStartedAt, ct.NoticeWorkdays)
			if err != nil {
				return calendarError(err)
			}
			if s.now().Before(over) {
				return &Error{Kind: KindConflict, Code: "notice_not_over", Text: T("notice_not_over", day, ct.NoticeWorkdays)}
			}
		}
		var open int64
		if err := s.conn(ctx).Model(&model.Appeal{}).Where("contest_id = ? AND open_key IS NOT NULL", ct.ID).Count(&open).Error; err != nil {
			return err
		}
		if open > 0 {
			return &Error{Kind: KindConflict, Code: "appeals_open", Text: T("appeals_open", open)}
		}
	case ct.Status == model.StepPublicNotice && to == model.StepJudging:
		var upheld int64
		q := s.conn(ctx).Model(&model.Appeal{}).Where("contest_id = ? AND status = ?", ct.ID, model.AppealUpheld)
		if ct.NoticeStartedAt != nil {
			q = q.Where("ruled_at >= ?", *ct.NoticeStartedAt)
		}
		if err := q.Count(&upheld).Error; err != nil {
			return err
		}
		if upheld == 0 {
			return &Error{Kind: KindConflict, Code: "wrong_step", Text: T("notice_back_upheld")}
		}
		changes["notice_started_at"] = nil
	}
	return nil
}
