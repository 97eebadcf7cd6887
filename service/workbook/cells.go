package workbook

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Clean is a cell's text as a value: full-width letters and digits as their
// ASCII twins (a １３９… mobile typed with a Chinese input method), without
// the spaces and invisible format characters around it, and without the
// ="…" that keeps digits as text in a CSV file.
func Clean(s string) string {
	s = strings.TrimFunc(width.Fold.String(s), func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		s = strings.TrimSpace(s[2 : len(s)-1])
	}
	return s
}

// scientific is a number as a spreadsheet shows one too long for its
// column: 1.10105E+17.
var scientific = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+$`)

// Scientific tells whether a cell holds a number in scientific notation,
// which is how a spreadsheet shows a long digit string it has turned into a
// number, keeping only its first 15 digits.
func Scientific(s string) bool { return scientific.MatchString(s) }

// Whole reads a whole number written as a number or as text: "8", "8.0" and
// "8.00" are 8; anything else is not a whole number.
func Whole(s string) (int, bool) {
	if whole, frac, ok := strings.Cut(s, "."); ok {
		if strings.Trim(frac, "0") != "" {
			return 0, false
		}
		s = whole
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// Digits is a cell read as a string of digits, such as a mobile number: a
// number a spreadsheet stored as 13912345678 or 13912345678.0 reads as its
// digits; anything else is as it is.
func Digits(s string) string {
	if whole, frac, ok := strings.Cut(s, "."); ok && whole != "" && strings.Trim(frac, "0") == "" && strings.Trim(whole, "0123456789") == "" {
		return whole
	}
	return s
}
