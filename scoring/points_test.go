package scoring

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPoints_ExactHundredthsWithoutFloat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Points
		out  string
	}{
		{"100", 10000, "100"}, {"37.5", 3750, "37.5"}, {"12.25", 1225, "12.25"}, {"0.1", 10, "0.1"},
		{"0.01", 1, "0.01"}, {"-2.5", -250, "-2.5"}, {"007.70", 770, "7.7"},
	} {
		got, err := ParsePoints(tc.in)
		if err != nil || got != tc.want || got.String() != tc.out {
			t.Errorf("ParsePoints(%q) = %d (%s), %v; want %d (%s)", tc.in, got, got, err, tc.want, tc.out)
		}
	}
	for _, bad := range []string{"1.234", "", ".5", "1.", "abc", "1e3", "1,5"} {
		if _, err := ParsePoints(bad); err == nil {
			t.Errorf("ParsePoints(%q) accepted", bad)
		}
	}
	var v struct{ Max Points }
	if err := json.Unmarshal([]byte(`{"Max": 0.30}`), &v); err != nil || v.Max != 30 {
		t.Errorf("JSON 0.30 -> %d, %v", v.Max, err)
	}
	if err := json.Unmarshal([]byte(`{"Max": 0.305}`), &v); err == nil {
		t.Error("three decimals accepted from JSON")
	}
}

func TestPoints_JSONReadsAsParsePoints(t *testing.T) {
	for _, in := range []string{"100", "37.5", "12.25", "0.01", "-2.5", "007.70", "999999999999.99", "1234567890123", "1.234", ".5", "1.",
		"-", "1e3", "1,5", "--1", "1.-5", `"12.5"`, `" 3 "`, `""`} {
		want, wantErr := ParsePoints(strings.Trim(in, `"`))
		var got Points
		err := json.Unmarshal([]byte(in), &got)
		if !strings.HasPrefix(in, `"`) && !json.Valid([]byte(in)) {
			err = got.UnmarshalJSON([]byte(in))
		}
		if (err != nil) != (wantErr != nil) || got != want {
			t.Errorf("JSON %s -> %d, %v; ParsePoints -> %d, %v", in, got, err, want, wantErr)
		}
	}
}
