package api_test

import (
	"fmt"
	"net/url"
	"slices"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// searchNames lists what a search finds, by the field the answer names it with.
func (c *client) searchNames(path, q, nameField string) []string {
	c.s.t.Helper()
	var page struct {
		Items []map[string]any `json:"items"`
	}
	c.must(200, "GET", path+"?page_size=200&q="+url.QueryEscape(q), nil, &page)
	names := []string{}
	for _, it := range page.Items {
		names = append(names, it[nameField].(string))
	}
	slices.Sort(names)
	return names
}

// Search text is matched literally: % and _ (and the escape character itself)
// stand for themselves on every database, never for "anything".
func TestSearch_PercentAndUnderscoreAreLiteral(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		s.newAccount(a, "orgaqh", "judge", f.root.ID)
		for i, name := range []string{"达标率50%班组", "达标率500班组", `质检\一班`, "质检一班", "先进!班组", "先进班组"} {
			a.must(201, "POST", "/api/v1/accounts", map[string]any{"username": fmt.Sprintf("judge%d", i), "display_name": name,
				"role": "judge", "organisation_id": f.root.ID, "password": "Initial-pass-1"}, nil)
		}
		for _, name := range []string{"清河_一厂", "清河A一厂"} {
			a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": name}, nil)
		}
		for _, name := range []string{"达标率50%竞赛", "达标率500竞赛"} {
			a.must(201, "POST", "/api/v1/contests", map[string]any{"name": name, "kind": "labour", "level": "district", "organiser_id": f.district.ID}, nil)
		}
		for i, name := range []string{"李_明", "李某明"} {
			p := model.Person{OrganisationID: f.enterprise.ID, Name: name, Gender: "male", IDNumber: idNumber("1101051980020100" + string(rune('1'+2*i))),
				Mobile: "13812345678", Trade: []string{"电工50%", "电工500"}[i], Version: 1}
			if err := db.Create(&p).Error; err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			path, q, field string
			want           []string
		}{
			{"/api/v1/accounts", "org_qh", "username", []string{"org_qh"}},
			{"/api/v1/accounts", "进!班", "display_name", []string{"先进!班组"}},
			{"/api/v1/accounts", "50%", "display_name", []string{"达标率50%班组"}},
			{"/api/v1/accounts", `质检\`, "display_name", []string{`质检\一班`}},
			{"/api/v1/organisations", "河_一", "name", []string{"清河_一厂"}},
			{"/api/v1/organisations", "%", "name", []string{}},
			{"/api/v1/contests", "50%", "name", []string{"达标率50%竞赛"}},
			{"/api/v1/people", "李_", "name", []string{"李_明"}},
			{"/api/v1/people", "电工50%", "name", []string{"李_明"}},
			{"/api/v1/people", "_", "name", []string{"李_明"}},
		} {
			if got := a.searchNames(tc.path, tc.q, tc.field); !slices.Equal(got, tc.want) {
				t.Errorf("%s?q=%s found %q, want %q", tc.path, tc.q, got, tc.want)
			}
		}
	})
}
