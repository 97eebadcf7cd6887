package service

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The longest names, in characters, as the database columns hold them.
const (
	maxPersonName       = 32
	maxTeamName         = 100
	maxOrganisationName = 128
	maxContestName      = 200
	maxEventName        = 100
	maxDisplayName      = 64
)

// checkName normalises the name *s (Unicode NFC, then trimmed) and reports,
// under the field's name, a blank name, one over limit characters, or one with
// a character that shows as nothing or changes how the text around it is
// drawn: two names that look alike must be alike.
func checkName(fieldName string, s *string, limit int) []FieldError {
	*s = strings.TrimSpace(norm.NFC.String(*s))
	if *s == "" {
		return []FieldError{field(fieldName, "required")}
	}
	if utf8.RuneCountInString(*s) > limit {
		return []FieldError{field(fieldName, "too_long", limit)}
	}
	for i, r := range []rune(*s) {
		if invisible(r) {
			return []FieldError{field(fieldName, "name_invisible", int(r), i+1)}
		}
	}
	return nil
}

// invisible tells control characters, zero-width characters and the marks,
// embeddings, overrides and isolates of bidirectional text.
func invisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Cc, r):
		return true
	case r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0xFEFF: // zero-width space, joiners, LRM, RLM; word joiner; BOM
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069: // embeddings and overrides; isolates
		return true
	}
	return false
}
