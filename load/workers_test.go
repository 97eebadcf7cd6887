package main

import (
	"testing"
	"time"

	"leitai/service"
)

// TestWorker_EveryIDNumberIsValidNewAndMatchesTheGender: the load only sends
// registrations the server must accept, so a refusal is the server's fault.
func TestWorker_EveryIDNumberIsValidNewAndMatchesTheGender(t *testing.T) {
	seen := map[string]int64{}
	today := time.Now().Format("20060102")
	for n := range int64(200_000) {
		w := worker(n)
		id := w.IDNumber
		if check, ok := service.IDNumberCheck(id[:17]); !ok || check != id[17] {
			t.Fatalf("worker %d: %s has a wrong check character", n, id)
		}
		if birth := id[6:14]; birth > today {
			t.Fatalf("worker %d: %s is born after today", n, id)
		}
		if male := (id[16]-'0')%2 == 1; male != (w.Gender == "male") {
			t.Fatalf("worker %d: %s is %s", n, id, w.Gender)
		}
		if first, ok := seen[id]; ok {
			t.Fatalf("workers %d and %d share %s", first, n, id)
		}
		seen[id] = n
	}
}

func TestCreditCode_HasItsCheckCharacterAndIsUnique(t *testing.T) {
	seen := map[string]bool{}
	for i := range 1000 {
		c := creditCode(i)
		if check, ok := service.CreditCodeCheck(c[:17]); !ok || check != c[17] {
			t.Fatalf("enterprise %d: %s has a wrong check character", i, c)
		}
		if seen[c] {
			t.Fatalf("enterprise %d: %s given twice", i, c)
		}
		seen[c] = true
	}
}
