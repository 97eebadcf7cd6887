package service

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"strings"
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

func (s *Service) hashPassword(p string) (string, error) {
	h, err := bcrypt.GenerateFromPassword(bcryptInput(p), s.bcryptCost)
	return string(h), err
}

func passwordMatches(hash, p string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), bcryptInput(p)) == nil
}
