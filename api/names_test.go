package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// badNames are refused as any name: blank once trimmed, or holding a control,
// zero-width or text-direction character.
var badNames = []string{
	" \u3000\t ",
	"清河\n机床", "清河\x00机床", "清河\u0085机床",
	"清河\u200b机床", "清河\u200c机床", "清河\u200d机床", "清河\u2060机床", "\ufeff清河机床",
	"清河\u202e床机", "清河\u202a机床", "清河\u2066机床", "清河\u2069机床", "清河\u200e机床", "清河\u200f机床",
}

// composed is "Café 清河" written with a combining acute accent, spaces around:
// it is stored in Unicode NFC, trimmed.
const composed, stored = "  Cafe\u0301 清河 ", "Caf\u00e9 清河"

func TestNames_NormalisedAndInvisibleCharactersRefused(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var ct struct {
			ID      uint   `json:"id"`
			Name    string `json:"name"`
			Version int    `json:"version"`
		}
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": composed, "kind": "skills", "format": "tackling", "level": "district",
			"organiser_id": f.district.ID, "registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(time.Hour)}, &ct)
		var o org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": composed}, &o)
		var acc struct {
			ID          uint   `json:"id"`
			DisplayName string `json:"display_name"`
			Version     int    `json:"version"`
		}
		a.must(201, "POST", "/api/v1/accounts", map[string]any{"username": "named", "display_name": composed, "role": "judge",
			"organisation_id": f.root.ID, "password": "Initial-pass-1"}, &acc)
		var ev event
		eventsPath := fmt.Sprintf("/api/v1/contests/%d/events", ct.ID)
		a.must(201, "POST", eventsPath, map[string]any{"name": composed, "entrant_type": "team", "team_size": 2}, &ev)
		if ct.Name != stored || o.Name != stored || acc.DisplayName != stored || ev.Name != stored {
			t.Errorf("stored %q, %q, %q, %q; want %q", ct.Name, o.Name, acc.DisplayName, ev.Name, stored)
		}
		// Written either way, it is the same name.
		a.mustFail(409, "duplicate", "name", "POST", eventsPath, map[string]any{"name": stored, "entrant_type": "individual"})

		for _, bad := range badNames {
			a.mustFail(422, "validation_failed", "name", "POST", "/api/v1/contests", map[string]any{"name": bad, "kind": "labour", "level": "district", "organiser_id": f.district.ID})
			a.mustFail(422, "validation_failed", "name", "PATCH", fmt.Sprintf("/api/v1/contests/%d", ct.ID), map[string]any{"name": bad, "version": ct.Version})
			a.mustFail(422, "validation_failed", "name", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": bad})
			a.mustFail(422, "validation_failed", "name", "PATCH", orgPath(o.ID), map[string]any{"name": bad, "version": o.Version})
			a.mustFail(422, "validation_failed", "display_name", "POST", "/api/v1/accounts", map[string]any{"username": "named2", "display_name": bad,
				"role": "judge", "organisation_id": f.root.ID, "password": "Initial-pass-1"})
			a.mustFail(422, "validation_failed", "display_name", "PATCH", accPath(acc.ID), map[string]any{"display_name": bad, "version": acc.Version})
			a.mustFail(422, "validation_failed", "name", "POST", eventsPath, map[string]any{"name": bad})
			a.mustFail(422, "validation_failed", "name", "PATCH", fmt.Sprintf("/api/v1/events/%d", ev.ID), map[string]any{"name": bad, "version": ev.Version})
		}

		a.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID), map[string]any{"to": "registration_open"}, nil)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		member := func(name, id string) map[string]any {
			return worker(name, idNumber(id), "female")["person"].(map[string]any)
		}
		team := func(teamName, second string) map[string]any {
			return map[string]any{"team_name": teamName, "members": []any{member("甲", "11010519850101002"), member(second, "11010519850101004")}}
		}
		for _, bad := range badNames {
			ent.mustFail(422, "validation_failed", "person.name", "POST", entrantsPath(f.event), worker(bad, idNumber("11010519850101006"), "female"))
			withMaster := worker("徒弟", idNumber("11010519850101006"), "female")
			withMaster["master"] = member(bad, "11010519850101008")
			ent.mustFail(422, "validation_failed", "master.name", "POST", entrantsPath(f.event), withMaster)
			ent.mustFail(422, "validation_failed", "team_name", "POST", entrantsPath(ev), team(bad, "乙"))
			ent.mustFail(422, "validation_failed", "members[1].name", "POST", entrantsPath(ev), team("攻关一队", bad))
		}
		// The message says which character and where.
		ent.lang = "en"
		e := ent.mustFail(422, "validation_failed", "person.name", "POST", entrantsPath(f.event), worker("王\u202e强", idNumber("11010519850101006"), "female"))
		if msg := e.Error.Fields[0].Message; !strings.Contains(msg, "U+202E") || !strings.Contains(msg, "character 2") {
			t.Errorf("message %q does not name the character", msg)
		}
		ent.lang = ""
		var got struct {
			TeamName string   `json:"team_name"`
			Members  []person `json:"members"`
		}
		ent.must(201, "POST", entrantsPath(ev), team(composed, composed), &got)
		if got.TeamName != stored || got.Members[1].Name != stored {
			t.Errorf("team %q with member %q, want %q", got.TeamName, got.Members[1].Name, stored)
		}
	})
}

// The longest names are counted in characters, after normalising, as the
// database columns hold them.
func TestNames_LongestNamesInCharacters(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		long := func(n int) string { return strings.Repeat("工", n) }
		var ct contest
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": long(200), "kind": "labour", "level": "district", "organiser_id": f.district.ID}, &ct)
		a.mustFail(422, "validation_failed", "name", "POST", "/api/v1/contests", map[string]any{"name": long(201), "kind": "labour", "level": "district", "organiser_id": f.district.ID})
		eventsPath := fmt.Sprintf("/api/v1/contests/%d/events", ct.ID)
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": long(128)}, nil)
		a.mustFail(422, "validation_failed", "name", "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "grassroots_union", "name": long(129)})
		a.must(201, "POST", eventsPath, map[string]any{"name": long(100)}, nil)
		a.mustFail(422, "validation_failed", "name", "POST", eventsPath, map[string]any{"name": long(101)})
		a.must(201, "POST", "/api/v1/accounts", map[string]any{"username": "longname", "display_name": long(64), "role": "judge", "organisation_id": f.root.ID, "password": "Initial-pass-1"}, nil)
		a.mustFail(422, "validation_failed", "display_name", "POST", "/api/v1/accounts", map[string]any{"username": "longname2", "display_name": long(65), "role": "judge", "organisation_id": f.root.ID, "password": "Initial-pass-1"})
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.must(201, "POST", entrantsPath(f.event), worker(long(32), idNumber("11010519850101006"), "female"), nil)
		ent.mustFail(422, "validation_failed", "person.name", "POST", entrantsPath(f.event), worker(long(33), idNumber("11010519850101008"), "female"))
		// U+0958 has no composed form: NFC writes it as two characters.
		ent.mustFail(422, "validation_failed", "person.name", "POST", entrantsPath(f.event), worker(long(31)+"\u0958", idNumber("11010519850101008"), "female"))
	})
}
