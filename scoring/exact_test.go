package scoring

import (
	"fmt"
	"math"
	"math/big"
	"testing"
)

func TestExact_RoundsOnceHalfUpToHundredths(t *testing.T) {
	for _, tc := range []struct {
		num, den int64
		want     Points
	}{
		{256, 3, 85}, {257, 3, 86}, {1, 2, 1}, {3, 2, 2}, {5, 2, 3}, {-1, 2, 0}, {-3, 2, -1},
		{8533, 1, 8533}, {0, 7, 0}, {math.MaxInt64, 1, math.MaxInt64}, {math.MaxInt64, math.MaxInt64, 1},
	} {
		if got, ok := reduced(tc.num, tc.den).round(); !ok || got != tc.want {
			t.Errorf("%d/%d → %d, want %d", tc.num, tc.den, got, tc.want)
		}
	}
}

// bigRound is round done by hand on a big.Rat: floor(x + 1/2).
func bigRound(x *big.Rat) *big.Int {
	h := new(big.Rat).Add(x, big.NewRat(1, 2))
	q := new(big.Int).Div(h.Num(), h.Denom())
	return q
}

// Adding one judge's mark over 12 different prime numbers of judges needs a
// denominator beyond int64: the value moves to big.Rat and stays exact.
func TestExact_BeyondInt64ItStaysExact(t *testing.T) {
	sum, want := whole(0), new(big.Rat)
	for _, prime := range []int64{97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43} {
		sum = sum.add(whole(8501).scale(1, prime))
		want.Add(want, big.NewRat(8501, prime))
	}
	if sum.r == nil {
		t.Fatal("expected the value to need big.Rat")
	}
	if sum.rat().Cmp(want) != 0 {
		t.Errorf("%s, want %s", sum.rat(), want)
	}
	// Two sums of one denominator overflow too, and a figure beyond Points
	// is refused rather than wrapped round.
	twice := whole(math.MaxInt64).add(whole(math.MaxInt64))
	if want := new(big.Rat).Mul(big.NewRat(math.MaxInt64, 1), big.NewRat(2, 1)); twice.rat().Cmp(want) != 0 {
		t.Errorf("%s, want %s", twice.rat(), want)
	}
	if _, ok := twice.round(); ok {
		t.Error("a figure beyond the range of Points was rounded")
	}
	got, ok := sum.scale(70, 100).round()
	if w := bigRound(new(big.Rat).Mul(want, big.NewRat(70, 100))); !ok || w.Int64() != int64(got) {
		t.Errorf("rounded %d, want %s", got, w)
	}
}

// The same through Compute: an entrant whose twelve criteria were marked by
// different prime numbers of judges gets the exact total, rounded once.
func TestTotal_ExactWhateverTheNumbersOfJudges(t *testing.T) {
	r := oneCriterion(CombineMean, 0)
	r.Criteria = nil
	want := new(big.Rat)
	var marks []Mark
	for i, judges := range []int{97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43} {
		code := fmt.Sprintf("C%d", i)
		r.Criteria = append(r.Criteria, Criterion{Code: code, Name: code, Stage: "review", Max: p("100"), Kind: "judgement"})
		sum := int64(0)
		for j := range judges {
			v := int64(8000 + (j*37+i*11)%2000)
			sum += v
			marks = append(marks, Mark{Entrant: 1, Criterion: code, Judge: uint(j + 1), Points: Points(v), Counts: true})
		}
		want.Add(want, big.NewRat(sum, int64(judges)))
	}
	res, err := Compute(r, []Entrant{{ID: 1}}, marks, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, w := res.Entrants[0].Total, bigRound(want); int64(got) != w.Int64() {
		t.Errorf("total %d, want %s (from %s)", got, w, want.FloatString(6))
	}
}

// FuzzExact holds the int64 arithmetic, with its overflow checks, to big.Rat.
func FuzzExact(f *testing.F) {
	f.Add(int64(256), int64(3), int64(7), int64(11), int64(70))
	f.Add(int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(2), int64(3))
	f.Add(int64(-5), int64(2), int64(1), int64(math.MaxInt64), int64(-1))
	f.Add(int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, a, b, c, d, m int64) {
		if b <= 0 || d <= 0 {
			return
		}
		x := reduced(a, 1).scale(1, b).add(reduced(c, 1).scale(1, d)).scale(m, 100)
		want := new(big.Rat).Add(big.NewRat(a, b), big.NewRat(c, d))
		want.Mul(want, big.NewRat(m, 100))
		if x.rat().Cmp(want) != 0 {
			t.Fatalf("(%d/%d + %d/%d) × %d/100 = %s, want %s", a, b, c, d, m, x.rat(), want)
		}
		w := bigRound(want)
		got, ok := x.round()
		if ok != w.IsInt64() || (ok && int64(got) != w.Int64()) {
			t.Fatalf("round %s = %d (%v), want %s", want, got, ok, w)
		}
	})
}
