package api_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// actor is who a request comes from; the actors are the columns of accessCases.
// anonymous has no session; organiser and enterprise belong to district A,
// where the fixture's contest, event, entrant and worker are; the other
// organiser and the other enterprise belong to district B. The judge is
// assigned to nothing and works at the enterprise of district A: inside the
// organiser's subtree and with the entrant's enterprise as its organisation,
// so that a rule that forgets to ask for the role shows.
type actor int

const (
	anonymous actor = iota
	admin
	organiser
	otherOrganiser
	enterprise
	otherEnterprise
	judge
	actorCount
)

func (a actor) String() string {
	return [...]string{"anonymous", "admin", "organiser", "otherOrganiser", "enterprise", "otherEnterprise", "judge"}[a]
}

// statuses is the one status each actor gets, in the actors' order.
type statuses [actorCount]int

// names is, for each actor answered 200, what it finds in a list: every "name"
// and "username" in the answer, and nothing else; an actor left out finds none.
type names [actorCount][]string

// accessCase is one request of the access table. Its path names the fixture's
// objects in braces (see accessFixture.expand).
type accessCase struct {
	route string // as the router names it: "METHOD /pattern"
	path  string
	body  func(f accessFixture, a actor) any
	want  statuses
	lists *names
}

// accessCases run top to bottom, each actor on its own fresh fixture, so that
// what an allowed actor gets depends only on its own earlier requests: reads
// come first, then changes ordered so that each finds the state it needs.
// A route the router has and this table lacks fails
// TestAccess_EveryRouteHasARule: a new route needs its access decided.
var accessCases = []accessCase{
	// want, in the actors' order:
	// anonymous, admin, organiser, otherOrganiser, enterprise, otherEnterprise, judge.
	{route: "GET /healthz", path: "/healthz",
		want: statuses{200, 200, 200, 200, 200, 200, 200}},
	{route: "GET /readyz", path: "/readyz",
		want: statuses{200, 200, 200, 200, 200, 200, 200}},
	{route: "GET /api/v1/auth/me", path: "/api/v1/auth/me",
		want: statuses{401, 200, 200, 200, 200, 200, 200}},
	// Everyone has a to-do list; what is in it is each caller's own (todo_test.go).
	{route: "GET /api/v1/todo", path: "/api/v1/todo",
		want: statuses{401, 200, 200, 200, 200, 200, 200}},

	// The tree and its accounts: union staff, each in its own subtree.
	{route: "GET /api/v1/organisations/tree", path: "/api/v1/organisations/tree",
		want:  statuses{401, 200, 200, 200, 403, 403, 403},
		lists: &names{admin: wholeTree, organiser: {"清河区总工会", "清河机床"}, otherOrganiser: {"江北区总工会", "江北化工"}}},
	{route: "GET /api/v1/organisations", path: "/api/v1/organisations",
		want:  statuses{401, 200, 200, 200, 403, 403, 403},
		lists: &names{admin: wholeTree, organiser: {"清河区总工会", "清河机床"}, otherOrganiser: {"江北区总工会", "江北化工"}}},
	{route: "GET /api/v1/organisations/:id", path: "/api/v1/organisations/{enterprise}",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},
	{route: "GET /api/v1/accounts", path: "/api/v1/accounts",
		want: statuses{401, 200, 200, 200, 403, 403, 403},
		lists: &names{admin: {"admin", "ent_jiangbei", "ent_qh", "ent_qh_2", "judge_1", "judge_qh", "org_jiangbei", "org_qh"},
			organiser: {"ent_qh", "ent_qh_2", "judge_qh", "org_qh"}, otherOrganiser: {"ent_jiangbei", "org_jiangbei"}}},
	{route: "GET /api/v1/accounts/:id", path: "/api/v1/accounts/{enterpriseAccount}",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},
	// An enterprise sees its own account only, not a colleague's.
	{route: "GET /api/v1/accounts/:id", path: "/api/v1/accounts/{colleague}",
		want: statuses{401, 200, 200, 403, 403, 403, 403}},

	// Workers: an enterprise sees its own, a union those below it.
	{route: "GET /api/v1/people", path: "/api/v1/people",
		want:  statuses{401, 200, 200, 200, 200, 200, 403},
		lists: &names{admin: {"张伟", "李娜", "王强"}, organiser: {"张伟", "王强"}, otherOrganiser: {"李娜"}, enterprise: {"张伟", "王强"}, otherEnterprise: {"李娜"}}},
	{route: "GET /api/v1/people/:id/entries", path: "/api/v1/people/{worker}/entries",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},

	// The pools fed by final results (none yet here: pools_test.go fills
	// them): talents and achievements as the register is seen, the expert
	// pool for union staff only.
	{route: "GET /api/v1/pools/talents", path: "/api/v1/pools/talents",
		want: statuses{401, 200, 200, 200, 200, 200, 403}, lists: &names{}},
	{route: "GET /api/v1/pools/achievements", path: "/api/v1/pools/achievements",
		want: statuses{401, 200, 200, 200, 200, 200, 403}, lists: &names{}},
	{route: "GET /api/v1/pools/experts", path: "/api/v1/pools/experts",
		want: statuses{401, 200, 200, 200, 403, 403, 403}, lists: &names{}},
	// Certificates: an event's, for its organisers once final (this one is
	// not); verifying a code needs no account, and an unknown one is not found.
	{route: "GET /api/v1/events/:id/certificates", path: "/api/v1/events/{event}/certificates",
		want: statuses{401, 409, 409, 403, 403, 403, 403}},
	{route: "GET /api/v1/public/certificates/:code", path: "/api/v1/public/certificates/ABCDEFGHIJKLMNOPQRSTUVWXYZ",
		want: statuses{404, 404, 404, 404, 404, 404, 404}},

	// Contests: their organisers, and the enterprises below them once out of draft.
	{route: "GET /api/v1/contest-templates", path: "/api/v1/contest-templates",
		want: statuses{401, 200, 200, 200, 403, 403, 403}},
	{route: "GET /api/v1/contests", path: "/api/v1/contests",
		want:  statuses{401, 200, 200, 200, 200, 200, 403},
		lists: &names{admin: {"全区电工技能竞赛", "清河区焊工比武"}, organiser: {"全区电工技能竞赛", "清河区焊工比武"}, enterprise: {"全区电工技能竞赛"}}},
	{route: "GET /api/v1/contests/:id", path: "/api/v1/contests/{contest}",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},
	{route: "GET /api/v1/contests/:id", path: "/api/v1/contests/{draft}",
		want: statuses{401, 200, 200, 403, 403, 403, 403}},
	{route: "GET /api/v1/contests/:id/events", path: "/api/v1/contests/{contest}/events",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},
	{route: "GET /api/v1/events/:id", path: "/api/v1/events/{event}",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},
	{route: "GET /api/v1/events/:id", path: "/api/v1/events/{draftEvent}",
		want: statuses{401, 200, 200, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/entrants", path: "/api/v1/events/{event}/entrants",
		want:  statuses{401, 200, 200, 403, 200, 403, 403},
		lists: &names{admin: {"王强"}, organiser: {"王强"}, enterprise: {"王强"}}},

	// Registration workbooks: the contest's organisers and the enterprises that
	// enter it; an import job only to the enterprise that made it.
	{route: "GET /api/v1/contests/:id/registration-template", path: "/api/v1/contests/{contest}/registration-template",
		want: statuses{401, 200, 200, 403, 200, 403, 403}},
	{route: "GET /api/v1/contests/:id/registration-template", path: "/api/v1/contests/{draft}/registration-template",
		want: statuses{401, 200, 200, 403, 403, 403, 403}},
	// The organisers' workbook, with each worker's enterprise, is its organisers' only.
	{route: "GET /api/v1/contests/:id/registration-template", path: "/api/v1/contests/{contest}/registration-template?enterprises=true",
		want: statuses{401, 200, 200, 403, 403, 403, 403}},
	{route: "GET /api/v1/imports/:id", path: "/api/v1/imports/{import}",
		want: statuses{401, 403, 403, 403, 200, 403, 403}},
	{route: "GET /api/v1/imports/:id/report", path: "/api/v1/imports/{badImport}/report",
		want: statuses{401, 403, 403, 403, 200, 403, 403}},

	// Exports: a contest's entries for its organisers and, their own only, the
	// enterprises that enter it, in full when asked, as each sees them so;
	// the register for union staff masked, for an enterprise in full when
	// asked; a job only to the account that asked for it.
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: statuses{401, 201, 201, 403, 201, 403, 403},
		body: exportOf("registrations", "{contest}", false)},
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: statuses{401, 201, 201, 403, 201, 403, 403},
		body: exportOf("registrations", "{contest}", true)},
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: statuses{401, 201, 201, 403, 403, 403, 403},
		body: exportOf("registrations", "{draft}", false)},
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: statuses{401, 201, 201, 201, 201, 201, 403},
		body: exportOf("people", "", false)},
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: statuses{401, 403, 403, 403, 201, 201, 403},
		body: exportOf("people", "", true)},
	{route: "GET /api/v1/exports/:id", path: "/api/v1/exports/{export}",
		want: statuses{401, 403, 403, 403, 200, 403, 403}},
	{route: "GET /api/v1/exports/:id/file", path: "/api/v1/exports/{export}/file",
		want: statuses{401, 403, 403, 403, 200, 403, 403}},

	// Changing the tree: only what is strictly below one's own union.
	// Moving the enterprise under another enterprise is refused for its
	// shape (422) only to those who see the new parent.
	{route: "PATCH /api/v1/organisations/:id", path: "/api/v1/organisations/{enterprise}",
		want: statuses{401, 422, 403, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.enterprise.Version, "parent_id": f.otherEnterprise.ID}
		}},
	{route: "PATCH /api/v1/organisations/:id", path: "/api/v1/organisations/{enterprise}",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.enterprise.Version, "region": "清河区"}
		}},
	{route: "PATCH /api/v1/organisations/:id", path: "/api/v1/organisations/{district}",
		want: statuses{401, 200, 403, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.district.Version, "region": "清河区"}
		}},
	{route: "DELETE /api/v1/organisations/:id", path: "/api/v1/organisations/{enterprise}",
		want: statuses{401, 409, 409, 403, 403, 403, 403}},
	{route: "DELETE /api/v1/organisations/:id", path: "/api/v1/organisations/{root}",
		want: statuses{401, 403, 403, 403, 403, 403, 403}},
	{route: "POST /api/v1/organisations", path: "/api/v1/organisations",
		want: statuses{401, 201, 201, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "清河区基层工会"}
		}},
	{route: "POST /api/v1/organisations", path: "/api/v1/organisations",
		want: statuses{401, 422, 422, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"parent_id": f.enterprise.ID, "kind": "grassroots_union", "name": "机床基层工会"}
		}},

	// Accounts: an organiser manages enterprise and judge accounts of its subtree.
	{route: "PATCH /api/v1/accounts/:id", path: "/api/v1/accounts/{enterpriseAccount}",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.enterpriseAcc.Version, "display_name": "改名"}
		}},
	{route: "PATCH /api/v1/accounts/:id", path: "/api/v1/accounts/{organiserAccount}",
		want: statuses{401, 200, 403, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.organiser.Version, "display_name": "改名"}
		}},
	{route: "POST /api/v1/accounts/:id/password", path: "/api/v1/accounts/{colleague}/password",
		want: statuses{401, 204, 204, 403, 403, 403, 403},
		body: func(accessFixture, actor) any { return map[string]string{"password": "Reset-pass-3"} }},
	{route: "POST /api/v1/accounts", path: "/api/v1/accounts",
		want: statuses{401, 201, 201, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any { return newAccountBody("judge_qh_2", "judge", f.enterprise.ID) }},
	{route: "POST /api/v1/accounts", path: "/api/v1/accounts",
		want: statuses{401, 201, 403, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any { return newAccountBody("org_qh_2", "organiser", f.district.ID) }},

	// Running contests: their organisers only.
	{route: "PATCH /api/v1/contests/:id", path: "/api/v1/contests/{contest}",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.contest.Version, "description": "x"}
		}},
	// Handing the draft to another organisation is refused for its kind (422)
	// only to those who see it.
	{route: "PATCH /api/v1/contests/:id", path: "/api/v1/contests/{draft}",
		want: statuses{401, 422, 403, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.draft.Version, "organiser_id": f.otherEnterprise.ID}
		}},
	{route: "DELETE /api/v1/contests/:id", path: "/api/v1/contests/{contest}",
		want: statuses{401, 409, 409, 403, 403, 403, 403}},
	{route: "POST /api/v1/contests", path: "/api/v1/contests",
		want: statuses{401, 201, 201, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"name": "清河区劳动竞赛", "kind": "labour", "level": "district", "organiser_id": f.district.ID}
		}},
	// Without an organiser the contest is the caller's own organisation's.
	{route: "POST /api/v1/contests", path: "/api/v1/contests",
		want: statuses{401, 201, 201, 201, 403, 403, 403},
		body: func(accessFixture, actor) any {
			return map[string]any{"name": "本单位劳动竞赛", "kind": "labour", "level": "enterprise"}
		}},
	{route: "POST /api/v1/contests/:id/events", path: "/api/v1/contests/{draft}/events",
		want: statuses{401, 201, 201, 403, 403, 403, 403},
		body: func(accessFixture, actor) any { return map[string]any{"name": "钳工", "entrant_type": "individual"} }},
	{route: "PATCH /api/v1/events/:id", path: "/api/v1/events/{draftEvent}",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.draftEvent.Version, "trade": "焊工"}
		}},
	{route: "DELETE /api/v1/events/:id", path: "/api/v1/events/{draftEvent}",
		want: statuses{401, 204, 204, 403, 403, 403, 403}},
	// Events of an open contest are fixed.
	{route: "PATCH /api/v1/events/:id", path: "/api/v1/events/{event}",
		want: statuses{401, 409, 409, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"version": f.event.Version, "trade": "电工"}
		}},
	{route: "DELETE /api/v1/events/:id", path: "/api/v1/events/{event}",
		want: statuses{401, 409, 409, 403, 403, 403, 403}},

	// Entries: the enterprises below the organiser enter; only the entrant's own
	// enterprise withdraws; the organisers review.
	{route: "POST /api/v1/events/:id/entrants", path: "/api/v1/events/{event}/entrants",
		want: statuses{401, 403, 403, 403, 201, 403, 403},
		body: newEntry},
	// A draft is hidden from the enterprises, which therefore cannot enter it.
	{route: "POST /api/v1/events/:id/entrants", path: "/api/v1/events/{draftEvent}/entrants",
		want: statuses{401, 403, 403, 403, 403, 403, 403},
		body: newEntry},
	// Who is not an enterprise is refused before the event is looked for.
	{route: "POST /api/v1/events/:id/entrants", path: "/api/v1/events/{missing}/entrants",
		want: statuses{401, 403, 403, 403, 404, 404, 403},
		body: newEntry},
	// The enterprises that enter the contest import into it, and its
	// organisers, for the enterprises of their subtree; only the organisation
	// that made a job imports it. (The organisers' sheet here lacks its
	// enterprise column: checked, not importable.)
	{route: "POST /api/v1/contests/:id/registration-imports", path: "/api/v1/contests/{contest}/registration-imports",
		want: statuses{401, 201, 201, 403, 201, 403, 403},
		body: func(f accessFixture, _ actor) any { return f.importFile }},
	{route: "POST /api/v1/imports/:id/commit", path: "/api/v1/imports/{import}/commit",
		want: statuses{401, 403, 403, 403, 200, 403, 403},
		body: func(accessFixture, actor) any { return map[string]int{"version": 1} }},
	{route: "POST /api/v1/entrants/:id/review", path: "/api/v1/entrants/{entrant}/review",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"decision": "approve", "version": f.entrant.Version}
		}},
	// The review above approved the entry already.
	{route: "POST /api/v1/events/:id/entrants/approve", path: "/api/v1/events/{event}/entrants/approve",
		want: statuses{401, 409, 409, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any { return map[string]any{"ids": []uint{f.entrant.ID}} }},
	{route: "POST /api/v1/entrants/:id/withdraw", path: "/api/v1/entrants/{entrant}/withdraw",
		want: statuses{401, 403, 403, 403, 200, 403, 403}},
	// Closing registration lets the draw run: the review above left no entry pending.
	{route: "POST /api/v1/contests/:id/steps", path: "/api/v1/contests/{contest}/steps",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(accessFixture, actor) any { return map[string]any{"to": "registration_closed"} }},
	{route: "POST /api/v1/events/:id/draw", path: "/api/v1/events/{event}/draw",
		want: statuses{401, 200, 200, 403, 403, 403, 403},
		body: func(accessFixture, actor) any { return map[string]any{"seed": "abc"} }},
	{route: "GET /api/v1/events/:id/draw", path: "/api/v1/events/{event}/draw",
		want: statuses{401, 200, 200, 403, 403, 403, 403}},
	// Rejecting in a batch is the organisers' too, and ends with the draw.
	{route: "POST /api/v1/events/:id/entrants/reject", path: "/api/v1/events/{event}/entrants/reject",
		want: statuses{401, 409, 409, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"ids": []uint{f.entrant.ID}, "reason": "材料不全"}
		}},
	{route: "DELETE /api/v1/contests/:id", path: "/api/v1/contests/{draft}",
		want: statuses{401, 204, 204, 403, 403, 403, 403}},
	// An enterprise adds workers to its own register and changes only its own.
	{route: "POST /api/v1/people", path: "/api/v1/people",
		want: statuses{401, 403, 403, 403, 201, 201, 403},
		body: func(accessFixture, actor) any {
			return worker("孙丽", idNumber("11010519910303003"), "male")["person"]
		}},
	{route: "PATCH /api/v1/people/:id", path: "/api/v1/people/{worker}",
		want: statuses{401, 403, 403, 403, 200, 403, 403},
		body: func(accessFixture, actor) any {
			p := worker("王强", idNumber("11010519800101001"), "male")["person"].(map[string]any)
			p["version"], p["mobile"] = 1, "13700001111"
			return p
		}},
	// Moving a worker between enterprises needs a union above both: district
	// A's organiser does not see district B's enterprise, B's not the worker.
	{route: "POST /api/v1/people/:id/transfer", path: "/api/v1/people/{worker}/transfer",
		want: statuses{401, 200, 403, 403, 403, 403, 403},
		body: func(f accessFixture, _ actor) any {
			return map[string]any{"enterprise_id": f.otherEnterprise.ID, "version": 1, "reason": "调动"} // only the enterprise changed the worker above
		}},

	// One's own session, last: these end it or change its password.
	{route: "POST /api/v1/auth/login", path: "/api/v1/auth/login",
		want: statuses{200, 200, 200, 200, 200, 200, 200},
		body: func(accessFixture, actor) any {
			return map[string]string{"username": "admin", "password": adminPassword}
		}},
	{route: "POST /api/v1/auth/logout", path: "/api/v1/auth/logout",
		want: statuses{401, 204, 204, 204, 204, 204, 204}},
	{route: "POST /api/v1/auth/password", path: "/api/v1/auth/password",
		want: statuses{401, 204, 204, 204, 204, 204, 204},
		body: func(_ accessFixture, a actor) any {
			return map[string]string{"old_password": a.password(), "new_password": "Changed-pass-2"}
		}},
}

// newEntry is a registration body for a worker the fixture does not have yet.
func newEntry(accessFixture, actor) any {
	return worker("赵敏", idNumber("11010519900202002"), "female")
}

// wholeTree is every organisation of the fixture.
var wholeTree = []string{"市总工会", "清河区总工会", "清河机床", "江北区总工会", "江北化工"}

func newAccountBody(username, role string, orgID uint) map[string]any {
	return map[string]any{"username": username, "display_name": username, "role": role, "organisation_id": orgID, "password": "Initial-pass-1"}
}

func routeKeys(t *testing.T) []string {
	s := newServer(t, modeltest.SQLite(t))
	var keys []string
	for _, r := range s.handler.Routes() {
		keys = append(keys, r.Method+" "+r.Path)
	}
	return keys
}

func TestAccess_EveryRouteHasARule(t *testing.T) {
	keys := routeKeys(t)
	for _, k := range keys {
		if !slices.ContainsFunc(accessCases, func(c accessCase) bool { return c.route == k }) &&
			!slices.ContainsFunc(judgingCases, func(c judgingCase) bool { return c.route == k }) &&
			!slices.ContainsFunc(appealCases, func(c appealCase) bool { return c.route == k }) {
			t.Errorf("route %s has no case in accessCases, judgingCases or appealCases", k)
		}
	}
	for _, c := range accessCases {
		if !slices.Contains(keys, c.route) {
			t.Errorf("accessCases has %s, which the router lacks: remove cases of routes that are gone", c.route)
		}
	}
	for _, c := range judgingCases {
		if !slices.Contains(keys, c.route) {
			t.Errorf("judgingCases has %s, which the router lacks", c.route)
		}
	}
	for _, c := range appealCases {
		if !slices.Contains(keys, c.route) {
			t.Errorf("appealCases has %s, which the router lacks", c.route)
		}
	}
}

// TestAccess_EachActorGetsItsAnswerOnEveryRoute sends every case's request as
// every actor and expects exactly the status the table names: 401 or 403 where
// access is refused, and where it is granted the status the request gets in
// that actor's fixture, so that a check that is lost or widened shows. A
// refused request must also leave no trace in the audit log: a write whose
// check is lost may still answer 403 when it reads back what it wrote.
func TestAccess_EachActorGetsItsAnswerOnEveryRoute(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		for a := range actorCount {
			t.Run(a.String(), func(t *testing.T) {
				s := newServer(t, dbFor(t, db, a))
				f := s.accessFixture()
				for _, tc := range accessCases {
					var body any
					if tc.body != nil {
						body = tc.body(f, a)
					}
					res, ok := s.expectAnswer(t, s.clientFor(a, f), tc.route, tc.path, f.expand(tc.path), body, tc.want[a], a.String())
					if ok && tc.lists != nil && res.Code == 200 {
						want := slices.Sorted(slices.Values(tc.lists[a]))
						if got := namesIn(t, res.Body.Bytes()); !slices.Equal(got, want) {
							t.Errorf("%s as %s lists %q, want %q", tc.route, a, got, want)
						}
					}
				}
			})
		}
	})
}

// expectAnswer sends one request of an access table as one actor and checks
// its status; a refused request must leave no trace in the audit log.
func (s *server) expectAnswer(t *testing.T, c *client, route, pattern, path string, body any, want int, who string) (*httptest.ResponseRecorder, bool) {
	t.Helper()
	method := strings.SplitN(route, " ", 2)[0]
	audited := s.auditEntries()
	res := c.do(method, path, body)
	if res.Code != want {
		t.Errorf("%s %s as %s: got %d, want %d: %s", method, pattern, who, res.Code, want, res.Body)
		return res, false
	}
	if refused := res.Code == 401 || res.Code == 403; refused && s.auditEntries() != audited {
		t.Errorf("%s %s as %s: refused, yet it changed something (the audit log grew)", method, pattern, who)
	}
	return res, true
}

// auditEntries counts the audit log, which every change adds to.
func (s *server) auditEntries() int64 {
	var n int64
	if err := s.db.Model(&model.AuditEntry{}).Count(&n).Error; err != nil {
		s.t.Fatal(err)
	}
	return n
}

// namesIn collects, sorted, every "name" and "username" anywhere in a JSON answer.
func namesIn(t *testing.T, body []byte) []string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && (k == "name" || k == "username") {
					out = append(out, s)
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	slices.Sort(out)
	return out
}

// dbFor gives the first actor the database Each opened and every other actor
// a fresh one of the same dialect.
func dbFor(t *testing.T, first *gorm.DB, a actor) *gorm.DB {
	if a == 0 {
		return first
	}
	if first.Dialector.Name() == "mysql" {
		return modeltest.MySQL(t)
	}
	return modeltest.SQLite(t)
}

// accessFixture adds to the fixture what only the access table needs: a draft
// contest of district A with one event, a judge at enterprise A, and a second
// enterprise account of enterprise A, which is no actor.
type accessFixture struct {
	fixture
	draft           contest
	draftEvent      event
	enterpriseJudge account
	colleague       account
	// importFile enters one new worker into the contest's event; the
	// enterprise has checked it (import) and a file with a bad row (badImport).
	importFile               []byte
	checkedImport, badImport importJob
	// export is the enterprise account's export of its entries.
	export exportJob
}

func (s *server) accessFixture() accessFixture {
	s.t.Helper()
	f := accessFixture{fixture: s.fixture()}
	a := s.admin()
	a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "清河区焊工比武", "kind": "skills", "format": "trade", "level": "district",
		"organiser_id": f.district.ID}, &f.draft)
	a.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", f.draft.ID), map[string]any{"name": "焊工", "entrant_type": "individual"}, &f.draftEvent)
	f.enterpriseJudge = s.newAccount(a, "judge_qh", "judge", f.enterprise.ID)
	a.must(201, "POST", "/api/v1/accounts", newAccountBody("ent_qh_2", "enterprise", f.enterprise.ID), &f.colleague)
	ent := s.login(f.enterpriseAcc.Username, fixturePwd)
	f.importFile = fill(s.t, ent.download(templatePath(f.contest)), "报名表", workerRow("电工", "周明", "11010519950505005"))
	f.checkedImport = ent.upload(f.contest, f.importFile)
	bad := workerRow("电工", "吴芳", "11010519960606006")
	bad["性别"] = "男"
	f.badImport = ent.upload(f.contest, fill(s.t, ent.download(templatePath(f.contest)), "报名表", bad))
	ent.must(201, "POST", "/api/v1/exports", map[string]any{"kind": "registrations", "contest_id": f.contest.ID}, &f.export)
	return f
}

// expand replaces the fixture's object names in braces with their ids;
// {missing} is an id nothing has.
func (f accessFixture) expand(path string) string {
	id := func(n uint) string { return fmt.Sprint(n) }
	return strings.NewReplacer(
		"{root}", id(f.root.ID), "{district}", id(f.district.ID), "{enterprise}", id(f.enterprise.ID),
		"{enterpriseAccount}", id(f.enterpriseAcc.ID), "{organiserAccount}", id(f.organiser.ID), "{colleague}", id(f.colleague.ID),
		"{worker}", id(f.entrant.Person.ID), "{contest}", id(f.contest.ID), "{draft}", id(f.draft.ID), "{draftEvent}", id(f.draftEvent.ID),
		"{event}", id(f.event.ID), "{entrant}", id(f.entrant.ID), "{missing}", "999999999",
		"{import}", id(f.checkedImport.ID), "{badImport}", id(f.badImport.ID), "{export}", id(f.export.ID),
	).Replace(path)
}

func (a actor) password() string {
	if a == admin {
		return adminPassword
	}
	return fixturePwd
}

func (s *server) clientFor(a actor, f accessFixture) *client {
	switch a {
	case admin:
		return s.admin()
	case organiser:
		return s.login(f.organiser.Username, fixturePwd)
	case otherOrganiser:
		return s.login(f.otherOrganiser.Username, fixturePwd)
	case enterprise:
		return s.login(f.enterpriseAcc.Username, fixturePwd)
	case otherEnterprise:
		return s.login(f.otherEnterpriseAcc.Username, fixturePwd)
	case judge:
		return s.login(f.enterpriseJudge.Username, fixturePwd)
	}
	return s.anonymous()
}
