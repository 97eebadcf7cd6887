package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// federation is what the set-up made through the real API as the
// administrator: a district union, its enterprises each with a logged-in
// account, and a skills contest open for registration.
type federation struct {
	admin       *session
	enterprises []*session
	logins      []credentials
	// register takes the registrations of the throughput scenarios and is the
	// event whose entrants are listed; bare takes the baseline's inserts;
	// quota lets each enterprise enter three.
	register, bare, quota uint
	// district is the union the contests belong to.
	district uint
}

type idOnly struct {
	ID uint `json:"id"`
}

// Passwords of the enterprise accounts: set by the administrator, then
// changed at first login as the server requires.
const (
	initialPassword = "Initial-pass-2026"
	enterprisePass  = "Load-pass-2026"
)

// setUp builds the federation on the real server at base.
func setUp(ctx context.Context, hc *http.Client, base string, admin credentials, enterprises int) (*federation, error) {
	a, ans, err := signIn(ctx, hc, base, admin)
	if err != nil || a == nil {
		return nil, fmt.Errorf("admin login: %d %s %v", ans.status, ans.body, err)
	}
	f := &federation{admin: a}
	var tree struct {
		Items []idOnly `json:"items"`
	}
	if err := a.must(ctx, 200, "GET", "/api/v1/organisations/tree", nil, &tree); err != nil {
		return nil, err
	}
	if len(tree.Items) == 0 {
		return nil, fmt.Errorf("the organisation tree has no root")
	}
	var district idOnly
	if err := a.must(ctx, 201, "POST", "/api/v1/organisations", map[string]any{"parent_id": tree.Items[0].ID,
		"kind": "district_union", "name": "清河区总工会"}, &district); err != nil {
		return nil, err
	}

	f.district = district.ID
	// bcrypt makes each account cost four hashes; a few at a time keep the cores busy.
	f.enterprises, f.logins = make([]*session, enterprises), make([]credentials, enterprises)
	err = inParallel(enterprises, 4, func(i int) error {
		s, c, err := f.enterprise(ctx, hc, base, district.ID, i)
		f.enterprises[i], f.logins[i] = s, c
		return err
	})
	if err != nil {
		return nil, err
	}

	now := time.Now().UTC()
	var ct idOnly
	if err := a.must(ctx, 201, "POST", "/api/v1/contests", map[string]any{"name": "全区电工职业技能竞赛", "kind": "skills",
		"format": "trade", "level": "district", "organiser_id": district.ID,
		"registration_opens_at": now.Add(-time.Hour), "registration_closes_at": now.Add(7 * 24 * time.Hour)}, &ct); err != nil {
		return nil, err
	}
	for _, ev := range []struct {
		id    *uint
		name  string
		quota int
	}{{&f.register, "电工", 0}, {&f.bare, "电工（基准）", 0}, {&f.quota, "电工（限额）", raceQuota}} {
		var out idOnly
		if err := a.must(ctx, 201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": ev.name,
			"trade": "电工", "entrant_type": "individual", "quota_per_enterprise": ev.quota}, &out); err != nil {
			return nil, err
		}
		*ev.id = out.ID
	}
	if err := a.must(ctx, 200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID), map[string]any{"to": "registration_open"}, nil); err != nil {
		return nil, err
	}
	for _, s := range append([]*session{a}, f.enterprises...) {
		s.contest = ct.ID
	}
	return f, nil
}

// enterprise adds the i-th enterprise and its account, and logs the account
// in with the password it chose.
func (f *federation) enterprise(ctx context.Context, hc *http.Client, base string, district uint, i int) (*session, credentials, error) {
	var org, acc idOnly
	if err := f.admin.must(ctx, 201, "POST", "/api/v1/organisations", map[string]any{"parent_id": district, "kind": "enterprise",
		"name": fmt.Sprintf("清河第%d机械厂", i+1), "credit_code": creditCode(i)}, &org); err != nil {
		return nil, credentials{}, err
	}
	username := fmt.Sprintf("load_e%02d", i+1)
	if err := f.admin.must(ctx, 201, "POST", "/api/v1/accounts", map[string]any{"username": username, "display_name": username,
		"role": "enterprise", "organisation_id": org.ID, "password": initialPassword}, &acc); err != nil {
		return nil, credentials{}, err
	}
	s, ans, err := signIn(ctx, hc, base, credentials{username, initialPassword})
	if err != nil || s == nil {
		return nil, credentials{}, fmt.Errorf("login %s: %d %s %v", username, ans.status, ans.body, err)
	}
	if err := s.must(ctx, 204, "POST", "/api/v1/auth/password", map[string]string{"old_password": initialPassword,
		"new_password": enterprisePass}, nil); err != nil {
		return nil, credentials{}, err
	}
	s.enterprise = org.ID
	return s, credentials{username, enterprisePass}, nil
}
