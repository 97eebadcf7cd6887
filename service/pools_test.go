package service

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/scoring"
)

// TestPools_AnInnovationMadeFinalFillsTheAchievementLibrary: an innovation
// (五小) contest made final puts its awarded entries in the achievement
// library, not in the talent pool, and gives a certificate to every person
// an awarded entry names, a team's members each their own; an entry
// without an award gets nothing. An entry of an organisation (五比一创) gets
// one certificate in its name, and no place in the talent pool.
func TestPools_AnInnovationMadeFinalFillsTheAchievementLibrary(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := startedService(t, db)
		check := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		var admin model.Account
		check(db.Preload("Organisation").Where("role = ?", model.RoleAdmin).Take(&admin).Error)
		root := admin.Organisation
		org := func(name string) model.Organisation {
			o := model.Organisation{ParentID: &root.ID, Kind: model.KindEnterprise, Name: name, Path: root.Path, Version: 1}
			check(db.Create(&o).Error)
			check(db.Model(&o).Update("path", fmt.Sprintf("%s%d/", root.Path, o.ID)).Error)
			return o
		}
		plant, works := org("滨江机械厂"), org("滨江水务")
		ct := model.Contest{OrganiserID: root.ID, Name: "全市职工五小创新评选", Kind: KindInnovation, Level: "city", Status: model.StepPublicNotice, Version: 1}
		check(db.Omit("Organiser").Create(&ct).Error)
		ev := model.Event{ContestID: ct.ID, Name: "小发明", EntrantType: EntrantTeam, Rules: "{}", RulesVersion: 1, Version: 1}
		check(db.Create(&ev).Error)
		entry := func(ent model.Organisation, team, statement string, names ...string) model.Entrant {
			e := model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: ent.ID, EnterpriseName: ent.Name, TeamName: team, Statement: statement,
				Status: EntrantApproved, Version: 1}
			check(db.Omit("People").Create(&e).Error)
			for i, name := range names {
				p := model.Person{OrganisationID: ent.ID, Name: name, Gender: "male", IDNumber: fmt.Sprintf("11010519800101%03d%d", e.ID, i), Version: 1}
				check(db.Omit("Organisation").Create(&p).Error)
				check(db.Create(&model.EventParticipant{EventID: ev.ID, PersonID: p.ID, EntrantID: e.ID, Role: model.ParticipantCompetitor,
					Position: i + 1, Name: name, IDNumber: p.IDNumber}).Error)
			}
			return e
		}
		clamp := entry(plant, "", "一种快速换模夹具", "严明")
		valve := entry(works, "节水小组", "管网阀门远程启闭装置", "孔亮", "曹静")
		idle := entry(plant, "", "工具柜", "魏东")
		raw, err := json.Marshal(storedResult{Field: 3, Lines: []storedLine{
			{Entrant: clamp.ID, Status: scoring.StatusRanked, Rank: 1, Award: scoring.AwardFirst},
			{Entrant: valve.ID, Status: scoring.StatusRanked, Rank: 2, Award: scoring.AwardSecond},
			{Entrant: idle.ID, Status: scoring.StatusRanked, Rank: 3},
		}})
		check(err)
		check(db.Create(&model.ResultSnapshot{EventID: ev.ID, Version: 1, RulesVersion: 1, Result: string(raw), ComputedBy: admin.ID, ComputedAt: s.now()}).Error)
		check(db.Create(&model.NameDecoding{EventID: ev.ID, DecodedBy: admin.ID, DecodedAt: s.now()}).Error)
		caller := Caller{AccountID: admin.ID, Role: model.RoleAdmin, OrganisationID: root.ID, OrgPath: root.Path}

		all := PageRequest{Page: 1, PageSize: 20}
		if got, err := s.ListAchievements(ctx, caller, PoolFilter{}, all); err != nil || got.Total != 0 {
			t.Fatalf("achievements before final: %+v %v", got, err)
		}
		_, err = s.MoveContest(ctx, caller, ct.ID, model.StepFinal, "")
		check(err)

		got, err := s.ListAchievements(ctx, caller, PoolFilter{}, all)
		check(err)
		if got.Total != 2 || got.Items[0].Title != "管网阀门远程启闭装置" || got.Items[0].Authors != "节水小组（孔亮、曹静）" ||
			got.Items[0].Award != "second" || got.Items[1].Title != "一种快速换模夹具" || got.Items[1].Category != "小发明" {
			t.Errorf("achievement library: %+v", got.Items)
		}
		own := Caller{Role: model.RoleEnterprise, OrganisationID: plant.ID, OrgPath: plant.Path}
		if mine, err := s.ListAchievements(ctx, own, PoolFilter{Q: "夹具"}, all); err != nil || mine.Total != 1 {
			t.Errorf("the plant's own achievements: %+v %v", mine, err)
		}
		if mine, err := s.ListAchievements(ctx, own, PoolFilter{Q: "阀门"}, all); err != nil || mine.Total != 0 {
			t.Errorf("the plant sees another enterprise's achievement: %+v %v", mine, err)
		}
		if talents, err := s.ListTalents(ctx, caller, PoolFilter{}, all); err != nil || talents.Total != 0 {
			t.Errorf("an innovation's winners in the talent pool: %+v %v", talents, err)
		}
		certs, err := s.EventCertificates(ctx, caller, ev.ID)
		check(err)
		var names []string
		for _, c := range certs {
			names = append(names, c.Name)
		}
		if !slices.Equal(names, []string{"严明", "孔亮", "曹静"}) {
			t.Errorf("certificates: %q", names)
		}

		labour := model.Contest{OrganiserID: root.ID, Name: "全市五比一创劳动竞赛", Kind: KindLabour, Level: "city", Status: model.StepPublicNotice, Version: 1}
		check(db.Omit("Organiser").Create(&labour).Error)
		teams := model.Event{ContestID: labour.ID, Name: "供水企业组", EntrantType: EntrantOrganisation, Rules: "{}", RulesVersion: 1, Version: 1}
		check(db.Create(&teams).Error)
		whole := model.Entrant{EventID: teams.ID, ContestID: labour.ID, EnterpriseID: works.ID, EnterpriseName: works.Name, Status: EntrantApproved, Version: 1}
		check(db.Omit("People").Create(&whole).Error)
		raw, err = json.Marshal(storedResult{Field: 1, Lines: []storedLine{{Entrant: whole.ID, Status: scoring.StatusRanked, Rank: 1, Award: scoring.AwardFirst}}})
		check(err)
		check(db.Create(&model.ResultSnapshot{EventID: teams.ID, Version: 1, RulesVersion: 1, Result: string(raw), ComputedBy: admin.ID, ComputedAt: s.now()}).Error)
		check(db.Create(&model.NameDecoding{EventID: teams.ID, DecodedBy: admin.ID, DecodedAt: s.now()}).Error)
		_, err = s.MoveContest(ctx, caller, labour.ID, model.StepFinal, "")
		check(err)
		certs, err = s.EventCertificates(ctx, caller, teams.ID)
		check(err)
		if len(certs) != 1 || certs[0].Name != "滨江水务" || certs[0].Award != "first" {
			t.Errorf("an organisation's certificate: %+v", certs)
		}
		if talents, err := s.ListTalents(ctx, caller, PoolFilter{}, all); err != nil || talents.Total != 0 {
			t.Errorf("an organisation in the talent pool: %+v %v", talents, err)
		}
	})
}
