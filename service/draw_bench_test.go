package service

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkDrawNumbers draws a provincial event of 20,000 entrants over 50
// stations, reported as a multiple of sorting the same ids (the draw sorts
// them first, so this is its floor).
func BenchmarkDrawNumbers(b *testing.B) {
	ids := make([]uint, 20000)
	for i := range ids {
		ids[i] = uint(len(ids) - i)
	}
	var base float64
	b.Run("baseline-sort", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			slices.Sort(slices.Clone(ids))
		}
		base = float64(time.Since(start).Nanoseconds()) / float64(b.N)
	})
	b.Run("draw", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			DrawNumbers(ids, 0xabc123, 50)
		}
		b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/base, "x_baseline")
	})
}
