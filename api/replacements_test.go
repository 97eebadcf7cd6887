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

type replacement struct {
	Stage           string `json:"stage"`
	StageName       string `json:"stage_name"`
	ReplacedName    string `json:"replaced_name"`
	ReplacementName string `json:"replacement_name"`
	Reason          string `json:"reason"`
	CreatedAt       string `json:"created_at"`
	MarksKept       int    `json:"marks_kept"`
}

func replacePath(f judgingFixture) string {
	return fmt.Sprintf("/api/v1/events/%d/stages/practical/replacements", f.fitter.ID)
}

func replaceBody(leaving, taking account) map[string]any {
	return map[string]any{"judge_id": leaving.ID, "account_id": taking.ID, "reason": "突发疾病，无法继续执裁"}
}

func TestReplace_MarksGivenStayWithTheFirstJudge(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		disagreeOnC(s, f)
		var r replacement
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.recused, f.reserve), &r)
		if r.ReplacedName != "judge_recused" || r.ReplacementName != "judge_reserve" || r.StageName != "实操" || r.MarksKept != 1 {
			t.Errorf("the replacement: %+v", r)
		}
		var kept []model.Mark
		if err := db.Where("judge_id = ?", f.recused.ID).Find(&kept).Error; err != nil || len(kept) != 1 || kept[0].Points != 9000 {
			t.Errorf("the first judge's marks: %+v (%v)", kept, err)
		}
		// They count: the disagreement still shows the mark, by the first judge's name.
		d := s.disagreementsOf(f.chief, f.fitter)
		if len(d.Items) != 1 || d.Items[0].Marks[1].JudgeName != "judge_recused" || !d.Items[0].Marks[1].Replaced || d.Items[0].Marks[1].Points != 90 {
			t.Errorf("the disagreement after the replacement: %+v", d.Items)
		}
	})
}

func TestReplace_TheFirstJudgeCanNoLongerWrite(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.markAs(f.judge, f.fitter, "practical", f.numberC, "P1", 60)
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.judge, f.reserve), nil)
		j := s.login(f.judge.Username, fixturePwd)
		j.mustFail(403, "forbidden", "", "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 61, 1))
		j.mustFail(403, "forbidden", "", "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1})
		// Its other stage is still its own.
		j.must(200, "PUT", sheetPath(f.fitter, "theory", "/marks"), mark(f.numberC, "T1", 61, 0), nil)
	})
}

func TestReplace_TheNewSheetHoldsOnlyTheCellsTheFirstJudgeHadNotMarked(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.markAs(f.judge, f.fitter, "practical", f.numbersA[0], "P1", 70)
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.judge, f.reserve), nil)
		sh := s.sheetOf(f.reserve, f.fitter, "practical")
		if sh.Replaces != "judge_a" || sh.Missing != 2 || len(sh.Rows) != 3 {
			t.Fatalf("the new judge's sheet: %+v", sh)
		}
		for _, r := range sh.Rows {
			closed := r.Number == f.numbersA[0]
			if slices.Contains(r.Closed, "P1") != closed || len(r.Marks) != 0 {
				t.Errorf("row %s: %+v", r.Number, r)
			}
		}
		n := s.login(f.reserve.Username, fixturePwd)
		marks := sheetPath(f.fitter, "practical", "/marks")
		n.mustFail(422, "validation_failed", "number", "PUT", marks, mark(f.numbersA[0], "P1", 99, 0))
		n.must(200, "PUT", marks, mark(f.numbersA[1], "P1", 80, 0), nil)
		// Incomplete, the sheet names the one open cell, not the closed one.
		e := n.mustFail(422, "sheet_incomplete", "rows["+f.numberC+"].P1", "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1})
		if len(e.Error.Fields) != 1 {
			t.Errorf("missing cells: %+v", e.Error.Fields)
		}
		// The board and the home page count the new sheet without the closed cell.
		var board struct {
			Events []struct {
				Stages []struct {
					Judges []struct {
						DisplayName string `json:"display_name"`
						Cells       int    `json:"cells"`
						Marked      int    `json:"marked"`
						Replaces    string `json:"replaces"`
					} `json:"judges"`
				} `json:"stages"`
			} `json:"events"`
		}
		s.login(f.chief.Username, fixturePwd).must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/progress", f.judgingContest.ID), nil, &board)
		practical := board.Events[0].Stages[1].Judges
		if len(practical) != 2 || practical[0].DisplayName != "judge_recused" || practical[1].DisplayName != "judge_reserve" ||
			practical[1].Cells != 2 || practical[1].Marked != 1 || practical[1].Replaces != "judge_a" {
			t.Errorf("the board's practical stage: %+v", practical)
		}
		var duties []struct {
			Sheets []struct {
				Cells  int `json:"cells"`
				Marked int `json:"marked"`
			} `json:"sheets"`
		}
		n.must(200, "GET", "/api/v1/judging", nil, &duties)
		if len(duties) != 1 || len(duties[0].Sheets) != 1 || duties[0].Sheets[0].Cells != 2 || duties[0].Sheets[0].Marked != 1 {
			t.Errorf("the new judge's home page: %+v", duties)
		}
	})
}

func TestReplace_SignOffWaitsForTheNewJudgesSheetNotTheOldOne(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		completePractical(s, f)
		s.login(f.judge.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		// The recused judge marked its one cell and leaves without submitting.
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.recused, f.reserve), nil)
		chief := s.login(f.chief.Username, fixturePwd)
		signOff := fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID)
		e := chief.mustFail(409, "conflict", "", "POST", signOff, nil)
		if !strings.Contains(e.Error.Message, "judge_reserve") || strings.Contains(e.Error.Message, "judge_recused") {
			t.Errorf("the sign-off waits for the wrong judges: %s", e.Error.Message)
		}
		n := s.login(f.reserve.Username, fixturePwd)
		for i, number := range f.numbersA {
			n.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(number, "P1", 72+i, 0), nil)
		}
		n.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		chief.must(204, "POST", signOff, nil, nil)
	})
}

func TestReplace_RecusalAppliesToTheNewJudge(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.markAs(f.judge, f.fitter, "practical", f.numbersA[0], "P1", 70)
		// A judge of enterprise C never marks C's entrant.
		powerJudge := s.newAccount(s.admin(), "judge_qh_power", "judge", f.power.ID)
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.judge, powerJudge), nil)
		sh := s.sheetOf(powerJudge, f.fitter, "practical")
		if got := sh.numbers(); !slices.Equal(got, f.numbersA) || sh.Missing != 1 {
			t.Errorf("the new judge's rows %v (missing %d), want enterprise A's %v with one closed", got, sh.Missing, f.numbersA)
		}
		s.login(powerJudge.Username, fixturePwd).mustFail(422, "validation_failed", "number", "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 80, 0))
	})
}

func (s overseenSheet) numbers() []string {
	var out []string
	for _, r := range s.Rows {
		out = append(out, r.Number)
	}
	return out
}

func TestReplace_ASheetWhoseEveryCellWasMarkedIsSubmittedEmpty(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 90)
		// A judge of enterprise A takes over the recused judge's sheet, whose only cell is marked.
		other := s.newAccount(s.admin(), "judge_qh_2", "judge", f.enterprise.ID)
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.recused, other), nil)
		if sh := s.sheetOf(other, f.fitter, "practical"); sh.Missing != 0 || sh.Version != 1 {
			t.Fatalf("the new sheet: %+v", sh)
		}
		s.login(other.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
	})
}

func TestReplace_OnlyOrganisersWhileJudgingBeforeSignOffWithAnAccountNewToTheStage(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		s.login(f.chief.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", replacePath(f), replaceBody(f.recused, f.reserve))
		s.login(f.otherOrganiser.Username, fixturePwd).mustFail(403, "forbidden", "", "POST", replacePath(f), replaceBody(f.recused, f.reserve))
		body := replaceBody(f.recused, f.reserve)
		delete(body, "reason")
		org.mustFail(422, "validation_failed", "reason", "POST", replacePath(f), body)
		org.mustFail(404, "not_found", "", "POST", fmt.Sprintf("/api/v1/events/%d/stages/oral/replacements", f.fitter.ID), replaceBody(f.recused, f.reserve))
		// The one who leaves is a judge, not a trainee, of the stage.
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"practical"}}, nil)
		for _, leaving := range []account{f.spare, f.otherJudge, f.chief} {
			org.mustFail(422, "validation_failed", "judge_id", "POST", replacePath(f), replaceBody(leaving, f.reserve))
		}
		// The one who takes over is an enabled judge account of the union, new to the stage, in no other duty.
		otherUnion := s.newAccount(s.admin(), "judge_jiangbei", "judge", f.otherDistrict.ID)
		for _, taking := range []account{f.recused, f.judge, f.spare, f.checkIn, f.chief, f.enterpriseAcc, otherUnion} {
			org.mustFail(422, "validation_failed", "account_id", "POST", replacePath(f), replaceBody(f.recused, taking))
		}
		// A judge of the event's other stage takes this one too.
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.reserve.ID, "duty": "judge", "stages": []string{"theory"}}, nil)
		org.must(201, "POST", replacePath(f), replaceBody(f.recused, f.reserve), nil)
		var members []panelMember
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), nil, &members)
		for _, m := range members {
			if m.AccountID == f.reserve.ID && !slices.Equal(m.Stages, []string{"theory", "practical"}) ||
				m.AccountID == f.recused.ID && len(m.Stages) != 0 {
				t.Errorf("panel member %d: stages %v", m.AccountID, m.Stages)
			}
		}
		// A judge replaced on the stage never takes it back.
		org.mustFail(422, "validation_failed", "account_id", "POST", replacePath(f), replaceBody(f.reserve, f.recused))
		// Not once its sheet is in, nor once the stage is signed off, nor after judging.
		fresh := s.newAccount(s.admin(), "judge_fresh", "judge", f.district.ID)
		for i, number := range append(slices.Clone(f.numbersA), f.numberC) {
			s.markAs(f.judge, f.fitter, "practical", number, "P1", 80+i)
			s.markAs(f.reserve, f.fitter, "practical", number, "P1", 70+i)
		}
		s.login(f.judge.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		org.mustFail(409, "conflict", "", "POST", replacePath(f), replaceBody(f.judge, fresh))
		s.login(f.reserve.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		s.login(f.chief.Username, fixturePwd).must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID), nil, nil)
		org.mustFail(409, "conflict", "", "POST", replacePath(f), replaceBody(f.reserve, fresh))
		// Even a judge given the stage after its sign-off, with nothing submitted, is not replaced then.
		late := s.newAccount(s.admin(), "judge_late", "judge", f.district.ID)
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": late.ID, "duty": "judge", "stages": []string{"practical"}}, nil)
		org.mustFail(409, "conflict", "", "POST", replacePath(f), replaceBody(late, fresh))
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		org.mustFail(409, "wrong_step", "", "POST", replacePath(f), replaceBody(f.reserve, fresh))
	})
}

func TestReplace_ThePanelShowsWhoReplacedWhomWhenAndWhy(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		disagreeOnC(s, f)
		// The chief judge had asked the recused judge to mark again: the request is withdrawn with it.
		chief := s.login(f.chief.Username, fixturePwd)
		chief.must(201, "POST", remarksPath(f), askRemark(f, f.recused), nil)
		s.login(f.organiser.Username, fixturePwd).must(201, "POST", replacePath(f), replaceBody(f.recused, f.reserve), nil)
		var list []replacement
		chief.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/replacements", f.fitter.ID), nil, &list)
		if len(list) != 1 || list[0].ReplacedName != "judge_recused" || list[0].ReplacementName != "judge_reserve" ||
			list[0].Reason != "突发疾病，无法继续执裁" || !strings.HasPrefix(list[0].CreatedAt, "2026-11-24T09:00:00") || list[0].MarksKept != 1 {
			t.Errorf("the replacements: %+v", list)
		}
		var audit model.AuditEntry
		if err := db.Where("action = ?", "panel.replace").Take(&audit).Error; err != nil || audit.Reason != "突发疾病，无法继续执裁" {
			t.Errorf("the replacement's audit: %+v (%v)", audit, err)
		}
		d := s.disagreementsOf(f.chief, f.fitter)
		if len(d.Items) != 1 || len(d.Items[0].Remarks) != 1 || d.Items[0].Remarks[0].Outcome != "withdrawn" {
			t.Errorf("the request after the replacement: %+v", d.Items)
		}
		chief.mustFail(422, "validation_failed", "judge_ids[0]", "POST", remarksPath(f), askRemark(f, f.recused))
	})
}
