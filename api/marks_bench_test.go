package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
	"leitai/model/modeltest"
)

// BenchmarkSaveMark is a judge saving marks one after another through the
// real router (session, CSRF, access checks, version check, history), beside
// the upsert of the same row on the same database that the load's bare
// handler makes: what a mark costs the server, without the network and
// without other requests at once.
func BenchmarkSaveMark(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			db := modeltest.Bench(b, dialect)
			s := newServer(b, db)
			f := s.judgingFixture()
			j := s.login(f.judge.Username, fixturePwd)
			path := sheetPath(f.fitter, "practical", "/marks")
			var stored sheetMark
			j.must(200, "PUT", path, mark(f.numberC, "P1", 1, 0), &stored)
			var row model.Mark
			if err := db.Where("judge_id = ?", f.judge.ID).Take(&row).Error; err != nil {
				b.Fatal(err)
			}
			var baseCPU float64
			b.Run("upsert", func(b *testing.B) {
				startCPU := modeltest.ProcessorTime()
				for i := 0; b.Loop(); i++ {
					now := time.Now().UTC()
					m := model.Mark{SheetID: row.SheetID, EntrantID: row.EntrantID, JudgeID: row.JudgeID, Criterion: row.Criterion,
						Points: int64(i%99+2) * 100, Version: 1, UpdatedBy: row.JudgeID, CreatedAt: now, UpdatedAt: now}
					err := db.Clauses(clause.OnConflict{
						Columns:   []clause.Column{{Name: "entrant_id"}, {Name: "criterion"}, {Name: "judge_id"}},
						DoUpdates: clause.Assignments(map[string]any{"points": m.Points, "version": gorm.Expr("version + 1"), "updated_at": now}),
					}).Create(&m).Error
					if err != nil {
						b.Fatal(err)
					}
				}
				baseCPU = float64(modeltest.ProcessorTime()-startCPU) / float64(b.N)
				b.ReportMetric(baseCPU, "cpu-ns/op")
			})
			if err := db.Where("judge_id = ?", f.judge.ID).Take(&row).Error; err != nil {
				b.Fatal(err)
			}
			stored.Version = row.Version
			b.Run("real", func(b *testing.B) {
				startCPU := modeltest.ProcessorTime()
				for i := 0; b.Loop(); i++ {
					res := serveMark(b, s.handler, j.request("PUT", path, mark(f.numberC, "P1", i%99+2, stored.Version)))
					if err := json.Unmarshal(res.Body.Bytes(), &stored); err != nil {
						b.Fatal(err)
					}
				}
				cpu := float64(modeltest.ProcessorTime()-startCPU) / float64(b.N)
				b.ReportMetric(cpu, "cpu-ns/op")
				b.ReportMetric(cpu/baseCPU, "x_upsert_cpu")
			})
		})
	}
}

func serveMark(b *testing.B, h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	res := httptest.NewRecorder()
	h.ServeHTTP(res, req)
	if res.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", req.URL, res.Code, res.Body)
	}
	return res
}
