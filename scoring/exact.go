package scoring

import (
	"math"
	"math/big"
)

// exact is a rational number of hundredths: num/den in int64 while it fits,
// a big.Rat once an operation would overflow. Means, medians and weights make
// thirds, sevenths and the like; keeping them as fractions until the one
// rounding (round) is what makes a tie a tie. The value is immutable: every
// operation returns a new one.
type exact struct {
	num, den int64    // den > 0; used while r is nil
	r        *big.Rat // set when the value no longer fits num/den
}

// whole is a number of hundredths.
func whole(v int64) exact { return exact{num: v, den: 1} }

// fraction is num/den hundredths, den > 0, left unreduced: the criteria of
// one entrant mostly share their number of judges, and so a denominator,
// which keeps adding them to a plain integer sum.
func fraction(num, den int64) exact { return exact{num: num, den: den} }

// add returns x + y.
func (x exact) add(y exact) exact {
	if x.r == nil && y.r == nil {
		if x.den == y.den {
			if s, ok := add64(x.num, y.num); ok {
				return exact{num: s, den: x.den}
			}
		} else if v, ok := addFractions(x.num, x.den, y.num, y.den); ok {
			return v
		}
	}
	return exact{r: new(big.Rat).Add(x.rat(), y.rat())}
}

// scale returns x × mul ÷ div, div > 0.
func (x exact) scale(mul, div int64) exact {
	if x.r == nil {
		if n, ok := mul64(x.num, mul); ok {
			if d, ok := mul64(x.den, div); ok {
				return reduced(n, d)
			}
		}
	}
	return exact{r: new(big.Rat).Mul(x.rat(), big.NewRat(mul, div))}
}

// round is the one rounding of the package: to a whole number of hundredths,
// halves up. ok is false for a value beyond the range of Points.
func (x exact) round() (p Points, ok bool) {
	if x.r == nil {
		q, rem := x.num/x.den, x.num%x.den
		if rem < 0 { // floor, not truncation, for a negative value
			q, rem = q-1, rem+x.den
		}
		if rem >= x.den-rem {
			q++
		}
		return Points(q), true
	}
	// floor(num/den + 1/2) = floor((2·num + den) / (2·den))
	n := new(big.Int).Lsh(x.r.Num(), 1)
	n.Add(n, x.r.Denom())
	d := new(big.Int).Lsh(x.r.Denom(), 1)
	q := new(big.Int).Div(n, d) // Euclidean division: the floor, as den > 0
	if !q.IsInt64() {
		return 0, false
	}
	return Points(q.Int64()), true
}

func (x exact) rat() *big.Rat {
	if x.r != nil {
		return x.r
	}
	return big.NewRat(x.num, x.den)
}

// addFractions adds a/b + c/d over the least common denominator.
func addFractions(a, b, c, d int64) (exact, bool) {
	g := gcd(b, d)
	l, ok1 := mul64(b/g, d)
	x, ok2 := mul64(a, d/g)
	y, ok3 := mul64(c, b/g)
	s, ok4 := add64(x, y)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return exact{}, false
	}
	return reduced(s, l), true
}

// reduced is n/d in lowest terms, d > 0.
func reduced(n, d int64) exact {
	if g := gcd(n, d); g > 1 {
		n, d = n/g, d/g
	}
	return exact{num: n, den: d}
}

// gcd is the greatest common divisor of |a| and |b|, b > 0 (so it fits).
func gcd(a, b int64) int64 {
	x, y := uint64(a), uint64(b)
	if a < 0 {
		x = -x // two's complement: |MinInt64| too
	}
	for y != 0 {
		x, y = y, x%y
	}
	return int64(x)
}

func add64(a, b int64) (int64, bool) {
	s := a + b
	return s, (s > a) == (b > 0)
}

func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	return p, p/b == a && !(a == -1 && b == math.MinInt64) && !(b == -1 && a == math.MinInt64)
}
