package service

import "testing"

func TestName_NormalisedThenRefusedWhenBlankLongOrInvisible(t *testing.T) {
	for _, tc := range []struct {
		in, want, key string
	}{
		{" 张伟 ", "张伟", ""},
		{"\u3000张伟\u00a0", "张伟", ""},
		{"Jose\u0301", "Jos\u00e9", ""},
		{"王\u200a强", "王\u200a强", ""}, // a hair space is a space, not an invisible character
		{"王\u2061强", "王\u2061强", ""}, // outside the refused ranges
		{"一二三四", "一二三四", ""},
		{"一二三四五", "一二三四五", "too_long"},
		{" \t\n ", "", "required"},
		{"", "", "required"},
		{"王\t强", "王\t强", "name_invisible"},
		{"王\u007f强", "王\u007f强", "name_invisible"},
		{"王\u009f强", "王\u009f强", "name_invisible"},
		{"王\u200b强", "王\u200b强", "name_invisible"},
		{"王\u200d强", "王\u200d强", "name_invisible"},
		{"王\u200e强", "王\u200e强", "name_invisible"},
		{"王\u200f强", "王\u200f强", "name_invisible"},
		{"王\u202a强", "王\u202a强", "name_invisible"},
		{"王\u202e强", "王\u202e强", "name_invisible"},
		{"王\u2060强", "王\u2060强", "name_invisible"},
		{"王\u2066强", "王\u2066强", "name_invisible"},
		{"王\u2069强", "王\u2069强", "name_invisible"},
		{"王\ufeff强", "王\ufeff强", "name_invisible"},
	} {
		got := tc.in
		fe := checkName("name", &got, 4)
		key := ""
		if len(fe) > 0 {
			key = fe[0].Text.Key
		}
		if got != tc.want || key != tc.key || (key != "" && fe[0].Field != "name") {
			t.Errorf("checkName(%q) = %q, %+v; want %q, %q", tc.in, got, fe, tc.want, tc.key)
		}
	}
}
