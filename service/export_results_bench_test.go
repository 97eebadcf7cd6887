package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/scoring"
	"leitai/service"
)

// benchResultsEntrants is the size of the results export benchmark: a
// province's skills final of 100,000 entrants.
const benchResultsEntrants = 100000

// benchResultLine is a snapshot's line as the results keep it.
type benchResultLine struct {
	Entrant    uint                     `json:"entrant"`
	Enterprise uint                     `json:"enterprise"`
	Status     scoring.Status           `json:"status"`
	Rank       int                      `json:"rank"`
	Total      scoring.Points           `json:"total"`
	Time       scoring.Points           `json:"time"`
	Stages     []scoring.StageScore     `json:"stages"`
	Criteria   []scoring.CriterionScore `json:"criteria"`
	Award      scoring.Award            `json:"award"`
	Titles     []string                 `json:"titles"`
	Notes      []struct{}               `json:"notes"`
}

var resultsHeaders = []string{"名次", "参赛号", "姓名", "单位", "理论", "实操", "总分", "奖项", "称号", "备注"}

// resultsCells are the cells of the results of n entrants, as the export
// writes them; the first tenth get a first prize and a title.
func resultsCells(n int) [][]any {
	rows := make([][]any, n)
	for i := range rows {
		award, title := "", ""
		if i < n/10 {
			award, title = "一等奖", "技术能手"
		}
		rows[i] = []any{i + 1, fmt.Sprint(i + 1), fmt.Sprintf("职工%d", i), "清河机床", float64(9000-i%9000) / 100, float64(8000-i%8000) / 100,
			float64(10000-i%10000) / 100, award, title, ""}
	}
	return rows
}

// bareResultsWrite is the baseline: the cells written by excelize's stream
// writer with no style, title, merged cell, pane or page setup.
func bareResultsWrite(rows [][]any) ([]byte, error) {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	head := make([]any, len(resultsHeaders))
	for i, h := range resultsHeaders {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, r); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	return buf.Bytes(), err
}

// seedResults enters n workers into an event, draws them, and keeps a
// computed and decoded results snapshot of them, as an organiser has it.
func seedResults(b *testing.B, db *gorm.DB, n int) (service.Caller, model.Event) {
	b.Helper()
	setup := newImportSetup(b, db)
	ct, ev := setup.openEvent(b, 1)
	must(b, enterWorkers(db, setup.enterprise, ct, ev, n))
	rules := `{"stages":[{"code":"theory","name":"理论","weight":30},{"code":"practical","name":"实操","weight":70}],"criteria":[]}`
	must(b, db.Model(&model.Event{}).Where("id = ?", ev.ID).Update("rules", rules).Error)
	must(b, db.Model(&model.Contest{}).Where("id = ?", ct.ID).Update("status", model.StepJudging).Error)
	must(b, db.Exec("UPDATE entrants SET status = ?, draw_number = CAST(id AS CHAR) WHERE event_id = ?", service.EntrantApproved, ev.ID).Error)
	var ids []uint
	must(b, db.Model(&model.Entrant{}).Where("event_id = ?", ev.ID).Order("id").Pluck("id", &ids).Error)
	lines := make([]benchResultLine, len(ids))
	for i, id := range ids {
		l := benchResultLine{Entrant: id, Enterprise: setup.enterprise.ID, Status: scoring.StatusRanked, Rank: i + 1, Total: scoring.Points(10000 - i%10000),
			Stages:   []scoring.StageScore{{Code: "theory", Score: scoring.Points(9000 - i%9000)}, {Code: "practical", Score: scoring.Points(8000 - i%8000)}},
			Criteria: []scoring.CriterionScore{{Code: "T1", Score: scoring.Points(9000 - i%9000), Judges: 5}, {Code: "P1", Score: scoring.Points(8000 - i%8000), Judges: 5}}}
		if i < n/10 {
			l.Award, l.Titles = scoring.AwardFirst, []string{"技术能手"}
		}
		lines[i] = l
	}
	raw, err := json.Marshal(map[string]any{"field": n, "places": scoring.Places{}, "lines": lines})
	must(b, err)
	packed, err := model.PackResult(raw)
	must(b, err)
	var root model.Organisation
	must(b, db.Where("parent_id IS NULL").Take(&root).Error)
	acc := model.Account{Username: "org", UsernameKey: "org", Role: model.RoleOrganiser, OrganisationID: root.ID, PasswordHash: "x", Version: 1}
	must(b, db.Omit("Organisation").Create(&acc).Error)
	now := time.Now()
	must(b, db.Create(&model.ResultSnapshot{EventID: ev.ID, Version: 1, RulesVersion: 1, Result: packed, ComputedBy: acc.ID, ComputedAt: now}).Error)
	must(b, db.Create(&model.NameDecoding{EventID: ev.ID, DecodedBy: acc.ID, DecodedAt: now}).Error)
	return service.Caller{AccountID: acc.ID, Role: model.RoleOrganiser, OrganisationID: root.ID, OrganisationName: root.Name, OrgPath: root.Path}, ev
}

// BenchmarkResultsExport exports an event's results of 100,000 entrants
// as an organiser does (the stored snapshot, the entrants' numbers and
// names, the print-ready table, the workbook kept with its job), beside the
// baseline of the same cells written by excelize's bare stream writer from
// memory, in the same run.
func BenchmarkResultsExport(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			db := modeltest.Bench(b, dialect)
			caller, ev := seedResults(b, db, benchResultsEntrants)
			svc := service.New(db, service.Options{Secret: []byte("bench-secret-0123456789abcdef0123456789"), BcryptCost: bcrypt.MinCost,
				Now: time.Now, BackgroundExportRows: 2 * benchResultsEntrants})
			ctx := context.Background()

			var base float64
			b.Run("baseline", func(b *testing.B) {
				// The cells are made outside the measured runs and let go before the export's.
				rows := resultsCells(benchResultsEntrants)
				base = measure(b, 0, func() {
					_, err := bareResultsWrite(rows)
					must(b, err)
				})
			})
			b.Run("export", func(b *testing.B) {
				measure(b, base, func() {
					job, err := svc.StartExport(ctx, caller, service.ExportRequest{Kind: service.ExportResults, EventID: ev.ID}, service.LangZH)
					must(b, err)
					if job.Status != service.ExportDone || job.Rows != benchResultsEntrants {
						b.Fatalf("exported %+v", job)
					}
				})
			})
		})
	}
}
