package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func TestReview_BatchRejectionOneReasonAuditedPerEntryAllOrNothing(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		var second, third entrant
		ent.must(201, "POST", entrantsPath(f.event), worker("甲", idNumber("11010519850101002"), "female"), &second)
		ent.must(201, "POST", entrantsPath(f.event), worker("乙", idNumber("11010519850101003"), "male"), &third)
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", second.ID), map[string]any{"decision": "approve", "version": second.Version}, nil)
		ent.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/withdraw", third.ID), nil, nil)
		reject := fmt.Sprintf("/api/v1/events/%d/entrants/reject", f.event.ID)

		o.mustFail(422, "validation_failed", "reason", "POST", reject, map[string]any{"ids": []uint{f.entrant.ID}, "reason": "  "})
		// A withdrawn entry in the batch stops all of it.
		o.mustFail(409, "conflict", "", "POST", reject, map[string]any{"ids": []uint{f.entrant.ID, second.ID, third.ID}, "reason": "材料不全"})
		var rejected int64
		db.Model(&model.Entrant{}).Where("status = ?", "rejected").Count(&rejected)
		if rejected != 0 {
			t.Fatalf("%d rejected after a refused batch", rejected)
		}
		// A pending and an approved entry are rejected together, for one reason.
		var res struct {
			Rejected int `json:"rejected"`
		}
		o.must(200, "POST", reject, map[string]any{"ids": []uint{f.entrant.ID, second.ID}, "reason": "材料不全"}, &res)
		if res.Rejected != 2 {
			t.Errorf("rejected %d, want 2", res.Rejected)
		}
		var rows []model.Entrant
		db.Where("id IN ?", []uint{f.entrant.ID, second.ID}).Find(&rows)
		for _, e := range rows {
			if e.Status != "rejected" || e.RejectReason != "材料不全" {
				t.Errorf("entry %d: %s %q", e.ID, e.Status, e.RejectReason)
			}
		}
		var audits []model.AuditEntry
		db.Where("action = ? AND reason = ?", "entrant.review", "材料不全").Order("entity_id").Find(&audits)
		if len(audits) != 2 || audits[0].EntityID != f.entrant.ID || audits[1].EntityID != second.ID {
			t.Errorf("audited %+v, want one entry per rejection", audits)
		}
		// A rejected entry can be approved again until the draw.
		var back entrant
		db.Model(&model.Entrant{}).Where("id = ?", second.ID).Select("version").Scan(&back.Version)
		o.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", second.ID), map[string]any{"decision": "approve", "version": back.Version}, &back)
		if back.Status != "approved" {
			t.Errorf("approved again: %s", back.Status)
		}
		// Another district's union may not.
		other := s.login(f.otherOrganiser.Username, fixturePwd)
		other.mustFail(403, "forbidden", "", "POST", reject, map[string]any{"ids": []uint{second.ID}, "reason": "x"})
	})
}

func TestReview_QueueFiltersByEnterprise(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		var other org
		a := s.admin()
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "清河电力", "credit_code": "91320102MA1QH00010"}, &other)
		acc := s.newAccount(a, "ent_qh_power", "enterprise", other.ID)
		s.login(acc.Username, fixturePwd).must(201, "POST", entrantsPath(f.event), worker("丙", idNumber("11010519850101004"), "female"), nil)
		var page struct {
			Items []struct {
				EnterpriseID uint `json:"enterprise_id"`
			} `json:"items"`
			Total int `json:"total"`
		}
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "GET", entrantsPath(f.event), nil, &page)
		if page.Total != 2 {
			t.Fatalf("queue holds %d, want 2", page.Total)
		}
		o.must(200, "GET", fmt.Sprintf("%s?enterprise_id=%d", entrantsPath(f.event), other.ID), nil, &page)
		if page.Total != 1 || page.Items[0].EnterpriseID != other.ID {
			t.Errorf("filtered by enterprise: %+v", page)
		}
	})
}
