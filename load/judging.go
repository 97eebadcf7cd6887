package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"leitai/model"
)

// Judging's hottest request: a judge saving one mark. The set-up makes a
// second contest at its judging step with one event the real server judges
// and one into which the baseline writes, the same entrants in each, and
// 200 judges, each on one device as at the venue: a judge marks the cells
// of their own sheet one after the other, coming back to correct them after
// the last, so every answer must be 200.
const (
	markClients   = 200
	markJudges    = 200
	markEntrants  = 100
	markRate      = 200 // per second, open loop
	boardClients  = 20
	boardInterval = 5 * time.Second
	markCriterion = "P1"
	markStage     = "practical"
)

// judging is what the judging set-up made.
type judging struct {
	contest uint
	// event is judged through the real server; bareEvent takes the baseline's marks.
	event, bareEvent uint
	judges           []*session
	judgeIDs         []uint
	// numbers are the draw numbers of event; bareEntrants the ids of
	// bareEvent's entrants and bareSheets each judge's sheet there.
	numbers      []string
	bareEntrants []uint
	bareSheets   []uint
	// cells hold, per server, the version and the points of each cell last answered 2xx.
	cells map[*process]*cellBook
}

// cellBook is what a server answered for each cell: guarded, as open-loop
// requests run side by side.
type cellBook struct {
	mu    sync.Mutex
	cells map[[2]int]markState // [judge, entrant index]
}

type markState struct {
	version int
	points  int
}

func (b *cellBook) get(k [2]int) markState {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cells[k]
}

func (b *cellBook) set(k [2]int, s markState) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cells[k] = s
}

// setUpJudging builds the judging contest through the API, and the
// baseline's sheets in the database (the baseline looks nothing up).
func (r *run) setUpJudging(ctx context.Context) (*judging, error) {
	a := r.fed.admin
	j := &judging{cells: map[*process]*cellBook{r.real: {cells: map[[2]int]markState{}}, r.bare: {cells: map[[2]int]markState{}}}}
	now := time.Now().UTC()
	var ct idOnly
	if err := a.must(ctx, 201, "POST", "/api/v1/contests", map[string]any{"name": "全区钳工职业技能竞赛", "kind": "skills", "format": "trade",
		"level": "district", "organiser_id": r.fed.district, "registration_opens_at": now.Add(-time.Hour),
		"registration_closes_at": now.Add(7 * 24 * time.Hour)}, &ct); err != nil {
		return nil, err
	}
	j.contest = ct.ID
	steps := fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID)
	for _, ev := range []struct {
		id   *uint
		name string
	}{{&j.event, "钳工"}, {&j.bareEvent, "钳工（基准）"}} {
		var out idOnly
		if err := a.must(ctx, 201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": ev.name, "trade": "钳工",
			"entrant_type": "individual"}, &out); err != nil {
			return nil, err
		}
		*ev.id = out.ID
	}
	if err := a.must(ctx, 200, "POST", steps, map[string]any{"to": "registration_open"}, nil); err != nil {
		return nil, err
	}
	sessions := r.enterprisesOn(r.real)
	for _, ev := range []uint{j.event, j.bareEvent} {
		ids := make([]uint, markEntrants)
		err := inParallel(markEntrants, 16, func(i int) error {
			var e idOnly
			err := sessions[i%len(sessions)].must(ctx, http.StatusCreated, http.MethodPost, entrantsPath(ev), r.workers.registration(), &e)
			ids[i] = e.ID
			return err
		})
		if err != nil {
			return nil, err
		}
		if err := a.must(ctx, 200, "POST", fmt.Sprintf("/api/v1/events/%d/entrants/approve", ev), map[string]any{"ids": ids}, nil); err != nil {
			return nil, err
		}
	}
	if err := a.must(ctx, 200, "POST", steps, map[string]any{"to": "registration_closed"}, nil); err != nil {
		return nil, err
	}
	for _, ev := range []uint{j.event, j.bareEvent} {
		if err := a.must(ctx, 200, "POST", fmt.Sprintf("/api/v1/events/%d/draw", ev), map[string]any{"seed": "1"}, nil); err != nil {
			return nil, err
		}
	}
	j.judges, j.judgeIDs = make([]*session, markJudges), make([]uint, markJudges)
	err := inParallel(markJudges, 4, func(i int) error {
		s, id, err := r.judge(ctx, i)
		j.judges[i], j.judgeIDs[i] = s, id
		if err != nil {
			return err
		}
		return a.must(ctx, 201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", j.event), map[string]any{"account_id": id, "duty": "judge",
			"stages": []string{markStage}}, nil)
	})
	if err != nil {
		return nil, err
	}
	if err := a.must(ctx, 200, "POST", steps, map[string]any{"to": "judging"}, nil); err != nil {
		return nil, err
	}
	if err := r.store.Model(&model.Entrant{}).Where("event_id = ?", j.event).Order("draw_number").Pluck("draw_number", &j.numbers).Error; err != nil {
		return nil, err
	}
	if err := r.store.Model(&model.Entrant{}).Where("event_id = ?", j.bareEvent).Order("draw_number").Pluck("id", &j.bareEntrants).Error; err != nil {
		return nil, err
	}
	for _, id := range j.judgeIDs {
		sheet := model.Sheet{EventID: j.bareEvent, Stage: markStage, JudgeID: id, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := r.store.Create(&sheet).Error; err != nil {
			return nil, err
		}
		j.bareSheets = append(j.bareSheets, sheet.ID)
	}
	return j, nil
}

// judge adds the i-th judge account at the district union and logs it in
// with the password it chose.
func (r *run) judge(ctx context.Context, i int) (*session, uint, error) {
	username := fmt.Sprintf("load_j%03d", i+1)
	var acc idOnly
	if err := r.fed.admin.must(ctx, 201, "POST", "/api/v1/accounts", map[string]any{"username": username, "display_name": username,
		"role": "judge", "organisation_id": r.fed.district, "password": initialPassword}, &acc); err != nil {
		return nil, 0, err
	}
	s, ans, err := signIn(ctx, r.hc, r.real.base, credentials{username, initialPassword})
	if err != nil || s == nil {
		return nil, 0, fmt.Errorf("login %s: %d %s %v", username, ans.status, ans.body, err)
	}
	err = s.must(ctx, 204, "POST", "/api/v1/auth/password", map[string]string{"old_password": initialPassword, "new_password": enterprisePass}, nil)
	return s, acc.ID, err
}

// marking saves marks on p: request n of client who goes to the cell the
// client owns next, with the version last answered for it and another value.
// cell picks the cell of a request.
func (r *run) marking(p *process, j *judging, cell func(who int) [2]int) sender {
	book := j.cells[p]
	return func(ctx context.Context, who int) (answer, error) {
		k := cell(who)
		last := book.get(k)
		points := (last.points+1)%100 + 1
		var a answer
		var err error
		if p == r.bare {
			a, err = r.fed.admin.on(p.base).do(ctx, http.MethodPut, fmt.Sprintf("/api/v1/events/%d/sheets/%s/marks", j.bareEvent, markStage),
				map[string]any{"sheet_id": j.bareSheets[k[0]], "entrant_id": j.bareEntrants[k[1]], "judge_id": j.judgeIDs[k[0]],
					"criterion": markCriterion, "points": points})
		} else {
			a, err = j.judges[k[0]].do(ctx, http.MethodPut, fmt.Sprintf("/api/v1/events/%d/sheets/%s/marks", j.event, markStage),
				map[string]any{"number": j.numbers[k[1]], "criterion": markCriterion, "points": points, "version": last.version})
		}
		if err == nil && a.status == http.StatusOK {
			var stored struct {
				Version int `json:"version"`
			}
			json.Unmarshal(a.body, &stored)
			book.set(k, markState{version: stored.Version, points: points})
		}
		return a, err
	}
}

// clientCells gives each closed-loop client the cells of one judge that no
// other client has, visited in turn.
func clientCells() func(who int) [2]int {
	var mu sync.Mutex
	next := make([]int, markClients)
	perJudge := markClients / markJudges
	return func(who int) [2]int {
		mu.Lock()
		defer mu.Unlock()
		slot := who / markJudges
		i := next[who]
		next[who]++
		return [2]int{who % markJudges, (slot + i*perJudge) % markEntrants}
	}
}

// requestCells spreads open-loop requests over every cell, so that one cell
// comes round again only after all the others.
func requestCells(n int) [2]int {
	return [2]int{n % markJudges, n / markJudges % markEntrants}
}

// 8. Marks: 200 judges' clients flat out, then 200 marks a second, then flat
// out again while 20 progress boards poll.
func (r *run) marks(ctx context.Context) error {
	j, err := r.setUpJudging(ctx)
	if err != nil {
		return fmt.Errorf("setting up judging: %w", err)
	}
	before, err := r.markChanges(j)
	if err != nil {
		return err
	}
	q, real, err := r.both(comparison{scenario: "marks, flat out", load: fmt.Sprintf("%d clients of %d judges", markClients, markJudges),
		allowed: []int{http.StatusOK}, ratio: throughputRatio,
		drive: func(p *process) *tally {
			return closedLoop(ctx, markClients, r.cfg.duration, r.marking(p, j, clientCells()))
		}})
	if err != nil {
		return err
	}
	r.goals = append(r.goals, goal{"marks, 200 judges flat out", fmt.Sprintf("%.2f of the bare handler", q), "≥ 0.60", q >= 0.6})
	q, _, err = r.both(comparison{scenario: "marks, fixed rate", load: fmt.Sprintf("%d/s", markRate), allowed: []int{http.StatusOK},
		ratio: p99Ratio, unit: "× p99",
		drive: func(p *process) *tally { return openLoop(ctx, markRate, r.cfg.duration, r.marking(p, j, requestCells)) }})
	if err != nil {
		return err
	}
	r.goals = append(r.goals, goal{"marks at 200/s", fmt.Sprintf("p99 %.1f× the bare handler's", q), "≤ 3×", q <= 3})

	var boards *tally
	withBoards, err := r.measure("marks, flat out, 20 boards open", fmt.Sprintf("%d clients + %d boards", markClients, boardClients), r.real, 0,
		func(p *process) *tally {
			var wg sync.WaitGroup
			wg.Go(func() { boards = r.polling(ctx, j) })
			t := closedLoop(ctx, markClients, r.cfg.duration, r.marking(p, j, clientCells()))
			wg.Wait()
			return t
		})
	if err != nil {
		return err
	}
	share := withBoards.t.okPerSecond() / real.t.okPerSecond()
	withBoards.ratio = fmt.Sprintf("%.2f", share)
	board := row{scenario: "progress boards beside the marks", server: r.real.name, load: fmt.Sprintf("%d every %s", boardClients, boardInterval), t: boards}
	r.expect(withBoards, http.StatusOK)
	r.expect(board, http.StatusOK)
	r.rows = append(r.rows, withBoards, board)
	r.goals = append(r.goals, goal{"marks while 20 progress boards poll", fmt.Sprintf("%.2f of the marks without them", share), "≥ 0.90", share >= 0.9})
	return r.checkMarks(j, before)
}

// polling is 20 progress boards, each asking for the board and the event's
// disagreements every five seconds as the web app does, from staggered starts.
func (r *run) polling(ctx context.Context, j *judging) *tally {
	t := newTally()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range boardClients {
		wg.Go(func() {
			due := start.Add(boardInterval * time.Duration(i) / boardClients)
			for due.Before(start.Add(r.cfg.duration)) && ctx.Err() == nil {
				time.Sleep(time.Until(due))
				a, err := r.fed.admin.do(ctx, http.MethodGet, fmt.Sprintf("/api/v1/contests/%d/progress", j.contest), nil)
				t.add(a, err, time.Since(due))
				a, err = r.fed.admin.do(ctx, http.MethodGet, fmt.Sprintf("/api/v1/events/%d/disagreements", j.event), nil)
				t.add(a, err, time.Since(due))
				due = due.Add(boardInterval)
			}
		})
	}
	wg.Wait()
	t.elapsed = time.Since(start)
	return t
}

func (r *run) markChanges(j *judging) (int64, error) {
	var n int64
	err := r.store.Model(&model.MarkChange{}).Where("sheet_id IN (?)", r.store.Model(&model.Sheet{}).Select("id").Where("event_id = ?", j.event)).Count(&n).Error
	return n, err
}

// checkMarks holds every server to what it answered: each cell stores the
// points last answered 200 for it, and the real server kept one change for
// every mark it answered.
func (r *run) checkMarks(j *judging, changesBefore int64) error {
	for p, event := range map[*process]uint{r.real: j.event, r.bare: j.bareEvent} {
		var rows []struct {
			JudgeID   uint
			EntrantID uint
			Points    int
		}
		err := r.store.Table("marks").Select("marks.judge_id, marks.entrant_id, marks.points").Joins("JOIN sheets ON sheets.id = marks.sheet_id").
			Where("sheets.event_id = ?", event).Scan(&rows).Error
		if err != nil {
			return err
		}
		stored := map[[2]uint]int{}
		for _, m := range rows {
			stored[[2]uint{m.JudgeID, m.EntrantID}] = m.Points
		}
		entrants, err := r.entrantIDs(event)
		if err != nil {
			return err
		}
		book := j.cells[p]
		wrong := 0
		for k, s := range book.cells {
			if stored[[2]uint{j.judgeIDs[k[0]], entrants[k[1]]}] != s.points*100 {
				wrong++
			}
		}
		if wrong > 0 || len(rows) != len(book.cells) {
			r.fail("marks (%s): %d cells answered 200, %d stored, %d holding another value than the last answered", p.name, len(book.cells), len(rows), wrong)
		}
	}
	after, err := r.markChanges(j)
	if err != nil {
		return err
	}
	answered := 0
	for _, rw := range r.rows {
		if rw.server == r.real.name && strings.HasPrefix(rw.scenario, "marks, ") {
			answered += rw.t.statuses[http.StatusOK]
		}
	}
	if int(after-changesBefore) != answered {
		r.fail("marks (leitai): answered 200 %d times, %d changes kept", answered, after-changesBefore)
	}
	return nil
}

// entrantIDs are an event's entrants in draw-number order, as the cells count them.
func (r *run) entrantIDs(event uint) ([]uint, error) {
	var ids []uint
	err := r.store.Model(&model.Entrant{}).Where("event_id = ?", event).Order("draw_number").Pluck("id", &ids).Error
	return ids, err
}
