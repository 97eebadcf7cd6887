package api_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

// concurrently sends n requests at once in the session of as, each through
// its own client, and returns what send made of each answer, in order.
func concurrently[T any](as *client, n int, send func(c *client, i int) T) []T {
	codes := make([]T, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = send(&client{s: as.s, cookie: as.cookie, csrf: as.csrf}, i)
		}()
	}
	wg.Wait()
	return codes
}

// TestRegistration_ConcurrentEntriesRespectTheQuota sends many registrations
// of two enterprises at once into an event with room for three each: exactly
// the room is taken for each, whatever the interleaving.
func TestRegistration_ConcurrentEntriesRespectTheQuota(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		_, ev := s.openContest(s.admin(), f.root.ID, 3)
		ents := []*client{s.login(f.enterpriseAcc.Username, fixturePwd), s.login(s.newAccount(s.admin(), "ent_jb", "enterprise", f.otherEnterprise.ID).Username, fixturePwd)}
		const tries = 24
		codes := concurrently(ents[0], tries, func(c *client, i int) int {
			c.cookie, c.csrf = ents[i%2].cookie, ents[i%2].csrf
			return c.do("POST", entrantsPath(ev), worker(fmt.Sprintf("职工%d", i), idNumber(fmt.Sprintf("11010519860101%03d", 100+i*2)), "female")).Code
		})
		created, refused := 0, 0
		for _, code := range codes {
			switch code {
			case http.StatusCreated:
				created++
			case http.StatusConflict:
				refused++
			}
		}
		for _, enterpriseID := range []uint{f.enterprise.ID, f.otherEnterprise.ID} {
			var n int64
			db.Model(&model.Entrant{}).Where("event_id = ? AND enterprise_id = ? AND status = ?", ev.ID, enterpriseID, "pending").Count(&n)
			if n != 3 {
				t.Errorf("enterprise %d: %d stored, want 3", enterpriseID, n)
			}
		}
		if created != 6 || refused != tries-6 {
			t.Errorf("answers %v: %d created, %d refused; want 6 and %d", codes, created, refused, tries-6)
		}
	})
}

// TestOrganisation_ConcurrentCrossMovesCannotMakeACycle moves two sibling unions
// under each other at the same moment: one move wins, the other sees it and is
// refused, and the tree stays a tree.
func TestOrganisation_ConcurrentCrossMovesCannotMakeACycle(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		for round := 0; round < 5; round++ {
			var x, y org
			a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "grassroots_union", "name": fmt.Sprintf("甲%d", round)}, &x)
			a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "grassroots_union", "name": fmt.Sprintf("乙%d", round)}, &y)
			moves := [][2]org{{x, y}, {y, x}}
			codes := concurrently(a, len(moves), func(c *client, i int) int {
				child, parent := moves[i][0], moves[i][1]
				return c.do("PATCH", orgPath(child.ID), map[string]any{"version": child.Version, "parent_id": parent.ID}).Code
			})
			if !(codes[0] == 200) != (codes[1] == 200) || (codes[0] != 200 && codes[0] != 422) || (codes[1] != 200 && codes[1] != 422) {
				t.Fatalf("round %d: answers %v, want one 200 and one 422", round, codes)
			}
			var rows []model.Organisation
			db.Where("id IN ?", []uint{x.ID, y.ID}).Find(&rows)
			if *rows[0].ParentID == rows[1].ID && *rows[1].ParentID == rows[0].ID {
				t.Fatalf("round %d: a cycle was stored", round)
			}
		}
	})
}

// TestReview_ConcurrentDecisionsOnOneEntryKeepOne sends an approval and a
// rejection of the same entry, read at the same version, at the same moment:
// one is kept, the other is told the entry changed.
func TestReview_ConcurrentDecisionsOnOneEntryKeepOne(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		o := s.login(f.organiser.Username, fixturePwd)
		path := fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID)
		bodies := []map[string]any{
			{"decision": "approve", "version": f.entrant.Version},
			{"decision": "reject", "reason": "资料不全", "version": f.entrant.Version},
		}
		codes := concurrently(o, len(bodies), func(c *client, i int) int { return c.do("POST", path, bodies[i]).Code })
		if !(codes[0] == 200 && codes[1] == 409 || codes[0] == 409 && codes[1] == 200) {
			t.Errorf("answers %v, want one 200 and one 409", codes)
		}
		var e model.Entrant
		db.Take(&e, f.entrant.ID)
		if e.Version != f.entrant.Version+1 {
			t.Errorf("version %d after one decision, want %d", e.Version, f.entrant.Version+1)
		}
	})
}

// TestSQLite_ConcurrentWritersQueueInsteadOfMeetingTheLock: on a database
// that gives up on a lock at once, many writers at once (registrations,
// logins, reviews) all succeed: they wait their turn in the process, so
// "database is locked" never reaches anyone.
func TestSQLite_ConcurrentWritersQueueInsteadOfMeetingTheLock(t *testing.T) {
	s := newServer(t, modeltest.ImpatientSQLite(t))
	f := s.fixture()
	_, ev := s.openContest(s.admin(), f.district.ID, 0)
	ent := s.login(f.enterpriseAcc.Username, fixturePwd)
	const writers = 60
	codes := concurrently(ent, writers, func(c *client, i int) int {
		switch i % 3 {
		case 0:
			return c.do("POST", entrantsPath(ev), worker(fmt.Sprintf("职工%d", i), idNumber(fmt.Sprintf("11010519860101%03d", 101+i*2)), "male")).Code
		case 1:
			c.cookie, c.csrf = "", ""
			return c.do("POST", "/api/v1/auth/login", map[string]string{"username": f.organiser.Username, "password": fixturePwd}).Code
		}
		c.cookie, c.csrf = "", ""
		return c.do("POST", "/api/v1/auth/login", map[string]string{"username": f.organiser.Username, "password": "wrong-pass-1"}).Code
	})
	for i, code := range codes {
		want := []int{201, 200, 401}[i%3]
		if code != want && !(i%3 == 2 && code == 429) {
			t.Errorf("writer %d: %d, want %d", i, code, want)
		}
	}
}

// TestRegistration_NoEntryLandsAfterRegistrationCloses sends entries and the
// closing of registration at the same moment: an entry is either in before
// the contest closes, or refused; none is written after the close.
func TestRegistration_NoEntryLandsAfterRegistrationCloses(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		ct, ev := s.openContest(a, f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		const entries = 30
		codes := concurrently(ent, entries+1, func(c *client, i int) int {
			if i == entries/2 {
				return a.do("POST", fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID), map[string]any{"to": "registration_closed"}).Code
			}
			return c.do("POST", entrantsPath(ev), worker(fmt.Sprintf("职工%d", i), idNumber(fmt.Sprintf("11010519860101%03d", 101+i*2)), "male")).Code
		})
		if codes[entries/2] != 200 {
			t.Fatalf("closing registration: %d", codes[entries/2])
		}
		var closedAt model.AuditEntry
		db.Where("action = ? AND entity_id = ?", "contest.step", ct.ID).Order("id DESC").Take(&closedAt)
		var late int64
		db.Model(&model.AuditEntry{}).Where("action = ? AND id > ?", "entrant.register", closedAt.ID).Count(&late)
		if late > 0 {
			t.Errorf("%d entries were written after registration closed (answers %v)", late, codes)
		}
	})
}

// TestMarks_FirstMarksOfASheetAtOnceAllLand sends the first marks of a sheet
// at once, each cell several times over as retries racing their originals
// would: every request is answered 200 without a deadlock to retry, and each
// cell is stored once with one change.
func TestMarks_FirstMarksOfASheetAtOnceAllLand(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		var logged strings.Builder
		s := newServerWith(t, db, func(o *service.Options) { o.Logger = slog.New(slog.NewTextHandler(&logged, nil)) })
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		numbers := append(slices.Clone(f.numbersA), f.numberC)
		const copies = 8
		codes := concurrently(j, len(numbers)*copies, func(c *client, i int) string {
			res := c.do("PUT", sheetPath(f.fitter, "practical", "/marks"), mark(numbers[i%len(numbers)], "P1", 80+i%len(numbers), 0))
			return fmt.Sprintf("%d %s", res.Code, res.Body)
		})
		for _, code := range codes {
			if !strings.HasPrefix(code, "200 ") {
				t.Errorf("a first mark answered %s", code)
			}
		}
		if strings.Contains(logged.String(), "deadlock") {
			t.Errorf("first marks of one sheet deadlocked:\n%s", logged.String())
		}
		var marks, changes int64
		db.Model(&model.Mark{}).Count(&marks)
		db.Model(&model.MarkChange{}).Count(&changes)
		if marks != int64(len(numbers)) || changes != int64(len(numbers)) {
			t.Errorf("%d marks and %d changes stored, want %d of each", marks, changes, len(numbers))
		}
	})
}

// TestMarks_NoMarkLandsAfterJudgingEnds keeps judges changing marks while the
// organiser ends judging: a mark is either stored before the contest leaves
// its judging step, or refused; none is written after it.
func TestMarks_NoMarkLandsAfterJudgingEnds(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		j := s.login(f.judge.Username, fixturePwd)
		var cells []markedCell
		for _, n := range append(slices.Clone(f.numbersA), f.numberC) {
			cells = append(cells, markedCell{sheetPath(f.fitter, "theory", "/marks"), n, "T1", 0},
				markedCell{sheetPath(f.fitter, "practical", "/marks"), n, "P1", 0})
		}
		m := keepMarking(j, cells, 60)
		m.untilStored(len(cells))
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		var atEnd, afterwards int64
		db.Model(&model.MarkChange{}).Count(&atEnd)
		m.wg.Wait()
		db.Model(&model.MarkChange{}).Count(&afterwards)
		if afterwards != atEnd {
			t.Errorf("%d changes of marks were written after judging ended", afterwards-atEnd)
		}
		if afterwards != m.stored.Load() {
			t.Errorf("%d marks answered 200, %d changes stored", m.stored.Load(), afterwards)
		}
		for i, why := range m.refused {
			if why != "" && !strings.Contains(why, "wrong_step") {
				t.Errorf("a mark of %+v was refused for another reason: %s", cells[i], why)
			}
		}
	})
}

// TestMarks_NoMarkLandsOnASubmittedSheet keeps a judge changing the marks of
// a complete sheet while the same judge submits it from another device: a
// mark is either stored before the submission, and is in the submitted
// sheet, or refused; none changes the sheet after it.
func TestMarks_NoMarkLandsOnASubmittedSheet(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		marks := sheetPath(f.fitter, "practical", "/marks")
		numbers := append(slices.Clone(f.numbersA), f.numberC)
		cells := make([]markedCell, len(numbers))
		for i, number := range numbers {
			var first sheetMark
			j.must(200, "PUT", marks, mark(number, "P1", 10, 0), &first)
			cells[i] = markedCell{marks, number, "P1", first.Version}
		}
		m := keepMarking(j, cells, 60)
		m.untilStored(len(cells))
		var submitted sheet
		j.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, &submitted)
		var atSubmission int64
		db.Model(&model.MarkChange{}).Count(&atSubmission)
		m.wg.Wait()

		var now sheet
		j.must(200, "GET", sheetPath(f.fitter, "practical"), nil, &now)
		if len(now.Rows) != len(submitted.Rows) {
			t.Fatalf("%d rows submitted, %d now", len(submitted.Rows), len(now.Rows))
		}
		for i, row := range now.Rows {
			if got, want := row.Marks["P1"].Points, submitted.Rows[i].Marks["P1"].Points; got != want {
				t.Errorf("number %s: %v submitted, %v stored afterwards", row.Number, want, got)
			}
		}
		var afterwards int64
		db.Model(&model.MarkChange{}).Count(&afterwards)
		if afterwards != atSubmission {
			t.Errorf("%d changes of marks were written after the sheet was submitted", afterwards-atSubmission)
		}
		if want := m.stored.Load() + int64(len(numbers)); afterwards != want {
			t.Errorf("%d marks answered 200, %d changes stored", want, afterwards)
		}
		for i, why := range m.refused {
			if why != "" && !strings.Contains(why, "评分表已提交") {
				t.Errorf("a mark of %s was refused for another reason: %s", numbers[i], why)
			}
		}
	})
}

// markedCell is a cell of a judge's sheet that keepMarking changes, from the
// version of its mark named first (0 for none yet).
type markedCell struct {
	path, number, criterion string
	version                 int
}

// markers change marks over and over, each cell from a device of its own.
type markers struct {
	wg sync.WaitGroup
	// stored counts the changes answered 200.
	stored atomic.Int64
	// refused is what stopped each cell's changes, "" if none did.
	refused []string
}

// keepMarking has judge j change the mark of each cell rounds times, to 11,
// 12 and so on, each change naming the version the last one answered, until
// one is refused.
func keepMarking(j *client, cells []markedCell, rounds int) *markers {
	m := &markers{refused: make([]string, len(cells))}
	for i, at := range cells {
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			c := &client{s: j.s, cookie: j.cookie, csrf: j.csrf}
			version := at.version
			for r := range rounds {
				res := c.do("PUT", at.path, mark(at.number, at.criterion, 11+r, version))
				if res.Code != http.StatusOK {
					m.refused[i] = fmt.Sprintf("%d %s", res.Code, res.Body)
					return
				}
				m.stored.Add(1)
				var stored sheetMark
				if err := json.Unmarshal(res.Body.Bytes(), &stored); err != nil {
					m.refused[i] = err.Error()
					return
				}
				version = stored.Version
			}
		}()
	}
	return m
}

// untilStored waits until n changes are answered 200.
func (m *markers) untilStored(n int) {
	for m.stored.Load() < int64(n) {
		runtime.Gosched()
	}
}
