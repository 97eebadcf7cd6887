package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// TestSignIn_WaitsAsAShedLoginSaysAndTriesAgain: set-up logs in hundreds of
// judges at once, more than the server hashes at a time; a login shed with
// 503 and Retry-After is tried again, anything else is answered as it came.
func TestSignIn_WaitsAsAShedLoginSaysAndTriesAgain(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			http.SetCookie(w, &http.Cookie{Name: "leitai_session", Value: "token"})
			_, _ = w.Write([]byte(`{"csrf_token":"csrf"}`))
		default:
			w.WriteHeader(http.StatusServiceUnavailable) // no Retry-After: not shed, not tried again
		}
	}))
	defer srv.Close()

	s, a, err := signIn(context.Background(), srv.Client(), srv.URL, credentials{"judge", "pass"})
	if err != nil || s == nil || a.status != http.StatusOK || s.token != "token" || s.csrf != "csrf" || calls.Load() != 2 {
		t.Fatalf("signIn = %v, %d, %v after %d calls; want a session after the shed login was sent again", s, a.status, err, calls.Load())
	}
	s, a, err = signIn(context.Background(), srv.Client(), srv.URL, credentials{"judge", "pass"})
	if err != nil || s != nil || a.status != http.StatusServiceUnavailable || calls.Load() != 3 {
		t.Fatalf("signIn = %v, %d, %v after %d calls; want the 503 without Retry-After answered at once", s, a.status, err, calls.Load())
	}
}

// TestMust_SendsAShedSetUpRequestAgain: making an account hashes its
// password, which the server sheds as it sheds logins.
func TestMust_SendsAShedSetUpRequestAgain(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":7}`))
	}))
	defer srv.Close()

	var acc idOnly
	s := &session{http: srv.Client(), base: srv.URL}
	if err := s.must(context.Background(), http.StatusCreated, http.MethodPost, "/api/v1/accounts", map[string]string{}, &acc); err != nil || acc.ID != 7 || calls.Load() != 2 {
		t.Fatalf("must = %v, id %d after %d calls; want the account made once the shed request was sent again", err, acc.ID, calls.Load())
	}
}
