package api_test

import (
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// completePractical has judge_a mark every number of 钳工's practical sheet
// (enterprise C's 60) and the recused judge enterprise C's only (90): one
// disagreement, 30 points wide.
func completePractical(s *server, f judgingFixture) {
	s.markAs(f.judge, f.fitter, "practical", f.numbersA[0], "P1", 70)
	s.markAs(f.judge, f.fitter, "practical", f.numbersA[1], "P1", 80)
	disagreeOnC(s, f)
}

func confirmPath(f judgingFixture) string { return sheetPath(f.fitter, "practical", "/marks/confirm") }

func TestRemark_OnlyTheChiefJudgeAsksOnlyJudgesOfTheCell(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		chief := s.login(f.chief.Username, fixturePwd)
		// Without a disagreement there is nothing to mark again.
		s.markAs(f.judge, f.fitter, "practical", f.numberC, "P1", 60)
		s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 65)
		chief.mustFail(409, "conflict", "", "POST", remarksPath(f), askRemark(f, f.judge))
		s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 90)
		// Organisers see disagreements, read-only.
		s.login(f.organiser.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", remarksPath(f), askRemark(f, f.judge))
		s.login(f.judge.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", remarksPath(f), askRemark(f, f.judge))
		// Only judges still marking the stage, who marked the cell, each once.
		org := s.login(f.organiser.Username, fixturePwd)
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"practical"}}, nil)
		s.markAs(f.spare, f.fitter, "practical", f.numberC, "P1", 10)
		chief.mustFail(422, "validation_failed", "judge_ids[0]", "POST", remarksPath(f), askRemark(f, f.spare))
		chief.mustFail(422, "validation_failed", "judge_ids[1]", "POST", remarksPath(f), askRemark(f, f.judge, f.otherJudge))
		chief.mustFail(422, "validation_failed", "judge_ids[1]", "POST", remarksPath(f), askRemark(f, f.judge, f.judge))
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.reserve.ID, "duty": "judge", "stages": []string{"practical"}}, nil)
		chief.mustFail(422, "validation_failed", "judge_ids[0]", "POST", remarksPath(f), askRemark(f, f.reserve))
		// A judgement criterion of the stage, a number of the event, and a reason.
		body := askRemark(f, f.judge)
		body["criterion"] = "T1"
		chief.mustFail(422, "validation_failed", "criterion", "POST", remarksPath(f), body)
		body = askRemark(f, f.judge)
		body["number"] = "999"
		chief.mustFail(422, "validation_failed", "number", "POST", remarksPath(f), body)
		body = askRemark(f, f.judge)
		delete(body, "reason")
		chief.mustFail(422, "validation_failed", "reason", "POST", remarksPath(f), body)
		var asked []remark
		chief.must(201, "POST", remarksPath(f), askRemark(f, f.judge, f.recused), &asked)
		if len(asked) != 2 || asked[0].JudgeName != "judge_a" || asked[0].PointsBefore != 60 || asked[1].PointsBefore != 90 || asked[0].Outcome != "" {
			t.Errorf("requests: %+v", asked)
		}
		// One open request a judge and cell.
		chief.mustFail(409, "conflict", "", "POST", remarksPath(f), askRemark(f, f.judge))
		d := s.disagreementsOf(f.organiser, f.fitter)
		if len(d.Items) != 1 || len(d.Items[0].Remarks) != 2 || d.Items[0].Remarks[1].Reason != "与其他裁判差异较大，请复核" {
			t.Errorf("the cell's requests on the disagreement: %+v", d.Items)
		}
	})
}

func TestRemark_TheJudgeSeesTheRequestAndItsReasonOnItsSheet(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		disagreeOnC(s, f)
		s.login(f.chief.Username, fixturePwd).must(201, "POST", remarksPath(f), askRemark(f, f.judge), nil)
		sh := s.sheetOf(f.judge, f.fitter, "practical")
		if len(sh.Remarks) != 1 || sh.RemarkOnly || !sh.Editable {
			t.Fatalf("the judge's sheet: %+v", sh)
		}
		if r := sh.Remarks[0]; r.Number != f.numberC || r.Criterion != "P1" || r.Reason != "与其他裁判差异较大，请复核" || r.PointsBefore != 60 {
			t.Errorf("the request on the sheet: %+v", r)
		}
		// The other judge, not asked, sees nothing; its home page neither.
		if other := s.sheetOf(f.recused, f.fitter, "practical"); len(other.Remarks) != 0 {
			t.Errorf("the recused judge's sheet: %+v", other.Remarks)
		}
		var duties []struct {
			Sheets []struct {
				Stage       string `json:"stage"`
				OpenRemarks int    `json:"open_remarks"`
			} `json:"sheets"`
		}
		s.login(f.judge.Username, fixturePwd).must(200, "GET", "/api/v1/judging", nil, &duties)
		if p := duties[0].Sheets[1]; p.Stage != "practical" || p.OpenRemarks != 1 {
			t.Errorf("the judge's home page: %+v", duties[0].Sheets)
		}
	})
}

func TestRemark_SubmittedSheetReopensForTheCellAsked(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		completePractical(s, f)
		j := s.login(f.judge.Username, fixturePwd)
		j.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		s.login(f.recused.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		s.login(f.chief.Username, fixturePwd).must(201, "POST", remarksPath(f), askRemark(f, f.judge), nil)
		sh := s.sheetOf(f.judge, f.fitter, "practical")
		if sh.SubmittedAt != nil || !sh.Editable || !sh.RemarkOnly || len(sh.Remarks) != 1 || !sh.Remarks[0].Reopened {
			t.Fatalf("the reopened sheet: %+v", sh)
		}
		var audit model.AuditEntry
		if err := db.Where("action = ?", "sheet.reopen").Take(&audit).Error; err != nil || audit.Reason != "与其他裁判差异较大，请复核" {
			t.Errorf("the reopening's audit: %+v (%v)", audit, err)
		}
		// Reopened for the cell asked, and no other.
		marks := sheetPath(f.fitter, "practical", "/marks")
		j.mustFail(409, "conflict", "", "PUT", marks, mark(f.numbersA[0], "P1", 71, 1))
		var changed sheetMark
		j.must(200, "PUT", marks, mark(f.numberC, "P1", 75, 1), &changed)
		// The request is settled by the changed mark, and the sheet is back in as it was.
		sh = s.sheetOf(f.judge, f.fitter, "practical")
		if sh.SubmittedAt == nil || sh.Editable || len(sh.Remarks) != 0 {
			t.Errorf("after the re-mark: %+v", sh)
		}
		d := s.disagreementsOf(f.chief, f.fitter)
		if len(d.Items) != 1 || d.Items[0].Spread != 15 || len(d.Items[0].Remarks) != 1 {
			t.Fatalf("the disagreement after the re-mark: %+v", d.Items)
		}
		if r := d.Items[0].Remarks[0]; r.Outcome != "changed" || r.PointsAfter == nil || *r.PointsAfter != 75 || r.SettledAt == nil {
			t.Errorf("the settled request: %+v", r)
		}
		s.login(f.chief.Username, fixturePwd).must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID), nil, nil)
	})
}

func TestRemark_ASheetWithAnOpenRequestCannotBeSubmitted(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		completePractical(s, f)
		s.login(f.chief.Username, fixturePwd).must(201, "POST", remarksPath(f), askRemark(f, f.judge), nil)
		j := s.login(f.judge.Username, fixturePwd)
		submit := sheetPath(f.fitter, "practical", "/submit")
		e := j.mustFail(409, "conflict", "", "POST", submit, map[string]any{"version": 1})
		if !strings.Contains(e.Error.Message, f.numberC+" 实操作业") {
			t.Errorf("the refusal does not name the cell: %s", e.Error.Message)
		}
		// The sheet was not submitted when asked: any cell can still change, and submitting stays the judge's act.
		j.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numbersA[0], "P1", 71, 1), nil)
		var sh overseenSheet
		j.must(200, "POST", confirmPath(f), map[string]any{"number": f.numberC, "criterion": "P1", "points": 60}, &sh)
		if sh.SubmittedAt != nil || len(sh.Remarks) != 0 {
			t.Errorf("after confirming: %+v", sh)
		}
		j.must(200, "POST", submit, map[string]any{"version": 1}, nil)
	})
}

func TestRemark_ConfirmingTheSameMarkSettlesItExplicitly(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		disagreeOnC(s, f)
		j := s.login(f.judge.Username, fixturePwd)
		// Nothing asked, nothing to confirm.
		j.mustFail(409, "conflict", "", "POST", confirmPath(f), map[string]any{"number": f.numberC, "criterion": "P1", "points": 60})
		s.login(f.chief.Username, fixturePwd).must(201, "POST", remarksPath(f), askRemark(f, f.judge), nil)
		// Sending the same mark again is a harmless resend, not an answer.
		j.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 60, 1), nil)
		if sh := s.sheetOf(f.judge, f.fitter, "practical"); len(sh.Remarks) != 1 {
			t.Fatalf("a resent mark settled the request: %+v", sh.Remarks)
		}
		// The judge confirms the mark it sees; another one is a conflict showing the stored mark.
		e := j.mustFail(409, "mark_changed", "", "POST", confirmPath(f), map[string]any{"number": f.numberC, "criterion": "P1", "points": 61})
		if !strings.Contains(string(e.Error.Current), `"points":60`) {
			t.Errorf("the stored mark in the conflict: %s", e.Error.Current)
		}
		var sh overseenSheet
		j.must(200, "POST", confirmPath(f), map[string]any{"number": f.numberC, "criterion": "P1", "points": 60}, &sh)
		if len(sh.Remarks) != 0 {
			t.Errorf("after confirming: %+v", sh.Remarks)
		}
		j.mustFail(409, "conflict", "", "POST", confirmPath(f), map[string]any{"number": f.numberC, "criterion": "P1", "points": 60})
		// The disagreement stands, and the chief judge sees that the judge kept its mark.
		d := s.disagreementsOf(f.chief, f.fitter)
		if len(d.Items) != 1 || len(d.Items[0].Remarks) != 1 || d.Items[0].Remarks[0].Outcome != "confirmed" || *d.Items[0].Remarks[0].PointsAfter != 60 {
			t.Errorf("the disagreement after confirming: %+v", d.Items)
		}
		var changes int64
		db.Model(&model.MarkChange{}).Count(&changes)
		if changes != 2 {
			t.Errorf("confirming changed a mark: %d changes, want the 2 first marks", changes)
		}
	})
}

func TestRemark_OnlyWhileJudgingAndBeforeTheStageIsSignedOff(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		completePractical(s, f)
		for _, acc := range []account{f.judge, f.recused} {
			s.login(acc.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		}
		chief := s.login(f.chief.Username, fixturePwd)
		chief.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID), nil, nil)
		chief.mustFail(409, "conflict", "", "POST", remarksPath(f), askRemark(f, f.judge))
		// The disagreement stays in sight.
		if d := s.disagreementsOf(f.chief, f.fitter); len(d.Items) != 1 {
			t.Errorf("after sign-off: %+v", d)
		}
		s.login(f.organiser.Username, fixturePwd).must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		chief.mustFail(409, "wrong_step", "", "POST", remarksPath(f), askRemark(f, f.judge))
	})
}
