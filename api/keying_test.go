package api_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

type keying struct {
	JudgeID uint  `json:"judge_id"`
	Round   int   `json:"round"`
	Sheet   sheet `json:"sheet"`
}

type keyingComparison struct {
	Differences []struct {
		Number    string     `json:"number"`
		Criterion string     `json:"criterion"`
		First     *sheetMark `json:"first"`
		Second    *sheetMark `json:"second"`
		Settled   *sheetMark `json:"settled"`
	} `json:"differences"`
	Waiting  int     `json:"waiting"`
	AgreedAt *string `json:"agreed_at"`
	Editable bool    `json:"editable"`
}

type paperProgress struct {
	State  string `json:"state"`
	Rounds []struct {
		Round       int     `json:"round"`
		ClerkName   string  `json:"clerk_name"`
		Keyed       int     `json:"keyed"`
		SubmittedAt *string `json:"submitted_at"`
	} `json:"rounds"`
}

// boardPaper finds a judge's sheet of a stage of 钳工 on the progress board.
func (s *server) boardPaper(f judgingFixture, stage string, judge account) (*paperProgress, *string) {
	s.t.Helper()
	var board struct {
		Events []struct {
			Stages []struct {
				Stage  string `json:"stage"`
				Judges []struct {
					AccountID   uint           `json:"account_id"`
					SubmittedAt *string        `json:"submitted_at"`
					Paper       *paperProgress `json:"paper"`
				} `json:"judges"`
			} `json:"stages"`
		} `json:"events"`
	}
	s.login(f.chief.Username, fixturePwd).must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/progress", f.judgingContest.ID), nil, &board)
	for _, st := range board.Events[0].Stages {
		for _, j := range st.Judges {
			if st.Stage == stage && j.AccountID == judge.ID {
				return j.Paper, j.SubmittedAt
			}
		}
	}
	s.t.Fatalf("no %s sheet of %s on the board", stage, judge.Username)
	return nil, nil
}

func TestKeying_TheSecondClerkNeverSeesTheFirstClerksValues(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		numbers := append(slices.Clone(f.numbersA), f.numberC)
		first := s.login(f.clerks[0].Username, fixturePwd)
		first.must(200, "POST", f.keyingPath("theory", f.judge), nil, nil)
		secret := []string{"61.37", "62.41", "63.59", "甲录扣分"}
		for i, n := range numbers {
			first.must(200, "PUT", f.keyingPath("theory", f.judge, "/marks"),
				map[string]any{"number": n, "criterion": "T1", "points": secret[i], "note": secret[3], "version": 0}, nil)
		}
		first.must(200, "POST", f.keyingPath("theory", f.judge, "/submit"), map[string]any{"version": 1}, nil)

		// Every answer the second clerk gets, whatever it asks, is read for the first clerk's values.
		second := s.login(f.clerks[1].Username, fixturePwd)
		var answers []string
		ask := func(want int, method, path string, body any) string {
			t.Helper()
			res := second.do(method, path, body)
			if res.Code != want {
				t.Fatalf("%s %s: got %d, want %d: %s", method, path, res.Code, want, res.Body)
			}
			answers = append(answers, res.Body.String())
			return res.Body.String()
		}
		var k keying
		ask(200, "POST", f.keyingPath("theory", f.judge), nil)
		second.must(200, "GET", f.keyingPath("theory", f.judge), nil, &k)
		if k.Round != 2 || k.Sheet.Missing != 3 || len(k.Sheet.Rows) != 3 || !k.Sheet.Editable {
			t.Fatalf("the second clerk's round: %+v", k)
		}
		ask(200, "GET", f.keyingPath("theory", f.judge), nil)
		ask(200, "GET", fmt.Sprintf("/api/v1/events/%d/keying", f.fitter.ID), nil)
		ask(200, "GET", "/api/v1/judging", nil)
		ask(403, "GET", f.keyingPath("theory", f.judge, "/differences"), nil)
		ask(403, "PUT", f.keyingPath("theory", f.judge, "/differences"), mark(numbers[0], "T1", 1, 0))
		ask(403, "GET", sheetPath(f.fitter, "theory", fmt.Sprintf("/judges/%d", f.judge.ID)), nil)
		ask(422, "POST", f.keyingPath("theory", f.judge, "/submit"), map[string]any{"version": 1})
		for i, n := range numbers {
			ask(200, "PUT", f.keyingPath("theory", f.judge, "/marks"), mark(n, "T1", 50+i, 0))
		}
		// A stale version answers the clerk's own value, not the other round's.
		ask(409, "PUT", f.keyingPath("theory", f.judge, "/marks"), mark(numbers[0], "T1", 40, 0))
		ask(200, "POST", f.keyingPath("theory", f.judge, "/submit"), map[string]any{"version": 1})
		ask(200, "GET", f.keyingPath("theory", f.judge), nil)
		ask(403, "GET", f.keyingPath("theory", f.judge, "/differences"), nil)
		ask(409, "PUT", f.keyingPath("theory", f.judge, "/marks"), mark(numbers[0], "T1", 51, 1))
		for _, a := range answers {
			for _, v := range secret {
				if strings.Contains(a, v) {
					t.Errorf("an answer to the second clerk holds the first clerk's %q: %s", v, a)
				}
			}
		}
		// The first clerk, likewise, sees its own round only.
		var own keying
		first.must(200, "GET", f.keyingPath("theory", f.judge), nil, &own)
		if own.Round != 1 || own.Sheet.Rows[0].Marks["T1"].Points != 61.37 || own.Sheet.Rows[0].Marks["T1"].Note != secret[3] {
			t.Errorf("the first clerk's round: %+v", own.Sheet.Rows)
		}
	})
}

func TestKeying_NobodyConfirmsTheirOwnEntry(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.keyOnPaper(f, "theory", "T1", f.judge, map[string]float64{f.numbersA[0]: 70, f.numbersA[1]: 71, f.numberC: 72}, map[string]float64{f.numberC: 73})
		settle := mark(f.numberC, "T1", 72, 0)
		for _, keyed := range f.clerks[:2] {
			c := s.login(keyed.Username, fixturePwd)
			c.mustFail(403, "forbidden", "", "GET", f.keyingPath("theory", f.judge, "/differences"), nil)
			c.mustFail(403, "forbidden", "", "PUT", f.keyingPath("theory", f.judge, "/differences"), settle)
		}
		// Both rounds are taken: the third clerk keys no round of it, and confirms.
		third := s.login(f.clerks[2].Username, fixturePwd)
		third.mustFail(409, "conflict", "", "POST", f.keyingPath("theory", f.judge), nil)
		var cmp keyingComparison
		third.must(200, "GET", f.keyingPath("theory", f.judge, "/differences"), nil, &cmp)
		if len(cmp.Differences) != 1 || cmp.Waiting != 1 || !cmp.Editable {
			t.Fatalf("differences: %+v", cmp)
		}
		d := cmp.Differences[0]
		if d.Number != f.numberC || d.First.Points != 72 || d.Second.Points != 73 || d.Settled != nil {
			t.Errorf("the difference shows %+v", d)
		}
		// A clerk who keys a round stays on the panel: nobody else can finish its round.
		org := s.login(f.organiser.Username, fixturePwd)
		var members []panelMember
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), nil, &members)
		for _, m := range members {
			switch m.AccountID {
			case f.clerks[0].ID:
				org.mustFail(409, "conflict", "", "DELETE", fmt.Sprintf("/api/v1/panel-members/%d", m.ID), nil)
			case f.clerks[2].ID:
				org.must(204, "DELETE", fmt.Sprintf("/api/v1/panel-members/%d", m.ID), nil, nil)
			}
		}
		// The organisers lead the event, but settling is the venue's: the chief judge's or a clerk's.
		s.login(f.organiser.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", f.keyingPath("theory", f.judge, "/differences"), nil)
		s.login(f.chief.Username, fixturePwd).must(200, "GET", f.keyingPath("theory", f.judge, "/differences"), nil, &cmp)
	})
}

func TestKeying_ASheetCountsOnlyWhenBothEntriesAgree(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.keyOnPaper(f, "theory", "T1", f.judge, map[string]float64{f.numbersA[0]: 70, f.numbersA[1]: 71, f.numberC: 72},
			map[string]float64{f.numbersA[1]: 17, f.numberC: 73})
		chief := s.login(f.chief.Username, fixturePwd)
		judgeSheet := sheetPath(f.fitter, "theory", fmt.Sprintf("/judges/%d", f.judge.ID))
		var sh sheet
		chief.must(200, "GET", judgeSheet, nil, &sh)
		if sh.SubmittedAt != nil || sh.Missing != 3 {
			t.Fatalf("the judge's sheet before the entries agree: %+v", sh)
		}
		if p, submitted := s.boardPaper(f, "theory", f.judge); p == nil || p.State != "differences" || submitted != nil || len(p.Rounds) != 2 || p.Rounds[1].Keyed != 3 {
			t.Errorf("the board before settling: %+v", p)
		}
		third := s.login(f.clerks[2].Username, fixturePwd)
		diffs := f.keyingPath("theory", f.judge, "/differences")
		// A cell both rounds agree on is not settled; the paper decides, even against both rounds.
		third.mustFail(422, "validation_failed", "number", "PUT", diffs, mark(f.numbersA[0], "T1", 70, 0))
		third.mustFail(422, "validation_failed", "points", "PUT", diffs, mark(f.numberC, "T1", 100.5, 0))
		var cmp keyingComparison
		third.must(200, "PUT", diffs, mark(f.numberC, "T1", 72.5, 0), &cmp)
		if cmp.Waiting != 1 || cmp.AgreedAt != nil {
			t.Fatalf("one difference settled: %+v", cmp)
		}
		// Settled again, the same value changes nothing; a stale version is refused.
		third.must(200, "PUT", diffs, mark(f.numberC, "T1", 72.5, 0), &cmp)
		third.mustFail(409, "mark_changed", "", "PUT", diffs, mark(f.numberC, "T1", 72, 0))
		chief.must(200, "GET", judgeSheet, nil, &sh)
		if sh.SubmittedAt != nil || sh.Missing != 3 {
			t.Fatalf("the judge's sheet with a difference left: %+v", sh)
		}
		chief.must(200, "PUT", diffs, mark(f.numbersA[1], "T1", 71, 0), &cmp)
		if cmp.Waiting != 0 || cmp.AgreedAt == nil || cmp.Editable || len(cmp.Differences) != 2 {
			t.Fatalf("all differences settled: %+v", cmp)
		}
		chief.must(200, "GET", judgeSheet, nil, &sh)
		want := map[string]float64{f.numbersA[0]: 70, f.numbersA[1]: 71, f.numberC: 72.5}
		for _, r := range sh.Rows {
			if r.Marks["T1"].Points != want[r.Number] {
				t.Errorf("the judge's mark of %s: %+v, want %v", r.Number, r.Marks, want[r.Number])
			}
		}
		if sh.SubmittedAt == nil || sh.Missing != 0 || sh.Editable {
			t.Errorf("the judge's sheet once the entries agree: %+v", sh)
		}
		if p, submitted := s.boardPaper(f, "theory", f.judge); p == nil || p.State != "agreed" || submitted == nil {
			t.Errorf("the board once the entries agree: %+v", p)
		}
		// Who wrote each mark and why is kept: the one who settled the last difference, by double entry.
		var changes []model.MarkChange
		if err := db.Order("id").Find(&changes).Error; err != nil {
			t.Fatal(err)
		}
		if len(changes) != 3 {
			t.Fatalf("mark changes: %+v", changes)
		}
		for _, ch := range changes {
			if ch.Reason != "双录一致" || ch.ChangedBy != f.chief.ID || ch.BeforePoints != nil {
				t.Errorf("mark change: %+v", ch)
			}
		}
		third.mustFail(409, "conflict", "", "PUT", diffs, mark(f.numberC, "T1", 72, 2))
	})
}

func TestKeying_IdenticalEntriesCountAtOnceAndSignOffWaitsForThem(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		r := s.login(f.recused.Username, fixturePwd)
		r.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 88, 0), nil)
		r.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		first := s.login(f.clerks[0].Username, fixturePwd)
		first.must(200, "POST", f.keyingPath("practical", f.judge), nil, nil)
		first.must(200, "PUT", f.keyingPath("practical", f.judge, "/marks"), mark(f.numberC, "P1", 90, 0), nil)
		chief := s.login(f.chief.Username, fixturePwd)
		signOff := fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID)
		e := chief.mustFail(409, "conflict", "", "POST", signOff, nil)
		if !strings.Contains(e.Error.Message, "judge_a") || strings.Contains(e.Error.Message, "judge_recused") {
			t.Errorf("sign-off waits for the wrong judges: %s", e.Error.Message)
		}
		values := map[string]float64{f.numbersA[0]: 80, f.numbersA[1]: 81, f.numberC: 90}
		s.keyOnPaper(f, "practical", "P1", f.judge, values, nil)
		// The second round's submission found nothing to settle: the sheet counts, and the stage signs off.
		if p, submitted := s.boardPaper(f, "practical", f.judge); p == nil || p.State != "agreed" || submitted == nil {
			t.Fatalf("identical entries on the board: %+v", p)
		}
		s.login(f.clerks[2].Username, fixturePwd).must(200, "GET", f.keyingPath("practical", f.judge, "/differences"), nil, nil)
		chief.must(204, "POST", signOff, nil, nil)
		// Signed off, a paper sheet changes no more than any other.
		first.mustFail(409, "conflict", "", "PUT", f.keyingPath("practical", f.judge, "/marks"), mark(f.numberC, "P1", 91, 1))
	})
}

func TestKeying_AJudgeCannotWriteOnlineToAPaperSheet(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		clerk := s.login(f.clerks[0].Username, fixturePwd)
		clerk.must(200, "POST", f.keyingPath("theory", f.judge), nil, nil)
		j.mustFail(409, "conflict", "", "PUT", sheetPath(f.fitter, "theory", "/marks"), mark(f.numberC, "T1", 90, 0))
		j.mustFail(409, "conflict", "", "POST", sheetPath(f.fitter, "theory", "/submit"), map[string]any{"version": 1})
		var sh struct {
			sheet
			Paper bool `json:"paper"`
		}
		j.must(200, "GET", sheetPath(f.fitter, "theory"), nil, &sh)
		if !sh.Paper || sh.Editable {
			t.Errorf("the judge's paper sheet: paper %v, editable %v", sh.Paper, sh.Editable)
		}
		// The judge's other stage is its own to mark; once marked online, it is not for paper.
		j.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 90, 0), nil)
		clerk.mustFail(409, "conflict", "", "POST", f.keyingPath("practical", f.judge), nil)
		// A clerk keys a judge's rows: the recused judge's sheet has enterprise C's number only.
		var k keying
		clerk.must(200, "POST", f.keyingPath("practical", f.recused), nil, &k)
		if got := k.Sheet.numbers(); !slices.Equal(got, []string{f.numberC}) {
			t.Errorf("the recused judge's paper sheet has rows %v", got)
		}
		clerk.mustFail(422, "validation_failed", "number", "PUT", f.keyingPath("practical", f.recused, "/marks"), mark(f.numbersA[0], "P1", 80, 0))
		// An account that does not mark the stage has no sheet to key.
		clerk.mustFail(404, "not_found", "", "POST", f.keyingPath("theory", f.recused), nil)
	})
}

func TestKeying_CellsAreBoundedResendableAndNeverSilentlyOverwritten(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		c := s.login(f.clerks[0].Username, fixturePwd)
		path := f.keyingPath("practical", f.judge, "/marks")
		c.mustFail(404, "not_found", "", "PUT", path, mark(f.numberC, "P1", 80, 0))
		c.must(200, "POST", f.keyingPath("practical", f.judge), nil, nil)
		for _, bad := range []any{-1, 100.01, "12.345"} {
			c.mustFail(422, "validation_failed", "points", "PUT", path, mark(f.numberC, "P1", bad, 0))
		}
		c.mustFail(422, "validation_failed", "criterion", "PUT", path, mark(f.numberC, "T1", 50, 0))
		c.mustFail(422, "validation_failed", "number", "PUT", path, mark("999", "P1", 50, 0))
		var first, again, changed sheetMark
		c.must(200, "PUT", path, mark(f.numberC, "P1", 85.5, 0), &first)
		c.must(200, "PUT", path, mark(f.numberC, "P1", 85.5, 0), &again)
		if again != first || first.Version != 1 {
			t.Errorf("a resent cell answered %+v, want %+v", again, first)
		}
		c.must(200, "PUT", path, mark(f.numberC, "P1", 86, 1), &changed)
		if changed.Version != 2 {
			t.Errorf("changed cell: %+v", changed)
		}
		c.mustFail(409, "mark_changed", "", "PUT", path, mark(f.numberC, "P1", 70, 1))
		// Keying is for the judging step.
		s.login(f.organiser.Username, fixturePwd).must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		c.mustFail(409, "wrong_step", "", "PUT", path, mark(f.numberC, "P1", 87, 2))
		c.mustFail(409, "wrong_step", "", "POST", f.keyingPath("theory", f.judge), nil)
		var k keying
		c.must(200, "GET", f.keyingPath("practical", f.judge), nil, &k)
		if k.Sheet.Editable {
			t.Error("a keying is editable after judging")
		}
	})
}

func TestKeying_ReopeningAPaperSheetReopensBothRoundsForTheSameClerks(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.keyOnPaper(f, "practical", "P1", f.recused, map[string]float64{f.numberC: 80}, map[string]float64{f.numberC: 81})
		s.login(f.clerks[2].Username, fixturePwd).must(200, "PUT", f.keyingPath("practical", f.recused, "/differences"), mark(f.numberC, "P1", 80, 0), nil)
		chief := s.login(f.chief.Username, fixturePwd)
		chief.must(204, "POST", sheetPath(f.fitter, "practical", "/reopen"), map[string]any{"judge_id": f.recused.ID, "reason": "纸质评分表更正"}, nil)
		if p, submitted := s.boardPaper(f, "practical", f.recused); p == nil || p.State != "keying" || submitted != nil || p.Rounds[0].SubmittedAt != nil {
			t.Fatalf("the board after reopening: %+v", p)
		}
		// Each clerk finds its own values, corrects the cell from the corrected paper, and submits again.
		for i, c := range f.clerks[:2] {
			cl := s.login(c.Username, fixturePwd)
			var k keying
			cl.must(200, "GET", f.keyingPath("practical", f.recused), nil, &k)
			if k.Round != i+1 || !k.Sheet.Editable || k.Sheet.Rows[0].Marks["P1"].Points != float64(80+i) {
				t.Fatalf("round %d after reopening: %+v", i+1, k)
			}
			cl.must(200, "PUT", f.keyingPath("practical", f.recused, "/marks"), mark(f.numberC, "P1", 78, 1), nil)
			cl.must(200, "POST", f.keyingPath("practical", f.recused, "/submit"), map[string]any{"version": k.Sheet.Version}, nil)
		}
		var sh sheet
		chief.must(200, "GET", sheetPath(f.fitter, "practical", fmt.Sprintf("/judges/%d", f.recused.ID)), nil, &sh)
		if sh.SubmittedAt == nil || sh.Rows[0].Marks["P1"].Points != 78 {
			t.Errorf("the judge's sheet once the corrected entries agree: %+v", sh)
		}
		var changes []model.MarkChange
		if err := db.Order("id").Find(&changes).Error; err != nil {
			t.Fatal(err)
		}
		if len(changes) != 2 || *changes[1].BeforePoints != 8000 || changes[1].AfterPoints != 7800 || changes[1].ChangedBy != f.clerks[1].ID {
			t.Errorf("mark changes: %+v", changes)
		}
	})
}
