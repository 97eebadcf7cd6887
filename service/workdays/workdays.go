// Package workdays counts working days by the official calendar of mainland
// China: Monday to Friday, less the public holidays the State Council
// announces each year, plus the weekend days it makes working days in
// exchange (调休). A public notice (公示) lasting N working days ends on the
// day this package counts. The calendar is github.com/6tail/lunar-go's
// HolidayUtil, which carries each year's announced schedule; a year whose
// schedule it lacks is refused rather than guessed.
package workdays

import (
	"fmt"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// Known tells whether the calendar has the announced schedule of a year.
func Known(year int) bool { return HolidayUtil.GetHolidaysByYear(year).Len() > 0 }

// UnknownYearError is a date in a year whose schedule the calendar lacks.
type UnknownYearError struct{ Year int }

func (e *UnknownYearError) Error() string {
	return fmt.Sprintf("the official holiday schedule of %d is not in the calendar", e.Year)
}

// IsWorkday tells whether the date of t (in t's own location) is a working day.
func IsWorkday(t time.Time) (bool, error) {
	y, m, d := t.Date()
	if !Known(y) {
		return false, &UnknownYearError{Year: y}
	}
	if h := HolidayUtil.GetHolidayByYmd(y, int(m), d); h != nil {
		return h.IsWork(), nil
	}
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}

// After is the date of the n-th working day after start, start itself not
// counted: the last day of a notice of n working days published on start.
// n below 1 gives start's own date.
func After(start time.Time, n int) (time.Time, error) {
	y, m, d := start.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, start.Location())
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		work, err := IsWorkday(day)
		if err != nil {
			return time.Time{}, err
		}
		if work {
			n--
		}
	}
	return day, nil
}
