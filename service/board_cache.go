package service

import (
	"context"
	"sync"
	"time"
)

// boardCacheSize bounds the answers a boardCache keeps.
const boardCacheSize = 256

// boardCache keeps what the progress boards are drawn from (the grouped
// counts of a contest's events, an event's disagreements) for a short
// while: twenty boards open on one contest, each asking every few seconds,
// then cost the judges saving marks one build every so often instead of one
// each. A board is never more than the cache's freshness behind the marks,
// and never behind any other write (a submission, a sign-off), which clears
// the cache as it commits; the caller's access is checked on every request
// before the cache is asked.
// Callers asking together for an answer being built wait for that build.
// With a freshness of zero, nothing is kept.
type boardCache struct {
	freshness time.Duration
	mu        sync.Mutex
	entries   map[boardKey]*boardEntry
}

// boardKey names an answer: its kind and what it is of.
type boardKey struct {
	kind string
	of   string
}

type boardEntry struct {
	built time.Time
	done  chan struct{}
	value any
	err   error
}

func newBoardCache(freshness time.Duration) *boardCache {
	return &boardCache{freshness: freshness, entries: map[boardKey]*boardEntry{}}
}

// forget drops every answer: a write other than a mark has just committed
// (a submission, a sign-off, a request to mark again), which the next board
// must show.
func (bc *boardCache) forget() {
	if bc.freshness <= 0 {
		return
	}
	bc.mu.Lock()
	defer bc.mu.Unlock()
	clear(bc.entries)
}

// marksOnlyKey marks the context of a transaction that writes a mark and
// nothing else: the boards may show it up to their freshness late.
type marksOnlyKey struct{}

// marksOnly is ctx for a transaction that saves one mark.
func marksOnly(ctx context.Context) context.Context {
	return context.WithValue(ctx, marksOnlyKey{}, true)
}

// boardAnswer is the answer of key, built at most freshness ago, or built
// now. A build that fails is not kept; those who waited for it build again.
func boardAnswer[T any](bc *boardCache, key boardKey, build func() (T, error)) (T, error) {
	if bc.freshness <= 0 {
		return build()
	}
	bc.mu.Lock()
	e, ok := bc.entries[key]
	if ok {
		select {
		case <-e.done:
			if e.err != nil || time.Since(e.built) > bc.freshness {
				ok = false
			}
		default:
		}
	}
	if !ok {
		if len(bc.entries) >= boardCacheSize {
			bc.prune()
		}
		e = &boardEntry{done: make(chan struct{})}
		bc.entries[key] = e
		bc.mu.Unlock()
		v, err := build()
		e.value, e.err, e.built = v, err, time.Now()
		close(e.done)
		return v, err
	}
	bc.mu.Unlock()
	<-e.done
	if e.err != nil {
		return build()
	}
	return e.value.(T), nil
}

// prune drops the answers built more than freshness ago, and all of them
// if that leaves the cache full. The caller holds mu.
func (bc *boardCache) prune() {
	for k, e := range bc.entries {
		select {
		case <-e.done:
			if time.Since(e.built) > bc.freshness {
				delete(bc.entries, k)
			}
		default:
		}
	}
	if len(bc.entries) >= boardCacheSize {
		clear(bc.entries)
	}
}
