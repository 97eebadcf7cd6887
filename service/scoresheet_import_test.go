package service

import "testing"

// TestReadScore_MarksLevelsAndTimesAsASheetHoldsThem reads cells the way a
// judge writes them on a sheet, or a spreadsheet keeps them.
func TestReadScore_MarksLevelsAndTimesAsASheetHoldsThem(t *testing.T) {
	mark := Criterion{Code: "P1", Max: 10000}
	level := Criterion{Code: "P2", Max: 900, Levels: true}
	timed := Criterion{Code: TimeCriterion, Max: 120 * 6000, Kind: KindTime}
	for _, c := range []struct {
		cr    Criterion
		cell  string
		want  Points
		wrong bool
	}{
		{mark, "85", 8500, false},
		{mark, "85.5", 8550, false},
		{mark, "85.25", 8525, false},
		{mark, "85.125", 0, true},
		{mark, "八十", 0, true},
		{level, "2", 600, false},
		{level, "3.0", 900, false},
		{level, "4", 0, true},
		{level, "1.5", 0, true},
		{timed, "12:34", 754 * 100, false},
		{timed, "12：34", 754 * 100, false},
		{timed, "12.34", 754 * 100, false},
		{timed, "44", 44 * 60 * 100, false},
		{timed, "0:12:34", 754 * 100, false},
		{timed, "12:75", 0, true},
		{timed, "12.5", 0, true},
		{timed, "abc", 0, true},
	} {
		got, problem := readScore(c.cr, c.cell)
		if (problem != nil) != c.wrong || got != c.want {
			t.Errorf("%s %q: %v, problem %v; want %v, problem %v", c.cr.Code, c.cell, got, problem, c.want, c.wrong)
		}
	}
}
