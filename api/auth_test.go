package api_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model/modeltest"
	"leitai/service"
)

func TestLogin_WrongPasswordAndUnknownUserGetTheSameAnswer(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		c := s.anonymous()
		wrong := c.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": "nope-nope-1"})
		unknown := c.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", map[string]string{"username": "nobody", "password": "nope-nope-1"})
		if wrong.Error.Message != unknown.Error.Message {
			t.Errorf("messages differ: %q vs %q", wrong.Error.Message, unknown.Error.Message)
		}
		c.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
	})
}

func TestLogin_UsernameIsCaseInsensitive(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		s.login("ADMIN", adminPassword).must(200, "GET", "/api/v1/auth/me", nil, nil)
	})
}

func TestLogin_RepeatedFailuresAreAnswered429UntilTheLockEnds(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		c := s.anonymous()
		bad := map[string]string{"username": "admin", "password": "wrong-pass-1"}
		for i := 0; i < 5; i++ {
			c.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", bad)
		}
		// Locked now: even the right password is refused, with a time to wait.
		res := c.do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": adminPassword})
		if res.Code != http.StatusTooManyRequests {
			t.Fatalf("after 5 failures: %d %s", res.Code, res.Body)
		}
		if wait, _ := strconv.Atoi(res.Header().Get("Retry-After")); wait < 1 || wait > 30 {
			t.Errorf("Retry-After = %q", res.Header().Get("Retry-After"))
		}
		// A failure after the lock doubles it.
		s.now = s.now.Add(31 * time.Second)
		c.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", bad)
		res = c.do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": adminPassword})
		if wait, _ := strconv.Atoi(res.Header().Get("Retry-After")); res.Code != 429 || wait <= 30 {
			t.Errorf("second lock: %d Retry-After %q, want 429 with more than 30 s", res.Code, res.Header().Get("Retry-After"))
		}
		s.now = s.now.Add(61 * time.Second)
		s.login("admin", adminPassword)
		// Success clears the count.
		c.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", bad)
	})
}

func TestSession_LogoutEndsIt(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		c := s.admin()
		cookie := c.cookie
		c.must(204, "POST", "/api/v1/auth/logout", nil, nil)
		replay := &client{s: s, cookie: cookie}
		replay.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
	})
}

func TestSession_ExpiresWhenIdleAndAfterItsMaximum(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		c := s.admin()
		s.now = s.now.Add(service.SessionIdle - time.Minute)
		c.must(200, "GET", "/api/v1/auth/me", nil, nil)
		s.now = s.now.Add(service.SessionIdle + time.Minute)
		c.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)

		c = s.admin()
		for elapsed := time.Duration(0); elapsed < service.SessionMax; elapsed += 6 * time.Hour {
			s.now = s.now.Add(6 * time.Hour)
			c.do("GET", "/api/v1/auth/me", nil)
		}
		s.now = s.now.Add(time.Minute)
		c.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
	})
}

func TestChangePassword_EndsOtherSessionsAndChecksTheOldOne(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		here, elsewhere := s.admin(), s.admin()
		here.mustFail(422, "validation_failed", "old_password", "POST", "/api/v1/auth/password", map[string]string{"old_password": "not-it-123", "new_password": "Better-pass-9"})
		here.mustFail(422, "validation_failed", "new_password", "POST", "/api/v1/auth/password", map[string]string{"old_password": adminPassword, "new_password": "short"})
		here.must(204, "POST", "/api/v1/auth/password", map[string]string{"old_password": adminPassword, "new_password": "Better-pass-9"}, nil)
		here.must(200, "GET", "/api/v1/auth/me", nil, nil)
		elsewhere.mustFail(401, "unauthenticated", "", "GET", "/api/v1/auth/me", nil)
		s.anonymous().mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": adminPassword})
		s.login("admin", "Better-pass-9")
	})
}

func TestFirstLogin_MustChangePasswordBeforeAnythingElse(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		s.admin().must(204, "POST", "/api/v1/accounts/"+strconv.Itoa(int(f.enterpriseAcc.ID))+"/password", map[string]string{"password": "Reset-pass-77"}, nil)
		c := s.login(f.enterpriseAcc.Username, "Reset-pass-77")
		var me struct {
			Account account `json:"account"`
		}
		c.must(200, "GET", "/api/v1/auth/me", nil, &me)
		if !me.Account.MustChangePassword {
			t.Fatal("must_change_password not set after a reset")
		}
		c.mustFail(403, "password_change_required", "", "GET", "/api/v1/people", nil)
		c.must(204, "POST", "/api/v1/auth/password", map[string]string{"old_password": "Reset-pass-77", "new_password": "Own-choice-88"}, nil)
		c.must(200, "GET", "/api/v1/people", nil, nil)
	})
}

func TestCSRF_ChangesNeedTheSessionToken(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		c := s.admin()
		token := c.csrf
		c.csrf = ""
		c.mustFail(403, "csrf_failed", "", "POST", "/api/v1/auth/logout", nil)
		c.csrf = "forged"
		c.mustFail(403, "csrf_failed", "", "POST", "/api/v1/auth/logout", nil)
		c.csrf = token
		c.must(204, "POST", "/api/v1/auth/logout", nil, nil)
	})
}

func TestCSRF_CrossSiteOriginIsRefusedEvenForLogin(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	req := newJSONRequest("POST", "/api/v1/auth/login", `{"username":"admin","password":"`+adminPassword+`"}`)
	req.Header.Set("Origin", "https://evil.example")
	res := serve(s, req)
	if res.Code != http.StatusForbidden {
		t.Fatalf("cross-site login: %d", res.Code)
	}
	req = newJSONRequest("POST", "/api/v1/auth/login", `{"username":"admin","password":"`+adminPassword+`"}`)
	req.Header.Set("Origin", "http://"+req.Host)
	if res := serve(s, req); res.Code != http.StatusOK {
		t.Fatalf("same-origin login: %d %s", res.Code, res.Body)
	}
}

func TestSessionCookie_IsHttpOnlyAndSameSite(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	res := serve(s, newJSONRequest("POST", "/api/v1/auth/login", `{"username":"admin","password":"`+adminPassword+`"}`))
	var found bool
	for _, ck := range res.Result().Cookies() {
		if ck.Name == "leitai_session" {
			found = true
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
				t.Errorf("cookie flags: HttpOnly=%v SameSite=%v", ck.HttpOnly, ck.SameSite)
			}
		}
	}
	if !found {
		t.Fatal("no session cookie")
	}
}

// TestSessionCookie_IsSecureBehindATrustedProxyThatSaysHTTPS: only a trusted
// proxy's X-Forwarded-Proto decides that the browser is on HTTPS.
func TestSessionCookie_IsSecureBehindATrustedProxyThatSaysHTTPS(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	for _, tc := range []struct {
		from   string
		secure bool
	}{
		{proxyAddr, true},
		{"203.0.113.7", false},
	} {
		req := newJSONRequest("POST", "/api/v1/auth/login", `{"username":"admin","password":"`+adminPassword+`"}`)
		req.RemoteAddr = tc.from + ":40000"
		req.Header.Set("X-Forwarded-Proto", "https")
		res := serve(s, req)
		cookies := res.Result().Cookies()
		if len(cookies) != 1 || cookies[0].Secure != tc.secure {
			t.Errorf("from %s saying https: cookies %v, want one with Secure=%v", tc.from, cookies, tc.secure)
		}
	}
}
