package service

import (
	"math/big"
	"testing"
)

// TestMarkStats_ExactMeansAndDeviationsRoundedHalfUpOnce: marks in
// hundredths are summed exactly, and the mean and the population standard
// deviation are rounded half up to hundredths at the end, never before.
func TestMarkStats_ExactMeansAndDeviationsRoundedHalfUpOnce(t *testing.T) {
	many := make([]int64, 100000)
	for i := range many {
		many[i] = 1000000 // 10,000 points, the largest mark there is
	}
	for _, tc := range []struct {
		name   string
		points []int64
		want   MarkStats
	}{
		{"no marks", nil, MarkStats{}},
		{"one mark", []int64{6000}, MarkStats{Marks: 1, Judges: 1, Mean: 6000, SD: 0, Low: 6000, High: 6000}},
		{"70, 80, 90: √(200/3) = 8.164…", []int64{7000, 8000, 9000}, MarkStats{Marks: 3, Judges: 1, Mean: 8000, SD: 816, Low: 7000, High: 9000}},
		{"0.01 and 0.02: a mean of 0.015 and a deviation of 0.005 round up", []int64{1, 2}, MarkStats{Marks: 2, Judges: 1, Mean: 2, SD: 1, Low: 1, High: 2}},
		{"a deviation just below a half stays down", []int64{0, 0, 1}, MarkStats{Marks: 3, Judges: 1, Mean: 0, SD: 0, Low: 0, High: 1}},
		{"100,000 marks of 10,000 points do not overflow", many, MarkStats{Marks: 100000, Judges: 1, Mean: 1000000, SD: 0, Low: 1000000, High: 1000000}},
	} {
		judges := 0
		if len(tc.points) > 0 {
			judges = 1
		}
		if got := markStats(tc.points, judges); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestRoundedRootOver_IsTheNearestIntegerHalvesUp(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		n    int64
		want int64
	}{
		{0, 1, 0}, {1, 1, 1}, {2, 1, 1}, {3, 1, 2}, // √3 = 1.73
		{25, 2, 3},  // 2.5 exactly: half up
		{24, 2, 2},  // 2.449
		{100, 3, 3}, // 3.33
		{121, 2, 6}, // 5.5 exactly
	} {
		if got := roundedRootOver(big.NewInt(tc.v), tc.n); got != tc.want {
			t.Errorf("√%d / %d: %d, want %d", tc.v, tc.n, got, tc.want)
		}
	}
}
