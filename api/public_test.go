package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

type publicLine struct {
	Status         string   `json:"status"`
	Rank           int      `json:"rank"`
	DrawNumber     string   `json:"draw_number"`
	Name           string   `json:"name"`
	EnterpriseName string   `json:"enterprise_name"`
	Total          float64  `json:"total"`
	Award          string   `json:"award"`
	Titles         []string `json:"titles"`
}

type publicEvent struct {
	ID     uint `json:"id"`
	Stages []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"stages"`
	Name    string       `json:"name"`
	Decoded bool         `json:"decoded"`
	Reveal  string       `json:"reveal"`
	Hidden  int          `json:"hidden"`
	Lines   []publicLine `json:"lines"`
}

type publicResults struct {
	Contest struct {
		ID     uint   `json:"id"`
		Name   string `json:"name"`
		Status string `json:"status"`
	} `json:"contest"`
	CurrentEventID *uint         `json:"current_event_id"`
	Events         []publicEvent `json:"events"`
}

func publicResultsPath(ct contest) string {
	return fmt.Sprintf("/api/v1/public/contests/%d/results", ct.ID)
}

// getPublic asks for a public answer as a browser does, with the tag it
// holds, and checks the answer against the contract.
func (s *server) getPublic(path, tag string) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	if tag != "" {
		req.Header.Set("If-None-Match", tag)
	}
	res := serve(s, req)
	if err := checkContract(req, res); err != nil {
		s.t.Errorf("GET %s: %d does not keep docs/openapi.yaml: %v", path, res.Code, err)
	}
	return res
}

// publishFitter has 钳工 marked, signed off and computed (a0 first, c
// second, a1 third), and the contest enter public notice; 焊工 has no results.
func (s *server) publishFitter(f judgingFixture) *client {
	s.t.Helper()
	org := s.login(f.organiser.Username, fixturePwd)
	a0, a1, c := f.numbersA[0], f.numbersA[1], f.numberC
	s.markFitter(f, map[string]float64{a0: 80, a1: 70, c: 90}, map[string]float64{a0: 90, a1: 60, c: 70}, 80)
	org.must(200, "POST", resultsPath(f.fitter), nil, nil)
	org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
	return org
}

// expectNoPersonalData fails when a public answer carries anything but
// published results: an ID number, a mobile, an account or an internal note.
func expectNoPersonalData(t *testing.T, raw []byte) {
	t.Helper()
	body := string(raw)
	for _, first17 := range []string{"11010519800101011", "11010519800101021", "11010519800101031", "11010519800101041"} {
		if strings.Contains(body, first17) || strings.Contains(body, idNumber(first17)) {
			t.Errorf("a public answer carries the ID number %s: %s", first17, body)
		}
	}
	for _, word := range []string{"13912345678", "id_number", "mobile", "username", "judge_", "entrant_id", "notes", "computed_by", "org_qh", "ent_qh"} {
		if strings.Contains(body, word) {
			t.Errorf("a public answer carries %q: %s", word, body)
		}
	}
}

// TestPublicResults_AnonymousSeesPublishedOnlyNamedOnceDecoded: nothing of
// a contest before public notice; then its published version only, by draw
// number until decoded, never an ID number or a mobile.
func TestPublicResults_AnonymousSeesPublishedOnlyNamedOnceDecoded(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		anon := s.anonymous()
		var list []struct {
			ID   uint   `json:"id"`
			Name string `json:"name"`
		}
		anon.must(200, "GET", "/api/v1/public/contests", nil, &list)
		if len(list) != 0 {
			t.Errorf("contests listed before any publication: %+v", list)
		}
		anon.mustFail(404, "not_found", "", "GET", publicResultsPath(f.judgingContest), nil)
		anon.mustFail(404, "not_found", "", "GET", publicResultsPath(f.contest), nil)
		anon.mustFail(404, "not_found", "", "GET", "/api/v1/public/contests/999999/results", nil)

		// Judged and computed, not yet published: still nothing.
		org := s.login(f.organiser.Username, fixturePwd)
		a0, a1, c := f.numbersA[0], f.numbersA[1], f.numberC
		s.markFitter(f, map[string]float64{a0: 80, a1: 70, c: 90}, map[string]float64{a0: 90, a1: 60, c: 70}, 80)
		org.must(200, "POST", resultsPath(f.fitter), nil, nil)
		anon.mustFail(404, "not_found", "", "GET", publicResultsPath(f.judgingContest), nil)

		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		anon.must(200, "GET", "/api/v1/public/contests", nil, &list)
		if len(list) != 1 || list[0].ID != f.judgingContest.ID || list[0].Name != "全区钳工焊工比武" {
			t.Errorf("public contests: %+v", list)
		}
		res := anon.do("GET", publicResultsPath(f.judgingContest), nil)
		var out publicResults
		if res.Code != 200 || json.Unmarshal(res.Body.Bytes(), &out) != nil {
			t.Fatalf("public results: %d %s", res.Code, res.Body)
		}
		expectNoPersonalData(t, res.Body.Bytes())
		// 焊工 has no results: only 钳工 shows, by draw number.
		if len(out.Events) != 1 || out.Events[0].Name != "钳工" || out.Events[0].Decoded || out.Events[0].Reveal != "all" ||
			fmt.Sprint(out.Events[0].Stages) != "[{theory 理论} {practical 实操}]" {
			t.Fatalf("public events: %+v", out.Events)
		}
		want := []publicLine{{"ranked", 1, a0, "", "", 87, "first", []string{}}, {"ranked", 2, c, "", "", 79.5, "second", []string{}},
			{"ranked", 3, a1, "", "", 63, "third", []string{}}}
		for i, l := range out.Events[0].Lines {
			l.Titles = []string{}
			if i >= len(want) || fmt.Sprint(l) != fmt.Sprint(want[i]) {
				t.Errorf("line %d: %+v, want %+v", i, l, want)
			}
		}
		for _, name := range []string{"赵强", "钱进", "孙立", "清河机床", "清河电力"} {
			if strings.Contains(res.Body.String(), name) {
				t.Errorf("the public sees %s before decoding: %s", name, res.Body)
			}
		}

		// A version computed during public notice is not published: the public keeps seeing version 1.
		var v1 model.ResultSnapshot
		if err := db.Where("event_id = ?", f.fitter.ID).Take(&v1).Error; err != nil {
			t.Fatal(err)
		}
		stored, err := model.UnpackResult(v1.Result)
		if err != nil {
			t.Fatal(err)
		}
		changed, err := model.PackResult([]byte(strings.ReplaceAll(string(stored), `"total":87`, `"total":99`)))
		if err != nil {
			t.Fatal(err)
		}
		v2 := model.ResultSnapshot{EventID: v1.EventID, Version: 2, RulesVersion: v1.RulesVersion, Result: changed,
			ComputedBy: v1.ComputedBy, ComputedAt: v1.ComputedAt}
		if !strings.Contains(string(stored), `"total":87`) {
			t.Fatalf("the snapshot has no total of 87: %s", stored)
		}
		if err := db.Create(&v2).Error; err != nil {
			t.Fatal(err)
		}
		anon.must(200, "GET", publicResultsPath(f.judgingContest), nil, &out)
		if out.Events[0].Lines[0].Total != 87 {
			t.Errorf("the public sees an unpublished version: %+v", out.Events[0].Lines[0])
		}
		if err := db.Delete(&v2).Error; err != nil {
			t.Fatal(err)
		}

		// Decoded to names during public notice: names and enterprises appear, still no ID number.
		org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
		res = anon.do("GET", publicResultsPath(f.judgingContest), nil)
		if err := json.Unmarshal(res.Body.Bytes(), &out); err != nil || res.Code != 200 {
			t.Fatalf("%d %s", res.Code, res.Body)
		}
		expectNoPersonalData(t, res.Body.Bytes())
		if l := out.Events[0].Lines[0]; !out.Events[0].Decoded || l.Name != "赵强" || l.EnterpriseName != "清河机床" || l.DrawNumber != a0 {
			t.Errorf("decoded line: %+v", l)
		}
		// A logged-in enterprise gets the same public answer, nothing more.
		own := s.login(f.enterpriseAcc.Username, fixturePwd).do("GET", publicResultsPath(f.judgingContest), nil)
		if own.Code != 200 || own.Body.String() != res.Body.String() {
			t.Errorf("an enterprise's public answer differs: %s", own.Body)
		}
		// Published snapshots alone do not make a contest public: its step does too.
		if err := db.Model(&model.Contest{}).Where("id = ?", f.judgingContest.ID).Update("status", "judging").Error; err != nil {
			t.Fatal(err)
		}
		anon.mustFail(404, "not_found", "", "GET", publicResultsPath(f.judgingContest), nil)
	})
}

// TestPublicResults_CacheableWithETagAnd304: a public answer may be kept a
// few seconds and carries a tag; a reader holding the tag is answered 304
// with no body until the results, their decoding or their reveal change.
// Errors are never stored.
func TestPublicResults_CacheableWithETagAnd304(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		path := publicResultsPath(f.judgingContest)
		if res := s.getPublic(path, ""); res.Code != 404 || res.Header().Get("Cache-Control") != "no-store" || res.Header().Get("ETag") != "" {
			t.Errorf("an unpublished contest: %d, Cache-Control %q, ETag %q", res.Code, res.Header().Get("Cache-Control"), res.Header().Get("ETag"))
		}
		org := s.publishFitter(f)

		first := s.getPublic(path, "")
		tag := first.Header().Get("ETag")
		if first.Code != 200 || first.Header().Get("Cache-Control") != "public, max-age=5" || !strings.HasPrefix(tag, `W/"`) {
			t.Fatalf("first answer: %d, Cache-Control %q, ETag %q", first.Code, first.Header().Get("Cache-Control"), tag)
		}
		again := s.getPublic(path, "")
		if again.Header().Get("ETag") != tag || again.Body.String() != first.Body.String() {
			t.Errorf("the same state answered differently: %q %s", again.Header().Get("ETag"), again.Body)
		}
		for _, held := range []string{tag, strings.TrimPrefix(tag, "W/"), `"other", ` + tag} {
			res := s.getPublic(path, held)
			if res.Code != http.StatusNotModified || res.Body.Len() != 0 || res.Header().Get("ETag") != tag ||
				res.Header().Get("Cache-Control") != "public, max-age=5" {
				t.Errorf("If-None-Match %s: %d, ETag %q, body %q", held, res.Code, res.Header().Get("ETag"), res.Body)
			}
		}
		if res := s.getPublic(path, `"stale"`); res.Code != 200 || res.Body.String() != first.Body.String() {
			t.Errorf("a stale tag: %d", res.Code)
		}
		// A reader that takes gzip gets the same results compressed, under the same tag.
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		packed := serve(s, req)
		if packed.Code != 200 || packed.Header().Get("Content-Encoding") != "gzip" || packed.Header().Get("ETag") != tag ||
			packed.Header().Get("Vary") != "Accept-Encoding" {
			t.Fatalf("gzip: %d %v", packed.Code, packed.Header())
		}
		size := packed.Body.Len()
		if plain := gunzipped(t, packed.Body); plain != first.Body.String() || size >= first.Body.Len() {
			t.Errorf("gzip: %d bytes of %d unpack to %q", size, first.Body.Len(), plain)
		}
		req.Header.Set("Accept-Encoding", "gzip;q=0")
		if res := serve(s, req); res.Header().Get("Content-Encoding") != "" || res.Body.String() != first.Body.String() {
			t.Errorf("gzip refused, yet: %v", res.Header())
		}

		// Decoding changes the answer and its tag …
		org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
		decoded := s.getPublic(path, tag)
		if decoded.Code != 200 || decoded.Header().Get("ETag") == tag || !strings.Contains(decoded.Body.String(), "赵强") {
			t.Fatalf("after decoding: %d %q %s", decoded.Code, decoded.Header().Get("ETag"), decoded.Body)
		}
		// … and so does a step of the reveal.
		tag = decoded.Header().Get("ETag")
		org.must(200, "PUT", fmt.Sprintf("/api/v1/events/%d/reveal", f.fitter.ID), map[string]any{"level": "none", "version": 0}, nil)
		if res := s.getPublic(path, tag); res.Code != 200 || res.Header().Get("ETag") == tag || strings.Contains(res.Body.String(), "赵强") {
			t.Errorf("after a reveal step: %d %q %s", res.Code, res.Header().Get("ETag"), res.Body)
		}

		// The list is cacheable the same way.
		list := s.getPublic("/api/v1/public/contests", "")
		if list.Code != 200 || list.Header().Get("Cache-Control") != "public, max-age=30" || list.Header().Get("ETag") == "" {
			t.Fatalf("public list: %d %q %q", list.Code, list.Header().Get("Cache-Control"), list.Header().Get("ETag"))
		}
		if res := s.getPublic("/api/v1/public/contests", list.Header().Get("ETag")); res.Code != 304 || res.Body.Len() != 0 {
			t.Errorf("public list with its tag: %d %s", res.Code, res.Body)
		}
		// Everything else of the API is still never stored.
		if res := org.do("GET", resultsPath(f.fitter), nil); res.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("the organisers' results: Cache-Control %q", res.Header().Get("Cache-Control"))
		}
	})
}

// TestReveal_PublicShowsOnlyTheRevealedPart steps 钳工's reveal from
// nothing to everything and reads what the public sees at each level;
// once the contest is final everything shows and the reveal is frozen.
func TestReveal_PublicShowsOnlyTheRevealedPart(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.publishFitter(f)
		org.must(200, "POST", resultsPath(f.fitter, "/decode"), nil, nil)
		anon := s.anonymous()
		revealPath := fmt.Sprintf("/api/v1/events/%d/reveal", f.fitter.ID)
		reveals := fmt.Sprintf("/api/v1/contests/%d/reveals", f.judgingContest.ID)

		var list []struct {
			EventID   uint   `json:"event_id"`
			Published bool   `json:"published"`
			Level     string `json:"level"`
			Version   int    `json:"version"`
		}
		org.must(200, "GET", reveals, nil, &list)
		if len(list) != 2 || !list[0].Published || list[0].Level != "all" || list[0].Version != 0 || list[1].Published {
			t.Fatalf("reveals before any step: %+v", list)
		}
		var out publicResults
		anon.must(200, "GET", publicResultsPath(f.judgingContest), nil, &out)
		if out.CurrentEventID != nil || len(out.Events[0].Lines) != 3 {
			t.Errorf("before any step: %+v", out)
		}

		version := 0
		for _, step := range []struct {
			level string
			names []string
		}{
			{"none", nil},
			{"honourable", nil},
			{"third", []string{"钱进"}},
			{"second", []string{"孙立", "钱进"}},
			{"first", []string{"赵强", "孙立", "钱进"}},
			{"none", nil}, // a step taken back
			{"all", []string{"赵强", "孙立", "钱进"}},
		} {
			var r struct {
				Level   string `json:"level"`
				Version int    `json:"version"`
			}
			org.must(200, "PUT", revealPath, map[string]any{"level": step.level, "version": version}, &r)
			if r.Level != step.level || r.Version != version+1 {
				t.Errorf("step to %s: %+v", step.level, r)
			}
			version = r.Version
			res := anon.do("GET", publicResultsPath(f.judgingContest), nil)
			if err := json.Unmarshal(res.Body.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			ev := out.Events[0]
			var names []string
			for _, l := range ev.Lines {
				names = append(names, l.Name)
			}
			if !slices.Equal(names, step.names) || ev.Reveal != step.level || ev.Hidden != 3-len(step.names) ||
				out.CurrentEventID == nil || *out.CurrentEventID != f.fitter.ID {
				t.Errorf("at %s the public sees %v (hidden %d, reveal %s, current %v), want %v", step.level, names, ev.Hidden, ev.Reveal, out.CurrentEventID, step.names)
			}
			for _, hidden := range []string{"赵强", "孙立", "钱进"} {
				if !slices.Contains(step.names, hidden) && strings.Contains(res.Body.String(), hidden) {
					t.Errorf("at %s the answer carries %s", step.level, hidden)
				}
			}
		}
		var audit model.AuditEntry
		if err := db.Where("action = ?", "results.reveal").Last(&audit).Error; err != nil {
			t.Errorf("the reveal is not audited: %v", err)
		}

		// Wrong input, stale versions, events without published results.
		org.mustFail(422, "validation_failed", "level", "PUT", revealPath, map[string]any{"level": "gold", "version": version})
		org.mustFail(409, "stale_version", "", "PUT", revealPath, map[string]any{"level": "none", "version": version - 1})
		org.mustFail(409, "conflict", "", "PUT", fmt.Sprintf("/api/v1/events/%d/reveal", f.welder.ID), map[string]any{"level": "none", "version": 0})

		// Left at nothing, then made final: the public sees everything, and the reveal no longer moves.
		org.must(200, "PUT", revealPath, map[string]any{"level": "none", "version": version}, nil)
		s.resultsOfWelder(f)
		s.now = time.Date(2026, 12, 1, 16, 0, 0, 0, time.UTC) // the end of the notice, 2026-12-01 in Beijing
		org = s.login(f.organiser.Username, fixturePwd)
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "final"}, nil)
		anon.must(200, "GET", publicResultsPath(f.judgingContest), nil, &out)
		if len(out.Events) != 2 || len(out.Events[0].Lines) != 3 || out.Events[0].Reveal != "all" || out.CurrentEventID != nil || out.Contest.Status != "final" {
			t.Errorf("final results: %+v", out)
		}
		org.mustFail(409, "contest_final", "", "PUT", revealPath, map[string]any{"level": "first", "version": version + 1})
	})
}
