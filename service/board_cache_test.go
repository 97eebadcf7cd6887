package service

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestBoardCache_OneBuildServesTheBoardsThatAskTogether(t *testing.T) {
	bc := newBoardCache(time.Hour)
	var builds atomic.Int32
	release := make(chan struct{})
	build := func() (int, error) {
		builds.Add(1)
		<-release
		return 7, nil
	}
	var wg sync.WaitGroup
	got := make([]int, 20)
	for i := range got {
		wg.Go(func() {
			v, err := boardAnswer(bc, boardKey{"progress", "1"}, build)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		})
	}
	for builds.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Errorf("20 boards asking together made %d builds", n)
	}
	for _, v := range got {
		if v != 7 {
			t.Fatalf("answers %v", got)
		}
	}
	// Another key is another answer; a fresh answer is reused.
	if v, _ := boardAnswer(bc, boardKey{"progress", "2"}, func() (int, error) { return 8, nil }); v != 8 {
		t.Errorf("another contest's board: %d", v)
	}
	if v, _ := boardAnswer(bc, boardKey{"progress", "1"}, func() (int, error) { return 9, nil }); v != 7 {
		t.Errorf("a fresh answer was built again: %d", v)
	}
}

func TestBoardCache_StaleAndFailedAnswersAreBuiltAgain(t *testing.T) {
	bc := newBoardCache(20 * time.Millisecond)
	key := boardKey{"disagreements", "3"}
	if _, err := boardAnswer(bc, key, func() (int, error) { return 0, errors.New("database gone") }); err == nil {
		t.Fatal("the failure is not passed on")
	}
	if v, err := boardAnswer(bc, key, func() (int, error) { return 1, nil }); v != 1 || err != nil {
		t.Fatalf("after a failure: %d %v", v, err)
	}
	time.Sleep(30 * time.Millisecond)
	if v, _ := boardAnswer(bc, key, func() (int, error) { return 2, nil }); v != 2 {
		t.Errorf("a stale answer was reused: %d", v)
	}
	// Without freshness, nothing is kept.
	off := newBoardCache(0)
	for want := range 3 {
		if v, _ := boardAnswer(off, key, func() (int, error) { return want, nil }); v != want {
			t.Errorf("kept with no freshness: %d, want %d", v, want)
		}
	}
}

func TestBoardCache_AWriteOtherThanAMarkClearsIt(t *testing.T) {
	bc := newBoardCache(time.Hour)
	key := boardKey{"progress", "4"}
	boardAnswer(bc, key, func() (int, error) { return 1, nil })
	bc.forget()
	if v, _ := boardAnswer(bc, key, func() (int, error) { return 2, nil }); v != 2 {
		t.Errorf("after a write the board shows %d", v)
	}
}
