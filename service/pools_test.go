package service

import (
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
		w := newPoolsWorld(t, db)
		s, ctx, caller, check := w.s, w.ctx, w.caller, w.check
		plant, works := w.enterprise("滨江机械厂"), w.enterprise("滨江水务")
		ct, ev := w.contest("全市职工五小创新评选", KindInnovation, model.Event{Name: "小发明", EntrantType: EntrantTeam})
		clamp := w.entry(ev, plant, "", "一种快速换模夹具", "严明")
		valve := w.entry(ev, works, "节水小组", "管网阀门远程启闭装置", "孔亮", "曹静")
		idle := w.entry(ev, plant, "", "工具柜", "魏东")
		w.results(ev,
			storedLine{Entrant: clamp.ID, Status: scoring.StatusRanked, Rank: 1, Award: scoring.AwardFirst},
			storedLine{Entrant: valve.ID, Status: scoring.StatusRanked, Rank: 2, Award: scoring.AwardSecond},
			storedLine{Entrant: idle.ID, Status: scoring.StatusRanked, Rank: 3},
		)

		all := PageRequest{Page: 1, PageSize: 20}
		if got, err := s.ListAchievements(ctx, caller, PoolFilter{}, all); err != nil || got.Total != 0 {
			t.Fatalf("achievements before final: %+v %v", got, err)
		}
		w.final(ct)

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

		labour, teams := w.contest("全市五比一创劳动竞赛", KindLabour, model.Event{Name: "供水企业组", EntrantType: EntrantOrganisation})
		whole := w.entry(teams, works, "", "")
		w.results(teams, storedLine{Entrant: whole.ID, Status: scoring.StatusRanked, Rank: 1, Award: scoring.AwardFirst})
		w.final(labour)
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
