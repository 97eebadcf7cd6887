package service

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/scoring"
)

// publicBenchEntrants is a large city final's event: 5,000 entrants.
const publicBenchEntrants = 5000

// seedPublicContest writes a contest in public notice with one event of
// publicBenchEntrants workers, its published snapshot (shares 10/20/30 %,
// two stages) and its decoding to names.
func seedPublicContest(b *testing.B, db *gorm.DB) model.Contest {
	b.Helper()
	root, ents, ct := seedBenchContest(b, db, "全市职工技能大赛", model.StepPublicNotice)
	acc := model.Account{Username: "org", UsernameKey: "org", DisplayName: "组织者", Role: model.RoleOrganiser, OrganisationID: root.ID, PasswordHash: "-", Version: 1}
	must(b, db.Omit("Organisation").Create(&acc).Error)
	raw, err := json.Marshal(resultsBenchRules())
	must(b, err)
	ev := model.Event{ContestID: ct.ID, Name: "钳工", Trade: "钳工", EntrantType: EntrantIndividual, Rules: string(raw), RulesVersion: 1, Version: 1}
	must(b, db.Create(&ev).Error)
	entrants := make([]model.Entrant, publicBenchEntrants)
	for i := range entrants {
		ent := ents[i%len(ents)]
		entrants[i] = model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: ent.ID, EnterpriseName: ent.Name, Status: EntrantApproved,
			DrawNumber: fmt.Sprintf("%04d", i+1), Attendance: AttendancePresent, Version: 1}
	}
	must(b, db.Omit("People").CreateInBatches(&entrants, 1000).Error)
	people := make([]model.Person, len(entrants))
	for i := range people {
		people[i] = model.Person{OrganisationID: entrants[i].EnterpriseID, Name: fmt.Sprintf("职工%d", i), Gender: "male",
			IDNumber: fmt.Sprintf("1101051980%07d", i), Version: 1}
	}
	must(b, db.Omit("Organisation").CreateInBatches(&people, 1000).Error)
	parts := make([]model.EventParticipant, len(entrants))
	res := storedResult{Field: len(entrants), Lines: make([]storedLine, len(entrants))}
	for i, e := range entrants {
		parts[i] = model.EventParticipant{EventID: ev.ID, PersonID: people[i].ID, EntrantID: e.ID, Role: model.ParticipantCompetitor,
			Name: people[i].Name, Gender: "male", IDNumber: people[i].IDNumber, Mobile: "13912345678"}
		award := scoring.Award("")
		switch {
		case i < len(entrants)/10:
			award = scoring.AwardFirst
		case i < len(entrants)*3/10:
			award = scoring.AwardSecond
		case i < len(entrants)*6/10:
			award = scoring.AwardThird
		}
		res.Lines[i] = storedLine{Entrant: e.ID, Enterprise: e.EnterpriseID, Status: scoring.StatusRanked, Rank: i + 1, Total: Points(10000 - i),
			Stages: []scoring.StageScore{{Code: "theory", Score: Points(9000 - i)}, {Code: "practical", Score: Points(9500 - i)}}, Award: award}
	}
	must(b, db.CreateInBatches(&parts, 1000).Error)
	body, err := json.Marshal(res)
	must(b, err)
	now := time.Now().UTC()
	must(b, db.Create(&model.ResultSnapshot{EventID: ev.ID, Version: 1, RulesVersion: 1, Result: string(body), ComputedBy: acc.ID, ComputedAt: now, PublishedAt: &now}).Error)
	must(b, db.Create(&model.NameDecoding{EventID: ev.ID, DecodedBy: acc.ID, DecodedAt: now}).Error)
	return ct
}

// BenchmarkPublicResults measures serving a contest's public results
// (5,000 entrants, decoded to names) from the kept answer, and to a reader
// that holds it already (304), each as a multiple of the first, uncached
// build measured in the same run: reading the state, the snapshot, the
// entrants with their names, and rendering the JSON.
func BenchmarkPublicResults(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			db := modeltest.Bench(b, dialect)
			ct := seedPublicContest(b, db)
			svc := New(db, Options{Secret: []byte("bench-secret-0123456789abcdef0123456789"), Now: time.Now})
			ctx := context.Background()
			var first float64
			var tag string
			var size, packed int
			b.Run("first-build", func(b *testing.B) {
				start := time.Now()
				for b.Loop() {
					svc.public = newPublicCache()
					a, err := svc.PublicContestResults(ctx, ct.ID, nil)
					if err != nil || len(a.Body) < publicBenchEntrants*100 {
						b.Fatalf("%d bytes: %v", len(a.Body), err)
					}
					tag, size, packed = a.Tag, len(a.Body), len(a.Gzip)
				}
				first = float64(time.Since(start).Nanoseconds()) / float64(b.N)
				b.ReportMetric(float64(size), "bytes")
				b.ReportMetric(float64(packed)/float64(size), "gzip/plain")
			})
			b.Run("cached", func(b *testing.B) {
				start := time.Now()
				for b.Loop() {
					if a, err := svc.PublicContestResults(ctx, ct.ID, nil); err != nil || a.Body == nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/first, "x_first_build")
			})
			b.Run("not-modified", func(b *testing.B) {
				start := time.Now()
				for b.Loop() {
					if a, err := svc.PublicContestResults(ctx, ct.ID, []string{tag}); err != nil || a.Body != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/first, "x_first_build")
			})
		})
	}
}
