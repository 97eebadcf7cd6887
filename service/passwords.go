package service

import (
	"strings"
	"unicode"

	"golang.org/x/crypto/bcrypt"
)

// checkPasswordStrength returns the message key of what is wrong, or "".
func checkPasswordStrength(p string) string {
	if len(p) < 8 || len(p) > 72 {
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
