package workdays

import (
	"errors"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, time.FixedZone("UTC+8", 8*3600))
	if err != nil {
		panic(err)
	}
	return t
}

// TestIsWorkday_TheAnnouncedHolidaysAndTheirWeekendWorkingDays checks days of
// the State Council's schedules for 2025 and 2026 (国办发明电〔2024〕12号,
// 国办发明电〔2025〕7号).
func TestIsWorkday_TheAnnouncedHolidaysAndTheirWeekendWorkingDays(t *testing.T) {
	for _, c := range []struct {
		date string
		work bool
		why  string
	}{
		{"2026-02-13", true, "the Friday before the Spring Festival"},
		{"2026-02-14", true, "a Saturday worked for the Spring Festival (调休)"},
		{"2026-02-15", false, "the Spring Festival holiday starts, a Sunday"},
		{"2026-02-16", false, "a Monday of the Spring Festival holiday"},
		{"2026-02-23", false, "the last day of the Spring Festival holiday, a Monday"},
		{"2026-02-24", true, "the first working day after it"},
		{"2026-02-28", true, "a Saturday worked for the Spring Festival (调休)"},
		{"2026-03-01", false, "an ordinary Sunday"},
		{"2026-09-20", true, "a Sunday worked for the National Day (调休)"},
		{"2026-09-25", false, "the Mid-Autumn Festival, a Friday"},
		{"2026-10-01", false, "the National Day"},
		{"2026-10-07", false, "the last day of the National Day holiday, a Wednesday"},
		{"2026-10-08", true, "the first working day after it"},
		{"2026-10-10", true, "a Saturday worked for the National Day (调休)"},
		{"2026-10-11", false, "an ordinary Sunday"},
		{"2025-01-26", true, "a Sunday worked for the 2025 Spring Festival (调休)"},
		{"2025-10-08", false, "the last day of the 2025 National Day and Mid-Autumn holiday"},
		{"2025-10-11", true, "a Saturday worked for it (调休)"},
	} {
		got, err := IsWorkday(day(c.date))
		if err != nil || got != c.work {
			t.Errorf("%s (%s): working day %v, %v; want %v", c.date, c.why, got, err, c.work)
		}
	}
}

func TestAfter_ANoticeOfNWorkingDaysEndsPastHolidaysAndOnWorkedWeekends(t *testing.T) {
	for _, c := range []struct {
		start string
		n     int
		end   string
	}{
		// 09-30, 10-08, 10-09, 10-10 (a worked Saturday), 10-12.
		{"2026-09-29", 5, "2026-10-12"},
		// 02-13, 02-14 (a worked Saturday), then the holiday to 02-23: 02-24.
		{"2026-02-12", 3, "2026-02-24"},
		// An ordinary week: Monday to the next Monday for five working days.
		{"2026-03-02", 5, "2026-03-09"},
		{"2026-03-02", 0, "2026-03-02"},
		// Across the year's end: 12-31, 01-01 (New Year's Day, 2027) is not one.
		{"2026-12-30", 2, "2027-01-04"},
	} {
		got, err := After(day(c.start), c.n)
		if err != nil || !got.Equal(day(c.end)) {
			t.Errorf("%d working days after %s: %v, %v; want %s", c.n, c.start, got.Format("2006-01-02"), err, c.end)
		}
	}
}

func TestAfter_AYearWithoutItsScheduleIsRefused(t *testing.T) {
	if !Known(2025) || !Known(2026) || !Known(2027) {
		t.Fatal("the calendar lacks the schedule of 2025, 2026 or 2027")
	}
	_, err := After(day("2040-03-01"), 3)
	var unknown *UnknownYearError
	if !errors.As(err, &unknown) || unknown.Year != 2040 {
		t.Errorf("a notice in 2040: %v", err)
	}
}
