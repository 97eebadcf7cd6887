package service

import (
	"strings"
	"time"
)

var idNumberWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDNumberCheck computes the 18th character of a resident ID number
// (GB 11643-1999, ISO 7064 MOD 11-2) from its first 17 digits.
func IDNumberCheck(first17 string) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * idNumberWeights[i]
	}
	return "10X98765432"[sum%11], true
}

// checkIDNumber returns the message key of what is wrong with an ID number, or "".
// A lower-case x is accepted and should be stored upper-case (see NormaliseIDNumber).
// The birth date must be a real date from 1900-01-01 to today's date (the
// calendar day of today in its own location).
func checkIDNumber(id string, today time.Time) string {
	id = NormaliseIDNumber(id)
	if len(id) != 18 || strings.Trim(id[:17], "0123456789") != "" || strings.Trim(id[17:], "0123456789X") != "" {
		return "id_number_format"
	}
	birth, err := time.Parse("20060102", id[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)) {
		return "id_number_birth"
	}
	if check, _ := IDNumberCheck(id[:17]); check != id[17] {
		return "id_number_checksum"
	}
	return ""
}

// NormaliseIDNumber trims spaces and upper-cases the check character.
func NormaliseIDNumber(id string) string { return strings.ToUpper(strings.TrimSpace(id)) }

// MaskIDNumber keeps the region (6) and the last 4 characters: 110105********002X.
func MaskIDNumber(id string) string {
	if len(id) != 18 {
		return strings.Repeat("*", len(id))
	}
	return id[:6] + "********" + id[14:]
}

// MaskMobile keeps the first 3 and last 4 digits: 138****5678.
func MaskMobile(m string) string {
	if len(m) != 11 {
		return strings.Repeat("*", len(m))
	}
	return m[:3] + "****" + m[7:]
}

// checkMobile returns the message key of what is wrong with a mobile number, or "".
func checkMobile(m string) string {
	if len(m) != 11 || m[0] != '1' || strings.Trim(m, "0123456789") != "" {
		return "mobile_format"
	}
	return ""
}
