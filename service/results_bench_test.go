package service

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/scoring"
)

// A national final's scale: 50,000 entrants, 10 criteria (2 of theory, 8 of
// the practical stage), 5 judges marking both stages: 2.5 million marks.
const (
	resultsBenchEntrants = 50000
	resultsBenchJudges   = 5
	resultsBenchBatch    = 2000
)

func resultsBenchRules() Rules {
	r := Rules{
		Stages:    []Stage{{Code: "theory", Name: "理论", Weight: 30}, {Code: "practical", Name: "实操", Weight: 70}},
		Combine:   Combine{Method: scoring.CombineTrimmedMean, TrimMinJudges: 5},
		TieBreaks: []string{"stage:practical", "stage:theory", "shared"},
		Awards:    Awards{Mode: scoring.AwardShares, First: 10, Second: 20, Third: 30, SharedTop: true},
	}
	for i := range 10 {
		stage := "practical"
		if i < 2 {
			stage = "theory"
		}
		r.Criteria = append(r.Criteria, Criterion{Code: fmt.Sprintf("C%02d", i+1), Name: fmt.Sprintf("细则%d", i+1), Stage: stage, Max: 10000, Kind: "judgement"})
	}
	return r
}

// must stops a benchmark's set-up at its first error.
func must(b *testing.B, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}

// seedBenchContest writes the city union, 100 enterprises below it and a
// city contest it organises, at a step.
func seedBenchContest(b *testing.B, db *gorm.DB, name, step string) (model.Organisation, []model.Organisation, model.Contest) {
	b.Helper()
	root := model.Organisation{Kind: model.KindCityUnion, Name: "市总工会", Path: "/", Version: 1}
	must(b, db.Create(&root).Error)
	ents := make([]model.Organisation, 100)
	for i := range ents {
		ents[i] = model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: fmt.Sprintf("企业%d", i), Path: "/", Version: 1}
	}
	ct := model.Contest{OrganiserID: root.ID, Name: name, Kind: KindSkills, Format: "trade", Level: "city", Status: step, Version: 1}
	must(b, db.Create(&ents).Error)
	must(b, db.Omit("Organiser").Create(&ct).Error)
	return root, ents, ct
}

// seedResultsEvent writes the event, its entrants, its panel and every
// judge's sheets of marks, entrant by entrant as judges enter them.
func seedResultsEvent(b *testing.B, db *gorm.DB) model.Event {
	b.Helper()
	root, ents, ct := seedBenchContest(b, db, "全国职工技能大赛", model.StepJudging)
	rules := resultsBenchRules()
	raw, err := json.Marshal(rules)
	must(b, err)
	ev := model.Event{ContestID: ct.ID, Name: "钳工", EntrantType: EntrantIndividual, Rules: string(raw), RulesVersion: 1, Version: 1}
	must(b, db.Create(&ev).Error)
	entrants := make([]model.Entrant, resultsBenchEntrants)
	for i := range entrants {
		entrants[i] = model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: ents[i%len(ents)].ID, Status: EntrantApproved,
			DrawNumber: fmt.Sprintf("%05d", i+1), Attendance: AttendancePresent, Version: 1}
	}
	must(b, db.Omit("People").CreateInBatches(&entrants, 1000).Error)
	now := time.Now()
	for j := range resultsBenchJudges {
		acc := model.Account{Username: fmt.Sprintf("judge%d", j), UsernameKey: fmt.Sprintf("judge%d", j), DisplayName: fmt.Sprintf("裁判%d", j), Role: model.RoleJudge, OrganisationID: root.ID, PasswordHash: "-", Version: 1}
		must(b, db.Omit("Organisation").Create(&acc).Error)
		must(b, db.Omit("Account").Create(&model.PanelMember{EventID: ev.ID, AccountID: acc.ID, Duty: DutyJudge, Stages: "theory,practical", Version: 1}).Error)
		for _, st := range rules.Stages {
			sheet := model.Sheet{EventID: ev.ID, Stage: st.Code, JudgeID: acc.ID, SubmittedAt: &now, Version: 1}
			must(b, db.Create(&sheet).Error)
			var codes []string
			for _, c := range rules.Criteria {
				if c.Stage == st.Code {
					codes = append(codes, c.Code)
				}
			}
			insertSheetMarks(b, db, sheet, entrants, codes, now)
		}
	}
	return ev
}

// insertSheetMarks writes one sheet's marks in multi-row INSERTs.
func insertSheetMarks(b *testing.B, db *gorm.DB, sheet model.Sheet, entrants []model.Entrant, codes []string, now time.Time) {
	b.Helper()
	var sql strings.Builder
	args := make([]any, 0, resultsBenchBatch*7)
	rows := 0
	flush := func() {
		if rows == 0 {
			return
		}
		if err := db.Exec(sql.String(), args...).Error; err != nil {
			b.Fatal(err)
		}
		sql.Reset()
		args, rows = args[:0], 0
	}
	for i, e := range entrants {
		for k, code := range codes {
			if rows == 0 {
				sql.WriteString("INSERT INTO marks (sheet_id, entrant_id, judge_id, criterion, points, updated_by, created_at, updated_at) VALUES ")
			} else {
				sql.WriteString(",")
			}
			sql.WriteString("(?, ?, ?, ?, ?, ?, ?, ?)")
			// Marks spread over 0..100 points, differing by judge and criterion.
			points := (i*7919 + int(sheet.JudgeID)*104729 + k*1299709) % 10001
			args = append(args, sheet.ID, e.ID, sheet.JudgeID, code, points, sheet.JudgeID, now, now)
			rows++
			if rows == resultsBenchBatch {
				flush()
			}
		}
	}
	flush()
}

// BenchmarkResults measures loading and ranking an event of 2.5 million
// marks (entrants, panel, the marks sheet by sheet, then the engine),
// reported as a multiple of a plain SELECT of the same rows measured in the
// same run: every mark of the event, read and scanned, nothing more.
func BenchmarkResults(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			db := modeltest.Bench(b, dialect)
			ev := seedResultsEvent(b, db)
			svc := New(db, Options{Secret: []byte("bench-secret-0123456789abcdef0123456789"), Now: time.Now})
			ctx := context.Background()
			rules, err := parseRules(ev.Rules)
			if err != nil {
				b.Fatal(err)
			}
			var sheets []uint
			if err := db.Model(&model.Sheet{}).Where("event_id = ?", ev.ID).Pluck("id", &sheets).Error; err != nil {
				b.Fatal(err)
			}
			var base, baseCPU float64
			b.Run("baseline", func(b *testing.B) {
				start, startCPU := time.Now(), modeltest.ProcessorTime()
				for b.Loop() {
					n, err := plainSelect(ctx, db, sheets)
					if err != nil || n != resultsBenchEntrants*10*resultsBenchJudges {
						b.Fatalf("%d marks: %v", n, err)
					}
				}
				base = float64(time.Since(start).Nanoseconds()) / float64(b.N)
				baseCPU = float64(modeltest.ProcessorTime()-startCPU) / float64(b.N)
				b.ReportMetric(baseCPU, "cpu-ns/op")
			})
			b.Run("load-and-rank", func(b *testing.B) {
				start, startCPU := time.Now(), modeltest.ProcessorTime()
				for b.Loop() {
					res, err := svc.computeEvent(ctx, ev, rules)
					if err != nil || res.Field != resultsBenchEntrants {
						b.Fatalf("field %d: %v", res.Field, err)
					}
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/base, "x_baseline")
				cpu := float64(modeltest.ProcessorTime()-startCPU) / float64(b.N)
				b.ReportMetric(cpu, "cpu-ns/op")
				b.ReportMetric(cpu/baseCPU, "x_baseline_cpu")
			})
		})
	}
}

// plainSelect reads every mark of an event in one query, its sheets named,
// scanning each row: the same rows and columns results read, from the same
// index, in no particular order.
func plainSelect(ctx context.Context, db *gorm.DB, sheets []uint) (int, error) {
	rows, err := db.WithContext(ctx).Raw("SELECT sheet_id, entrant_id, criterion, points FROM marks WHERE sheet_id IN ?", sheets).Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var (
		sheet, entrant uint
		code           []byte
		points         int64
		n              int
	)
	for rows.Next() {
		if err := rows.Scan(&sheet, &entrant, &code, &points); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}
