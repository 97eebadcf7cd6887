package service_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

// A large city: 20 district and industry unions, 2,000 enterprises, 60,000
// workers, 6,000 of them entered into one event.
const (
	benchUnions      = 20
	benchEnterprises = 2000
	benchPeople      = 60000
	benchEntrants    = 6000
)

// cityBench is seedCity's city with its event (seedEvent), a service over
// it, and a caller of each kind: the administrator, the organiser of the
// first district union and one of its enterprises.
type cityBench struct {
	db                           *gorm.DB
	svc                          *service.Service
	eventID, unionID             uint
	admin, organiser, enterprise service.Caller
}

func newCityBench(b *testing.B, dialect string) cityBench {
	b.Helper()
	db := modeltest.Bench(b, dialect)
	unionPath, entID, unionID := seedCity(b, db)
	return cityBench{
		db: db, eventID: seedEvent(b, db), unionID: unionID,
		svc:        service.New(db, service.Options{Secret: []byte("bench-secret-0123456789abcdef0123456789"), BcryptCost: bcrypt.MinCost, Now: time.Now}),
		admin:      service.Caller{Role: model.RoleAdmin, OrgPath: "/1/"},
		organiser:  service.Caller{Role: model.RoleOrganiser, OrganisationID: unionID, OrgPath: unionPath},
		enterprise: service.Caller{Role: model.RoleEnterprise, OrganisationID: entID, OrgPath: fmt.Sprintf("%s%d/", unionPath, entID)},
	}
}

func seedCity(b *testing.B, db *gorm.DB) (unionPath string, enterpriseID uint, unionID uint) {
	b.Helper()
	root := model.Organisation{Kind: model.KindCityUnion, Name: "市总工会", Version: 1}
	must(b, db.Create(&root).Error)
	root.Path = fmt.Sprintf("/%d/", root.ID)
	must(b, db.Model(&root).Update("path", root.Path).Error)
	unions := make([]model.Organisation, benchUnions)
	for i := range unions {
		unions[i] = model.Organisation{ParentID: &root.ID, Kind: model.KindDistrictUnion, Name: fmt.Sprintf("第%d区总工会", i+1), Version: 1}
	}
	must(b, db.Create(&unions).Error)
	for i := range unions {
		unions[i].Path = fmt.Sprintf("%s%d/", root.Path, unions[i].ID)
		must(b, db.Model(&unions[i]).Update("path", unions[i].Path).Error)
	}
	ents := make([]model.Organisation, benchEnterprises)
	for i := range ents {
		parent := unions[i%benchUnions]
		base := fmt.Sprintf("913201%011d", i)
		check, _ := service.CreditCodeCheck(base)
		code := base + string(check)
		ents[i] = model.Organisation{ParentID: &parent.ID, Kind: model.KindEnterprise, Name: fmt.Sprintf("企业%d", i), CreditCode: &code, Path: parent.Path, Version: 1}
	}
	must(b, db.CreateInBatches(&ents, 500).Error)
	must(b, db.Exec("UPDATE organisations SET path = CONCAT(path, id, '/') WHERE kind = ?", model.KindEnterprise).Error)
	people := make([]model.Person, benchPeople)
	for i := range people {
		first17 := fmt.Sprintf("320102%04d0101%03d", 1960+i%40, i%1000)
		check, _ := service.IDNumberCheck(first17)
		people[i] = model.Person{OrganisationID: ents[i%benchEnterprises].ID, Name: fmt.Sprintf("职工%d", i), Gender: "male",
			IDNumber: fmt.Sprintf("%s%c", first17, check), Mobile: "13800000000", Version: 1}
		// ID numbers must be unique: vary the region code with the index.
		people[i].IDNumber = fmt.Sprintf("%06d", 110000+i/1000) + people[i].IDNumber[6:]
		c, _ := service.IDNumberCheck(people[i].IDNumber[:17])
		people[i].IDNumber = people[i].IDNumber[:17] + string(c)
	}
	must(b, db.CreateInBatches(&people, 1000).Error)
	return unions[0].Path, ents[0].ID, unions[0].ID
}

// seedEvent enters the first benchEntrants workers into one event of a city
// contest, approved, and returns the event.
func seedEvent(b *testing.B, db *gorm.DB) uint {
	b.Helper()
	var root model.Organisation
	must(b, db.Where("parent_id IS NULL").Take(&root).Error)
	ct := model.Contest{OrganiserID: root.ID, Name: "全市电工竞赛", Kind: service.KindSkills, Format: "trade", Level: "city", Status: model.StepRegistrationClosed, Version: 1}
	must(b, db.Omit("Organiser").Create(&ct).Error)
	ev := model.Event{ContestID: ct.ID, Name: "电工", EntrantType: service.EntrantIndividual, Rules: "{}", RulesVersion: 1, Version: 1}
	must(b, db.Create(&ev).Error)
	var people []model.Person
	must(b, db.Order("id").Limit(benchEntrants).Find(&people).Error)
	entrants := make([]model.Entrant, len(people))
	for i, p := range people {
		key := fmt.Sprintf("p:%d", p.ID)
		entrants[i] = model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: p.OrganisationID, PersonID: &people[i].ID,
			NaturalKey: &key, Status: service.EntrantApproved, Version: 1}
	}
	must(b, db.Omit("People").CreateInBatches(&entrants, 1000).Error)
	named := make([]model.EventParticipant, len(people))
	for i, p := range people {
		named[i] = model.EventParticipant{EventID: ev.ID, PersonID: p.ID, EntrantID: entrants[i].ID, Role: model.ParticipantCompetitor,
			ActiveKey: &people[i].ID, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade, SkillLevel: p.SkillLevel}
	}
	must(b, db.CreateInBatches(&named, 1000).Error)
	return ev.ID
}

func must(b *testing.B, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkScopedLists measures the lists a person opens most at city scale,
// each reported as a multiple of a baseline measured in the same run: one page
// of 20 workers by primary key plus a count of the whole table, the least any
// paged list can cost.
func BenchmarkScopedLists(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			city := newCityBench(b, dialect)
			db, svc, eventID, admin, organiser, enterprise := city.db, city.svc, city.eventID, city.admin, city.organiser, city.enterprise
			ctx := context.Background()
			page := service.PageRequest{Page: 1, PageSize: 20}

			// The baseline runs first, as a sub-benchmark of its own; the last of
			// its rounds (the one with the final b.N) sets base.
			var base float64
			b.Run("baseline", func(b *testing.B) {
				start := time.Now()
				for b.Loop() {
					var n int64
					var rows []model.Person
					must(b, db.Model(&model.Person{}).Count(&n).Error)
					must(b, db.Order("id").Limit(20).Find(&rows).Error)
				}
				base = float64(time.Since(start).Nanoseconds()) / float64(b.N)
			})

			for _, tc := range []struct {
				name string
				op   func() error
			}{
				{"people/admin", func() error { _, err := svc.ListPeople(ctx, admin, service.PersonFilter{}, page); return err }},
				{"people/organiser", func() error { _, err := svc.ListPeople(ctx, organiser, service.PersonFilter{}, page); return err }},
				{"people/enterprise", func() error { _, err := svc.ListPeople(ctx, enterprise, service.PersonFilter{}, page); return err }},
				{"people/search", func() error {
					_, err := svc.ListPeople(ctx, admin, service.PersonFilter{Q: "职工5999"}, page)
					return err
				}},
				{"entrants/admin", func() error {
					_, err := svc.ListEntrants(ctx, admin, eventID, service.EntrantFilter{}, page)
					return err
				}},
				{"entrants/enterprise", func() error {
					_, err := svc.ListEntrants(ctx, enterprise, eventID, service.EntrantFilter{}, page)
					return err
				}},
				{"organisations/tree-admin", func() error { _, err := svc.OrganisationTree(ctx, admin); return err }},
				{"organisations/tree-organiser", func() error { _, err := svc.OrganisationTree(ctx, organiser); return err }},
			} {
				b.Run(tc.name, func(b *testing.B) {
					start := time.Now()
					for b.Loop() {
						must(b, tc.op())
					}
					b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/base, "x_baseline")
				})
			}
		})
	}
}
