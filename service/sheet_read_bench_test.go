package service_test

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leitai/service/workbook"
)

// BenchmarkSheetReading reads the import benchmark's sheet of 50,000 rows
// row by row, as imports do, beside the baseline of excelize's GetRows,
// which holds the whole sheet at once, in the same run; both keep nothing
// of a row once it is read (GetRows cannot help keeping them all).
func BenchmarkSheetReading(b *testing.B) {
	file := importSheet(b, benchImportRows, 0)
	lim := workbook.Limits{UnzipSize: 256 << 20, UnzipXML: 16 << 20, Rows: benchImportRows + 10, Columns: 64}
	var base time.Duration
	var basePeak float64
	b.Run("baseline_GetRows", func(b *testing.B) {
		var spent time.Duration
		for range b.N {
			runtime.GC()
			start := time.Now()
			_, whole := peakHeap(func() {
				f, err := excelize.OpenReader(bytes.NewReader(file), excelize.Options{UnzipSizeLimit: lim.UnzipSize, UnzipXMLSizeLimit: lim.UnzipXML})
				must(b, err)
				rows, err := f.GetRows("Sheet1")
				must(b, err)
				if len(rows) != benchImportRows+1 {
					b.Fatalf("%d rows", len(rows))
				}
				must(b, f.Close())
			})
			spent += time.Since(start)
			basePeak = max(basePeak, whole)
		}
		base = spent / time.Duration(b.N)
		b.ReportMetric(basePeak, "peak_heap_MB")
	})
	b.Run("streaming", func(b *testing.B) {
		var spent time.Duration
		var peak float64
		for range b.N {
			runtime.GC()
			start := time.Now()
			_, whole := peakHeap(func() {
				book, err := workbook.Open(file, lim)
				must(b, err)
				rows, err := book.Rows("Sheet1")
				must(b, err)
				n := 0
				for rows.Next() {
					n++
				}
				must(b, rows.Err())
				must(b, rows.Close())
				must(b, book.Close())
				if n != benchImportRows+1 {
					b.Fatalf("%d rows", n)
				}
			})
			spent += time.Since(start)
			peak = max(peak, whole)
		}
		b.ReportMetric(float64(spent)/float64(b.N)/float64(base), "x_baseline")
		b.ReportMetric(peak, "peak_heap_MB")
		b.ReportMetric(basePeak/peak, "x_less_memory")
	})
}
