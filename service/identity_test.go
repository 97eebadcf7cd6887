package service

import (
	"testing"
	"time"
)

func TestCreditCode_CheckCharacterPerGB32100(t *testing.T) {
	for _, tc := range []struct {
		code, want string
	}{
		{"91350100M000100Y43", ""},
		{"91110000600037341L", ""},
		{"91350100M000100Y44", "credit_code_checksum"},
		{"91350100M000100Y4", "credit_code_format"},
		{"91350100M000100YI3", "credit_code_format"}, // I is not in the alphabet
		{"91350100m000100Y43", "credit_code_format"},
		{"", "credit_code_format"},
	} {
		if got := checkCreditCode(tc.code); got != tc.want {
			t.Errorf("checkCreditCode(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

func TestIDNumber_CheckCharacterPerGB11643(t *testing.T) {
	today := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		id, want string
	}{
		{"11010519491231002X", ""},
		{"11010519491231002x", ""},
		{"110105194912310021", "id_number_checksum"},
		{"11010519491331002X", "id_number_birth"},
		{"11010518000101002X", "id_number_birth"},
		{"1101051949123100", "id_number_format"},
		{"11010519491231002Y", "id_number_format"},
		{"A1010519491231002X", "id_number_format"},
	} {
		if got := checkIDNumber(tc.id, today); got != tc.want {
			t.Errorf("checkIDNumber(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestIDNumber_BirthDateFrom1900ToToday(t *testing.T) {
	withBirth := func(yyyymmdd string) string {
		check, _ := IDNumberCheck("110105" + yyyymmdd + "002")
		return "110105" + yyyymmdd + "002" + string(check)
	}
	// Late in the day and in another zone, today is still the 24th there.
	today := time.Date(2026, 11, 24, 23, 59, 0, 0, time.FixedZone("UTC-10", -10*3600))
	for _, tc := range []struct {
		birth, want string
	}{
		{"19000101", ""},
		{"18991231", "id_number_birth"},
		{"20261124", ""},
		{"20261125", "id_number_birth"},
		{"20270101", "id_number_birth"},
		{"20240229", ""},
		{"20250229", "id_number_birth"},
		{"20261131", "id_number_birth"},
	} {
		if got := checkIDNumber(withBirth(tc.birth), today); got != tc.want {
			t.Errorf("born %s, today %s: got %q, want %q", tc.birth, today.Format(time.DateOnly), got, tc.want)
		}
	}
}

func TestMasking_KeepsOnlyRegionAndTail(t *testing.T) {
	if got := MaskIDNumber("11010519491231002X"); got != "110105********002X" {
		t.Errorf("MaskIDNumber = %s", got)
	}
	if got := MaskMobile("13812345678"); got != "138****5678" {
		t.Errorf("MaskMobile = %s", got)
	}
}

func TestMobile_ElevenDigitsStartingWithOne(t *testing.T) {
	for m, want := range map[string]string{"13812345678": "", "23812345678": "mobile_format", "1381234567": "mobile_format", "1381234567a": "mobile_format"} {
		if got := checkMobile(m); got != want {
			t.Errorf("checkMobile(%q) = %q, want %q", m, got, want)
		}
	}
}

func TestMessages_EveryKeyHasBothLanguages(t *testing.T) {
	for key, pair := range messages {
		if pair[0] == "" || pair[1] == "" {
			t.Errorf("message %q lacks a language", key)
		}
	}
}
