package service_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/service"
)

// A province's talent pool: 50,000 award winners of the city's 2,000
// enterprises (seedCity), in ten trades over seven years.
const poolBenchWinners = 50000

func seedPool(b *testing.B, db *gorm.DB, svc *service.Service, eventID uint) {
	b.Helper()
	var ents []model.Organisation
	must(b, db.Where("kind = ?", model.KindEnterprise).Order("id").Find(&ents).Error)
	trades := []string{"钳工", "电工", "焊工", "车工", "数控", "铣工", "磨工", "维修电工", "仪表工", "起重工"}
	awards := []string{"first", "second", "second", "third", "third", "third"}
	rows := make([]model.AwardWinner, poolBenchWinners)
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for i := range rows {
		person := uint(i + 1)
		ent := ents[i%len(ents)]
		rows[i] = model.AwardWinner{Code: fmt.Sprintf("BENCH%021d", i), ContestID: 1, EventID: eventID, EntrantID: uint(i + 1), Position: 1,
			PersonID: &person, Pool: model.PoolTalent, Name: fmt.Sprintf("职工%d", i), EnterpriseID: ent.ID, EnterpriseName: ent.Name,
			OrganiserName: "市总工会", Trade: trades[i%len(trades)], SkillLevel: "三级/高级工", ContestName: "全市职工技能大赛",
			EventName: trades[i%len(trades)], Year: 2020 + i%7, Award: awards[i%len(awards)], RankPlace: 1 + i%100, AwardedAt: at}
	}
	must(b, db.CreateInBatches(&rows, 1000).Error)
	must(b, svc.WriteTalentParts(context.Background(), rows))
}

// BenchmarkTalentPool measures a page of the talent pool, scoped down the
// tree, searched and filtered, each as a multiple of a plain SELECT of the
// same page measured in the same run: the third page of 20 of one trade's
// winners by the (pool, trade, id) index, with its count.
func BenchmarkTalentPool(b *testing.B) {
	for _, dialect := range []string{"sqlite", "mysql"} {
		b.Run(dialect, func(b *testing.B) {
			city := newCityBench(b, dialect)
			db, svc, unionID, admin, organiser, enterprise := city.db, city.svc, city.unionID, city.admin, city.organiser, city.enterprise
			seedPool(b, db, svc, city.eventID)
			ctx := context.Background()
			page := service.PageRequest{Page: 3, PageSize: 20}

			var base float64
			b.Run("baseline", func(b *testing.B) {
				start := time.Now()
				for b.Loop() {
					var n int64
					var rows []model.AwardWinner
					q := db.Model(&model.AwardWinner{}).Where("pool = ? AND trade = ?", model.PoolTalent, "钳工")
					must(b, q.Session(&gorm.Session{}).Count(&n).Error)
					must(b, q.Session(&gorm.Session{}).Order("id DESC").Offset(40).Limit(20).Find(&rows).Error)
				}
				base = float64(time.Since(start).Nanoseconds()) / float64(b.N)
			})

			for _, tc := range []struct {
				name   string
				caller service.Caller
				filter service.PoolFilter
			}{
				{"talents/admin-trade", admin, service.PoolFilter{Trade: "钳工"}},
				{"talents/admin", admin, service.PoolFilter{}},
				{"talents/organiser", organiser, service.PoolFilter{}},
				{"talents/organiser-trade-year-award", organiser, service.PoolFilter{Trade: "钳工", Year: 2024, Award: "third"}},
				{"talents/admin-union", admin, service.PoolFilter{UnionID: unionID}},
				{"talents/enterprise", enterprise, service.PoolFilter{}},
				{"talents/search-name", admin, service.PoolFilter{Q: "职工4999"}},
				{"talents/search-name-part", admin, service.PoolFilter{Q: "工499"}},
				{"talents/organiser-search-name", organiser, service.PoolFilter{Q: "职工49"}},
				{"talents/admin-trade-part", admin, service.PoolFilter{Trade: "电工"}},
			} {
				b.Run(tc.name, func(b *testing.B) {
					start := time.Now()
					for b.Loop() {
						_, err := svc.ListTalents(ctx, tc.caller, tc.filter, page)
						must(b, err)
					}
					b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/base, "x_baseline")
				})
			}
		})
	}
}
