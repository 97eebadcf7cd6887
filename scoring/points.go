package scoring

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
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
	p, ok := points(s)
	if !ok {
		return 0, fmt.Errorf("%q is not a number with at most two decimals", strings.TrimPrefix(s, "-"))
	}
	return p, nil
}

// points reads a number of at most twelve digits and two decimals, with
// an optional minus sign, without allocating: snapshots hold hundreds of
// thousands of them.
func points[T string | []byte](s T) (Points, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var v int64
	n := 0
	for ; n < len(s) && s[n] >= '0' && s[n] <= '9'; n++ {
		v = v*10 + int64(s[n]-'0')
	}
	if n == 0 || n > 12 {
		return 0, false
	}
	v *= 100
	if frac := s[n:]; len(frac) > 0 {
		if len(frac) < 2 || len(frac) > 3 || frac[0] != '.' {
			return 0, false
		}
		for k, scale := 1, int64(10); k < len(frac); k, scale = k+1, scale/10 {
			if frac[k] < '0' || frac[k] > '9' {
				return 0, false
			}
			v += int64(frac[k]-'0') * scale
		}
	}
	if neg {
		v = -v
	}
	return Points(v), true
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
	v, ok := points(bytes.TrimSpace(bytes.Trim(b, `"`)))
	if !ok {
		return &json.UnmarshalTypeError{Value: "number " + string(b), Type: reflect.TypeFor[Points]()}
	}
	*p = v
	return nil
}
