package service

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Password length is counted in characters, as the web app counts it.
const (
	PasswordMinChars = 8
	PasswordMaxChars = 64
)

//go:embed commonpasswords.txt
var commonPasswordList string

// commonPasswords reads the bundled list of passwords too common to allow.
func commonPasswords() map[string]bool {
	set := make(map[string]bool, 4400)
	sc := bufio.NewScanner(strings.NewReader(commonPasswordList))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			set[strings.ToLower(line)] = true
		}
	}
	return set
}

// checkPassword returns the message key of what is wrong with a password
// chosen for the account username, or "".
func (s *Service) checkPassword(username, p string) string {
	if n := utf8.RuneCountInString(p); n < PasswordMinChars || n > PasswordMaxChars {
		return "password_weak"
	}
	hasLetter := strings.IndexFunc(p, unicode.IsLetter) >= 0
	hasDigit := strings.IndexFunc(p, unicode.IsDigit) >= 0
	if !hasLetter || !hasDigit {
		return "password_weak"
	}
	if username != "" && strings.EqualFold(strings.TrimSpace(p), strings.TrimSpace(username)) {
		return "password_is_username"
	}
	if s.commonPasswords[strings.ToLower(p)] {
		return "password_common"
	}
	return ""
}

// bcryptInput is what bcrypt hashes. bcrypt reads only 72 bytes, which are 24
// Chinese characters; a longer password is hashed through SHA-256 first, so
// that every character counts. Shorter ones go in as they are, as they always
// have, so existing hashes still match.
func bcryptInput(p string) []byte {
	if len(p) <= 72 {
		return []byte(p)
	}
	sum := sha256.Sum256([]byte(p))
	return []byte(base64.StdEncoding.EncodeToString(sum[:]))
}

// hashTurn waits for one of the hashing slots: bcrypt takes tens of
// milliseconds of a processor, so a burst of logins must not take every
// processor from judges and registrations. A caller that waits longer than
// hashWait is answered busy, with a time to retry.
func (s *Service) hashTurn(ctx context.Context) (release func(), err error) {
	timer := time.NewTimer(s.hashWait)
	defer timer.Stop()
	select {
	case s.hashSlots <- struct{}{}:
		return func() { <-s.hashSlots }, nil
	case <-timer.C:
		return nil, busy(time.Second)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *Service) hashPassword(ctx context.Context, p string) (string, error) {
	release, err := s.hashTurn(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	h, err := bcrypt.GenerateFromPassword(bcryptInput(p), s.bcryptCost)
	return string(h), err
}

// passwordMatches tells whether p is the password of hash.
func (s *Service) passwordMatches(ctx context.Context, hash, p string) (bool, error) {
	release, err := s.hashTurn(ctx)
	if err != nil {
		return false, err
	}
	defer release()
	return bcrypt.CompareHashAndPassword([]byte(hash), bcryptInput(p)) == nil, nil
}
