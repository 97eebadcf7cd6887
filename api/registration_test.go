package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

func entrantsPath(ev event) string { return fmt.Sprintf("/api/v1/events/%d/entrants", ev.ID) }

func TestRegistration_IDNumberGenderAndMobileAreChecked(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.mustFail(422, "validation_failed", "person.id_number", "POST", entrantsPath(f.event), worker("张三", "110105194912310021", "female"))
		ent.mustFail(422, "validation_failed", "person.gender", "POST", entrantsPath(f.event), worker("张三", "11010519491231002X", "male"))
		body := worker("张三", "11010519491231002X", "female")
		body["person"].(map[string]any)["mobile"] = "2391234567"
		ent.mustFail(422, "validation_failed", "person.mobile", "POST", entrantsPath(f.event), body)
		body = worker("张三", "11010519491231002X", "female")
		body["master"] = map[string]any{"name": "李师傅", "gender": "male", "id_number": "bad", "mobile": "13900000000"}
		ent.mustFail(422, "validation_failed", "master.id_number", "POST", entrantsPath(f.event), body)
		ent.lang = "en"
		e := ent.mustFail(422, "validation_failed", "person.id_number", "POST", entrantsPath(f.event), worker("张三", "110105194912310021", "female"))
		if e.Error.Fields[0].Message != "the check character of the resident ID number is wrong" {
			t.Errorf("English field message: %q", e.Error.Fields[0].Message)
		}
		var n int64
		db.Model(&model.Entrant{}).Count(&n)
		if n != 1 {
			t.Errorf("%d entrants after refused registrations, want the fixture's 1", n)
		}
	})
}

func TestRegistration_SamePersonOncePerEventAndOnePersonAcrossContests(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		id := idNumber("11010519800101001") // the fixture's entrant
		ent.mustFail(409, "duplicate", "person.id_number", "POST", entrantsPath(f.event), worker("王强", id, "male"))
		// The same worker enters another contest: one person, two entries.
		_, ev2 := s.openContest(s.admin(), f.district.ID, 0)
		ent.must(201, "POST", entrantsPath(ev2), worker("王强", id, "male"), nil)
		var people []model.Person
		db.Where("id_number = ?", id).Find(&people)
		if len(people) != 1 || people[0].Version != 1 {
			t.Errorf("people with that ID number: %+v, want one, unchanged", people)
		}
	})
}

// TestRegistration_AWorkersRecordChangesOnlyAtTheVersionItWasReadAt: an entry
// that changes a worker the register has must name the version it read, so a
// change made in between is never silently overwritten.
func TestRegistration_AWorkersRecordChangesOnlyAtTheVersionItWasReadAt(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		id := idNumber("11010519800101001") // the fixture's entrant, version 1
		_, ev2 := s.openContest(s.admin(), f.district.ID, 0)
		promoted := worker("王强", id, "male")
		promoted["person"].(map[string]any)["skill_level"] = "二级/技师"
		ent.mustFail(409, "person_changed", "person.id_number", "POST", entrantsPath(ev2), promoted)
		promoted["person"].(map[string]any)["version"] = 1
		ent.must(201, "POST", entrantsPath(ev2), promoted, nil)
		var p model.Person
		db.Where("id_number = ?", id).Take(&p)
		if p.SkillLevel != "二级/技师" || p.Version != 2 {
			t.Errorf("register after a change at the version read: %+v", p)
		}
		// A change read at version 1 arrives after the one above: refused.
		_, ev3 := s.openContest(s.admin(), f.district.ID, 0)
		moved := worker("王强", id, "male")
		moved["person"].(map[string]any)["mobile"] = "13700000000"
		moved["person"].(map[string]any)["version"] = 1
		ent.mustFail(409, "person_changed", "person.id_number", "POST", entrantsPath(ev3), moved)
		db.Where("id_number = ?", id).Take(&p)
		if p.Mobile != "13912345678" || p.Version != 2 {
			t.Errorf("register after a stale change: %+v, want it as it was", p)
		}
	})
}

// TestRegistration_AnotherEnterprisesWorkerIsRefusedWithoutAHint: the answer
// names neither the other enterprise nor anything of its record.
func TestRegistration_AnotherEnterprisesWorkerIsRefusedWithoutAHint(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		other := s.newAccount(s.admin(), "ent_jb", "enterprise", f.otherEnterprise.ID)
		_, ev := s.openContest(s.admin(), f.root.ID, 0)
		c := s.login(other.Username, fixturePwd)
		for _, lang := range []string{"", "en"} {
			c.lang = lang
			e := c.mustFail(409, "person_not_in_register", "person.id_number", "POST", entrantsPath(ev), worker("王强", idNumber("11010519800101001"), "male"))
			for _, leak := range []string{f.enterprise.Name, "清河", "王强", "0010"} {
				if strings.Contains(fmt.Sprint(e), leak) {
					t.Errorf("the refusal %+v gives away %q", e, leak)
				}
			}
		}
	})
}

// TestEntry_KeepsItsPeopleAsEntered: a later change to the worker's record
// never rewrites an entry, withdrawn or not.
func TestEntry_KeepsItsPeopleAsEntered(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		id := idNumber("11010519800101001")
		withMaster := worker("赵敏", idNumber("11010519900202002"), "female")
		withMaster["master"] = map[string]any{"name": "王强", "gender": "male", "id_number": id, "mobile": "13912345678", "trade": "电工", "skill_level": "三级/高级工", "years_in_trade": 8}
		var apprentice entrant
		ent.must(201, "POST", entrantsPath(f.event), withMaster, &apprentice)
		ent.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/withdraw", apprentice.ID), nil, nil)

		_, ev2 := s.openContest(s.admin(), f.district.ID, 0)
		renamed := worker("王强强", id, "male")
		renamed["person"].(map[string]any)["skill_level"] = "二级/技师"
		renamed["person"].(map[string]any)["version"] = 1
		ent.must(201, "POST", entrantsPath(ev2), renamed, nil)
		if err := db.Exec("UPDATE organisations SET name = ? WHERE id = ?", "清河机床集团", f.enterprise.ID).Error; err != nil {
			t.Fatal(err)
		}

		var page struct {
			Items []struct {
				ID             uint   `json:"id"`
				EnterpriseName string `json:"enterprise_name"`
				Person         struct {
					Name       string `json:"name"`
					SkillLevel string `json:"skill_level"`
				} `json:"person"`
				Master *struct {
					Name string `json:"name"`
				} `json:"master"`
			} `json:"items"`
		}
		s.login(f.organiser.Username, fixturePwd).must(200, "GET", entrantsPath(f.event), nil, &page)
		if len(page.Items) != 2 {
			t.Fatalf("entries: %+v", page.Items)
		}
		first, withdrawn := page.Items[0], page.Items[1]
		if first.Person.Name != "王强" || first.Person.SkillLevel != "三级/高级工" || first.EnterpriseName != "清河机床" {
			t.Errorf("the first entry shows %+v, want 王强, 三级/高级工, 清河机床 as entered", first)
		}
		if withdrawn.Person.Name != "赵敏" || withdrawn.Master == nil || withdrawn.Master.Name != "王强" {
			t.Errorf("the withdrawn entry shows %+v, want 赵敏 with the master 王强 as entered", withdrawn)
		}
	})
}

func TestRegistration_QuotaPerEnterprise(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.must(201, "POST", entrantsPath(f.event), worker("甲", idNumber("11010519850101002"), "female"), nil)
		var third entrant
		ent.must(201, "POST", entrantsPath(f.event), worker("乙", idNumber("11010519850101003"), "male"), &third)
		ent.mustFail(409, "quota_reached", "", "POST", entrantsPath(f.event), worker("丙", idNumber("11010519850101004"), "female"))
		// A rejected entry can be withdrawn to make room for a corrected one.
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", third.ID), map[string]any{"decision": "reject", "reason": "资料不全", "version": third.Version}, &third)
		ent.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/withdraw", third.ID), nil, nil)
		ent.must(201, "POST", entrantsPath(f.event), worker("乙", idNumber("11010519850101003"), "male"), &third)
		// A withdrawal frees the place.
		ent.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/withdraw", third.ID), nil, nil)
		ent.must(201, "POST", entrantsPath(f.event), worker("丙", idNumber("11010519850101004"), "female"), nil)
		// And the withdrawn worker may come back once a place is free again.
		ent.mustFail(409, "quota_reached", "", "POST", entrantsPath(f.event), worker("乙", idNumber("11010519850101003"), "male"))
	})
}

func TestRegistration_OnlyWhileOpenAndInsideTheWindow(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		body := worker("甲", idNumber("11010519850101002"), "female")
		s.now = s.now.Add(8 * 24 * time.Hour)
		ent = s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.mustFail(409, "wrong_step", "", "POST", entrantsPath(f.event), body)
		s.now = s.now.Add(-8 * 24 * time.Hour)
		s.admin().must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.contest.ID), map[string]any{"to": "registration_closed"}, nil)
		ent = s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.mustFail(409, "wrong_step", "", "POST", entrantsPath(f.event), body)
		ent.mustFail(409, "wrong_step", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/withdraw", f.entrant.ID), nil)
	})
}

func TestRegistration_OutsideTheUnionTreeIsForbidden(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		_, other := s.openContest(s.admin(), f.otherDistrict.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.mustFail(403, "forbidden", "", "POST", entrantsPath(other), worker("甲", idNumber("11010519850101002"), "female"))
	})
}

func TestRegistration_TeamsAndOrganisations(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var ct contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "攻坚赛", "kind": "skills", "format": "tackling", "level": "district", "organiser_id": f.district.ID,
			"registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(time.Hour)}, &ct)
		var team event
		a.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": "设备攻关", "entrant_type": "team", "team_size": 2}, &team)
		a.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID), map[string]any{"to": "registration_open"}, nil)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		member := func(name, id, gender string) map[string]any {
			return worker(name, id, gender)["person"].(map[string]any)
		}
		a1, a2 := member("甲", idNumber("11010519850101002"), "female"), member("乙", idNumber("11010519850101003"), "male")
		ent.mustFail(422, "validation_failed", "members", "POST", entrantsPath(team), map[string]any{"team_name": "攻关一队", "members": []any{a1}})
		ent.mustFail(422, "validation_failed", "members[1].id_number", "POST", entrantsPath(team), map[string]any{"team_name": "攻关一队", "members": []any{a1, a1}})
		var got entrant
		ent.must(201, "POST", entrantsPath(team), map[string]any{"team_name": "攻关一队", "members": []any{a1, a2}}, &got)
		// 乙 cannot be in a second team of the same event.
		a3 := member("丙", idNumber("11010519850101004"), "female")
		ent.mustFail(409, "duplicate", "members[1].id_number", "POST", entrantsPath(team), map[string]any{"team_name": "攻关二队", "members": []any{a3, a2}})

		var labour contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "五比一创", "kind": "labour", "level": "district", "organiser_id": f.district.ID,
			"registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(time.Hour)}, &labour)
		a.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", labour.ID), map[string]any{"to": "registration_open"}, nil)
		var events struct {
			Items []event `json:"items"`
		}
		ent.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/events", labour.ID), nil, &events)
		ent.mustFail(422, "validation_failed", "statement", "POST", entrantsPath(events.Items[0]), map[string]any{})
		ent.must(201, "POST", entrantsPath(events.Items[0]), map[string]any{"statement": "全年安全生产无事故"}, nil)
		ent.mustFail(409, "quota_reached", "", "POST", entrantsPath(events.Items[0]), map[string]any{"statement": "再报一次"})
	})
}

func TestReview_RejectNeedsAReasonTheEnterpriseSees(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		path := fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID)
		o.mustFail(422, "validation_failed", "reason", "POST", path, map[string]any{"decision": "reject", "version": f.entrant.Version})
		o.must(200, "POST", path, map[string]any{"decision": "reject", "reason": "工龄不足", "version": f.entrant.Version}, nil)
		o.mustFail(409, "stale_version", "", "POST", path, map[string]any{"decision": "approve", "version": f.entrant.Version})
		var page struct {
			Items []struct {
				Status       string `json:"status"`
				RejectReason string `json:"reject_reason"`
			} `json:"items"`
		}
		s.login(f.enterpriseAcc.Username, fixturePwd).must(200, "GET", entrantsPath(f.event), nil, &page)
		if len(page.Items) != 1 || page.Items[0].Status != "rejected" || page.Items[0].RejectReason != "工龄不足" {
			t.Errorf("enterprise sees %+v", page.Items)
		}
		var entry model.AuditEntry
		if err := db.Where("action = ? AND entity_id = ?", "entrant.review", f.entrant.ID).Take(&entry).Error; err != nil || entry.Reason != "工龄不足" {
			t.Errorf("review not audited: %+v %v", entry, err)
		}
		other := s.newAccount(s.admin(), "org_jb", "organiser", f.otherDistrict.ID)
		s.login(other.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", path, map[string]any{"decision": "approve", "version": f.entrant.Version + 1})
	})
}

func TestReview_BulkApprovalIsAllOrNothing(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		var second entrant
		ent.must(201, "POST", entrantsPath(f.event), worker("甲", idNumber("11010519850101002"), "female"), &second)
		o := s.login(f.organiser.Username, fixturePwd)
		approve := fmt.Sprintf("/api/v1/events/%d/entrants/approve", f.event.ID)
		o.mustFail(422, "validation_failed", "ids", "POST", approve, map[string]any{"ids": []uint{f.entrant.ID, 9999}})
		var n int64
		db.Model(&model.Entrant{}).Where("status = ?", "approved").Count(&n)
		if n != 0 {
			t.Fatalf("%d approved after a refused bulk approval", n)
		}
		var res struct {
			Approved int `json:"approved"`
		}
		o.must(200, "POST", approve, map[string]any{"ids": []uint{f.entrant.ID, second.ID}}, &res)
		if res.Approved != 2 {
			t.Errorf("approved %d", res.Approved)
		}
		o.mustFail(409, "conflict", "", "POST", approve, map[string]any{"ids": []uint{f.entrant.ID}})
	})
}

func TestEntrants_IDNumbersMaskedForAnyoneButTheEnterpriseAndTheOrganiser(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		full := idNumber("11010519800101001")
		var page struct {
			Items []entrant `json:"items"`
		}
		for _, c := range []*client{s.login(f.enterpriseAcc.Username, fixturePwd), s.login(f.organiser.Username, fixturePwd)} {
			c.must(200, "GET", entrantsPath(f.event), nil, &page)
			if len(page.Items) != 1 || page.Items[0].Person.IDNumber != full {
				t.Errorf("entrant list: %+v", page.Items)
			}
			c.must(200, "GET", entrantsPath(f.event)+"?q="+full, nil, &page)
			if len(page.Items) != 1 {
				t.Errorf("search by the whole ID number found %d", len(page.Items))
			}
			c.must(200, "GET", entrantsPath(f.event)+"?q="+full[:10], nil, &page)
			if len(page.Items) != 0 {
				t.Errorf("search by part of an ID number found %d", len(page.Items))
			}
		}
		// Another enterprise of the district sees the event but none of these entrants.
		var other org
		s.admin().must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "清河电力", "credit_code": "91320102MA1QH00010"}, &other)
		acc := s.newAccount(s.admin(), "ent_qh2", "enterprise", other.ID)
		s.login(acc.Username, fixturePwd).must(200, "GET", entrantsPath(f.event), nil, &page)
		if len(page.Items) != 0 {
			t.Errorf("another enterprise sees %+v", page.Items)
		}
		if service.MaskIDNumber(full) == full {
			t.Error("masking changed nothing")
		}
	})
}
