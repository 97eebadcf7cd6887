package service

import (
	"fmt"
	"slices"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/scoring"
)

// TestPools_SearchFindsAPartAnywhereAndOnlyTrueHits: a search finds a
// winner by a part from the middle of the name, ASCII letters in either
// case; a search longer than the four characters kept as parts still finds
// only the names that hold all of it; a trade is found by a part of it; an
// achievement by a long part of its title.
func TestPools_SearchFindsAPartAnywhereAndOnlyTrueHits(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		w := newPoolsWorld(t, db)
		s, ctx, caller, check := w.s, w.ctx, w.caller, w.check
		plant := w.enterprise("滨江机械厂")
		// final makes a contest of one event final, each entry (a statement
		// and its workers) given an award.
		final := func(kind, trade string, entries map[string][]string) {
			ct, ev := w.contest("全市职工"+trade+"大赛", kind, model.Event{Name: trade, Trade: trade, EntrantType: EntrantTeam})
			var lines []storedLine
			for statement, names := range entries {
				e := w.entry(ev, plant, "", statement, names...)
				lines = append(lines, storedLine{Entrant: e.ID, Status: scoring.StatusRanked, Rank: len(lines) + 1, Award: scoring.AwardThird})
			}
			w.results(ev, lines...)
			w.final(ct)
		}
		final(KindSkills, "维修电工", map[string][]string{"": {"欧阳明华"}, "甲": {"阿卜杜拉·买买提"}, "乙": {"阿卜杜拉·吐尔逊"}, "丙": {"Anna Lee"}, "丁": {"明华"}})
		final(KindSkills, "焊工", map[string][]string{"": {"华明"}})
		final(KindInnovation, "小发明", map[string][]string{"管网阀门远程启闭装置": {"孔亮"}, "阀门远程关闭器": {"曹静"}})

		all := PageRequest{Page: 1, PageSize: 20}
		for _, tc := range []struct {
			filter PoolFilter
			want   []string
		}{
			{PoolFilter{Q: "阳明"}, []string{"欧阳明华"}},
			{PoolFilter{Q: "明华"}, []string{"明华", "欧阳明华"}},
			{PoolFilter{Q: "阿卜杜拉·吐"}, []string{"阿卜杜拉·吐尔逊"}},
			{PoolFilter{Q: "卜杜拉·买买提"}, []string{"阿卜杜拉·买买提"}},
			{PoolFilter{Q: "卜杜拉·买提"}, nil},
			{PoolFilter{Q: " anna l "}, []string{"Anna Lee"}},
			{PoolFilter{Q: "%"}, nil},
			{PoolFilter{Q: "孔亮"}, nil}, // an innovation's winner has a certificate, no place in the talent pool
			{PoolFilter{Q: "明", Trade: "电工"}, []string{"明华", "欧阳明华"}},
			{PoolFilter{Q: "明", Trade: "焊"}, []string{"华明"}},
			{PoolFilter{Q: "明", Trade: "电焊"}, nil},
		} {
			got, err := s.ListTalents(ctx, caller, tc.filter, all)
			check(err)
			var names []string
			for _, w := range got.Items {
				names = append(names, w.Name)
			}
			slices.Sort(names)
			if !slices.Equal(names, tc.want) || got.Total != int64(len(tc.want)) {
				t.Errorf("talents %+v: %q (total %d), want %q", tc.filter, names, got.Total, tc.want)
			}
		}
		// A search keeps to what the caller sees.
		other := w.enterprise("滨江水务")
		for _, tc := range []struct {
			who  Caller
			want int64
		}{
			{Caller{Role: model.RoleEnterprise, OrganisationID: plant.ID, OrgPath: fmt.Sprintf("%s%d/", w.root.Path, plant.ID)}, 2},
			{Caller{Role: model.RoleEnterprise, OrganisationID: other.ID, OrgPath: fmt.Sprintf("%s%d/", w.root.Path, other.ID)}, 0},
		} {
			if got, err := s.ListTalents(ctx, tc.who, PoolFilter{Q: "明华"}, all); err != nil || got.Total != tc.want {
				t.Errorf("talents of 明华 seen by enterprise %d: %+v %v, want %d", tc.who.OrganisationID, got, err, tc.want)
			}
		}
		for q, want := range map[string]string{"阀门远程启闭": "管网阀门远程启闭装置", "远程关闭": "阀门远程关闭器", "阀门远程开": "", "曹": "阀门远程关闭器"} {
			got, err := s.ListAchievements(ctx, caller, PoolFilter{Q: q, Trade: "发明"}, all)
			check(err)
			if (want == "" && got.Total != 0) || (want != "" && (got.Total != 1 || got.Items[0].Title != want)) {
				t.Errorf("achievements %q: %+v, want %q", q, got.Items, want)
			}
		}
	})
}
