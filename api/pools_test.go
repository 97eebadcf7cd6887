package api_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

type talentRow struct {
	Name           string   `json:"name"`
	EnterpriseName string   `json:"enterprise_name"`
	Trade          string   `json:"trade"`
	ContestName    string   `json:"contest_name"`
	EventName      string   `json:"event_name"`
	Year           int      `json:"year"`
	Award          string   `json:"award"`
	Rank           int      `json:"rank"`
	Titles         []string `json:"titles"`
}

type talentPage struct {
	Items []talentRow `json:"items"`
	Total int64       `json:"total"`
}

type expertPage struct {
	Items []struct {
		Name   string   `json:"name"`
		Trades []string `json:"trades"`
		Duties []struct {
			ContestName string `json:"contest_name"`
			EventName   string `json:"event_name"`
			Duty        string `json:"duty"`
		} `json:"duties"`
	} `json:"items"`
	Total int64 `json:"total"`
}

type certificate struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	EnterpriseName string `json:"enterprise_name"`
	ContestName    string `json:"contest_name"`
	EventName      string `json:"event_name"`
	Award          string `json:"award"`
	AwardedAt      string `json:"awarded_at"`
}

// finalFitter takes judgingFixture's contest to final: 钳工 ranks 赵强
// (enterprise A) first, 孙立 (清河电力) second and 钱进 (enterprise A) third;
// 焊工's only entrant was absent. check runs at public notice, before final.
func (s *server) finalFitter(f judgingFixture, check func()) {
	s.t.Helper()
	org := s.login(f.organiser.Username, fixturePwd)
	a0, a1, c := f.numbersA[0], f.numbersA[1], f.numberC
	s.markFitter(f, map[string]float64{a0: 80, a1: 70, c: 90}, map[string]float64{a0: 90, a1: 60, c: 70}, 80)
	org.must(200, "POST", resultsPath(f.fitter), nil, nil)
	org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
	// Without a notice period, the results may be made final once published.
	org.must(200, "PUT", fmt.Sprintf("/api/v1/contests/%d/notice", f.judgingContest.ID), map[string]any{"notice_workdays": 0, "appeal_hours": 0}, nil)
	steps := fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID)
	org.must(200, "POST", steps, map[string]any{"to": "public_notice"}, nil)
	s.resultsOfWelder(f)
	check()
	org.must(200, "POST", steps, map[string]any{"to": "final"}, nil)
}

func talentNames(p talentPage) []string {
	var out []string
	for _, r := range p.Items {
		out = append(out, r.Name)
	}
	slices.Sort(out)
	return out
}

// TestPools_FilledByFinalResultsSeenDownTheTree: nothing enters a pool
// before the contest is final; then the winners are in the talent pool,
// seen by the unions above their enterprise and by their own enterprise
// only, searched and filtered; the judges are in the expert pool, which
// union staff see and enterprises do not.
func TestPools_FilledByFinalResultsSeenDownTheTree(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		a := s.admin()
		s.finalFitter(f, func() {
			var p talentPage
			a.must(200, "GET", "/api/v1/pools/talents", nil, &p)
			var e expertPage
			a.must(200, "GET", "/api/v1/pools/experts", nil, &e)
			if p.Total != 0 || e.Total != 0 {
				t.Errorf("pools filled before the contest is final: %+v %+v", p, e)
			}
		})

		var all talentPage
		a.must(200, "GET", "/api/v1/pools/talents", nil, &all)
		if got := talentNames(all); !slices.Equal(got, []string{"孙立", "赵强", "钱进"}) || all.Total != 3 {
			t.Fatalf("talent pool: %+v", all)
		}
		year := s.now.Year()
		for _, r := range all.Items {
			if r.Trade != "钳工" || r.ContestName != "全区钳工焊工比武" || r.EventName != "钳工" || r.Year != year {
				t.Errorf("talent: %+v", r)
			}
			if want := map[string]string{"赵强": "first", "孙立": "second", "钱进": "third"}[r.Name]; r.Award != want {
				t.Errorf("%s won %s, want %s", r.Name, r.Award, want)
			}
		}

		// Down the tree: the district union above both enterprises sees all
		// three, the other district none; each enterprise its own.
		for _, tc := range []struct {
			who  *client
			want []string
		}{
			{s.login(f.organiser.Username, fixturePwd), []string{"孙立", "赵强", "钱进"}},
			{s.login(f.otherOrganiser.Username, fixturePwd), nil},
			{s.login(f.enterpriseAcc.Username, fixturePwd), []string{"赵强", "钱进"}},
			{s.login(f.powerAcc.Username, fixturePwd), []string{"孙立"}},
			{s.login(f.otherEnterpriseAcc.Username, fixturePwd), nil},
		} {
			var p talentPage
			tc.who.must(200, "GET", "/api/v1/pools/talents", nil, &p)
			if got := talentNames(p); !slices.Equal(got, tc.want) || p.Total != int64(len(tc.want)) {
				t.Errorf("talent pool seen: %q (total %d), want %q", got, p.Total, tc.want)
			}
		}
		s.login(f.judge.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", "/api/v1/pools/talents", nil)

		// Search and filters.
		for _, tc := range []struct {
			query string
			want  []string
		}{
			{"q=" + url.QueryEscape("赵"), []string{"赵强"}},
			{"award=second", []string{"孙立"}},
			{"trade=" + url.QueryEscape("钳工"), []string{"孙立", "赵强", "钱进"}},
			{"trade=" + url.QueryEscape("钳"), []string{"孙立", "赵强", "钱进"}},
			{"trade=" + url.QueryEscape("焊"), nil},
			{"trade=" + url.QueryEscape("焊工"), nil},
			{fmt.Sprintf("year=%d", year), []string{"孙立", "赵强", "钱进"}},
			{"year=2001", nil},
			{fmt.Sprintf("union_id=%d", f.district.ID), []string{"孙立", "赵强", "钱进"}},
			{fmt.Sprintf("union_id=%d", f.otherDistrict.ID), nil},
			{fmt.Sprintf("union_id=%d&award=third", f.district.ID), []string{"钱进"}},
		} {
			var p talentPage
			a.must(200, "GET", "/api/v1/pools/talents?"+tc.query, nil, &p)
			if got := talentNames(p); !slices.Equal(got, tc.want) {
				t.Errorf("talents ?%s: %q, want %q", tc.query, got, tc.want)
			}
		}
		var page talentPage
		a.must(200, "GET", "/api/v1/pools/talents?page=2&page_size=2", nil, &page)
		if page.Total != 3 || len(page.Items) != 1 {
			t.Errorf("second page of two: %+v", page)
		}
		// The export: the pool as the list shows it to the caller, with its filter.
		_, rows := s.login(f.organiser.Username, fixturePwd).export(map[string]any{"kind": "talents", "filter": map[string]any{"award": "first"}})
		if names := column(t, rows, 3, "姓名"); !slices.Equal(names, []string{"赵强"}) {
			t.Errorf("the organiser's export of first prizes names %q", names)
		}
		if awards := column(t, rows, 3, "奖项"); !slices.Equal(awards, []string{"一等奖"}) {
			t.Errorf("awards in the export: %q", awards)
		}
		_, rows = s.login(f.powerAcc.Username, fixturePwd).export(map[string]any{"kind": "talents"})
		if names := column(t, rows, 3, "姓名"); !slices.Equal(names, []string{"孙立"}) {
			t.Errorf("an enterprise's export names %q, not only its own worker", names)
		}
		s.login(f.judge.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", "/api/v1/exports", map[string]any{"kind": "talents"})
		a.mustFail(422, "validation_failed", "award", "POST", "/api/v1/exports", map[string]any{"kind": "talents", "filter": map[string]any{"award": "gold"}})

		a.mustFail(422, "validation_failed", "award", "GET", "/api/v1/pools/talents?award=gold", nil)
		a.mustFail(422, "validation_failed", "union_id", "GET", "/api/v1/pools/talents?union_id=999999", nil)

		// Experts: the judges of both events, for union staff.
		var experts expertPage
		s.login(f.otherOrganiser.Username, fixturePwd).must(200, "GET", "/api/v1/pools/experts", nil, &experts)
		var names []string
		for _, e := range experts.Items {
			names = append(names, e.Name)
		}
		slices.Sort(names)
		if experts.Total != 4 || !slices.Equal(names, []string{"judge_a", "judge_chief", "judge_recused", "judge_welder"}) {
			t.Errorf("expert pool: %+v", experts)
		}
		a.must(200, "GET", "/api/v1/pools/experts?trade="+url.QueryEscape("焊工"), nil, &experts)
		if experts.Total != 1 || experts.Items[0].Name != "judge_welder" || !slices.Equal(experts.Items[0].Trades, []string{"焊工"}) {
			t.Errorf("experts of 焊工: %+v", experts)
		}
		// By a part of the name, from its middle, in either case, or of the trade.
		for _, query := range []string{"q=welde", "q=GE_WELDER", "trade=" + url.QueryEscape("焊")} {
			a.must(200, "GET", "/api/v1/pools/experts?"+query, nil, &experts)
			if experts.Total != 1 || experts.Items[0].Name != "judge_welder" {
				t.Errorf("experts ?%s: %+v", query, experts)
			}
		}
		for _, who := range []string{f.enterpriseAcc.Username, f.judge.Username} {
			s.login(who, fixturePwd).mustFail(403, "forbidden", "", "GET", "/api/v1/pools/experts", nil)
		}
	})
}

// TestCertificates_PrintedByOrganisersVerifiedByAnyone: an event's
// certificates wait for final results and are its organisers'; each code
// verifies without an account and never shows an ID number; an unknown
// code says so.
func TestCertificates_PrintedByOrganisersVerifiedByAnyone(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		certs := fmt.Sprintf("/api/v1/events/%d/certificates", f.fitter.ID)
		s.finalFitter(f, func() {
			org.mustFail(409, "results_not_final", "", "GET", certs, nil)
		})
		var list []certificate
		org.must(200, "GET", certs, nil, &list)
		if len(list) != 3 || list[0].Name != "赵强" || list[0].Award != "first" || list[2].Name != "钱进" {
			t.Fatalf("certificates: %+v", list)
		}
		for _, who := range []string{f.enterpriseAcc.Username, f.otherOrganiser.Username, f.chief.Username} {
			s.login(who, fixturePwd).mustFail(403, "forbidden", "", "GET", certs, nil)
		}
		anyone := s.anonymous()
		seen := map[string]bool{}
		for _, c := range list {
			if len(c.Code) < 26 || seen[c.Code] {
				t.Errorf("certificate code %q is short or repeated", c.Code)
			}
			seen[c.Code] = true
			res := anyone.do("GET", "/api/v1/public/certificates/"+c.Code, nil)
			if res.Code != 200 {
				t.Fatalf("verify %s: %d %s", c.Code, res.Code, res.Body)
			}
			raw := res.Body.String()
			// The ID numbers of the fixture's workers all start 110105198001010.
			if strings.Contains(raw, "110105") || strings.Contains(raw, "id_number") {
				t.Errorf("a public certificate shows an ID number: %s", raw)
			}
			for _, want := range []string{c.Name, c.EnterpriseName, "全区钳工焊工比武", "钳工", c.Award, c.AwardedAt} {
				if !strings.Contains(raw, want) {
					t.Errorf("certificate %s lacks %q: %s", c.Code, want, raw)
				}
			}
		}
		var same certificate
		anyone.must(200, "GET", "/api/v1/public/certificates/"+strings.ToLower(list[0].Code), nil, &same)
		if same.Code != list[0].Code {
			t.Errorf("a code read back in lower case: %+v", same)
		}
		for _, code := range []string{"AAAAAAAAAAAAAAAAAAAAAAAAAA", list[0].Code[:25], strings.Repeat("A", 300)} {
			anyone.mustFail(404, "certificate_unknown", "", "GET", "/api/v1/public/certificates/"+code, nil)
		}
		res := s.admin().do("GET", "/api/v1/pools/talents", nil)
		if strings.Contains(res.Body.String(), "110105") {
			t.Errorf("the talent pool shows an ID number: %s", res.Body)
		}
	})
}
