package service_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
	"leitai/service/workbook"
)

// benchExportRows is the size of the registration list of the export benchmark.
const benchExportRows = 50000

// exportCells are the cells of a registration list of n workers, as the
// export writes them, for the writers compared without a database.
func exportCells(n int) [][]any {
	rows := make([][]any, n)
	for i := range rows {
		rows[i] = []any{i + 1, "电工", "清河机床", "", fmt.Sprintf("职工%d", i), "选手", "男", "110105********002X", "138****5678", "电工",
			"三级/高级工", 8, "待审核", ""}
	}
	return rows
}

var exportHeaders = []string{"序号", "项目", "单位", "队名", "姓名", "身份", "性别", "身份证号码", "手机号码", "工种", "技能等级", "本工种工龄（年）", "状态", "参赛号"}

// bareWrite is the baseline: the same cells written by excelize's stream
// writer with no style, title, merged cell, pane or page setup.
func bareWrite(w io.Writer, rows [][]any) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	head := make([]any, len(exportHeaders))
	for i, h := range exportHeaders {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// styledWrite writes the same cells as the export's print-ready table.
func styledWrite(w io.Writer, rows [][]any) error {
	cols := make([]workbook.TableColumn, len(exportHeaders))
	for i, h := range exportHeaders {
		cols[i] = workbook.TableColumn{Header: h, Width: 10}
	}
	cols[0].Kind, cols[11].Kind = workbook.NumberCell, workbook.NumberCell
	t, err := workbook.NewTableWriter(workbook.Table{Sheet: "报名表", Title: "全市电工技能竞赛 报名名单", Issuer: "制表单位：示范市总工会",
		Dated: "制表日期：2026-12-02", Columns: cols, FrozenColumns: 5, Landscape: true, Footer: "&C第 &P 页，共 &N 页"})
	if err != nil {
		return err
	}
	defer func() { _ = t.Close() }()
	for _, r := range rows {
		if err := t.Row(r...); err != nil {
			return err
		}
	}
	_, err = t.WriteTo(w)
	return err
}

// BenchmarkExportWriter writes a registration list of 50,000 rows as the
// export's print-ready table beside the baseline of the same cells written
// by excelize's bare stream writer, in the same run.
func BenchmarkExportWriter(b *testing.B) {
	rows := exportCells(benchExportRows)
	var base float64
	b.Run("baseline", func(b *testing.B) { base = measure(b, 0, func() { must(b, bareWrite(io.Discard, rows)) }) })
	b.Run("styled", func(b *testing.B) { measure(b, base, func() { must(b, styledWrite(io.Discard, rows)) }) })
}

// measure runs fn b.N times, each after a collection, and reports its peak
// heap and, beside a baseline's time per run (0 for the baseline itself),
// its time as a multiple of it; it gives its own time per run.
func measure(b *testing.B, base float64, fn func()) float64 {
	var spent time.Duration
	var peakLive, peakWhole float64
	for range b.N {
		runtime.GC()
		start := time.Now()
		live, whole := peakHeap(fn)
		spent += time.Since(start)
		peakLive, peakWhole = max(peakLive, live), max(peakWhole, whole)
	}
	perRun := float64(spent.Nanoseconds()) / float64(b.N)
	if base > 0 {
		b.ReportMetric(perRun/base, "x_baseline")
	}
	b.ReportMetric(peakLive, "peak_live_MB")
	b.ReportMetric(peakWhole, "peak_heap_MB")
	return perRun
}

// BenchmarkRegistrationExport exports an event's 50,000 entries as an
// organiser does, from the database (read 500 at a time) to the finished
// workbook kept with its job, beside the baseline of the same cells
// written by excelize's bare stream writer from memory, in the same run.
func BenchmarkRegistrationExport(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			db := modeltest.Bench(b, dialect)
			setup := newImportSetup(b, db)
			ct, ev := setup.openEvent(b, 1)
			must(b, enterWorkers(db, setup.enterprise, ct, ev, benchExportRows))
			svc := service.New(db, service.Options{Secret: []byte("bench-secret-0123456789abcdef0123456789"), BcryptCost: bcrypt.MinCost,
				Now: time.Now, BackgroundExportRows: 2 * benchExportRows})
			ctx := context.Background()
			rows := exportCells(benchExportRows)

			var base float64
			b.Run("baseline", func(b *testing.B) {
				base = measure(b, 0, func() {
					var buf bytes.Buffer
					must(b, bareWrite(&buf, rows))
				})
			})
			b.Run("export", func(b *testing.B) {
				measure(b, base, func() {
					job, err := svc.StartExport(ctx, setup.caller, service.ExportRequest{Kind: service.ExportRegistrations, ContestID: ct.ID}, service.LangZH)
					must(b, err)
					if job.Status != service.ExportDone || job.Rows != benchExportRows {
						b.Fatalf("exported %+v", job)
					}
				})
			})
		})
	}
}

// enterWorkers enters n new workers of an enterprise into an event, in
// batches, with no check.
func enterWorkers(db *gorm.DB, ent model.Organisation, ct model.Contest, ev model.Event, n int) error {
	people := make([]model.Person, n)
	for i := range people {
		first17 := fmt.Sprintf("%06d%s%03d", 110000+i/36500, time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%36500/3).Format("20060102"), 100+i%3*2+1)
		check, _ := service.IDNumberCheck(first17)
		people[i] = model.Person{OrganisationID: ent.ID, Name: fmt.Sprintf("职工%d", i), Gender: "male", IDNumber: first17 + string(check),
			Mobile: "13800000000", Trade: "电工", SkillLevel: "三级/高级工", YearsInTrade: 8, Version: 1}
	}
	return db.Transaction(func(tx *gorm.DB) error { return insertEntries(tx, people, ent, ct, ev) })
}
