package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// roles a request can come from; "anonymous" has no session.
var roles = []string{"anonymous", "admin", "organiser", "enterprise", "judge"}

// accessRule says which roles may use a route, and what request to send so
// that the service's own checks, not only the input's shape, decide.
type accessRule struct {
	allowed []string
	path    func(f fixture) string
	body    func(f fixture, role string) any
}

var (
	everyone   = []string{"anonymous", "admin", "organiser", "enterprise", "judge"}
	loggedIn   = []string{"admin", "organiser", "enterprise", "judge"}
	unionStaff = []string{"admin", "organiser"}
	static     = func(p string) func(fixture) string { return func(fixture) string { return p } }
)

// accessRules holds one rule per route. A route the router has and this table
// lacks fails TestAccess_EveryRouteHasARule: a new route needs its access decided.
var accessRules = map[string]accessRule{
	"GET /healthz": {allowed: everyone, path: static("/healthz")},
	"GET /readyz":  {allowed: everyone, path: static("/readyz")},
	"POST /api/v1/auth/login": {allowed: everyone, path: static("/api/v1/auth/login"), body: func(f fixture, role string) any {
		return map[string]string{"username": "admin", "password": adminPassword}
	}},
	"POST /api/v1/auth/logout": {allowed: loggedIn, path: static("/api/v1/auth/logout")},
	"GET /api/v1/auth/me":      {allowed: loggedIn, path: static("/api/v1/auth/me")},
	"POST /api/v1/auth/password": {allowed: loggedIn, path: static("/api/v1/auth/password"), body: func(f fixture, role string) any {
		return map[string]string{"old_password": fixturePwd, "new_password": "Changed-pass-2"}
	}},
	"GET /api/v1/organisations/tree": {allowed: unionStaff, path: static("/api/v1/organisations/tree")},
	"GET /api/v1/organisations":      {allowed: unionStaff, path: static("/api/v1/organisations")},
	"POST /api/v1/organisations": {allowed: unionStaff, path: static("/api/v1/organisations"), body: func(f fixture, role string) any {
		return map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": "基层工会 " + role}
	}},
	"GET /api/v1/organisations/:id": {allowed: []string{"admin", "organiser", "enterprise"}, path: func(f fixture) string { return fmt.Sprintf("/api/v1/organisations/%d", f.enterprise.ID) }},
	"PATCH /api/v1/organisations/:id": {allowed: unionStaff, path: func(f fixture) string { return fmt.Sprintf("/api/v1/organisations/%d", f.enterprise.ID) },
		body: func(f fixture, role string) any {
			return map[string]any{"version": f.enterprise.Version, "region": "清河区"}
		}},
	"DELETE /api/v1/organisations/:id": {allowed: unionStaff, path: func(f fixture) string { return fmt.Sprintf("/api/v1/organisations/%d", f.enterprise.ID) }},
	"GET /api/v1/accounts":             {allowed: unionStaff, path: static("/api/v1/accounts")},
	"POST /api/v1/accounts": {allowed: unionStaff, path: static("/api/v1/accounts"), body: func(f fixture, role string) any {
		return map[string]any{"username": "new_" + role, "display_name": "新账号", "role": "judge", "organisation_id": f.enterprise.ID, "password": "Initial-pass-1"}
	}},
	"GET /api/v1/accounts/:id": {allowed: []string{"admin", "organiser", "enterprise"}, path: func(f fixture) string { return fmt.Sprintf("/api/v1/accounts/%d", f.enterpriseAcc.ID) }},
	"PATCH /api/v1/accounts/:id": {allowed: unionStaff, path: func(f fixture) string { return fmt.Sprintf("/api/v1/accounts/%d", f.enterpriseAcc.ID) },
		body: func(f fixture, role string) any {
			return map[string]any{"version": f.enterpriseAcc.Version, "display_name": "改名"}
		}},
	"POST /api/v1/accounts/:id/password": {allowed: unionStaff, path: func(f fixture) string { return fmt.Sprintf("/api/v1/accounts/%d/password", f.enterpriseAcc.ID) },
		body: func(f fixture, role string) any { return map[string]string{"password": "Reset-pass-3"} }},
	"GET /api/v1/people": {allowed: []string{"admin", "organiser", "enterprise"}, path: static("/api/v1/people")},

	"GET /api/v1/people/:id/entries": {allowed: []string{"admin", "organiser", "enterprise"}, path: func(f fixture) string { return fmt.Sprintf("/api/v1/people/%d/entries", f.entrant.Person.ID) }},
	"POST /api/v1/people/:id/transfer": {allowed: unionStaff, path: func(f fixture) string { return fmt.Sprintf("/api/v1/people/%d/transfer", f.entrant.Person.ID) },
		body: func(f fixture, role string) any {
			return map[string]any{"enterprise_id": f.district.ID, "version": 1, "reason": "调动"}
		}},
	"GET /api/v1/contest-templates": {allowed: unionStaff, path: static("/api/v1/contest-templates")},
	"GET /api/v1/contests":          {allowed: []string{"admin", "organiser", "enterprise"}, path: static("/api/v1/contests")},
	"POST /api/v1/contests": {allowed: unionStaff, path: static("/api/v1/contests"), body: func(f fixture, role string) any {
		return map[string]any{"name": "竞赛 " + role, "kind": "labour", "level": "district", "organiser_id": f.district.ID}
	}},
	"GET /api/v1/contests/:id": {allowed: []string{"admin", "organiser", "enterprise"}, path: contestPath("")},
	"PATCH /api/v1/contests/:id": {allowed: unionStaff, path: contestPath(""), body: func(f fixture, role string) any {
		return map[string]any{"version": f.contest.Version, "description": "x"}
	}},
	"DELETE /api/v1/contests/:id": {allowed: unionStaff, path: contestPath("")},
	"POST /api/v1/contests/:id/steps": {allowed: unionStaff, path: contestPath("/steps"),
		body: func(f fixture, role string) any { return map[string]any{"to": "registration_closed"} }},
	"GET /api/v1/contests/:id/events": {allowed: []string{"admin", "organiser", "enterprise"}, path: contestPath("/events")},
	"POST /api/v1/contests/:id/events": {allowed: unionStaff, path: contestPath("/events"),
		body: func(f fixture, role string) any {
			return map[string]any{"name": "焊工", "entrant_type": "individual"}
		}},
	"GET /api/v1/events/:id":          {allowed: []string{"admin", "organiser", "enterprise"}, path: eventPath("")},
	"PATCH /api/v1/events/:id":        {allowed: unionStaff, path: eventPath(""), body: func(f fixture, role string) any { return map[string]any{"version": f.event.Version, "trade": "电工"} }},
	"DELETE /api/v1/events/:id":       {allowed: unionStaff, path: eventPath("")},
	"GET /api/v1/events/:id/entrants": {allowed: []string{"admin", "organiser", "enterprise"}, path: eventPath("/entrants")},
	"POST /api/v1/events/:id/entrants": {allowed: []string{"enterprise"}, path: eventPath("/entrants"),
		body: func(f fixture, role string) any { return worker("赵敏", idNumber("11010519900202002"), "female") }},
	"POST /api/v1/events/:id/entrants/approve": {allowed: unionStaff, path: eventPath("/entrants/approve"),
		body: func(f fixture, role string) any { return map[string]any{"ids": []uint{f.entrant.ID}} }},
	"POST /api/v1/events/:id/draw":       {allowed: unionStaff, path: eventPath("/draw"), body: func(f fixture, role string) any { return map[string]any{"seed": "abc"} }},
	"GET /api/v1/events/:id/draw":        {allowed: unionStaff, path: eventPath("/draw")},
	"POST /api/v1/entrants/:id/withdraw": {allowed: []string{"enterprise"}, path: func(f fixture) string { return fmt.Sprintf("/api/v1/entrants/%d/withdraw", f.entrant.ID) }},
	"POST /api/v1/entrants/:id/review": {allowed: unionStaff, path: func(f fixture) string { return fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID) },
		body: func(f fixture, role string) any {
			return map[string]any{"decision": "approve", "version": f.entrant.Version}
		}},
}

func contestPath(suffix string) func(fixture) string {
	return func(f fixture) string { return fmt.Sprintf("/api/v1/contests/%d%s", f.contest.ID, suffix) }
}

func eventPath(suffix string) func(fixture) string {
	return func(f fixture) string { return fmt.Sprintf("/api/v1/events/%d%s", f.event.ID, suffix) }
}

func routeKeys(t *testing.T) []string {
	s := newServer(t, modeltest.SQLite(t))
	var keys []string
	for _, r := range s.handler.Routes() {
		keys = append(keys, r.Method+" "+r.Path)
	}
	// Changing one's own password goes last: the other requests log in with the old one.
	sort.Slice(keys, func(i, j int) bool {
		li, lj := keys[i] == "POST /api/v1/auth/password", keys[j] == "POST /api/v1/auth/password"
		if li != lj {
			return lj
		}
		return keys[i] < keys[j]
	})
	return keys
}

func TestAccess_EveryRouteHasARule(t *testing.T) {
	keys := routeKeys(t)
	for _, k := range keys {
		if _, ok := accessRules[k]; !ok {
			t.Errorf("route %s has no access rule in accessRules", k)
		}
	}
	if len(keys) != len(accessRules) {
		t.Errorf("router has %d routes, accessRules %d: remove rules of routes that are gone", len(keys), len(accessRules))
	}
}

// TestAccess_EachRoleGetsItsAnswerOnEveryRoute sends every route's request as
// every role: allowed roles must get past access checks (any status but 401
// and 403); others must get 401 (anonymous) or 403.
func TestAccess_EachRoleGetsItsAnswerOnEveryRoute(t *testing.T) {
	keys := routeKeys(t)
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		// Each role gets its own database: allowed requests change things.
		for _, role := range roles {
			t.Run(role, func(t *testing.T) {
				s := newServer(t, dbFor(t, db, role))
				f := s.fixture()
				for _, key := range keys {
					rule := accessRules[key]
					method := strings.SplitN(key, " ", 2)[0]
					c := s.clientFor(role, f)
					var body any
					if rule.body != nil {
						body = rule.body(f, role)
					}
					res := c.do(method, rule.path(f), body)
					allowed := slices.Contains(rule.allowed, role)
					denied := res.Code == http.StatusUnauthorized || res.Code == http.StatusForbidden
					switch {
					case allowed && denied:
						t.Errorf("%s as %s: got %d, want access: %s", key, role, res.Code, res.Body)
					case !allowed && role == "anonymous" && res.Code != http.StatusUnauthorized:
						t.Errorf("%s as anonymous: got %d, want 401", key, res.Code)
					case !allowed && role != "anonymous" && res.Code != http.StatusForbidden:
						t.Errorf("%s as %s: got %d, want 403: %s", key, role, res.Code, res.Body)
					}
				}
			})
		}
	})
}

// dbFor gives the first role the database Each opened and every other role a
// fresh one of the same dialect.
func dbFor(t *testing.T, first *gorm.DB, role string) *gorm.DB {
	if role == roles[0] {
		return first
	}
	if first.Dialector.Name() == "mysql" {
		return modeltest.MySQL(t)
	}
	return modeltest.SQLite(t)
}

func (s *server) clientFor(role string, f fixture) *client {
	switch role {
	case "admin":
		return s.admin()
	case "organiser":
		return s.login(f.organiser.Username, fixturePwd)
	case "enterprise":
		return s.login(f.enterpriseAcc.Username, fixturePwd)
	case "judge":
		return s.login(f.judge.Username, fixturePwd)
	}
	return s.anonymous()
}
