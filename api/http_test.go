package api_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"leitai/api"
	"leitai/model/modeltest"
	"leitai/service"
)

func newJSONRequest(method, path, body string) *http.Request {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}

func serve(s *server, req *http.Request) *httptest.ResponseRecorder {
	res := httptest.NewRecorder()
	s.handler.ServeHTTP(res, req)
	return res
}

func TestErrors_MalformedJSONIs400AndWrongTypeIs422(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	c := s.anonymous()
	c.mustFail(400, "bad_request", "", "POST", "/api/v1/auth/login", `{"username": "admin",`)
	c.mustFail(400, "bad_request", "", "POST", "/api/v1/auth/login", ``)
	c.mustFail(422, "validation_failed", "username", "POST", "/api/v1/auth/login", `{"username": 5, "password": "x"}`)
	c.mustFail(422, "validation_failed", "password", "POST", "/api/v1/auth/login", `{"username": "admin"}`)
}

func TestErrors_BodyOverTheLimitIs413(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	big := `{"username":"admin","password":"` + strings.Repeat("x", 2<<20) + `"}`
	s.anonymous().mustFail(413, "too_large", "", "POST", "/api/v1/auth/login", big)
}

func TestErrors_EnglishOnRequest(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	c := s.anonymous()
	zh := c.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
	if zh.Error.Message != "请先登录" {
		t.Errorf("default message %q, want Chinese", zh.Error.Message)
	}
	c.lang = "en-GB,en;q=0.9"
	en := c.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
	if en.Error.Message != "please log in" {
		t.Errorf("English message %q", en.Error.Message)
	}
	c.lang = ""
	en = c.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me?lang=en", nil)
	if en.Error.Message != "please log in" {
		t.Errorf("?lang=en message %q", en.Error.Message)
	}
}

func TestRouting_UnknownAPIPathIsJSON404AndWrongMethod405(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	c := s.anonymous()
	c.mustFail(404, "not_found", "", "GET", "/api/v1/nothing-here", nil)
	c.mustFail(405, "method_not_allowed", "", "PUT", "/api/v1/auth/login", nil)
}

func TestRequestID_OnEveryResponseAndKeptFromAProxy(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	res := serve(s, httptest.NewRequest("GET", "/healthz", nil))
	if res.Header().Get("X-Request-ID") == "" {
		t.Error("no X-Request-ID")
	}
	req := httptest.NewRequest("GET", "/healthz", nil)
	req.Header.Set("X-Request-ID", "proxy-42")
	if got := serve(s, req).Header().Get("X-Request-ID"); got != "proxy-42" {
		t.Errorf("request id %q, want the proxy's", got)
	}
	req = httptest.NewRequest("GET", "/healthz", nil)
	req.Header.Set("X-Request-ID", "bad id\nwith newline")
	if got := serve(s, req).Header().Get("X-Request-ID"); strings.ContainsAny(got, " \n") || got == "" {
		t.Errorf("unsafe request id kept: %q", got)
	}
}

func TestHealth_ReadyPingsTheDatabase(t *testing.T) {
	db := modeltest.SQLite(t)
	s := newServer(t, db)
	if res := serve(s, httptest.NewRequest("GET", "/readyz", nil)); res.Code != 200 {
		t.Fatalf("readyz: %d", res.Code)
	}
	sqlDB, _ := db.DB()
	sqlDB.Close()
	if res := serve(s, httptest.NewRequest("GET", "/readyz", nil)); res.Code != http.StatusServiceUnavailable {
		t.Fatalf("readyz with the database closed: %d", res.Code)
	}
	if res := serve(s, httptest.NewRequest("GET", "/healthz", nil)); res.Code != 200 {
		t.Fatalf("healthz: %d", res.Code)
	}
}

func TestSPA_DeepLinksGetIndexAndAssetsAreCachedLong(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	for _, p := range []string{"/", "/accounts", "/organisations/12", "/index.html"} {
		res := serve(s, httptest.NewRequest("GET", p, nil))
		if res.Code != 200 || !strings.Contains(res.Body.String(), "<title>擂台</title>") {
			t.Errorf("%s: %d %q", p, res.Code, res.Body)
		}
		if cc := res.Header().Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", p, cc)
		}
	}
	res := serve(s, httptest.NewRequest("GET", "/assets/index-abc1.js", nil))
	if res.Code != 200 || !strings.Contains(res.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("asset: %d Cache-Control %q", res.Code, res.Header().Get("Cache-Control"))
	}
}

// TestSPA_ABrowserThatTakesGzipGetsTheBuiltCompressedCopy: the build writes
// a .gz beside each large script and style; a browser that takes gzip gets
// it, one that does not gets the file itself, and either answer says it
// varies with Accept-Encoding.
func TestSPA_ABrowserThatTakesGzipGetsTheBuiltCompressedCopy(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	get := func(method, path, accept string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		return serve(s, req)
	}
	res := get("GET", "/assets/index-abc1.js", "gzip, deflate, br")
	if res.Code != 200 || res.Header().Get("Content-Encoding") != "gzip" || res.Header().Get("Vary") != "Accept-Encoding" ||
		!strings.HasPrefix(res.Header().Get("Content-Type"), "text/javascript") || !strings.Contains(res.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("compressed asset: %d %v", res.Code, res.Header())
	}
	if plain := gunzipped(t, res.Body); plain != spaScript {
		t.Errorf("compressed asset unpacks to %q", plain)
	}
	for _, accept := range []string{"", "br", "gzip;q=0"} {
		res := get("GET", "/assets/index-abc1.js", accept)
		if res.Code != 200 || res.Header().Get("Content-Encoding") != "" || res.Body.String() != spaScript || res.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: %d %v %q", accept, res.Code, res.Header(), res.Body)
		}
	}
	if res := get("HEAD", "/assets/index-abc1.js", "gzip"); res.Code != 200 || res.Header().Get("Content-Encoding") != "gzip" || res.Body.Len() != 0 {
		t.Errorf("HEAD: %d %v %d bytes", res.Code, res.Header(), res.Body.Len())
	}
	// A file the build left as it is goes as it is.
	if res := get("GET", "/favicon.ico", "gzip"); res.Code != 200 || res.Header().Get("Content-Encoding") != "" || res.Header().Get("Vary") != "" || res.Body.String() != "ico" {
		t.Errorf("favicon: %d %v %q", res.Code, res.Header(), res.Body)
	}
}

// TestRecovery_APanicIs500WithTheRequestIDAndNothingInternal runs the router
// without a service: the first request that needs it panics.
func TestRecovery_APanicIs500WithTheRequestIDAndNothingInternal(t *testing.T) {
	var logged strings.Builder
	h, err := api.NewRouter(nil, slog.New(slog.NewTextHandler(&logged, nil)), spaFiles, api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/api/v1/auth/me", nil)
	req.AddCookie(&http.Cookie{Name: api.SessionCookie, Value: "x"})
	res := httptest.NewRecorder()
	h.ServeHTTP(res, req)
	rid := res.Header().Get("X-Request-ID")
	if res.Code != http.StatusInternalServerError || !strings.Contains(res.Body.String(), `"code":"internal"`) || !strings.Contains(res.Body.String(), rid) {
		t.Fatalf("%d %s", res.Code, res.Body)
	}
	if strings.Contains(res.Body.String(), "nil pointer") || strings.Contains(res.Body.String(), ".go:") {
		t.Errorf("the answer leaks internals: %s", res.Body)
	}
	if !strings.Contains(logged.String(), "panic") || !strings.Contains(logged.String(), rid) {
		t.Errorf("the panic was not logged with its request id:\n%s", logged.String())
	}
}

func TestSecurityHeaders_PolicyOnTheAppAndTheAPI(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	want := map[string]string{
		"default-src":     "'self'",
		"script-src":      "'self'",
		"style-src":       "'self'",
		"img-src":         "'self' data:",
		"connect-src":     "'self'",
		"object-src":      "'none'",
		"base-uri":        "'none'",
		"frame-ancestors": "'none'",
		"form-action":     "'self'",
	}
	for _, p := range []string{"/", "/contests/7", "/assets/index-abc1.js", "/api/v1/auth/me", "/api/v1/nothing-here", "/healthz"} {
		csp := serve(s, httptest.NewRequest("GET", p, nil)).Header().Get("Content-Security-Policy")
		directives := map[string]string{}
		for _, d := range strings.Split(csp, ";") {
			name, sources, _ := strings.Cut(strings.TrimSpace(d), " ")
			directives[name] = sources
		}
		for name, sources := range want {
			if directives[name] != sources {
				t.Errorf("%s: %s is %q, want %q (policy %q)", p, name, directives[name], sources, csp)
			}
		}
	}
}

func TestAPI_AnswersAreNeverStored(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	anonymous, admin := s.anonymous(), s.admin()
	for _, r := range []struct {
		c            *client
		method, path string
		status       int
	}{
		{admin, "GET", "/api/v1/auth/me", 200},
		{admin, "GET", "/api/v1/organisations/tree", 200},
		{admin, "GET", "/api/v1/organisations/999999", 404},
		{anonymous, "GET", "/api/v1/auth/me", 401},
		{anonymous, "POST", "/api/v1/auth/login", 400},
		{anonymous, "GET", "/api/v1/nothing-here", 404},
		{anonymous, "PUT", "/api/v1/auth/login", 405},
	} {
		res := r.c.do(r.method, r.path, nil)
		if res.Code != r.status {
			t.Errorf("%s %s: %d, want %d: %s", r.method, r.path, res.Code, r.status, res.Body)
		}
		if cc := res.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s %s: Cache-Control %q, want no-store", r.method, r.path, cc)
		}
	}
}

// TestHangUp_IsLoggedAsTheClientsNotAsAnError: a request whose client went
// away stops, and the log says so instead of reporting an internal error.
func TestHangUp_IsLoggedAsTheClientsNotAsAnError(t *testing.T) {
	var logged strings.Builder
	s := newServerWith(t, modeltest.SQLite(t), func(o *service.Options) {
		o.Logger = slog.New(slog.NewTextHandler(&logged, nil))
	})
	c := s.admin()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/api/v1/organisations/tree", nil).WithContext(ctx)
	req.AddCookie(&http.Cookie{Name: api.SessionCookie, Value: c.cookie})
	res := httptest.NewRecorder()
	s.handler.ServeHTTP(res, req)
	if res.Code != 499 || res.Body.Len() != 0 {
		t.Errorf("hung-up request: %d %q, want 499 and no body", res.Code, res.Body)
	}
	if !strings.Contains(logged.String(), "client closed the request") || strings.Contains(logged.String(), "internal error") {
		t.Errorf("log:\n%s", logged.String())
	}
}
