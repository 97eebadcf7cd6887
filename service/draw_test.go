package service

import (
	"reflect"
	"testing"
)

func TestDraw_SameSeedSameNumbers(t *testing.T) {
	ids := []uint{14, 3, 9, 27, 5, 11, 8}
	a := DrawNumbers(ids, 0xabc123, 3)
	b := DrawNumbers([]uint{27, 11, 9, 8, 5, 3, 14}, 0xabc123, 3) // order given does not matter
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed, different draws:\n%v\n%v", a, b)
	}
	if reflect.DeepEqual(a, DrawNumbers(ids, 0xabc124, 3)) {
		t.Error("a different seed gave the same draw")
	}
}

func TestDraw_NumbersAreAPermutationFilledStationByStation(t *testing.T) {
	ids := []uint{1, 2, 3, 4, 5, 6, 7}
	got := DrawNumbers(ids, 42, 3)
	seen := map[uint]bool{}
	for i, a := range got {
		seen[a.EntrantID] = true
		if want := []string{"001", "002", "003", "004", "005", "006", "007"}[i]; a.DrawNumber != want {
			t.Errorf("position %d: number %s, want %s", i, a.DrawNumber, want)
		}
		if a.Station != i%3+1 || a.Session != i/3+1 {
			t.Errorf("%s: station %d session %d", a.DrawNumber, a.Station, a.Session)
		}
	}
	if len(seen) != len(ids) {
		t.Errorf("draw lost or repeated entrants: %v", got)
	}
	if n := DrawNumbers(make([]uint, 1200), 1, 0)[0].DrawNumber; n != "0001" {
		t.Errorf("with 1,200 entrants the first number is %s, want 0001", n)
	}
}
