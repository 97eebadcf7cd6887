package api_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// errorOf reads an error answer.
func errorOf(t *testing.T, res *httptest.ResponseRecorder) apiError {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(res.Body.Bytes(), &e); err != nil {
		t.Fatalf("%d %s: %v", res.Code, res.Body, err)
	}
	return e
}

func TestJSON_ABodyInAnotherFormatIs415(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	body := `{"username":"admin","password":"` + adminPassword + `"}`
	send := func(contentType, lang string) *httptest.ResponseRecorder {
		req := newJSONRequest("POST", "/api/v1/auth/login?lang="+lang, body)
		req.Header.Set("Content-Type", contentType)
		return serve(s, req)
	}
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"} {
		if res := send(ct, "zh"); res.Code != 200 {
			t.Errorf("Content-Type %q: %d %s", ct, res.Code, res.Body)
		}
	}
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx", "json"} {
		res := send(ct, "zh")
		if e := errorOf(t, res); res.Code != 415 || e.Error.Code != "unsupported_media_type" || e.Error.Message == "" || e.Error.RequestID == "" {
			t.Errorf("Content-Type %q: %d %s", ct, res.Code, res.Body)
		}
	}
	for _, tc := range []struct{ contentType, lang, want string }{
		{"text/plain", "zh", "请求内容须为 JSON（Content-Type: application/json），收到的是 text/plain"},
		{"text/plain", "en", "the request body must be JSON (Content-Type: application/json), not text/plain"},
		{"", "en", "the request body must be JSON (Content-Type: application/json), not a body of no stated type"},
	} {
		if got := errorOf(t, send(tc.contentType, tc.lang)).Error.Message; got != tc.want {
			t.Errorf("Content-Type %q in %s: %q, want %q", tc.contentType, tc.lang, got, tc.want)
		}
	}
}

func TestJSON_AnythingAfterTheValueIs400(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	c := s.anonymous()
	login := `{"username":"admin","password":"` + adminPassword + `"}`
	for _, body := range []string{login + ` x`, login + login, login + ` {}`, login + ` 1`, login + `]`} {
		c.mustFail(400, "bad_request", "", "POST", "/api/v1/auth/login", body)
	}
	c.must(200, "POST", "/api/v1/auth/login", login+" \n\t ", nil)
}

func TestJSON_TheDrawNeedsNoBody(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		o.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/entrants/approve", f.event.ID), map[string]any{"ids": []uint{f.entrant.ID}}, nil)
		o.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.contest.ID), map[string]any{"to": "registration_closed"}, nil)
		// As the web app sends it: no body, so no Content-Type either.
		var d drawResult
		o.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/draw", f.event.ID), nil, &d)
		if len(d.Assignments) != 1 || d.Seed == "" {
			t.Fatalf("draw: %+v", d)
		}
	})
}

func TestPaging_APageBeyondAnyOffsetIs422(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var page struct {
			Items []org `json:"items"`
			Page  int   `json:"page"`
		}
		a.must(200, "GET", "/api/v1/organisations?page=1000000&page_size=200", nil, &page)
		if len(page.Items) != 0 || page.Page != 1000000 {
			t.Errorf("last page: %+v", page)
		}
		for _, path := range []string{"/api/v1/organisations", "/api/v1/accounts", "/api/v1/people", "/api/v1/contests", entrantsPath(f.event)} {
			for _, p := range []string{"1000001", "9223372036854775807", "46116860184273880"} {
				a.mustFail(422, "validation_failed", "page", "GET", path+"?page_size=200&page="+p, nil)
			}
		}
	})
}
