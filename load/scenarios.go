package main

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
)

// The loads of a contest day.
const (
	registrationClients = 200
	registrationRate    = 100 // per second, open loop
	raceClients         = 50
	raceQuota           = 3
	listClients         = 50
	loginClients        = 50
	probeRate           = 20 // per second, open loop
	pageSize            = 20
)

// run is everything one database's run has: the two servers, the federation
// set up on the real one, and what the scenarios found.
type run struct {
	cfg      config
	hc       *http.Client
	store    *gorm.DB // the database itself, to count what was stored
	real     *process
	bare     *process
	fed      *federation
	workers  *workers
	rows     []row
	goals    []goal
	failures []string
}

// scenarioNames are what -only chooses from, in the order scenarios runs them.
func scenarioNames() []string {
	return []string{"register", "fixed-rate", "quota", "entrants", "people", "logins", "probe", "marks", "public"}
}

// scenarios are run in this order, or those of them the run chose; each adds its rows.
func (r *run) scenarios() []func(context.Context) error {
	all := []func(context.Context) error{
		r.registerFlatOut,
		r.registerAtFixedRate,
		r.quotaRace,
		r.entrantList,
		r.peopleLists,
		r.logins,
		r.probeDuringLogins,
		r.marks,
		r.publicResults,
	}
	if len(r.cfg.only) == 0 {
		return all
	}
	var chosen []func(context.Context) error
	for i, name := range scenarioNames() {
		if slices.Contains(r.cfg.only, name) {
			chosen = append(chosen, all[i])
		}
	}
	return chosen
}

func (r *run) fail(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func entrantsPath(event uint) string { return fmt.Sprintf("/api/v1/events/%d/entrants", event) }

// registerEvent is where a server's registrations go: the baseline writes
// into an event of its own, so that the real server's stays as it entered it.
func (r *run) registerEvent(p *process) uint {
	if p == r.bare {
		return r.fed.bare
	}
	return r.fed.register
}

func (r *run) enterprisesOn(p *process) []*session {
	out := make([]*session, len(r.fed.enterprises))
	for i, s := range r.fed.enterprises {
		out[i] = s.on(p.base)
	}
	return out
}

// measure drives one server, with its peak memory and processor time from this scenario only
// and, when event is set, a check that every entry answered 201 was stored
// and nothing else was.
func (r *run) measure(scenario, load string, p *process, event uint, drive func(p *process) *tally) (row, error) {
	var before map[uint]bool
	if event != 0 {
		var err error
		if before, err = storedEntries(r.store, event); err != nil {
			return row{}, err
		}
	}
	if err := p.resetPeak(); err != nil {
		return row{}, err
	}
	cpu := p.cpuTime()
	t := drive(p)
	rw := row{scenario: scenario, server: p.name, load: load, t: t, peakKB: p.peakKB(), cpu: p.cpuTime() - cpu}
	if !p.alive() {
		r.fail("%s: %s exited during the scenario", scenario, p.name)
	}
	if event == 0 {
		return rw, nil
	}
	after, err := storedEntries(r.store, event)
	if err != nil {
		return rw, err
	}
	// An answer whose entry cannot be read counts as one not found.
	answered, missing := t.statuses[http.StatusCreated], t.statuses[http.StatusCreated]-len(t.created)
	for _, id := range t.created {
		if !after[id] || before[id] {
			missing++
		}
	}
	added := len(after) - len(before)
	rw.stored = fmt.Sprintf("%d = %d", answered, added)
	if missing > 0 || added != answered {
		rw.stored = fmt.Sprintf("%d ≠ %d", answered, added)
		r.fail("%s (%s): answered 201 %d times, %d entries stored, %d answered entries not found", scenario, p.name, answered, added, missing)
	}
	return rw, nil
}

// expect fails the run on any answer of the real server outside allowed, and
// on any request it did not answer. A 503 with Retry-After is the server
// shedding load, which only a login may be.
func (r *run) expect(rw row, allowed ...int) {
	for status, n := range rw.t.statuses {
		if !slices.Contains(allowed, status) {
			r.fail("%s (%s): %d answers %d (expected only %v)", rw.scenario, rw.server, n, status, allowed)
		}
	}
	if rw.t.shed > 0 && !rw.logins {
		r.fail("%s (%s): %d answers 503 with Retry-After; only logins may be shed", rw.scenario, rw.server, rw.t.shed)
	}
	if rw.t.noAnswer > 0 {
		r.fail("%s (%s): %d requests got no answer", rw.scenario, rw.server, rw.t.noAnswer)
	}
}

// comparison is a scenario run the same way on the real server and then on
// the baseline.
type comparison struct {
	scenario, load string
	// writes are registrations, checked for 201 = stored.
	writes bool
	// logins may be shed (see expect).
	logins bool
	// allowed are the statuses the real server may answer.
	allowed []int
	drive   func(p *process) *tally
	// ratio compares the real server's tally with the baseline's; unit follows it in the table.
	ratio func(real, bare *tally) float64
	unit  string
}

// both runs c on both servers, adds their rows, and returns the ratio and the real server's row.
func (r *run) both(c comparison) (float64, row, error) {
	rows := make([]row, 2)
	for i, p := range []*process{r.real, r.bare} {
		event := uint(0)
		if c.writes {
			event = r.registerEvent(p)
		}
		rw, err := r.measure(c.scenario, c.load, p, event, c.drive)
		if err != nil {
			return 0, row{}, err
		}
		rw.logins = c.logins
		rows[i] = rw
	}
	r.expect(rows[0], c.allowed...)
	q := c.ratio(rows[0].t, rows[1].t)
	rows[0].ratio = fmt.Sprintf("%.2f%s", q, c.unit)
	r.rows = append(r.rows, rows...)
	return q, rows[0], nil
}

func throughputRatio(real, bare *tally) float64 { return real.okPerSecond() / bare.okPerSecond() }
func p99Ratio(real, bare *tally) float64 {
	return float64(real.percentile(0.99)) / float64(bare.percentile(0.99))
}

// registering sends each client's next new worker into the server's event.
func (r *run) registering(p *process) sender {
	sessions, event := r.enterprisesOn(p), r.registerEvent(p)
	return func(ctx context.Context, who int) (answer, error) {
		return sessions[who%len(sessions)].do(ctx, http.MethodPost, entrantsPath(event), r.workers.registration())
	}
}

// 1. Registration, closed loop: 200 clients flat out.
func (r *run) registerFlatOut(ctx context.Context) error {
	q, real, err := r.both(comparison{scenario: "register, flat out", load: fmt.Sprintf("%d clients", registrationClients),
		writes: true, allowed: []int{http.StatusCreated}, ratio: throughputRatio,
		drive: func(p *process) *tally { return closedLoop(ctx, registrationClients, r.cfg.duration, r.registering(p)) }})
	if err != nil {
		return err
	}
	r.goals = append(r.goals,
		goal{"registration, 200 clients flat out", fmt.Sprintf("%.2f of the bare handler", q), "≥ 0.60", q >= 0.6},
		goal{"peak memory of the server at 200 clients", fmt.Sprintf("%.0f MB", float64(real.peakKB)/1024), "< 150 MB", real.peakKB < 150*1024})
	return nil
}

// 2. Registration, open loop: 100 a second, latency from each request's scheduled time.
func (r *run) registerAtFixedRate(ctx context.Context) error {
	q, _, err := r.both(comparison{scenario: "register, fixed rate", load: fmt.Sprintf("%d/s", registrationRate),
		writes: true, allowed: []int{http.StatusCreated}, ratio: p99Ratio, unit: "× p99",
		drive: func(p *process) *tally { return openLoop(ctx, registrationRate, r.cfg.duration, r.registering(p)) }})
	if err != nil {
		return err
	}
	r.goals = append(r.goals, goal{"registration at 100/s", fmt.Sprintf("p99 %.1f× the bare handler's", q), "≤ 3×", q <= 3})
	return nil
}

// 3. The quota race: 50 clients of one enterprise at once into an event that
// lets it enter three; exactly three must be stored. One round per
// enterprise, each with a quota of its own, as long as the duration lasts.
func (r *run) quotaRace(ctx context.Context) error {
	total := newTally()
	if err := r.real.resetPeak(); err != nil {
		return err
	}
	start, rounds, stored := time.Now(), 0, int64(0)
	var wrong []string
	for _, s := range r.fed.enterprises {
		if rounds > 0 && time.Since(start) >= r.cfg.duration {
			break
		}
		t, ready := newTally(), make(chan struct{})
		var wg sync.WaitGroup
		for range raceClients {
			body := r.workers.registration()
			wg.Go(func() {
				<-ready
				sent := time.Now()
				a, err := s.do(ctx, http.MethodPost, entrantsPath(r.fed.quota), body)
				t.add(a, err, time.Since(sent))
			})
		}
		roundStart := time.Now()
		close(ready)
		wg.Wait()
		t.elapsed = time.Since(roundStart)
		n, err := activeEntries(r.store, r.fed.quota, s.enterprise)
		if err != nil {
			return err
		}
		if t.statuses[http.StatusCreated] != raceQuota || n != raceQuota {
			wrong = append(wrong, fmt.Sprintf("round %d: %d answered 201, %d stored", rounds+1, t.statuses[http.StatusCreated], n))
		}
		total.merge(t)
		stored += n
		rounds++
	}
	if len(wrong) > 0 {
		r.fail("quota race: %d of %d rounds did not end with exactly %d entries (%s)", len(wrong), rounds, raceQuota, strings.Join(wrong[:min(3, len(wrong))], "; "))
	}
	rw := row{scenario: "quota race", server: r.real.name, load: fmt.Sprintf("%d clients × %d rounds", raceClients, rounds), t: total,
		stored: fmt.Sprintf("%d = %d", total.statuses[http.StatusCreated], stored), peakKB: r.real.peakKB()}
	if int64(total.statuses[http.StatusCreated]) != stored {
		rw.stored = fmt.Sprintf("%d ≠ %d", total.statuses[http.StatusCreated], stored)
	}
	r.expect(rw, http.StatusCreated, http.StatusConflict)
	r.rows = append(r.rows, rw)
	return nil
}

// fill registers new workers through the real API until the event has want entries.
func (r *run) fill(ctx context.Context, event uint, want int) error {
	have, err := storedEntries(r.store, event)
	if err != nil {
		return err
	}
	sessions := r.enterprisesOn(r.real)
	return inParallel(max(0, want-len(have)), 16, func(i int) error {
		return sessions[i%len(sessions)].must(ctx, http.StatusCreated, http.MethodPost, entrantsPath(event), r.workers.registration(), nil)
	})
}

// paging pages through a list as clients spread over sessions, each client
// from its own starting page onwards, 20 a page. It learns each session's
// number of pages from the real server.
func (r *run) paging(ctx context.Context, sessions []*session, path string, clients int) (func(p *process) *tally, error) {
	pages := make([]int, len(sessions))
	for i, s := range sessions {
		var page struct {
			Total int `json:"total"`
		}
		if err := s.must(ctx, http.StatusOK, http.MethodGet, path, nil, &page); err != nil {
			return nil, err
		}
		pages[i] = max(1, (page.Total+pageSize-1)/pageSize)
	}
	return func(p *process) *tally {
		next := make([]int, clients)
		on := make([]*session, clients)
		for i := range clients {
			on[i] = sessions[i%len(sessions)].on(p.base)
			next[i] = i * pages[i%len(sessions)] / clients
		}
		return closedLoop(ctx, clients, r.cfg.duration, func(ctx context.Context, who int) (answer, error) {
			page := next[who]%pages[who%len(sessions)] + 1
			next[who]++
			return on[who].do(ctx, http.MethodGet, fmt.Sprintf("%s?page=%d&page_size=%d", path, page, pageSize), nil)
		})
	}, nil
}

// 4. One event's entrant list, paged by 50 clients as the administrator.
func (r *run) entrantList(ctx context.Context) error {
	if err := r.fill(ctx, r.fed.register, r.cfg.listed); err != nil {
		return fmt.Errorf("entering %d workers for the list: %w", r.cfg.listed, err)
	}
	drive, err := r.paging(ctx, []*session{r.fed.admin}, entrantsPath(r.fed.register), listClients)
	if err != nil {
		return err
	}
	have, err := storedEntries(r.store, r.fed.register)
	if err != nil {
		return err
	}
	q, _, err := r.both(comparison{scenario: "entrant list", load: fmt.Sprintf("%d clients, %d entrants", listClients, len(have)),
		allowed: []int{http.StatusOK}, drive: drive, ratio: throughputRatio})
	if err != nil {
		return err
	}
	r.goals = append(r.goals, goal{"entrant list, 50 clients", fmt.Sprintf("%.2f of the bare paged SELECT", q), "≥ 0.50", q >= 0.5})
	return nil
}

// 5. The people register: each enterprise's own, then the administrator's whole list.
func (r *run) peopleLists(ctx context.Context) error {
	for _, list := range []struct {
		name     string
		sessions []*session
	}{{"people, own enterprise", r.fed.enterprises}, {"people, administrator", []*session{r.fed.admin}}} {
		drive, err := r.paging(ctx, list.sessions, "/api/v1/people", listClients)
		if err != nil {
			return err
		}
		if _, _, err := r.both(comparison{scenario: list.name, load: fmt.Sprintf("%d clients", listClients),
			allowed: []int{http.StatusOK}, drive: drive, ratio: throughputRatio}); err != nil {
			return err
		}
	}
	return nil
}

// loggingIn logs each client in again and again as an enterprise account.
func (r *run) loggingIn(p *process) sender {
	return func(ctx context.Context, who int) (answer, error) {
		_, a, err := login(ctx, r.hc, p.base, r.fed.logins[who%len(r.fed.logins)])
		return a, err
	}
}

// 6. Logins: 50 clients logging in repeatedly. A 503 with Retry-After is the
// server shedding load, counted apart; any other 5xx fails the run.
func (r *run) logins(ctx context.Context) error {
	_, _, err := r.both(comparison{scenario: "logins", load: fmt.Sprintf("%d clients", loginClients), logins: true,
		allowed: []int{http.StatusOK}, ratio: throughputRatio,
		drive: func(p *process) *tally { return closedLoop(ctx, loginClients, r.cfg.duration, r.loggingIn(p)) }})
	return err
}

// 7. The probe: the entrant list's p99 at a steady 20 a second, alone and
// then while 50 clients log in flat out.
func (r *run) probeDuringLogins(ctx context.Context) error {
	have, err := storedEntries(r.store, r.fed.register)
	if err != nil {
		return err
	}
	pages := max(1, (len(have)+pageSize-1)/pageSize)
	probe := func(p *process) *tally {
		s := r.fed.admin.on(p.base)
		return openLoop(ctx, probeRate, r.cfg.duration, func(ctx context.Context, n int) (answer, error) {
			return s.do(ctx, http.MethodGet, fmt.Sprintf("%s?page=%d&page_size=%d", entrantsPath(r.fed.register), n*7%pages+1, pageSize), nil)
		})
	}
	load := fmt.Sprintf("%d/s", probeRate)
	alone, err := r.measure("probe: entrant list, alone", load, r.real, 0, probe)
	if err != nil {
		return err
	}
	var logins *tally
	during, err := r.measure("probe: entrant list, during logins", load+fmt.Sprintf(" + %d logging in", loginClients), r.real, 0, func(p *process) *tally {
		var wg sync.WaitGroup
		wg.Go(func() { logins = closedLoop(ctx, loginClients, r.cfg.duration, r.loggingIn(p)) })
		t := probe(p)
		wg.Wait()
		return t
	})
	if err != nil {
		return err
	}
	q := float64(during.t.percentile(0.99)) / float64(alone.t.percentile(0.99))
	during.ratio = fmt.Sprintf("%.2f× p99", q)
	burst := row{scenario: "logins beside the probe", server: r.real.name, load: fmt.Sprintf("%d clients", loginClients), t: logins, logins: true}
	for _, rw := range []row{alone, during} {
		r.expect(rw, http.StatusOK)
	}
	r.expect(burst, http.StatusOK)
	r.rows = append(r.rows, alone, during, burst)
	r.goals = append(r.goals, goal{"entrant list during a burst of 50 logins", fmt.Sprintf("p99 %.1f× alone", q), "≤ 3×", q <= 3})
	return nil
}
