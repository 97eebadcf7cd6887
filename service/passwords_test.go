package service

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func TestPassword_RefusesWeakCommonAndTheUsername(t *testing.T) {
	s := New(nil, Options{BcryptCost: bcrypt.MinCost})
	for _, tc := range []struct {
		username, password, want string
	}{
		{"zhang_wei", "Fixture-pass-1", ""},
		{"zhang_wei", "abc1", "password_weak"},
		{"zhang_wei", "abcdefgh", "password_weak"},
		{"zhang_wei", "a1" + strings.Repeat("x", 62), ""},
		{"zhang_wei", "a1" + strings.Repeat("x", 63), "password_weak"},
		{"zhang_wei", "密码1" + strings.Repeat("字", 61), ""},
		{"zhang_wei", "密码1" + strings.Repeat("字", 62), "password_weak"},
		{"Zhang_Wei2", "zhang_wei2", "password_is_username"},
		{"zhang_wei", "password1", "password_common"},
		{"zhang_wei", "PassWord1", "password_common"},
		{"zhang_wei", "1qaz2wsx", "password_common"},
		{"zhang_wei", "woaini1314", "password_common"},
	} {
		if got := s.checkPassword(tc.username, tc.password); got != tc.want {
			t.Errorf("%s / %q: %q, want %q", tc.username, tc.password, got, tc.want)
		}
	}
}

// TestPassword_EveryCharacterCounts: bcrypt reads 72 bytes, 24 Chinese
// characters; two long passwords that differ only after that must not match.
func TestPassword_EveryCharacterCounts(t *testing.T) {
	s := New(nil, Options{BcryptCost: bcrypt.MinCost})
	ctx := context.Background()
	matches := func(hash, p string) bool {
		ok, err := s.passwordMatches(ctx, hash, p)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	long := "工会1" + strings.Repeat("擂", 40)
	hash, err := s.hashPassword(ctx, long+"甲")
	if err != nil {
		t.Fatal(err)
	}
	if !matches(hash, long+"甲") {
		t.Error("a long password does not match its own hash")
	}
	if matches(hash, long+"乙") {
		t.Error("a long password matches another that differs after 72 bytes")
	}
	short, _ := s.hashPassword(ctx, "Fixture-pass-1")
	if !matches(short, "Fixture-pass-1") || matches(short, "Fixture-pass-2") {
		t.Error("a short password's hash does not behave")
	}
}

// TestPassword_HashesWaitForASlotThenAnswerBusy: with every hashing slot
// taken, a hash waits its time and is then answered busy, with a time to retry.
func TestPassword_HashesWaitForASlotThenAnswerBusy(t *testing.T) {
	s := New(nil, Options{BcryptCost: bcrypt.MinCost, HashSlots: 2, HashWait: time.Millisecond})
	ctx := context.Background()
	var releases []func()
	for i := 0; i < 2; i++ {
		release, err := s.hashTurn(ctx)
		if err != nil {
			t.Fatalf("slot %d: %v", i, err)
		}
		releases = append(releases, release)
	}
	_, err := s.hashPassword(ctx, "Fixture-pass-1")
	if se, ok := AsError(err); !ok || se.Kind != KindBusy || se.RetryAfter <= 0 {
		t.Fatalf("a hash with every slot taken: %v, want busy with a time to retry", err)
	}
	releases[0]()
	if _, err := s.hashPassword(ctx, "Fixture-pass-1"); err != nil {
		t.Fatalf("a hash with a slot free: %v", err)
	}
	releases[1]()
}
