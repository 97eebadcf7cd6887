package service

import "leitai/scoring"

// Points are marks and totals in hundredths of a point, so that sums are
// exact; the scoring engine owns the type and its reading and writing.
type Points = scoring.Points
