package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// tally is what one server answered in one scenario.
type tally struct {
	mu       sync.Mutex
	statuses map[int]int
	// shed counts logins answered 503 with Retry-After: the server turning
	// work away under a burst, not a failure.
	shed int
	// noAnswer counts requests that got no HTTP answer at all.
	noAnswer  int
	latencies []time.Duration
	// created are the ids of the entries answered 201.
	created []uint
	elapsed time.Duration
}

func newTally() *tally { return &tally{statuses: map[int]int{}} }

// add records one request's answer and how long it took.
func (t *tally) add(a answer, err error, took time.Duration) {
	var created idOnly
	if err == nil && a.status == http.StatusCreated {
		json.Unmarshal(a.body, &created)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case err != nil:
		t.noAnswer++
		return
	case a.status == http.StatusServiceUnavailable && a.retryAfter != "":
		t.shed++
	default:
		t.statuses[a.status]++
	}
	t.latencies = append(t.latencies, took)
	if created.ID != 0 {
		t.created = append(t.created, created.ID)
	}
}

// merge adds another tally's answers to this one.
func (t *tally) merge(o *tally) {
	for s, n := range o.statuses {
		t.statuses[s] += n
	}
	t.shed += o.shed
	t.noAnswer += o.noAnswer
	t.latencies = append(t.latencies, o.latencies...)
	t.created = append(t.created, o.created...)
	t.elapsed += o.elapsed
}

// ok counts the 2xx answers.
func (t *tally) ok() int {
	n := 0
	for s, c := range t.statuses {
		if s >= 200 && s < 300 {
			n += c
		}
	}
	return n
}

// sender sends one request; who says which client (closed loop) or which
// request (open loop) it is.
type sender func(ctx context.Context, who int) (answer, error)

// closedLoop runs clients that each send their next request as soon as the
// last is answered, until d has passed; requests under way then are waited for.
func closedLoop(ctx context.Context, clients int, d time.Duration, send sender) *tally {
	t := newTally()
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			for ctx.Err() == nil && time.Now().Before(deadline) {
				sent := time.Now()
				a, err := send(ctx, i)
				t.add(a, err, time.Since(sent))
			}
		})
	}
	wg.Wait()
	t.elapsed = time.Since(start)
	return t
}

// openLoop sends rate requests a second for d, each at its scheduled time
// whatever became of the ones before, and counts each one's latency from
// that time, so that a stall shows in full.
func openLoop(ctx context.Context, rate float64, d time.Duration, send sender) *tally {
	t := newTally()
	n := int(rate * d.Seconds())
	interval := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		select {
		case <-ctx.Done():
		case <-time.After(time.Until(due)):
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			a, err := send(ctx, i)
			t.add(a, err, time.Since(due))
		})
	}
	wg.Wait()
	t.elapsed = time.Since(start)
	return t
}

// inParallel runs fn for 0 … n-1, at most limit at once, and returns the
// first error with the number of calls that failed.
func inParallel(n, limit int, fn func(i int) error) error {
	errs := make([]error, n)
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i := range n {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			errs[i] = fn(i)
		})
	}
	wg.Wait()
	var first error
	failed := 0
	for _, err := range errs {
		if err != nil {
			first = cmp.Or(first, err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d failed, the first: %w", failed, n, first)
	}
	return nil
}
