package api_test

import (
	"fmt"
	"testing"

	"leitai/model"
)

// appealsFixture is judgingFixture with 钳工's results computed, decoded and
// published: the contest is in public notice from s.now (a Tuesday,
// 2026-11-24), for 5 working days; 焊工's results are in too, so that only
// the notice and the appeals hold the final step back. spare is named to
// the arbitration panel; reserve and the chief judge are not on it.
// Enterprise A has appealed for its second entrant (appeal).
type appealsFixture struct {
	judgingFixture
	arbitrator, nonMember account
	// arbitratorID is spare's place on the panel.
	arbitratorID uint
	// entrantA0, entrantA1 and entrantC are the entrants of 钳工 of draw
	// numbers numbersA[0], numbersA[1] and numberC.
	entrantA0, entrantA1, entrantC uint
	appeal                         appealView
	// veto, in the access table only, is a veto recorded on the database
	// against enterprise C's entrant.
	veto uint
}

type appealView struct {
	ID            uint    `json:"id"`
	EntrantID     uint    `json:"entrant_id"`
	EntrantName   string  `json:"entrant_name"`
	ResultVersion int     `json:"result_version"`
	Status        string  `json:"status"`
	Reason        string  `json:"reason"`
	Review        *string `json:"review"`
	RulingText    *string `json:"ruling_text"`
	Result        *struct {
		Rank  int     `json:"rank"`
		Total float64 `json:"total"`
	} `json:"result"`
}

type appealList struct {
	Items   []appealView `json:"items"`
	MayRule bool         `json:"may_rule"`
}

type appealable struct {
	EntrantID      uint    `json:"entrant_id"`
	EntrantName    string  `json:"entrant_name"`
	ResultVersion  int     `json:"result_version"`
	Rank           int     `json:"rank"`
	Total          float64 `json:"total"`
	WindowClosesAt *string `json:"window_closes_at"`
	MayAppeal      bool    `json:"may_appeal"`
	Refusal        string  `json:"refusal"`
}

type noticeView struct {
	Status          string  `json:"status"`
	NoticeWorkdays  int     `json:"notice_workdays"`
	AppealHours     int     `json:"appeal_hours"`
	NoticeStartedAt *string `json:"notice_started_at"`
	NoticeEndsOn    *string `json:"notice_ends_on"`
	Version         int     `json:"version"`
}

// entrantOf finds the entrant of an event with a draw number.
func (s *server) entrantOf(ev event, number string) uint {
	s.t.Helper()
	var e model.Entrant
	if err := s.db.Where("event_id = ? AND draw_number = ?", ev.ID, number).Take(&e).Error; err != nil {
		s.t.Fatal(err)
	}
	return e.ID
}

func stepsPath(ct contest) string { return fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID) }

func appealsPath(ct contest, tail ...string) string {
	p := fmt.Sprintf("/api/v1/contests/%d/appeals", ct.ID)
	for _, t := range tail {
		p += t
	}
	return p
}

// computedFitter marks 钳工 (a0 87 first, c 79.5 second, a1 63 third),
// computes and decodes its results, and 焊工's.
func (s *server) computedFitter(f judgingFixture) {
	s.t.Helper()
	a0, a1, c := f.numbersA[0], f.numbersA[1], f.numberC
	s.markFitter(f, map[string]float64{a0: 80, a1: 70, c: 90}, map[string]float64{a0: 90, a1: 60, c: 70}, 80)
	org := s.login(f.organiser.Username, fixturePwd)
	org.must(200, "POST", resultsPath(f.fitter), nil, nil)
	org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
	s.resultsOfWelder(f)
}

func (s *server) appealsFixture(t *testing.T) appealsFixture {
	t.Helper()
	f := appealsFixture{judgingFixture: s.judgingFixture()}
	f.arbitrator, f.nonMember = f.spare, f.reserve
	f.entrantA0, f.entrantA1, f.entrantC = s.entrantOf(f.fitter, f.numbersA[0]), s.entrantOf(f.fitter, f.numbersA[1]), s.entrantOf(f.fitter, f.numberC)
	s.computedFitter(f.judgingFixture)
	org := s.login(f.organiser.Username, fixturePwd)
	var arb struct {
		ID uint `json:"id"`
	}
	org.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/arbitrators", f.judgingContest.ID), map[string]any{"account_id": f.arbitrator.ID}, &arb)
	f.arbitratorID = arb.ID
	org.must(200, "POST", stepsPath(f.judgingContest), map[string]any{"to": "public_notice"}, nil)
	s.login(f.enterpriseAcc.Username, fixturePwd).must(201, "POST", fmt.Sprintf("/api/v1/entrants/%d/appeals", f.entrantA1),
		map[string]any{"reason": "理论成绩登分有误，请复核"}, &f.appeal)
	return f
}
