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

type resultEntry struct {
	EntrantID      uint   `json:"entrant_id"`
	WorkCode       string `json:"work_code"`
	DrawNumber     string `json:"draw_number"`
	Name           string `json:"name"`
	EnterpriseName string `json:"enterprise_name"`
}

type standing struct {
	Status string  `json:"status"`
	Total  float64 `json:"total"`
	Rank   int     `json:"rank"`
	Award  string  `json:"award"`
}

type resultVersion struct {
	Version      int        `json:"version"`
	RulesVersion int        `json:"rules_version"`
	PublishedAt  *string    `json:"published_at"`
	FinalAt      *string    `json:"final_at"`
	Field        int        `json:"field"`
	Lines        []resultLn `json:"lines"`
	Changes      []struct {
		resultEntry
		Before *standing `json:"before"`
		After  *standing `json:"after"`
	} `json:"changes"`
}

type resultLn struct {
	resultEntry
	standing
	Notes []string `json:"notes"`
}

type eventResults struct {
	Stages []struct {
		Code      string `json:"code"`
		SignedOff bool   `json:"signed_off"`
	} `json:"stages"`
	Decoding struct {
		WorkCodes *bool `json:"work_codes"`
		Names     bool  `json:"names"`
	} `json:"decoding"`
	Versions   []resultVersion `json:"versions"`
	Current    *resultVersion  `json:"current"`
	MayCompute bool            `json:"may_compute"`
	MayDecode  bool            `json:"may_decode"`
}

func resultsPath(ev event, tail ...string) string {
	return fmt.Sprintf("/api/v1/events/%d/results", ev.ID) + strings.Join(tail, "")
}

// byNumber finds the line of a draw number.
func (v resultVersion) byNumber(t *testing.T, number string) resultLn {
	t.Helper()
	i := slices.IndexFunc(v.Lines, func(l resultLn) bool { return l.DrawNumber == number })
	if i < 0 {
		t.Fatalf("no line of %s in %+v", number, v.Lines)
	}
	return v.Lines[i]
}

// markFitter has 钳工's judges mark both stages: theory by judge, the
// practical stage by judge and (for enterprise C's number only) the
// recused judge; then everyone submits and the chief judge signs off.
func (s *server) markFitter(f judgingFixture, theory, practical map[string]float64, recusedC float64) {
	s.t.Helper()
	for number, p := range theory {
		s.markAs(f.judge, f.fitter, "theory", number, "T1", p)
	}
	for number, p := range practical {
		s.markAs(f.judge, f.fitter, "practical", number, "P1", p)
	}
	s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", recusedC)
	chief := s.login(f.chief.Username, fixturePwd)
	for _, st := range []struct {
		stage  string
		judges []account
	}{{"theory", []account{f.judge}}, {"practical", []account{f.judge, f.recused}}} {
		for _, j := range st.judges {
			sh := s.sheetOf(j, f.fitter, st.stage)
			s.login(j.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, st.stage, "/submit"), map[string]any{"version": sh.Version}, nil)
		}
		chief.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/%s/sign-off", f.fitter.ID, st.stage), nil, nil)
	}
}

// TestResults_ComputedAfterSignOffDecodedLayerByLayerVersionedAndFrozen
// follows one event from sign-off to final results: results wait for every
// stage's sign-off, name entrants by draw number until decoded, a
// correction makes a second version that says what changed, and once final
// nothing changes.
func TestResults_ComputedAfterSignOffDecodedLayerByLayerVersionedAndFrozen(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org, chief := s.login(f.organiser.Username, fixturePwd), s.login(f.chief.Username, fixturePwd)
		a0, a1, c := f.numbersA[0], f.numbersA[1], f.numberC

		org.mustFail(409, "results_not_signed_off", "", "POST", resultsPath(f.fitter), nil)
		// Totals at 30 % theory and 70 % practical: a0 24 + 63 = 87, c 27 + 52.5 (the mean of 70 and 80) = 79.5, a1 21 + 42 = 63.
		s.markFitter(f, map[string]float64{a0: 80, a1: 70, c: 90}, map[string]float64{a0: 90, a1: 60, c: 70}, 80)

		var state eventResults
		chief.must(200, "GET", resultsPath(f.fitter), nil, &state)
		if state.MayCompute || state.Current != nil || !state.Stages[0].SignedOff || !state.Stages[1].SignedOff {
			t.Errorf("the chief judge's view before computing: %+v", state)
		}
		chief.mustFail(403, "forbidden", "", "POST", resultsPath(f.fitter), nil)
		var v1 resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &v1)
		if v1.Version != 1 || v1.Field != 3 || len(v1.Changes) != 0 {
			t.Errorf("first version: %+v", v1)
		}
		for _, want := range []struct {
			number string
			total  float64
			rank   int
			award  string
		}{{a0, 87, 1, "first"}, {c, 79.5, 2, "second"}, {a1, 63, 3, "third"}} {
			l := v1.byNumber(t, want.number)
			if l.Total != want.total || l.Rank != want.rank || l.Award != want.award || l.Name != "" || l.EnterpriseName != "" {
				t.Errorf("%s: %+v, want %+v", want.number, l, want)
			}
		}
		// Computing again with nothing changed gives the same version.
		var again resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &again)
		if again.Version != 1 {
			t.Errorf("computing again made version %d", again.Version)
		}

		// Decoding: no stage is encrypted, so one layer, draw numbers to names, audited, once.
		var dec struct {
			WorkCodes *bool `json:"work_codes"`
			Names     bool  `json:"names"`
		}
		chief.mustFail(403, "forbidden", "", "POST", resultsPath(f.fitter, "/decode"), nil)
		org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, &dec)
		if dec.WorkCodes != nil || !dec.Names {
			t.Errorf("decoding: %+v", dec)
		}
		org.mustFail(409, "conflict", "", "POST", resultsPath(f.fitter, "/decode"), nil)
		org.must(200, "GET", resultsPath(f.fitter), nil, &state)
		if l := state.Current.byNumber(t, a0); l.Name != "赵强" || l.EnterpriseName != "清河机床" {
			t.Errorf("decoded line: %+v", l)
		}
		var audit model.AuditEntry
		if err := db.Where("action = ?", "results.decode_names").Take(&audit).Error; err != nil {
			t.Errorf("decoding is not audited: %v", err)
		}

		// A correction: the organiser reopens theory, the chief judge the
		// judge's sheet, c's theory becomes 20: c 6 + 52.5 = 58.5 falls to third.
		org.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/theory/reopen", f.fitter.ID), map[string]any{"reason": "登分错误"}, nil)
		chief.must(204, "POST", sheetPath(f.fitter, "theory", "/reopen"), map[string]any{"judge_id": f.judge.ID, "reason": "登分错误"}, nil)
		org.mustFail(409, "results_not_signed_off", "", "POST", resultsPath(f.fitter), nil)
		s.markAs(f.judge, f.fitter, "theory", c, "T1", 20)
		sh := s.sheetOf(f.judge, f.fitter, "theory")
		s.login(f.judge.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "theory", "/submit"), map[string]any{"version": sh.Version}, nil)
		chief.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/theory/sign-off", f.fitter.ID), nil, nil)
		var v2 resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &v2)
		if v2.Version != 2 || len(v2.Changes) != 2 {
			t.Fatalf("second version: %+v", v2)
		}
		for _, ch := range v2.Changes {
			switch ch.DrawNumber {
			case c:
				if *ch.Before != (standing{"ranked", 79.5, 2, "second"}) || *ch.After != (standing{"ranked", 58.5, 3, "third"}) || ch.Name != "孙立" {
					t.Errorf("c's change: %+v %+v %+v", ch.resultEntry, ch.Before, ch.After)
				}
			case a1:
				if ch.Before.Rank != 3 || ch.After.Rank != 2 || ch.After.Award != "second" {
					t.Errorf("a1's change: %+v %+v", ch.Before, ch.After)
				}
			default:
				t.Errorf("a change of %s, which did not change", ch.DrawNumber)
			}
		}
		// Version 1 reads as it was.
		var old resultVersion
		org.must(200, "GET", resultsPath(f.fitter, "/versions/1"), nil, &old)
		if old.byNumber(t, c).Total != 79.5 {
			t.Errorf("version 1 changed under its readers: %+v", old.byNumber(t, c))
		}
		org.mustFail(404, "not_found", "", "GET", resultsPath(f.fitter, "/versions/3"), nil)

		// Publication and final: 焊工's entrant has no results, so it holds the final step up.
		steps := fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID)
		org.must(200, "POST", steps, map[string]any{"to": "public_notice"}, nil)
		org.must(200, "GET", resultsPath(f.fitter), nil, &state)
		if state.Versions[0].PublishedAt == nil || state.Versions[0].FinalAt != nil || state.Versions[1].PublishedAt != nil {
			t.Errorf("published versions: %+v", state.Versions)
		}
		org.mustFail(409, "results_not_ready", "", "POST", steps, map[string]any{"to": "final"})
		s.resultsOfWelder(f)
		// After the public notice's 5 working days.
		s.now = s.now.AddDate(0, 0, 8)
		org = s.login(f.organiser.Username, fixturePwd)
		org.must(200, "POST", steps, map[string]any{"to": "final"}, nil)
		org.must(200, "GET", resultsPath(f.fitter), nil, &state)
		if state.Current.FinalAt == nil || state.MayCompute || state.MayDecode {
			t.Errorf("final results: %+v", state)
		}
		s.expectFrozen(t, f)
	})
}

// resultsOfWelder computes and decodes 焊工's results during public notice;
// its stage is signed off while the contest judged, in judgingFixture's
// state there is nothing to mark, so it is done on the database.
func (s *server) resultsOfWelder(f judgingFixture) {
	s.t.Helper()
	var e model.Entrant
	if err := s.db.Where("event_id = ?", f.welder.ID).Take(&e).Error; err != nil {
		s.t.Fatal(err)
	}
	if err := s.db.Model(&model.Entrant{}).Where("id = ?", e.ID).Update("attendance", "absent").Error; err != nil {
		s.t.Fatal(err)
	}
	if err := s.db.Create(&model.StageSignoff{EventID: f.welder.ID, Stage: "theory", SignedBy: f.chief.ID, SignedAt: s.now}).Error; err != nil {
		s.t.Fatal(err)
	}
	if err := s.db.Create(&model.StageSignoff{EventID: f.welder.ID, Stage: "practical", SignedBy: f.chief.ID, SignedAt: s.now}).Error; err != nil {
		s.t.Fatal(err)
	}
	org := s.login(f.organiser.Username, fixturePwd)
	org.must(200, "POST", resultsPath(f.welder), nil, nil)
	org.must(200, "POST", resultsPath(f.welder, "/decode"), nil, nil)
}

// expectFrozen tries every kind of change once results are final: each
// answers 409 contest_final and changes nothing.
func (s *server) expectFrozen(t *testing.T, f judgingFixture) {
	t.Helper()
	org, chief := s.login(f.organiser.Username, fixturePwd), s.login(f.chief.Username, fixturePwd)
	entA := s.login(f.enterpriseAcc.Username, fixturePwd)
	var ev event
	org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d", f.fitter.ID), nil, &ev)
	audited := s.auditEntries()
	var snapshots, marks int64
	count := func() (int64, int64) {
		var n, m int64
		s.db.Model(&model.ResultSnapshot{}).Count(&n)
		s.db.Model(&model.Mark{}).Count(&m)
		return n, m
	}
	snapshots, marks = count()
	for _, tc := range []struct {
		kind string
		who  *client
		do   func(c *client) *apiError
	}{
		{"a mark", s.login(f.judge.Username, fixturePwd), func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "PUT", sheetPath(f.fitter, "theory", "/marks"), mark(f.numberC, "T1", 99, 0))
			return &e
		}},
		{"an entry", entA, func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "POST", fmt.Sprintf("/api/v1/events/%d/entrants", f.fitter.ID), worker("周新", idNumber("11010519800101051"), "male"))
			return &e
		}},
		{"an attendance", org, func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", f.entrantC.EntrantID),
				map[string]any{"attendance": "absent", "version": f.entrantC.Version})
			return &e
		}},
		{"a rule", org, func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "PATCH", fmt.Sprintf("/api/v1/events/%d", f.fitter.ID), map[string]any{"version": ev.Version, "rules": ev.Rules})
			return &e
		}},
		{"a result", org, func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "POST", resultsPath(f.fitter), nil)
			return &e
		}},
		{"a tie decision", chief, func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "POST", resultsPath(f.fitter, "/decisions"), map[string]any{"entrants": []uint{1, 2}, "reason": "裁定"})
			return &e
		}},
		{"a stage's sign-off", org, func(c *client) *apiError {
			e := c.mustFail(409, "contest_final", "", "POST", fmt.Sprintf("/api/v1/events/%d/stages/theory/reopen", f.fitter.ID), map[string]any{"reason": "复核"})
			return &e
		}},
	} {
		tc.do(tc.who)
	}
	if n, m := count(); n != snapshots || m != marks || s.auditEntries() != audited {
		t.Errorf("a frozen contest changed: snapshots %d → %d, marks %d → %d", snapshots, n, marks, m)
	}
	var raw json.RawMessage
	org.must(200, "GET", resultsPath(f.fitter), nil, &raw)
}

// TestResults_ATieOnAPrizePlaceWaitsForTheChiefJudgesDecision: 钳工 forbids
// shared prize places; a0 and c are equal in everything the tie-break chain
// compares, so results wait until the chief judge orders them, with a
// reason that is audited.
func TestResults_ATieOnAPrizePlaceWaitsForTheChiefJudgesDecision(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		// The rule is set on the stored rules: the fixture's contest is past the draft by now.
		var ev model.Event
		if err := db.Take(&ev, f.fitter.ID).Error; err != nil {
			t.Fatal(err)
		}
		rules := strings.Replace(ev.Rules, `"shared_top":true`, `"shared_top":true,"no_shared_medals":true`, 1)
		if err := db.Model(&model.Event{}).Where("id = ?", ev.ID).Update("rules", rules).Error; err != nil {
			t.Fatal(err)
		}
		org, chief := s.login(f.organiser.Username, fixturePwd), s.login(f.chief.Username, fixturePwd)
		a0, a1, c := f.numbersA[0], f.numbersA[1], f.numberC
		s.markFitter(f, map[string]float64{a0: 80, a1: 50, c: 80}, map[string]float64{a0: 80, a1: 50, c: 75}, 85)

		org.mustFail(409, "results_tied", "", "POST", resultsPath(f.fitter), nil)
		var ties []struct {
			Place    int           `json:"place"`
			Entrants []resultEntry `json:"entrants"`
		}
		chief.must(200, "GET", resultsPath(f.fitter, "/ties"), nil, &ties)
		if len(ties) != 1 || ties[0].Place != 1 || len(ties[0].Entrants) != 2 {
			t.Fatalf("ties: %+v", ties)
		}
		ids := map[string]uint{}
		for _, e := range ties[0].Entrants {
			ids[e.DrawNumber] = e.EntrantID
		}
		decisions := resultsPath(f.fitter, "/decisions")
		org.mustFail(403, "forbidden", "", "POST", decisions, map[string]any{"entrants": []uint{ids[c], ids[a0]}, "reason": "加赛"})
		chief.mustFail(422, "validation_failed", "entrants", "POST", decisions, map[string]any{"entrants": []uint{ids[c], ids[c]}, "reason": "加赛"})
		chief.mustFail(422, "validation_failed", "reason", "POST", decisions, map[string]any{"entrants": []uint{ids[c], ids[a0]}, "reason": " "})
		chief.must(204, "POST", decisions, map[string]any{"entrants": []uint{ids[c], ids[a0]}, "reason": "加赛一题，用时更短"}, nil)
		var audit model.AuditEntry
		if err := db.Where("action = ?", "results.decide_tie").Take(&audit).Error; err != nil || audit.Reason != "加赛一题，用时更短" {
			t.Errorf("the decision is not audited with its reason: %+v %v", audit, err)
		}
		chief.must(200, "GET", resultsPath(f.fitter, "/ties"), nil, &ties)
		if len(ties) != 0 {
			t.Errorf("a decided tie is still waiting: %+v", ties)
		}
		var v resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &v)
		lc, la := v.byNumber(t, c), v.byNumber(t, a0)
		if lc.Rank != 1 || lc.Award != "first" || la.Rank != 2 || len(lc.Notes) == 0 || !strings.Contains(lc.Notes[0], "裁") {
			t.Errorf("after the decision: %+v / %+v", lc, la)
		}
	})
}
