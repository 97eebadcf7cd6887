package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

type sheet struct {
	Stage    string `json:"stage"`
	Criteria []struct {
		Code string  `json:"code"`
		Max  float64 `json:"max"`
	} `json:"criteria"`
	Rows []struct {
		Number string               `json:"number"`
		Marks  map[string]sheetMark `json:"marks"`
	} `json:"rows"`
	Missing     int     `json:"missing"`
	SubmittedAt *string `json:"submitted_at"`
	Editable    bool    `json:"editable"`
	Version     int     `json:"version"`
}

type sheetMark struct {
	Number    string  `json:"number"`
	Criterion string  `json:"criterion"`
	Points    float64 `json:"points"`
	Note      string  `json:"note"`
	Version   int     `json:"version"`
}

func (s sheet) numbers() []string {
	var out []string
	for _, r := range s.Rows {
		out = append(out, r.Number)
	}
	return out
}

func mark(number, criterion string, points any, version int) map[string]any {
	return map[string]any{"number": number, "criterion": criterion, "points": points, "version": version}
}

func TestSheet_AJudgeSeesNumbersOnlyAndNeverItsOwnOrganisationsEntrants(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		var own, recused sheet
		s.login(f.judge.Username, fixturePwd).must(200, "GET", sheetPath(f.fitter, "practical"), nil, &own)
		all := append(slices.Clone(f.numbersA), f.numberC)
		slices.Sort(all)
		if got := own.numbers(); !slices.Equal(got, all) {
			t.Errorf("judge's rows %v, want %v", got, all)
		}
		if own.Missing != 3 || !own.Editable || len(own.Criteria) != 1 || own.Criteria[0].Code != "P1" {
			t.Errorf("judge's sheet: %+v", own)
		}
		res := s.login(f.recused.Username, fixturePwd).do("GET", sheetPath(f.fitter, "practical"), nil)
		if err := json.Unmarshal(res.Body.Bytes(), &recused); err != nil || res.Code != 200 {
			t.Fatalf("recused judge's sheet: %d %s", res.Code, res.Body)
		}
		if got := recused.numbers(); !slices.Equal(got, []string{f.numberC}) {
			t.Errorf("a judge of enterprise A sees rows %v, want only enterprise C's %s", got, f.numberC)
		}
		// Nothing in a judge's answer names a person or an enterprise.
		for _, word := range []string{"赵强", "钱进", "孙立", "清河机床", "清河电力", "id_number"} {
			if bytes.Contains(res.Body.Bytes(), []byte(word)) {
				t.Errorf("a judge's sheet contains %q: %s", word, res.Body)
			}
		}
		// A recused judge cannot mark enterprise A's entrant either: the number is not on its sheet.
		s.login(f.recused.Username, fixturePwd).mustFail(422, "validation_failed", "number", "PUT", sheetPath(f.fitter, "practical", "/marks"),
			mark(f.numbersA[0], "P1", 80, 0))
		// A judge not given the stage, or of another event, gets nothing.
		s.login(f.recused.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", sheetPath(f.fitter, "theory"), nil)
		s.login(f.otherJudge.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", sheetPath(f.fitter, "practical"), nil)
	})
}

func TestMarks_AreBoundedResendableAndNeverSilentlyOverwritten(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		path := sheetPath(f.fitter, "practical", "/marks")
		for _, bad := range []any{-1, 100.01, "12.345", 101} {
			j.mustFail(422, "validation_failed", "points", "PUT", path, mark(f.numberC, "P1", bad, 0))
		}
		j.mustFail(422, "validation_failed", "criterion", "PUT", path, mark(f.numberC, "T1", 50, 0))
		j.mustFail(422, "validation_failed", "number", "PUT", path, mark("999", "P1", 50, 0))

		var first, again, changed sheetMark
		j.must(200, "PUT", path, mark(f.numberC, "P1", 85.5, 0), &first)
		if first.Points != 85.5 || first.Version != 1 {
			t.Fatalf("first mark: %+v", first)
		}
		// The same mark sent again (a retry after a dropped connection) changes nothing.
		j.must(200, "PUT", path, mark(f.numberC, "P1", 85.5, 0), &again)
		if again != first {
			t.Errorf("a resent mark answered %+v, want %+v", again, first)
		}
		j.must(200, "PUT", path, mark(f.numberC, "P1", 86, 1), &changed)
		if changed.Version != 2 {
			t.Errorf("changed mark: %+v", changed)
		}
		// A second device that still holds version 1 sees the conflict and both values.
		e := j.mustFail(409, "mark_changed", "", "PUT", path, mark(f.numberC, "P1", 70, 1))
		var current sheetMark
		if err := json.Unmarshal(e.Error.Current, &current); err != nil || current.Points != 86 || current.Version != 2 {
			t.Errorf("conflict's current mark: %s (%v)", e.Error.Current, err)
		}
		var changes []model.MarkChange
		if err := db.Order("id").Find(&changes).Error; err != nil {
			t.Fatal(err)
		}
		if len(changes) != 2 || changes[0].BeforePoints != nil || changes[0].AfterPoints != 8550 ||
			*changes[1].BeforePoints != 8550 || changes[1].AfterPoints != 8600 || changes[1].ChangedBy != f.judge.ID {
			t.Errorf("mark history: %+v", changes)
		}
	})
}

func TestSheet_SubmitsOnlyWhenCompleteThenIsReadOnlyUntilReopened(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		marks := sheetPath(f.fitter, "practical", "/marks")
		j.must(200, "PUT", marks, mark(f.numberC, "P1", 90, 0), nil)
		e := j.mustFail(422, "sheet_incomplete", "rows["+f.numbersA[0]+"].P1", "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1})
		if len(e.Error.Fields) != 2 {
			t.Errorf("missing cells named: %+v", e.Error.Fields)
		}
		// An absent entrant is on no sheet: marking one absent completes the sheet without a zero.
		org := s.login(f.organiser.Username, fixturePwd)
		var list struct {
			Items []checkInRow `json:"items"`
		}
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/check-in?number=%s", f.fitter.ID, f.numbersA[1]), nil, &list)
		if len(list.Items) != 1 {
			t.Fatalf("check-in by number: %+v", list.Items)
		}
		org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", list.Items[0].EntrantID), map[string]any{"attendance": "absent", "version": list.Items[0].Version}, nil)
		// An entrant with marks cannot be absent.
		org.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", f.entrantC.EntrantID), map[string]any{"attendance": "absent", "version": f.entrantC.Version})
		j.must(200, "PUT", marks, mark(f.numbersA[0], "P1", 75, 0), nil)
		var submitted sheet
		j.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, &submitted)
		if submitted.SubmittedAt == nil || submitted.Editable || submitted.Missing != 0 || len(submitted.Rows) != 2 {
			t.Errorf("submitted sheet: %+v", submitted)
		}
		j.mustFail(409, "conflict", "", "PUT", marks, mark(f.numberC, "P1", 91, 1))
		// Reopening needs the chief judge or an organiser, and a reason.
		reopen := sheetPath(f.fitter, "practical", "/reopen")
		j.mustFail(403, "forbidden", "", "POST", reopen, map[string]any{"judge_id": f.judge.ID, "reason": "复核"})
		chief := s.login(f.chief.Username, fixturePwd)
		chief.mustFail(422, "validation_failed", "reason", "POST", reopen, map[string]any{"judge_id": f.judge.ID})
		chief.must(204, "POST", reopen, map[string]any{"judge_id": f.judge.ID, "reason": "复核 001 号"}, nil)
		var audit model.AuditEntry
		if err := db.Where("action = ?", "sheet.reopen").Take(&audit).Error; err != nil || audit.Reason != "复核 001 号" {
			t.Errorf("reopening's audit: %+v (%v)", audit, err)
		}
		j.must(200, "PUT", marks, mark(f.numberC, "P1", 91, 1), nil)
	})
}

func TestJudging_OnlyInTheJudgingStep(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		j := s.login(f.judge.Username, fixturePwd)
		j.mustFail(409, "wrong_step", "", "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 90, 0))
		var after sheet
		j.must(200, "GET", sheetPath(f.fitter, "practical"), nil, &after)
		if after.Editable {
			t.Error("a sheet is editable after judging")
		}
		org.mustFail(409, "wrong_step", "", "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.spare.ID, "duty": "judge", "stages": []string{"theory"}})
		// Check-in is over too.
		org.mustFail(409, "wrong_step", "", "GET", fmt.Sprintf("/api/v1/events/%d/check-in", f.fitter.ID), nil)
		// Before judging, a judge already on a panel has no sheet to open: the fixture's
		// first contest is still open for registration.
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.event.ID), map[string]any{"account_id": f.spare.ID, "duty": "judge", "stages": []string{"practical"}}, nil)
		s.login(f.spare.Username, fixturePwd).mustFail(409, "wrong_step", "", "GET", sheetPath(f.event, "practical"), nil)
	})
}

func TestPanel_OneDutyAnAccountOneChiefAnEventStagesOfTheEvent(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		path := fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID)
		org.mustFail(409, "duplicate", "account_id", "POST", path, map[string]any{"account_id": f.judge.ID, "duty": "trainee", "stages": []string{"theory"}})
		org.mustFail(409, "conflict", "", "POST", path, map[string]any{"account_id": f.spare.ID, "duty": "chief"})
		org.mustFail(422, "validation_failed", "stages[0]", "POST", path, map[string]any{"account_id": f.spare.ID, "duty": "judge", "stages": []string{"oral"}})
		org.mustFail(422, "validation_failed", "stages", "POST", path, map[string]any{"account_id": f.spare.ID, "duty": "judge"})
		org.mustFail(422, "validation_failed", "stages", "POST", path, map[string]any{"account_id": f.spare.ID, "duty": "checkin", "stages": []string{"theory"}})
		org.mustFail(422, "validation_failed", "account_id", "POST", path, map[string]any{"account_id": f.enterpriseAcc.ID, "duty": "judge", "stages": []string{"theory"}})
		org.mustFail(422, "validation_failed", "duty", "POST", path, map[string]any{"account_id": f.spare.ID, "duty": "referee"})
		// Another district's organiser's judges are not the organiser's to give.
		other := s.newAccount(s.admin(), "judge_jiangbei", "judge", f.otherDistrict.ID)
		org.mustFail(422, "validation_failed", "account_id", "POST", path, map[string]any{"account_id": other.ID, "duty": "judge", "stages": []string{"theory"}})
		var trainee panelMember
		org.must(201, "POST", path, map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"theory"}}, &trainee)
		// A judge with marks stays on the panel.
		s.login(f.judge.Username, fixturePwd).must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 90, 0), nil)
		var members []panelMember
		org.must(200, "GET", path, nil, &members)
		for _, m := range members {
			if m.AccountID == f.judge.ID {
				org.mustFail(409, "conflict", "", "DELETE", fmt.Sprintf("/api/v1/panel-members/%d", m.ID), nil)
			}
		}
		org.must(204, "DELETE", fmt.Sprintf("/api/v1/panel-members/%d", trainee.ID), nil, nil)
	})
}

func TestDuties_AJudgeSeesItsEventsAndHowFarItsSheetsHaveCome(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		j.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 90, 0), nil)
		var duties []struct {
			EventName string `json:"event_name"`
			Duty      string `json:"duty"`
			Sheets    []struct {
				Stage  string `json:"stage"`
				Cells  int    `json:"cells"`
				Marked int    `json:"marked"`
			} `json:"sheets"`
		}
		j.must(200, "GET", "/api/v1/judging", nil, &duties)
		if len(duties) != 1 || duties[0].EventName != "钳工" || duties[0].Duty != "judge" || len(duties[0].Sheets) != 2 {
			t.Fatalf("duties: %+v", duties)
		}
		if p := duties[0].Sheets[1]; p.Stage != "practical" || p.Cells != 3 || p.Marked != 1 {
			t.Errorf("practical sheet's progress: %+v", p)
		}
		s.login(f.recused.Username, fixturePwd).must(200, "GET", "/api/v1/judging", nil, &duties)
		if len(duties) != 1 || duties[0].Sheets[0].Cells != 1 {
			t.Errorf("recused judge's duties: %+v", duties)
		}
	})
}

func TestSignOff_WaitsForEveryJudgeThenFreezesTheStageUntilReopened(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		// A trainee's sheet never holds the sign-off up.
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"practical"}}, nil)
		chief := s.login(f.chief.Username, fixturePwd)
		signOff := fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID)
		e := chief.mustFail(409, "conflict", "", "POST", signOff, nil)
		if !strings.Contains(e.Error.Message, "judge_a") || !strings.Contains(e.Error.Message, "judge_recused") {
			t.Errorf("sign-off refusal does not name the judges who have not submitted: %s", e.Error.Message)
		}
		// Only the judges given the stage count: the recused judge marks no theory.
		e = chief.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/events/%d/stages/theory/sign-off", f.fitter.ID), nil)
		if !strings.Contains(e.Error.Message, "judge_a") || strings.Contains(e.Error.Message, "judge_recused") {
			t.Errorf("theory's sign-off waits for the wrong judges: %s", e.Error.Message)
		}
		j, r := s.login(f.judge.Username, fixturePwd), s.login(f.recused.Username, fixturePwd)
		marks := sheetPath(f.fitter, "practical", "/marks")
		for i, n := range append(slices.Clone(f.numbersA), f.numberC) {
			j.must(200, "PUT", marks, mark(n, "P1", 70+i, 0), nil)
		}
		r.must(200, "PUT", marks, mark(f.numberC, "P1", 88, 0), nil)
		for _, c := range []*client{j, r} {
			c.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		}
		org.mustFail(403, "forbidden", "", "POST", signOff, nil)
		chief.must(204, "POST", signOff, nil, nil)
		chief.mustFail(409, "conflict", "", "POST", signOff, nil)
		// Signed off: no sheet reopens, no mark changes.
		reopenSheet := sheetPath(f.fitter, "practical", "/reopen")
		chief.mustFail(409, "conflict", "", "POST", reopenSheet, map[string]any{"judge_id": f.judge.ID, "reason": "复核"})
		s.login(f.spare.Username, fixturePwd).mustFail(409, "conflict", "", "PUT", marks, mark(f.numberC, "P1", 50, 0))
		// An organiser takes the sign-off back, with a reason; then the chief judge reopens a sheet.
		reopenStage := fmt.Sprintf("/api/v1/events/%d/stages/practical/reopen", f.fitter.ID)
		chief.mustFail(403, "forbidden", "", "POST", reopenStage, map[string]any{"reason": "申诉复核"})
		org.mustFail(422, "validation_failed", "reason", "POST", reopenStage, map[string]any{})
		org.must(204, "POST", reopenStage, map[string]any{"reason": "申诉复核"}, nil)
		chief.must(204, "POST", reopenSheet, map[string]any{"judge_id": f.judge.ID, "reason": "复核"}, nil)
		j.must(200, "PUT", marks, mark(f.numberC, "P1", 75, 1), nil)
	})
}

func TestProgress_CountsCheckInMarksAndSubmissionsForThoseWhoLead(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		var list struct {
			Items []checkInRow `json:"items"`
		}
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/check-in?number=%s", f.fitter.ID, f.numbersA[1]), nil, &list)
		org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", list.Items[0].EntrantID), map[string]any{"attendance": "absent", "version": list.Items[0].Version}, nil)
		org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", f.entrantC.EntrantID), map[string]any{"attendance": "present", "version": f.entrantC.Version}, nil)
		s.login(f.judge.Username, fixturePwd).must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 90, 0), nil)

		type judgeRow struct {
			DisplayName string  `json:"display_name"`
			Cells       int     `json:"cells"`
			Marked      int     `json:"marked"`
			SubmittedAt *string `json:"submitted_at"`
		}
		var board struct {
			Events []struct {
				EventName string `json:"event_name"`
				Entrants  int    `json:"entrants"`
				CheckedIn int    `json:"checked_in"`
				Absent    int    `json:"absent"`
				Stages    []struct {
					Stage  string     `json:"stage"`
					Judges []judgeRow `json:"judges"`
				} `json:"stages"`
			} `json:"events"`
		}
		path := fmt.Sprintf("/api/v1/contests/%d/progress", f.judgingContest.ID)
		org.must(200, "GET", path, nil, &board)
		if len(board.Events) != 2 {
			t.Fatalf("the organiser's board: %+v", board)
		}
		fitter := board.Events[0]
		if fitter.EventName != "钳工" || fitter.Entrants != 3 || fitter.CheckedIn != 1 || fitter.Absent != 1 {
			t.Errorf("钳工's check-in: %+v", fitter)
		}
		practical := fitter.Stages[1].Judges
		want := []judgeRow{{DisplayName: "judge_a", Cells: 2, Marked: 1}, {DisplayName: "judge_recused", Cells: 1}}
		if fitter.Stages[1].Stage != "practical" || len(practical) != 2 || practical[0] != want[0] || practical[1] != want[1] {
			t.Errorf("钳工's practical stage: %+v, want %+v", practical, want)
		}
		// A chief judge sees the events it leads, and nobody else's.
		s.login(f.chief.Username, fixturePwd).must(200, "GET", path, nil, &board)
		if len(board.Events) != 1 || board.Events[0].EventName != "钳工" {
			t.Errorf("the chief judge's board: %+v", board.Events)
		}
	})
}

// TestProgress_BoardsShareABuildThatAnyWriteButAMarkClears: with boards
// reusing what they are drawn from (as the server does for two seconds), a
// mark may show late, and any other write, here a check-in, shows at once
// with the marks before it.
func TestProgress_BoardsShareABuildThatAnyWriteButAMarkClears(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServerWith(t, db, func(o *service.Options) { o.BoardFreshness = time.Hour })
		f := s.judgingFixture()
		org, judge := s.login(f.organiser.Username, fixturePwd), s.login(f.judge.Username, fixturePwd)
		var board struct {
			Events []struct {
				CheckedIn int `json:"checked_in"`
				Stages    []struct {
					Judges []struct {
						Marked int `json:"marked"`
					} `json:"judges"`
				} `json:"stages"`
			} `json:"events"`
		}
		path := fmt.Sprintf("/api/v1/contests/%d/progress", f.judgingContest.ID)
		marked := func() (int, int) {
			org.must(200, "GET", path, nil, &board)
			return board.Events[0].Stages[1].Judges[0].Marked, board.Events[0].CheckedIn
		}
		if m, c := marked(); m != 0 || c != 0 {
			t.Fatalf("before any mark: %d marked, %d checked in", m, c)
		}
		judge.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 90, 0), nil)
		if m, _ := marked(); m != 0 {
			t.Errorf("the board was built again for a mark: %d marked", m)
		}
		org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", f.entrantC.EntrantID), map[string]any{"attendance": "present", "version": f.entrantC.Version}, nil)
		if m, c := marked(); m != 1 || c != 1 {
			t.Errorf("after a check-in the board shows %d marked, %d checked in; want 1 and 1", m, c)
		}
	})
}

func TestCoverage_ShowsTheEnterprisesThatRecusalLeavesShortOfJudges(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		type short struct {
			EnterpriseName string `json:"enterprise_name"`
			Entrants       int    `json:"entrants"`
			Judges         int    `json:"judges"`
		}
		var cov struct {
			Stages []struct {
				Stage  string  `json:"stage"`
				Judges int     `json:"judges"`
				Needed int     `json:"needed"`
				Short  []short `json:"short"`
			} `json:"stages"`
		}
		path := fmt.Sprintf("/api/v1/events/%d/panel/coverage", f.fitter.ID)
		s.login(f.chief.Username, fixturePwd).must(200, "GET", path, nil, &cov)
		// The skills template combines by a trimmed mean from 5 judges on. Theory has
		// judge_a only; practical has judge_a and the judge of 清河机床, who never marks
		// that enterprise's two entrants.
		if len(cov.Stages) != 2 || cov.Stages[0].Needed != 5 || cov.Stages[1].Judges != 2 {
			t.Fatalf("coverage: %+v", cov)
		}
		want := []short{{"清河机床", 2, 1}, {"清河电力", 1, 2}}
		if got := cov.Stages[1].Short; !slices.Equal(got, want) {
			t.Errorf("practical's shortfall: %+v, want %+v", got, want)
		}
		if got := cov.Stages[0].Short; len(got) != 2 || got[0].Judges != 1 || got[1].Judges != 1 {
			t.Errorf("theory's shortfall: %+v", got)
		}
	})
}

func TestConflict_AJudgeStepsAsideFromOneNumberBeforeMarkingIt(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j := s.login(f.judge.Username, fixturePwd)
		path := fmt.Sprintf("/api/v1/events/%d/conflicts", f.fitter.ID)
		j.mustFail(422, "validation_failed", "reason", "POST", path, map[string]any{"number": f.numberC})
		j.mustFail(422, "validation_failed", "number", "POST", path, map[string]any{"number": "999", "reason": "亲属"})
		j.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numbersA[0], "P1", 80, 0), nil)
		j.mustFail(409, "conflict", "", "POST", path, map[string]any{"number": f.numbersA[0], "reason": "亲属"})
		j.must(201, "POST", path, map[string]any{"number": f.numberC, "reason": "曾为其师傅"}, nil)
		// Declared, the number is off the judge's sheets: declaring it again finds no such number there.
		j.mustFail(422, "validation_failed", "number", "POST", path, map[string]any{"number": f.numberC, "reason": "曾为其师傅"})
		// The number leaves the judge's sheets of every stage, and cannot be marked.
		for _, stage := range []string{"theory", "practical"} {
			var sh sheet
			j.must(200, "GET", sheetPath(f.fitter, stage), nil, &sh)
			if slices.Contains(sh.numbers(), f.numberC) {
				t.Errorf("%s sheet still has number %s: %v", stage, f.numberC, sh.numbers())
			}
		}
		j.mustFail(422, "validation_failed", "number", "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 80, 0))
		// Other judges still mark it; the chief judge sees the declaration and its reason.
		s.login(f.recused.Username, fixturePwd).must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 80, 0), nil)
		var board struct {
			Events []struct {
				Conflicts []struct {
					Number    string `json:"number"`
					JudgeName string `json:"judge_name"`
					Reason    string `json:"reason"`
				} `json:"conflicts"`
				Stages []struct {
					Judges []struct {
						DisplayName string `json:"display_name"`
						Cells       int    `json:"cells"`
					} `json:"judges"`
				} `json:"stages"`
			} `json:"events"`
		}
		s.login(f.chief.Username, fixturePwd).must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/progress", f.judgingContest.ID), nil, &board)
		c := board.Events[0].Conflicts
		if len(c) != 1 || c[0].Number != f.numberC || c[0].JudgeName != "judge_a" || c[0].Reason != "曾为其师傅" {
			t.Errorf("the board's conflicts: %+v", c)
		}
		if j := board.Events[0].Stages[1].Judges[0]; j.DisplayName != "judge_a" || j.Cells != 2 {
			t.Errorf("judge_a's practical sheet on the board: %+v, want 2 cells", j)
		}
	})
}

func TestJudgeSheet_TheChiefJudgeSeesATraineesMarksReadOnly(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID),
			map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"practical"}}, nil)
		s.login(f.spare.Username, fixturePwd).must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 66.5, 0), nil)
		chief := s.login(f.chief.Username, fixturePwd)
		var sh struct {
			Duty     string `json:"duty"`
			Editable bool   `json:"editable"`
			Rows     []struct {
				Number string               `json:"number"`
				Marks  map[string]sheetMark `json:"marks"`
			} `json:"rows"`
		}
		chief.must(200, "GET", sheetPath(f.fitter, "practical", fmt.Sprintf("/judges/%d", f.spare.ID)), nil, &sh)
		if sh.Duty != "trainee" || sh.Editable || len(sh.Rows) != 3 {
			t.Fatalf("the trainee's sheet: %+v", sh)
		}
		for _, r := range sh.Rows {
			if r.Number == f.numberC && r.Marks["P1"].Points != 66.5 {
				t.Errorf("the trainee's mark of %s: %+v", r.Number, r.Marks)
			}
		}
		// The recused judge's sheet lacks enterprise A's entrants there too; a stage the judge does not mark is not found.
		chief.must(200, "GET", sheetPath(f.fitter, "practical", fmt.Sprintf("/judges/%d", f.recused.ID)), nil, &sh)
		if len(sh.Rows) != 1 || sh.Rows[0].Number != f.numberC {
			t.Errorf("the recused judge's sheet: %+v", sh.Rows)
		}
		chief.mustFail(404, "not_found", "", "GET", sheetPath(f.fitter, "theory", fmt.Sprintf("/judges/%d", f.recused.ID)), nil)
	})
}
