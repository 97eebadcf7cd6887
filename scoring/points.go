package scoring

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Points are marks, scores and totals in hundredths of a point, so that sums
// are exact; a time used is kept as Points too, in hundredths of a second.
// In JSON they are plain numbers with at most two decimals.
type Points int64

// ParsePoints reads "12", "12.5" or "12.25"; more decimals are an error,
// never rounded away.
func ParsePoints(s string) (Points, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || len(whole) > 12 ||
		(hasDot && (frac == "" || len(frac) > 2 || strings.Trim(frac, "0123456789") != "")) {
		return 0, fmt.Errorf("%q is not a number with at most two decimals", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	p := Points(w*100 + f)
	if neg {
		p = -p
	}
	return p, nil
}

func (p Points) String() string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	switch {
	case p%100 == 0:
		return fmt.Sprintf("%s%d", sign, p/100)
	case p%10 == 0:
		return fmt.Sprintf("%s%d.%d", sign, p/100, p%100/10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}

// MarshalJSON writes the points as a JSON number.
func (p Points) MarshalJSON() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalJSON takes a JSON number or a numeric string. A value with more
// than two decimals is a type error, so the decoder names the field.
func (p *Points) UnmarshalJSON(b []byte) error {
	v, err := ParsePoints(strings.Trim(string(b), `"`))
	if err != nil {
		return &json.UnmarshalTypeError{Value: "number " + string(b), Type: reflect.TypeFor[Points]()}
	}
	*p = v
	return nil
}
