package model_test

import (
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func TestMigrate_FromEmptyCreatesEveryTableAndIsIdempotent(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		for _, table := range []string{"organisations", "accounts", "sessions", "login_throttles", "people", "audit_entries", "schema_migrations"} {
			if !db.Migrator().HasTable(table) {
				t.Errorf("table %s missing after migration", table)
			}
		}
		dialect := model.SQLite
		if db.Dialector.Name() == "mysql" {
			dialect = model.MySQL
		}
		if err := model.Migrate(db, dialect); err != nil {
			t.Fatalf("second migration run: %v", err)
		}
	})
}

func TestMigrate_UniqueIndexesHold(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		code := "91350100M000100Y43"
		root := model.Organisation{Kind: model.KindCityUnion, Name: "市总工会", Version: 1}
		if err := db.Create(&root).Error; err != nil {
			t.Fatal(err)
		}
		a := model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: "甲", CreditCode: &code, Version: 1}
		if err := db.Create(&a).Error; err != nil {
			t.Fatal(err)
		}
		b := model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: "乙", CreditCode: &code, Version: 1}
		if err := db.Create(&b).Error; err != gorm.ErrDuplicatedKey {
			t.Fatalf("second organisation with the same credit code: got %v, want a duplicate key error", err)
		}
	})
}

func TestParseLocation(t *testing.T) {
	for _, tc := range []struct {
		in      string
		dialect model.Dialect
		wantErr bool
	}{
		{"sqlite:./data/leitai.db", model.SQLite, false},
		{"sqlite:", "", true},
		{"mysql://u:p@tcp(127.0.0.1:3306)/leitai?parseTime=true", model.MySQL, false},
		{"mysql://u:p@tcp(127.0.0.1:3306)/", "", true},
		{"postgres://x", "", true},
		{"", "", true},
	} {
		loc, err := model.ParseLocation(tc.in)
		if (err != nil) != tc.wantErr || loc.Dialect != tc.dialect {
			t.Errorf("ParseLocation(%q) = %v, %v", tc.in, loc.Dialect, err)
		}
	}
}

// TestMigrate_EntriesKeepTheirPeopleAsEntered upgrades a database that has
// entries, one of them withdrawn and one with a master: every entry ends up
// naming its people with their details, and only standing entries hold a
// worker's place in the event.
func TestMigrate_EntriesKeepTheirPeopleAsEntered(t *testing.T) {
	modeltest.EachLocation(t, func(t *testing.T, loc model.Location) {
		db := migratedTo(t, loc, "0002_contests")
		now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
		for _, stmt := range []string{
			"INSERT INTO organisations (id, kind, name, path, created_at, updated_at) VALUES (1, 'city_union', '市总工会', '/1/', ?, ?)",
			"INSERT INTO organisations (id, parent_id, kind, name, credit_code, path, created_at, updated_at) VALUES (2, 1, 'enterprise', '甲企业', '91350100M000100Y43', '/1/2/', ?, ?)",
			"INSERT INTO people (id, organisation_id, name, gender, id_number, mobile, trade, skill_level, years_in_trade, created_at, updated_at) VALUES (1, 2, '张三', 'male', '110105194912310011', '13900000001', '电工', '三级/高级工', 8, ?, ?)",
			"INSERT INTO people (id, organisation_id, name, gender, id_number, mobile, trade, skill_level, years_in_trade, created_at, updated_at) VALUES (2, 2, '李师傅', 'male', '110105194912310031', '13900000002', '电工', '一级/高级技师', 30, ?, ?)",
			"INSERT INTO people (id, organisation_id, name, gender, id_number, mobile, trade, skill_level, years_in_trade, created_at, updated_at) VALUES (3, 2, '王五', 'male', '110105194912310051', '13900000003', '焊工', '四级/中级工', 2, ?, ?)",
			"INSERT INTO contests (id, organiser_id, name, kind, level, status, created_at, updated_at) VALUES (1, 1, '技能竞赛', 'skills', 'city', 'registration_open', ?, ?)",
			"INSERT INTO events (id, contest_id, name, entrant_type, rules, created_at, updated_at) VALUES (1, 1, '电工', 'individual', '{}', ?, ?)",
			"INSERT INTO entrants (id, event_id, contest_id, enterprise_id, person_id, master_person_id, natural_key, status, created_at, updated_at) VALUES (1, 1, 1, 2, 1, 2, 'p:1', 'pending', ?, ?)",
			"INSERT INTO entrants (id, event_id, contest_id, enterprise_id, person_id, natural_key, status, created_at, updated_at) VALUES (2, 1, 1, 2, 3, NULL, 'withdrawn', ?, ?)",
		} {
			if err := db.Exec(stmt, now, now).Error; err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		if err := db.Exec("INSERT INTO event_participants (event_id, person_id, entrant_id, position) VALUES (1, 1, 1, 0)").Error; err != nil {
			t.Fatal(err)
		}
		if err := model.Migrate(db, loc.Dialect); err != nil {
			t.Fatal(err)
		}

		var e model.Entrant
		if err := db.Preload("People", func(q *gorm.DB) *gorm.DB { return q.Order("entrant_id, role, id") }).Take(&e, 1).Error; err != nil {
			t.Fatal(err)
		}
		if e.EnterpriseName != "甲企业" || len(e.People) != 2 {
			t.Fatalf("entry 1 after the upgrade: %+v", e)
		}
		competitor, master := e.People[0], e.People[1]
		if competitor.Role != model.ParticipantCompetitor || competitor.ActiveKey == nil || *competitor.ActiveKey != 1 ||
			competitor.Name != "张三" || competitor.SkillLevel != "三级/高级工" || competitor.IDNumber != "110105194912310011" || competitor.YearsInTrade != 8 {
			t.Errorf("entry 1's worker: %+v", competitor)
		}
		if master.Role != model.ParticipantMaster || master.ActiveKey != nil || master.Name != "李师傅" || master.PersonID != 2 {
			t.Errorf("entry 1's master: %+v", master)
		}
		var withdrawn []model.EventParticipant
		db.Where("entrant_id = 2").Find(&withdrawn)
		if len(withdrawn) != 1 || withdrawn[0].ActiveKey != nil || withdrawn[0].Name != "王五" || withdrawn[0].Trade != "焊工" {
			t.Errorf("the withdrawn entry's worker: %+v", withdrawn)
		}

		// A worker stands in an event once; withdrawn entries and masters do not count.
		active := uint(1)
		twice := model.EventParticipant{EventID: 1, PersonID: 1, EntrantID: 2, Role: model.ParticipantCompetitor, ActiveKey: &active}
		if err := db.Create(&twice).Error; err != gorm.ErrDuplicatedKey {
			t.Errorf("a second standing entry of one worker: %v, want a duplicate key", err)
		}
		again := model.EventParticipant{EventID: 1, PersonID: 3, EntrantID: 2, Role: model.ParticipantCompetitor}
		if err := db.Create(&again).Error; err != nil {
			t.Errorf("a second withdrawn row of one worker: %v", err)
		}
	})
}

// TestMigrate_PoolsWrittenBeforeTheirPartsGetThem upgrades a database whose
// pools were filled before the tables of their parts: a talent's name, an
// achievement's title and authors, and the trades and categories are cut
// into their parts of up to four characters, ASCII letters in lower case.
func TestMigrate_PoolsWrittenBeforeTheirPartsGetThem(t *testing.T) {
	modeltest.EachLocation(t, func(t *testing.T, loc model.Location) {
		db := migratedTo(t, loc, "0017_pools")
		now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
		for _, stmt := range []string{
			"INSERT INTO organisations (id, kind, name, path, created_at, updated_at) VALUES (1, 'city_union', '市总工会', '/1/', ?, ?)",
			"INSERT INTO contests (id, organiser_id, name, kind, level, status, created_at, updated_at) VALUES (1, 1, '技能竞赛', 'skills', 'city', 'final', ?, ?)",
			"INSERT INTO events (id, contest_id, name, entrant_type, rules, created_at, updated_at) VALUES (1, 1, '小发明', 'individual', '{}', ?, ?)",
		} {
			if err := db.Exec(stmt, now, now).Error; err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		for _, stmt := range []string{
			"INSERT INTO award_winners (id, code, contest_id, event_id, entrant_id, position, pool, name, enterprise_id, enterprise_name, organiser_name, trade, contest_name, event_name, year, award, rank_place, awarded_at) " +
				"VALUES (1, 'A', 1, 1, 1, 1, 'talent', 'Ab张三', 1, '甲', '市总工会', '钳工', '技能竞赛', '钳工', 2026, 'first', 1, ?)",
			"INSERT INTO award_winners (id, code, contest_id, event_id, entrant_id, position, pool, name, enterprise_id, enterprise_name, organiser_name, trade, contest_name, event_name, year, award, rank_place, awarded_at) " +
				"VALUES (2, 'B', 1, 1, 2, 1, '', '李四', 1, '甲', '市总工会', '焊工', '技能竞赛', '焊工', 2026, 'first', 1, ?)",
			"INSERT INTO pool_achievements (id, contest_id, event_id, entrant_id, title, authors, enterprise_id, enterprise_name, category, contest_name, year, award, rank_place, awarded_at) " +
				"VALUES (1, 1, 1, 3, '换模夹具', '严明', 1, '甲', '小发明', '技能竞赛', 2026, 'first', 1, ?)",
			"INSERT INTO pool_achievements (id, contest_id, event_id, entrant_id, title, authors, enterprise_id, enterprise_name, category, contest_name, year, award, rank_place, awarded_at) " +
				"VALUES (2, 1, 1, 4, '" + strings.Repeat("长", 3000) + "夹具', '严明', 1, '甲', '小发明', '技能竞赛', 2026, 'first', 1, ?)",
		} {
			if err := db.Exec(stmt, now).Error; err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		if err := model.Migrate(db, loc.Dialect); err != nil {
			t.Fatal(err)
		}
		count := func(table, where string, args ...any) int64 {
			var n int64
			if err := db.Table(table).Where(where, args...).Count(&n).Error; err != nil {
				t.Fatal(err)
			}
			return n
		}
		// ab张三: 4 + 3 + 2 + 1 parts; 换模夹具 10 and 严明 3; nothing of one who has only a certificate.
		if n := count("award_winner_parts", "row_id = 1"); n != 10 || count("award_winner_parts", "row_id = 1 AND part = ?", "b张三") != 1 ||
			count("award_winner_parts", "row_id = 2") != 0 {
			t.Errorf("the talent's parts: %d", n)
		}
		if n := count("pool_achievement_parts", "row_id = 1"); n != 13 || count("pool_achievement_parts", "part = ?", "模夹") != 1 {
			t.Errorf("the achievement's parts: %d", n)
		}
		// 长 to 长长长长, 4 ending at 夹 and 4 at 具, and 严明's 3.
		if n := count("pool_achievement_parts", "row_id = 2"); n != 4+4+4+3 || count("pool_achievement_parts", "row_id = 2 AND part = ?", "长长夹具") != 1 {
			t.Errorf("a long achievement's parts: %d", n)
		}
		if n := count("pool_term_parts", "1 = 1"); n != 9 || count("pool_term_parts", "part = ? AND term = ?", "发明", "小发明") != 1 ||
			count("pool_term_parts", "term = ?", "焊工") != 0 {
			t.Errorf("the trades' and categories' parts: %d", n)
		}
	})
}

// migratedTo connects to the database at loc and migrates it up to the
// step named, as a database written by an older release is.
func migratedTo(t *testing.T, loc model.Location, last string) *gorm.DB {
	t.Helper()
	db, err := model.Connect(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	if err := model.MigrateTo(db, loc.Dialect, last); err != nil {
		t.Fatal(err)
	}
	return db
}
