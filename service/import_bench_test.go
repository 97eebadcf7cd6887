package service_test

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

// benchImportRows is the size of the registration sheet of the import benchmark.
const benchImportRows = 50000

// importSheet writes a registration sheet of n new workers with excelize's
// stream writer; round makes each round's ID numbers its own, so that every
// round enters workers the register lacks.
func importSheet(b *testing.B, n, round int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	sw, err := f.NewStreamWriter("Sheet1")
	must(b, err)
	must(b, sw.SetRow("A1", []any{"项目", "姓名", "性别", "身份证号码", "手机号码", "工种", "技能等级", "本工种工龄（年）"}))
	for i := range n {
		first17 := fmt.Sprintf("%06d%s%03d", 110000+round*100+i/36500, time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%36500/3).Format("20060102"), 100+i%3*2+1)
		check, _ := service.IDNumberCheck(first17)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		must(b, sw.SetRow(cell, []any{"电工", fmt.Sprintf("职工%d", i), "男", first17 + string(check), "13800000000", "电工", "三级/高级工", 8}))
	}
	must(b, sw.Flush())
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(b, err)
	return buf.Bytes()
}

// importSetup is an enterprise under the city union and an open contest of
// one individual event, fresh for each round.
type importSetup struct {
	db         *gorm.DB
	enterprise model.Organisation
	caller     service.Caller
}

func newImportSetup(b *testing.B, db *gorm.DB) importSetup {
	b.Helper()
	root := model.Organisation{Kind: model.KindCityUnion, Name: "市总工会", Version: 1}
	must(b, db.Create(&root).Error)
	root.Path = fmt.Sprintf("/%d/", root.ID)
	must(b, db.Model(&root).Update("path", root.Path).Error)
	code := "91350100M000100Y43"
	ent := model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: "清河机床", CreditCode: &code, Version: 1}
	must(b, db.Create(&ent).Error)
	ent.Path = fmt.Sprintf("%s%d/", root.Path, ent.ID)
	must(b, db.Model(&ent).Update("path", ent.Path).Error)
	acc := model.Account{Username: "ent", UsernameKey: "ent", Role: model.RoleEnterprise, OrganisationID: ent.ID, PasswordHash: "x", Version: 1}
	must(b, db.Omit("Organisation").Create(&acc).Error)
	return importSetup{db: db, enterprise: ent, caller: service.Caller{AccountID: acc.ID, Role: model.RoleEnterprise, OrganisationID: ent.ID,
		OrganisationName: ent.Name, OrgPath: ent.Path}}
}

// openEvent opens a new contest of the city union with the event 电工.
func (s importSetup) openEvent(b *testing.B, round int) (model.Contest, model.Event) {
	b.Helper()
	var root model.Organisation
	must(b, s.db.Where("parent_id IS NULL").Take(&root).Error)
	ct := model.Contest{OrganiserID: root.ID, Name: fmt.Sprintf("竞赛%d", round), Kind: service.KindSkills, Format: "trade", Level: "city",
		Status: model.StepRegistrationOpen, Version: 1}
	must(b, s.db.Omit("Organiser").Create(&ct).Error)
	ev := model.Event{ContestID: ct.ID, Name: "电工", EntrantType: service.EntrantIndividual, Rules: "{}", RulesVersion: 1, Version: 1}
	must(b, s.db.Create(&ev).Error)
	return ct, ev
}

// peakHeap samples the heap while fn runs and gives its peaks in MB: of the
// live heap (as the last collection found it), and of the whole heap, the
// garbage not collected yet included.
func peakHeap(fn func()) (live, whole float64) {
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	var peakLive, peakWhole uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			metrics.Read(samples)
			peakLive, peakWhole = max(peakLive, samples[0].Value.Uint64()), max(peakWhole, samples[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return float64(peakLive) / (1 << 20), float64(peakWhole) / (1 << 20)
}

// BenchmarkRegistrationImport imports a sheet of 50,000 new workers (checking
// it, then importing it) beside a baseline measured in the same run: the same
// file read with excelize's bare streaming reader and the same workers,
// entries and entry people inserted in batches of 500 in one transaction.
// Each round uses a new contest and new ID numbers; the time of the setup is
// left out.
func BenchmarkRegistrationImport(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			db := modeltest.Bench(b, dialect)
			setup := newImportSetup(b, db)
			svc := service.New(db, service.Options{Secret: []byte("bench-secret-0123456789abcdef0123456789"), BcryptCost: bcrypt.MinCost,
				Now: time.Now, BackgroundImportBytes: service.MaxImportBytes})
			ctx := context.Background()
			round := 0

			var base, imported float64
			b.Run("baseline", func(b *testing.B) {
				base = setup.rounds(b, &round, benchImportRows, bareImport)
			})
			b.Run("import", func(b *testing.B) {
				var spent time.Duration
				var peakLive, peakWhole float64
				for range b.N {
					round++
					file := importSheet(b, benchImportRows, round)
					ct, _ := setup.openEvent(b, round)
					runtime.GC()
					start := time.Now()
					live, whole := peakHeap(func() {
						job, err := svc.CheckRegistrationImport(ctx, setup.caller, ct.ID, 0, "bench.xlsx", file, service.LangZH)
						must(b, err)
						if job.Status != service.ImportChecked || job.Created != benchImportRows {
							b.Fatalf("checked %+v", job.Problems)
						}
						job, err = svc.CommitImport(ctx, setup.caller, job.ID, job.Version, service.LangZH)
						must(b, err)
						if job.Status != service.ImportImported {
							b.Fatalf("imported %+v", job)
						}
					})
					spent += time.Since(start)
					peakLive, peakWhole = max(peakLive, live), max(peakWhole, whole)
				}
				b.ReportMetric(float64(spent.Nanoseconds())/float64(b.N)/base, "x_baseline")
				b.ReportMetric(peakLive, "peak_live_MB")
				b.ReportMetric(peakWhole, "peak_heap_MB")
				imported = float64(spent.Nanoseconds()) / float64(b.N) / benchImportRows
			})
			// The naive way, for comparison: the whole sheet read with GetRows,
			// then each row written in a transaction of its own. A tenth of the
			// rows keeps the run short; its cost is the same for every row.
			b.Run("naive", func(b *testing.B) {
				naive := setup.rounds(b, &round, benchNaiveRows, naiveImport)
				if imported > 0 {
					b.ReportMetric(naive/benchNaiveRows/imported, "x_import_per_row")
				}
			})
		})
	}
}

// rounds times b.N runs of a bare import of a sheet of n new workers into a
// new event each, and gives the nanoseconds of one.
func (s importSetup) rounds(b *testing.B, round *int, n int, run func(*gorm.DB, []byte, model.Organisation, model.Contest, model.Event) error) float64 {
	b.Helper()
	var spent time.Duration
	for range b.N {
		*round++
		file := importSheet(b, n, *round)
		ct, ev := s.openEvent(b, *round)
		runtime.GC()
		start := time.Now()
		must(b, run(s.db, file, s.enterprise, ct, ev))
		spent += time.Since(start)
	}
	return float64(spent.Nanoseconds()) / float64(b.N)
}

// benchNaiveRows is the size of the sheet the naive import reads.
const benchNaiveRows = benchImportRows / 10

// naiveImport reads the whole sheet with GetRows and writes each worker, its
// entry and its entry person in a transaction of its own, with no check.
func naiveImport(db *gorm.DB, file []byte, ent model.Organisation, ct model.Contest, ev model.Event) error {
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		return err
	}
	for _, cells := range rows[1:] {
		p := model.Person{OrganisationID: ent.ID, Name: cells[1], Gender: "male", IDNumber: cells[3], Mobile: cells[4],
			Trade: cells[5], SkillLevel: cells[6], YearsInTrade: 8, Version: 1}
		err := db.Transaction(func(tx *gorm.DB) error { return insertEntries(tx, []model.Person{p}, ent, ct, ev) })
		if err != nil {
			return err
		}
	}
	return nil
}

// bareImport is the baseline: the file read row by row with excelize's
// streaming reader, and its workers, entries and entry people inserted in
// batches, in one transaction, without a check.
func bareImport(db *gorm.DB, file []byte, ent model.Organisation, ct model.Contest, ev model.Event) error {
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return err
	}
	var people []model.Person
	for rows.Next() {
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		if cells[0] == "项目" {
			continue
		}
		people = append(people, model.Person{OrganisationID: ent.ID, Name: cells[1], Gender: "male", IDNumber: cells[3], Mobile: cells[4],
			Trade: cells[5], SkillLevel: cells[6], YearsInTrade: 8, Version: 1})
	}
	if err := rows.Close(); err != nil {
		return err
	}
	return db.Transaction(func(tx *gorm.DB) error { return insertEntries(tx, people, ent, ct, ev) })
}

// insertEntries inserts workers, and enters them into an event, in batches
// of 500, with no check.
func insertEntries(tx *gorm.DB, people []model.Person, ent model.Organisation, ct model.Contest, ev model.Event) error {
	if err := tx.Omit("Organisation").CreateInBatches(&people, 500).Error; err != nil {
		return err
	}
	entrants := make([]model.Entrant, len(people))
	for i := range people {
		key := fmt.Sprintf("p:%d", people[i].ID)
		entrants[i] = model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: ent.ID, EnterpriseName: ent.Name, PersonID: &people[i].ID,
			NaturalKey: &key, Status: service.EntrantPending, Version: 1}
	}
	if err := tx.Omit("People").CreateInBatches(&entrants, 500).Error; err != nil {
		return err
	}
	named := make([]model.EventParticipant, len(people))
	for i, p := range people {
		named[i] = model.EventParticipant{EventID: ev.ID, PersonID: p.ID, EntrantID: entrants[i].ID, Role: model.ParticipantCompetitor,
			ActiveKey: &people[i].ID, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade,
			SkillLevel: p.SkillLevel, YearsInTrade: p.YearsInTrade}
	}
	return tx.CreateInBatches(&named, 500).Error
}
