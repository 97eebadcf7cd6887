package service

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// checkPasswordStrength returns the message key of what is wrong, or "".
// The upper bound is bcrypt's: 72 bytes, which is 72 letters or digits but
// only 24 Chinese characters.
func checkPasswordStrength(p string) string {
	if utf8.RuneCountInString(p) < 8 || len(p) > 72 {
		return "password_weak"
	}
	hasLetter := strings.IndexFunc(p, unicode.IsLetter) >= 0
	hasDigit := strings.IndexFunc(p, unicode.IsDigit) >= 0
	if !hasLetter || !hasDigit {
		return "password_weak"
	}
	return ""
}

func (s *Service) hashPassword(p string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(p), s.bcryptCost)
	return string(h), err
}

func passwordMatches(hash, p string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(p)) == nil
}
