package api_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

type teamLine struct {
	EnterpriseName string        `json:"enterprise_name"`
	Rank           int           `json:"rank"`
	Total          float64       `json:"total"`
	Members        []resultEntry `json:"members"`
}

type medalLine struct {
	OrganisationName string `json:"organisation_name"`
	Rank             int    `json:"rank"`
	Gold             int    `json:"gold"`
	Silver           int    `json:"silver"`
	Bronze           int    `json:"bronze"`
	Medals           int    `json:"medals"`
}

type contestStandings struct {
	Published bool `json:"published"`
	Events    []struct {
		EventName string `json:"event_name"`
		Version   int    `json:"version"`
		Pending   string `json:"pending"`
		Team      struct {
			Method string `json:"method"`
			Best   int    `json:"best"`
		} `json:"team"`
		Teams []teamLine `json:"teams"`
	} `json:"events"`
	Enterprises []struct {
		EnterpriseName string  `json:"enterprise_name"`
		Rank           int     `json:"rank"`
		Total          float64 `json:"total"`
	} `json:"enterprises"`
	Medals     []medalLine `json:"medals"`
	Districts  []medalLine `json:"districts"`
	Industries []medalLine `json:"industries"`
}

// teams writes an event's teams as "name:rank:total:members".
func (cs contestStandings) teams(event string) string {
	var out []string
	for _, e := range cs.Events {
		if e.EventName != event {
			continue
		}
		if e.Pending != "" {
			return e.Pending
		}
		for _, t := range e.Teams {
			var names []string
			for _, m := range t.Members {
				names = append(names, m.Name)
			}
			out = append(out, fmt.Sprintf("%s:%d:%g:%s", t.EnterpriseName, t.Rank, t.Total, strings.Join(names, "、")))
		}
	}
	return strings.Join(out, " ")
}

// ranking writes the enterprises' contest ranking as "name:rank:total".
func (cs contestStandings) ranking() string {
	var out []string
	for _, e := range cs.Enterprises {
		out = append(out, fmt.Sprintf("%s:%d:%g", e.EnterpriseName, e.Rank, e.Total))
	}
	return strings.Join(out, " ")
}

// medalTable writes a medal table as "name:rank:gold/silver/bronze".
func medalTable(rows []medalLine) string {
	var out []string
	for _, m := range rows {
		out = append(out, fmt.Sprintf("%s:%d:%d/%d/%d", m.OrganisationName, m.Rank, m.Gold, m.Silver, m.Bronze))
	}
	return strings.Join(out, " ")
}

func standingsPath(f judgingFixture) string {
	return fmt.Sprintf("/api/v1/contests/%d/standings", f.judgingContest.ID)
}

// standingsTree puts 清河电力 (enterprise C) under an industry union of the
// district (清河区机械工会), and
// makes a grassroots union under 清河区 with an organiser, who follows the
// district's contest; it returns that organiser.
func (s *server) standingsTree(f judgingFixture) account {
	s.t.Helper()
	a := s.admin()
	var industry, grassroots org
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "industry_union", "name": "清河区机械工会"}, &industry)
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "清河街道工会"}, &grassroots)
	var row model.Organisation
	if err := s.db.Take(&row, industry.ID).Error; err != nil {
		s.t.Fatal(err)
	}
	if err := s.db.Model(&model.Organisation{}).Where("id = ?", f.power.ID).
		Updates(map[string]any{"parent_id": industry.ID, "path": fmt.Sprintf("%s%d/", row.Path, f.power.ID)}).Error; err != nil {
		s.t.Fatal(err)
	}
	return s.newAccount(a, "org_qh_street", "organiser", grassroots.ID)
}

// computeFitter marks 钳工 and computes its results: a0 87 (A), c 79.5 (C), a1 63 (A).
func (s *server) computeFitter(f judgingFixture) {
	s.t.Helper()
	s.markFitter(f, map[string]float64{f.numbersA[0]: 80, f.numbersA[1]: 70, f.numberC: 90},
		map[string]float64{f.numbersA[0]: 90, f.numbersA[1]: 60, f.numberC: 70}, 80)
	s.login(f.organiser.Username, fixturePwd).must(200, "POST", resultsPath(f.fitter), nil, nil)
}

// TestStandings_TeamsEnterprisesAndMedalsFromTheDecodedResults: 钳工's
// teams are its enterprises' entrants, summed; an event counts only once
// computed and decoded (and, for all but the organisers, published); the
// enterprise ranking adds the events; the medal tables count the awards for
// the enterprises and the district and industry unions above them; each
// caller sees what is theirs to see; the team rule is the one the results
// were computed under.
func TestStandings_TeamsEnterprisesAndMedalsFromTheDecodedResults(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		follower := s.login(s.standingsTree(f).Username, fixturePwd)
		org := s.login(f.organiser.Username, fixturePwd)
		entA, entC := s.login(f.enterpriseAcc.Username, fixturePwd), s.login(f.powerAcc.Username, fixturePwd)
		get := func(c *client) contestStandings {
			t.Helper()
			var cs contestStandings
			c.must(200, "GET", standingsPath(f), nil, &cs)
			return cs
		}

		if cs := get(org); cs.teams("钳工") != "not_computed" || cs.teams("焊工") != "not_computed" || len(cs.Enterprises) != 0 || cs.Published {
			t.Errorf("before results: %+v", cs)
		}
		s.computeFitter(f)
		if cs := get(org); cs.teams("钳工") != "not_decoded" || len(cs.Medals) != 0 {
			t.Errorf("results not decoded count: %+v", cs)
		}
		org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
		s.resultsOfWelder(f) // 清河电力's welder is absent

		cs := get(org)
		checks := []struct{ what, got, want string }{
			{"钳工", cs.teams("钳工"), "清河机床:1:150:赵强、钱进 清河电力:2:79.5:孙立"},
			{"焊工", cs.teams("焊工"), "清河电力:0:0:"},
			{"ranking", cs.ranking(), "清河机床:1:150 清河电力:2:79.5"},
			{"medals", medalTable(cs.Medals), "清河机床:1:1/0/1 清河电力:2:0/1/0"},
			{"districts", medalTable(cs.Districts), "清河区总工会:1:1/1/1"},
			{"industries", medalTable(cs.Industries), "清河区机械工会:1:0/1/0"},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("the organiser's %s: %q, want %q", c.what, c.got, c.want)
			}
		}
		if cs.Published || cs.Events[0].Team.Method != "sum" || cs.Medals[0].Medals != 2 {
			t.Errorf("the organiser's standings: %+v", cs)
		}

		// Before public notice the others see nothing counted; a union that does not run or follow the contest, and judges, nothing at all.
		for _, c := range []*client{entA, follower} {
			if cs := get(c); !cs.Published || cs.teams("钳工") != "not_published" || len(cs.Enterprises) != 0 || len(cs.Medals) != 0 {
				t.Errorf("unpublished standings: %+v", cs)
			}
		}
		s.login(f.otherOrganiser.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", standingsPath(f), nil)
		s.login(f.chief.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", standingsPath(f), nil)

		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		cs = get(entA)
		if cs.teams("钳工") != "清河机床:1:150:赵强、钱进" || cs.ranking() != "清河机床:1:150" || medalTable(cs.Medals) != "清河机床:1:1/0/1" ||
			len(cs.Districts)+len(cs.Industries) != 0 {
			t.Errorf("enterprise A's own lines: %+v", cs)
		}
		cs = get(entC)
		if cs.teams("钳工") != "清河电力:2:79.5:孙立" || cs.teams("焊工") != "清河电力:0:0:" || cs.ranking() != "清河电力:2:79.5" {
			t.Errorf("enterprise C's own lines: %+v", cs)
		}
		cs = get(follower)
		if cs.teams("钳工") != "清河机床:1:150: 清河电力:2:79.5:" || cs.ranking() != "清河机床:1:150 清河电力:2:79.5" ||
			medalTable(cs.Districts) != "清河区总工会:1:1/1/1" {
			t.Errorf("the following union's standings (members of others' teams hidden): %+v", cs)
		}

		// The team rule as the results were computed under: best 1 of each enterprise.
		var ev model.Event
		if err := db.Take(&ev, f.fitter.ID).Error; err != nil {
			t.Fatal(err)
		}
		var rules map[string]any
		if err := json.Unmarshal([]byte(ev.Rules), &rules); err != nil {
			t.Fatal(err)
		}
		rules["team"] = map[string]any{"method": "best", "best": 1}
		raw, _ := json.Marshal(rules)
		db.Model(&model.Event{}).Where("id = ?", ev.ID).Update("rules", string(raw))
		db.Model(&model.EventRuleVersion{}).Where("event_id = ? AND rules_version = ?", ev.ID, ev.RulesVersion).Update("rules", string(raw))
		cs = get(org)
		if cs.teams("钳工") != "清河机床:1:87:赵强 清河电力:2:79.5:孙立" || cs.ranking() != "清河机床:1:87 清河电力:2:79.5" || cs.Events[0].Team.Best != 1 {
			t.Errorf("best 1: %s / %s", cs.teams("钳工"), cs.ranking())
		}
	})
}

// TestExport_ResultsStandingsAndMedalsReadBackCellByCell: the results
// workbook names entrants only once decoded and reads as the results do,
// cell by cell, with text that looks like a formula kept as text; the
// standings and medal tables read as the standings do.
func TestExport_ResultsStandingsAndMedalsReadBackCellByCell(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.standingsTree(f)
		org := s.login(f.organiser.Username, fixturePwd)
		results := map[string]any{"kind": "results", "event_id": f.fitter.ID}
		org.mustFail(409, "conflict", "", "POST", "/api/v1/exports", results)
		s.computeFitter(f)

		_, rows := org.export(results)
		if slices.Contains(rows[2], "姓名") || slices.Contains(rows[2], "单位") {
			t.Errorf("names before decoding: %q", rows[2])
		}
		for _, r := range rows {
			if slices.ContainsFunc(r, func(c string) bool { return strings.Contains(c, "赵强") || strings.Contains(c, "清河电力") }) {
				t.Errorf("an entrant named before decoding: %q", r)
			}
		}
		org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
		// An enterprise name as it was entered, beginning like a formula.
		db.Model(&model.Entrant{}).Where("id = ?", f.entrantC.EntrantID).Update("enterprise_name", "=HYPERLINK(\"http://x\",\"清河电力\")")

		job, rows := org.export(results)
		if job.FileName != "成绩表-钳工.xlsx" || rows[0][0] != "全区钳工焊工比武 钳工 成绩表" || rows[1][0] != "制表单位：清河区总工会" {
			t.Errorf("file %q, title %q, issuer %q", job.FileName, rows[0], rows[1])
		}
		wantHead := []string{"名次", "参赛号", "姓名", "单位", "各阶段成绩", "", "总分", "奖项", "称号", "备注"}
		if !slices.Equal(rows[2], wantHead) || !slices.Equal(rows[3][4:6], []string{"理论", "实操"}) {
			t.Errorf("header %q / %q", rows[2], rows[3])
		}
		var state eventResults
		org.must(200, "GET", resultsPath(f.fitter), nil, &state)
		awards := map[string]string{"first": "一等奖", "second": "二等奖", "third": "三等奖", "": ""}
		if len(rows) != 4+len(state.Current.Lines) {
			t.Fatalf("%d rows for %d lines", len(rows)-4, len(state.Current.Lines))
		}
		stages := map[uint][]float64{}
		var full resultsWithStages
		org.must(200, "GET", resultsPath(f.fitter, "/versions/1"), nil, &full)
		for _, l := range full.Lines {
			for _, st := range l.Stages {
				stages[l.EntrantID] = append(stages[l.EntrantID], st.Score)
			}
		}
		for i, l := range state.Current.Lines {
			want := []string{fmt.Sprint(l.Rank), l.DrawNumber, l.Name, l.EnterpriseName, fmt.Sprintf("%.2f", stages[l.EntrantID][0]),
				fmt.Sprintf("%.2f", stages[l.EntrantID][1]), fmt.Sprintf("%.2f", l.Total), awards[l.Award]}
			if got := rows[4+i]; len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
				t.Errorf("row %d: %q, want %q", i, got, want)
			}
		}
		if got := rows[4]; !slices.Equal(got[:8], []string{"1", f.numbersA[0], "赵强", "清河机床", "80.00", "90.00", "87.00", "一等奖"}) {
			t.Errorf("first row %q", got)
		}
		if got := rows[5][3]; got != "=HYPERLINK(\"http://x\",\"清河电力\")" {
			t.Errorf("the formula-like name reads %q", got)
		}
		// The chief judge reads the results, and so exports them; an enterprise does neither.
		s.login(f.chief.Username, fixturePwd).export(results)
		s.login(f.enterpriseAcc.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", "/api/v1/exports", results)

		s.resultsOfWelder(f)
		job, rows = org.export(map[string]any{"kind": "standings", "contest_id": f.judgingContest.ID})
		if job.FileName != "团体排名-全区钳工焊工比武.xlsx" || rows[0][0] != "全区钳工焊工比武 团体总分排名" {
			t.Errorf("file %q, title %q", job.FileName, rows[0])
		}
		pad := func(r []string, n int) []string { return append(r, make([]string, max(0, n-len(r)))...) }
		for i, want := range [][]string{
			{"名次", "单位", "钳工", "", "焊工", "", "团体总分"},
			{"", "", "团体总分", "名次", "团体总分", "名次", ""},
			{"1", "清河机床", "150.00", "1", "", "", "150.00"},
			{"2", "清河电力", "79.50", "2", "", "", "79.50"},
		} {
			if got := pad(rows[2+i], 7); !slices.Equal(got, want) {
				t.Errorf("standings row %d: %q, want %q", 3+i, got, want)
			}
		}
		job, rows = org.export(map[string]any{"kind": "medals", "contest_id": f.judgingContest.ID})
		if job.FileName != "奖牌榜-全区钳工焊工比武.xlsx" || len(rows) != 7 {
			t.Errorf("file %q, rows %q", job.FileName, rows)
		}
		for i, want := range [][]string{
			{"类别", "名次", "单位", "一等奖", "二等奖", "三等奖", "合计"},
			{"企业", "1", "清河机床", "1", "0", "1", "2"},
			{"企业", "2", "清河电力", "0", "1", "0", "1"},
			{"区县工会", "1", "清河区总工会", "1", "1", "1", "3"},
			{"产业工会", "1", "清河区机械工会", "0", "1", "0", "1"},
		} {
			if i+2 < len(rows) && !slices.Equal(rows[2+i], want) {
				t.Errorf("medals row %d: %q, want %q", 3+i, rows[2+i], want)
			}
		}
		// An enterprise exports its own line, once published.
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		_, rows = s.login(f.enterpriseAcc.Username, fixturePwd).export(map[string]any{"kind": "medals", "contest_id": f.judgingContest.ID})
		if len(rows) != 4 || !slices.Equal(rows[3], []string{"企业", "1", "清河机床", "1", "0", "1", "2"}) {
			t.Errorf("enterprise A's medal table: %q", rows)
		}
	})
}

type resultsWithStages struct {
	Lines []struct {
		EntrantID uint `json:"entrant_id"`
		Stages    []struct {
			Score float64 `json:"score"`
		} `json:"stages"`
	} `json:"lines"`
}
