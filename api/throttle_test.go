package api_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model/modeltest"
	"leitai/service"
)

var wrongAdmin = map[string]string{"username": "admin", "password": "wrong-pass-1"}

func (s *server) from(addr string) *client { return &client{s: s, addr: addr} }

// loginCode is the status a login of admin with the right password gets.
func loginCode(c *client) int {
	return c.do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": adminPassword}).Code
}

// TestLogin_ConcurrentFailuresAllCountAndLock sends twenty wrong passwords for
// one account at once: every one is counted, so the account is locked for
// that address afterwards.
func TestLogin_ConcurrentFailuresAllCountAndLock(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		guesser := s.from("203.0.113.7")
		codes := concurrently(guesser, 20, func(c *client, i int) int {
			c.addr = guesser.addr
			return c.do("POST", "/api/v1/auth/login", wrongAdmin).Code
		})
		for _, code := range codes {
			if code != http.StatusUnauthorized && code != http.StatusTooManyRequests {
				t.Fatalf("answers %v, want only 401 and 429", codes)
			}
		}
		if code := loginCode(s.from("203.0.113.7")); code != http.StatusTooManyRequests {
			t.Errorf("the right password after 20 concurrent failures: %d, want 429", code)
		}
	})
}

// TestLogin_OwnerFromAnotherAddressGetsInWhileAGuesserIsLocked: wrong
// passwords sent by anyone lock that sender out, not the owner.
func TestLogin_OwnerFromAnotherAddressGetsInWhileAGuesserIsLocked(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		guesser := s.from("203.0.113.7")
		for i := 0; i < 5; i++ {
			guesser.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", wrongAdmin)
		}
		guesser.mustFail(429, "too_many_attempts", "", "POST", "/api/v1/auth/login", wrongAdmin)
		if code := loginCode(s.from("198.51.100.2")); code != http.StatusOK {
			t.Errorf("the owner from another address: %d, want 200", code)
		}
		// One try per lock period keeps the guesser out, and only the guesser.
		for round := 0; round < 3; round++ {
			s.now = s.now.Add(16 * time.Minute)
			guesser.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", wrongAdmin)
			if code := loginCode(s.from("203.0.113.7")); code != http.StatusTooManyRequests {
				t.Errorf("round %d: the guesser's address is not locked again: %d", round, code)
			}
			if code := loginCode(s.from("198.51.100.2")); code != http.StatusOK {
				t.Errorf("round %d: the owner: %d, want 200", round, code)
			}
		}
	})
}

// TestLogin_AnAddressTryingManyUsernamesIsSlowedDown: one address guessing
// across accounts is locked as a whole, other addresses are not.
func TestLogin_AnAddressTryingManyUsernamesIsSlowedDown(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		sprayer := s.from("203.0.113.9")
		for i := 0; i < 30; i++ {
			sprayer.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login",
				map[string]string{"username": fmt.Sprintf("user%d", i), "password": "wrong-pass-1"})
		}
		if code := loginCode(s.from("203.0.113.9")); code != http.StatusTooManyRequests {
			t.Errorf("the address after 30 usernames: %d, want 429", code)
		}
		if code := loginCode(s.from("198.51.100.2")); code != http.StatusOK {
			t.Errorf("another address: %d, want 200", code)
		}
	})
}

// TestLogin_ManyAddressesReachTheAccountCeiling: guesses spread over many
// addresses still lock the account, at a much higher count.
func TestLogin_ManyAddressesReachTheAccountCeiling(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		for i := 0; i < 100; i++ {
			s.from(fmt.Sprintf("203.0.113.%d", 1+i/4)).mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", wrongAdmin)
		}
		if code := loginCode(s.from("198.51.100.2")); code != http.StatusTooManyRequests {
			t.Errorf("after 100 failures from 25 addresses: %d, want 429", code)
		}
		s.now = s.now.Add(16 * time.Minute)
		if code := loginCode(s.from("198.51.100.2")); code != http.StatusOK {
			t.Errorf("after the lock: %d, want 200", code)
		}
	})
}

// TestLogin_ForwardedForIsBelievedOnlyFromTrustedProxies: a client cannot
// escape its lock by naming another address, but a trusted proxy's clients
// are told apart.
func TestLogin_ForwardedForIsBelievedOnlyFromTrustedProxies(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		for i := 0; i < 5; i++ {
			c := s.from("203.0.113.7")
			c.forwardedFor = fmt.Sprintf("198.51.100.%d", i)
			c.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", wrongAdmin)
		}
		spoofed := s.from("203.0.113.7")
		spoofed.forwardedFor = "198.51.100.99"
		if code := loginCode(spoofed); code != http.StatusTooManyRequests {
			t.Errorf("an untrusted client naming another address: %d, want 429", code)
		}

		guesser := s.from(proxyAddr)
		guesser.forwardedFor = "203.0.113.50"
		for i := 0; i < 5; i++ {
			guesser.mustFail(401, "invalid_credentials", "", "POST", "/api/v1/auth/login", wrongAdmin)
		}
		if code := loginCode(guesser); code != http.StatusTooManyRequests {
			t.Errorf("the guesser behind the proxy: %d, want 429", code)
		}
		owner := s.from(proxyAddr)
		owner.forwardedFor = "198.51.100.20"
		if code := loginCode(owner); code != http.StatusOK {
			t.Errorf("the owner behind the same proxy: %d, want 200", code)
		}
	})
}

// TestLogin_ABurstBeyondTheHashingSlotsIsAnsweredBusy: logins that cannot get
// a hashing slot in time are shed with 503 and a time to retry, never a 500,
// and a shed login counts as no failure.
func TestLogin_ABurstBeyondTheHashingSlotsIsAnsweredBusy(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServerWith(t, db, func(o *service.Options) {
			o.BcryptCost, o.HashSlots, o.HashWait = 10, 1, time.Millisecond
		})
		busy := 0
		for i, res := range concurrently(s.anonymous(), 12, func(c *client, i int) *httptest.ResponseRecorder {
			c.addr = fmt.Sprintf("203.0.113.%d", 1+i)
			return c.do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": adminPassword})
		}) {
			switch res.Code {
			case http.StatusOK:
			case http.StatusServiceUnavailable:
				busy++
				if res.Header().Get("Retry-After") == "" {
					t.Errorf("login %d: 503 without Retry-After", i)
				}
			default:
				t.Errorf("login %d: %d %s", i, res.Code, res.Body)
			}
		}
		if busy == 0 {
			t.Error("twelve logins at once through one hashing slot: none was shed")
		}
	})
}
