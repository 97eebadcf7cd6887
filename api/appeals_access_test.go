package api_test

import (
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// appellant is who a publication request comes from: the columns of
// appealCases. enterprise is enterprise A, whose entrants appeal; entC is
// enterprise C (清河电力), which enters the same event; outsider is district
// B's enterprise; arbitrator is on the contest's arbitration panel;
// nonMember is a judge of the district on no panel; chief is 钳工's chief
// judge, not on the arbitration panel.
type appellant int

const (
	pAnonymous appellant = iota
	pAdmin
	pOrganiser
	pOtherOrganiser
	pEnterprise
	pEntC
	pOutsider
	pArbitrator
	pNonMember
	pChief
	appellantCount
)

func (p appellant) String() string {
	return [...]string{"anonymous", "admin", "organiser", "otherOrganiser", "enterprise", "entC", "outsider", "arbitrator", "nonMember", "chief"}[p]
}

type appealCase struct {
	route string
	path  string
	body  func(f appealsFixture) any
	want  [appellantCount]int
}

// appealCases run top to bottom, each actor on its own fresh appealsFixture
// (the contest in public notice, enterprise A's appeal for its second
// entrant filed).
var appealCases = []appealCase{
	// want: anonymous, admin, organiser, otherOrganiser, enterprise, entC, outsider, arbitrator, nonMember, chief.
	{route: "GET /api/v1/arbitration", path: "/api/v1/arbitration",
		want: [appellantCount]int{401, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
	{route: "GET /api/v1/contests/:id/arbitrators", path: "/api/v1/contests/{contest}/arbitrators",
		want: [appellantCount]int{401, 200, 200, 403, 403, 403, 403, 200, 403, 403}},
	{route: "GET /api/v1/contests/:id/appeals", path: "/api/v1/contests/{contest}/appeals",
		want: [appellantCount]int{401, 200, 200, 403, 200, 200, 403, 200, 403, 403}},
	{route: "GET /api/v1/contests/:id/appealable-results", path: "/api/v1/contests/{contest}/appealable-results",
		want: [appellantCount]int{401, 403, 403, 403, 200, 200, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/vetoes", path: "/api/v1/events/{fitter}/vetoes",
		want: [appellantCount]int{401, 200, 200, 403, 403, 403, 403, 403, 403, 200}},
	{route: "PUT /api/v1/contests/:id/notice", path: "/api/v1/contests/{contest}/notice",
		want: [appellantCount]int{401, 200, 200, 403, 403, 403, 403, 403, 403, 403},
		body: func(appealsFixture) any { return map[string]any{"notice_workdays": 7, "appeal_hours": 0} }},
	{route: "POST /api/v1/contests/:id/arbitrators", path: "/api/v1/contests/{contest}/arbitrators",
		want: [appellantCount]int{401, 201, 201, 403, 403, 403, 403, 403, 403, 403},
		body: func(f appealsFixture) any { return map[string]any{"account_id": f.nonMember.ID} }},
	// Only the entrant's own enterprise appeals for it.
	{route: "POST /api/v1/entrants/:id/appeals", path: "/api/v1/entrants/{entrantA0}/appeals",
		want: [appellantCount]int{401, 403, 403, 403, 201, 403, 403, 403, 403, 403},
		body: func(appealsFixture) any { return map[string]any{"reason": "实操成绩有误"} }},
	// Only the panel's members review and rule; the organisers do not.
	{route: "POST /api/v1/appeals/:id/review", path: "/api/v1/appeals/{appeal}/review",
		want: [appellantCount]int{401, 403, 403, 403, 403, 403, 403, 200, 403, 403},
		body: func(appealsFixture) any { return map[string]any{"text": "调阅评分表复核"} }},
	{route: "POST /api/v1/appeals/:id/ruling", path: "/api/v1/appeals/{appeal}/ruling",
		want: [appellantCount]int{401, 403, 403, 403, 403, 403, 403, 200, 403, 403},
		body: func(appealsFixture) any {
			return map[string]any{"outcome": "dismissed", "text": "评分无误，驳回"}
		}},
	// Vetoes: the organisers and the chief judge, while judging (the contest is in public notice here).
	{route: "POST /api/v1/events/:id/vetoes", path: "/api/v1/events/{fitter}/vetoes",
		want: [appellantCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 409},
		body: func(f appealsFixture) any { return map[string]any{"entrant_id": f.entrantA0, "reason": "违规操作"} }},
	{route: "POST /api/v1/vetoes/:id/withdraw", path: "/api/v1/vetoes/{veto}/withdraw",
		want: [appellantCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 409},
		body: func(appealsFixture) any { return map[string]any{"reason": "误记"} }},
	{route: "DELETE /api/v1/arbitrators/:id", path: "/api/v1/arbitrators/{arbitrator}",
		want: [appellantCount]int{401, 204, 204, 403, 403, 403, 403, 403, 403, 403}},
}

func (f appealsFixture) expand(path string) string {
	id := func(n uint) string { return fmt.Sprint(n) }
	return strings.NewReplacer("{contest}", id(f.judgingContest.ID), "{fitter}", id(f.fitter.ID), "{entrantA0}", id(f.entrantA0),
		"{appeal}", id(f.appeal.ID), "{veto}", id(f.veto), "{arbitrator}", id(f.arbitratorID)).Replace(path)
}

func (s *server) appellantClient(p appellant, f appealsFixture) *client {
	acc := map[appellant]account{pOrganiser: f.organiser, pOtherOrganiser: f.otherOrganiser, pEnterprise: f.enterpriseAcc, pEntC: f.powerAcc,
		pOutsider: f.otherEnterpriseAcc, pArbitrator: f.arbitrator, pNonMember: f.nonMember, pChief: f.chief}
	switch p {
	case pAdmin:
		return s.admin()
	case pAnonymous:
		return s.anonymous()
	}
	return s.login(acc[p].Username, fixturePwd)
}

// TestAppealsAccess_EachRoleGetsItsAnswerOnEveryPublicationRoute is the
// access table of notice, arbitration, appeals and vetoes: another
// enterprise never appeals for an entrant not its own, and only the panel's
// members review and rule.
func TestAppealsAccess_EachRoleGetsItsAnswerOnEveryPublicationRoute(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		for p := range appellantCount {
			t.Run(p.String(), func(t *testing.T) {
				first := db
				if p > 0 {
					first = dbFor(t, db, organiser)
				}
				s := newServer(t, first)
				f := s.appealsFixture(t)
				v := model.Veto{EventID: f.fitter.ID, EntrantID: f.entrantC, Reason: "安全事故", RecordedBy: f.chief.ID, RecordedAt: s.now}
				if err := s.db.Create(&v).Error; err != nil {
					t.Fatal(err)
				}
				f.veto = v.ID
				for _, tc := range appealCases {
					var body any
					if tc.body != nil {
						body = tc.body(f)
					}
					s.expectAnswer(t, s.appellantClient(p, f), tc.route, tc.path, f.expand(tc.path), body, tc.want[p], p.String())
				}
			})
		}
	})
}
