package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// The bare handlers look nothing up, so every request tells them the
// enterprise it acts for and the contest it writes into. The real server
// ignores these headers.
const (
	enterpriseHeader = "X-Load-Enterprise"
	contestHeader    = "X-Load-Contest"
)

// newHTTPClient is the one HTTP client of a run: connections are kept and
// reused as a browser does, and a request that gets no answer in two minutes
// is given up.
func newHTTPClient() *http.Client {
	return &http.Client{
		Timeout: 2 * time.Minute,
		Transport: &http.Transport{
			MaxIdleConns:        2048,
			MaxIdleConnsPerHost: 1024,
			IdleConnTimeout:     time.Minute,
		},
	}
}

// session is a logged-in browser as the web app is one: the cookie
// leitai_session, and the CSRF token sent back on every change. Several
// clients may share one session.
type session struct {
	http       *http.Client
	base       string
	token      string
	csrf       string
	enterprise uint
	contest    uint
}

// answer is what came back: the status, the body, Retry-After and the cookies set.
type answer struct {
	status     int
	body       []byte
	retryAfter string
	cookies    []*http.Cookie
}

// on is the same session sent to another server (the bare handlers ignore it).
func (s session) on(base string) *session {
	s.base = base
	return &s
}

// do sends a request as the web app does; err is set only when no answer came.
func (s *session) do(ctx context.Context, method, path string, body any) (answer, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return answer{}, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
	if err != nil {
		return answer{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if s.token != "" {
		req.AddCookie(&http.Cookie{Name: "leitai_session", Value: s.token})
	}
	if method != http.MethodGet && s.csrf != "" {
		req.Header.Set("X-CSRF-Token", s.csrf)
	}
	req.Header.Set(enterpriseHeader, strconv.FormatUint(uint64(s.enterprise), 10))
	req.Header.Set(contestHeader, strconv.FormatUint(uint64(s.contest), 10))
	res, err := s.http.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return answer{}, err
	}
	return answer{status: res.StatusCode, body: b, retryAfter: res.Header.Get("Retry-After"), cookies: res.Cookies()}, nil
}

// must sends a set-up request (again while the server sheds it: untilServed)
// and decodes its answer into out; any other status than want is an error
// naming the request and the answer.
func (s *session) must(ctx context.Context, want int, method, path string, body, out any) error {
	a, err := untilServed(ctx, func() (answer, error) { return s.do(ctx, method, path, body) })
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if a.status != want {
		return fmt.Errorf("%s %s: %d %s (want %d)", method, path, a.status, bytes.TrimSpace(a.body), want)
	}
	if out != nil {
		if err := json.Unmarshal(a.body, out); err != nil {
			return fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return nil
}

// credentials are an account's username and password.
type credentials struct{ username, password string }

func (c credentials) body() map[string]string {
	return map[string]string{"username": c.username, "password": c.password}
}

// login sends POST /api/v1/auth/login and, on 200, returns the new session.
func login(ctx context.Context, hc *http.Client, base string, c credentials) (*session, answer, error) {
	s := &session{http: hc, base: base}
	a, err := s.do(ctx, http.MethodPost, "/api/v1/auth/login", c.body())
	if err != nil || a.status != http.StatusOK {
		return nil, a, err
	}
	var out struct {
		CSRFToken string `json:"csrf_token"`
	}
	if err := json.Unmarshal(a.body, &out); err != nil {
		return nil, a, err
	}
	s.csrf = out.CSRFToken
	for _, ck := range a.cookies {
		if ck.Name == "leitai_session" {
			s.token = ck.Value
		}
	}
	return s, a, nil
}

// signIn logs in as a person setting up would, sending a shed login again
// (untilServed).
func signIn(ctx context.Context, hc *http.Client, base string, c credentials) (*session, answer, error) {
	var s *session
	a, err := untilServed(ctx, func() (a answer, err error) {
		s, a, err = login(ctx, hc, base, c)
		return a, err
	})
	return s, a, err
}

// untilServed sends a set-up request until the server serves it: an answer
// of 503 with Retry-After (the server shedding what hashes a password: a
// login, a new account, a new password) is sent again after that many
// seconds, until ctx ends. Scenarios count such answers instead.
func untilServed(ctx context.Context, send func() (answer, error)) (answer, error) {
	for {
		a, err := send()
		wait, werr := strconv.Atoi(a.retryAfter)
		if err != nil || a.status != http.StatusServiceUnavailable || werr != nil || wait < 1 {
			return a, err
		}
		select {
		case <-ctx.Done():
			return a, ctx.Err()
		case <-time.After(time.Duration(wait) * time.Second):
		}
	}
}
