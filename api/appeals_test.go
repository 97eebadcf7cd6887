package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

func contestPath(ct contest, tail ...string) string {
	return fmt.Sprintf("/api/v1/contests/%d", ct.ID) + strings.Join(tail, "")
}

// TestNotice_EndsAfterItsWorkingDaysByTheOfficialCalendar counts a notice's
// working days across the National Day and Spring Festival holidays, with
// their weekend working days (调休), from the day after it starts in Beijing.
func TestNotice_EndsAfterItsWorkingDaysByTheOfficialCalendar(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.appealsFixture(t)
		org := s.login(f.organiser.Username, fixturePwd)
		var ct noticeView
		org.must(200, "GET", contestPath(f.judgingContest), nil, &ct)
		if ct.Status != "public_notice" || ct.NoticeWorkdays != 5 || ct.NoticeEndsOn == nil || *ct.NoticeEndsOn != "2026-12-01" {
			t.Fatalf("a notice of 5 working days from Tuesday 2026-11-24: %+v", ct)
		}
		for _, c := range []struct {
			start string // UTC
			days  int
			ends  string
			why   string
		}{
			{"2026-09-29T02:00:00Z", 5, "2026-10-12", "09-30, the holiday 10-01..10-07, 10-08, 10-09, Saturday 10-10 worked (调休), Monday 10-12"},
			{"2026-09-29T20:00:00Z", 5, "2026-10-13", "04:00 on 09-30 in Beijing: counting starts on 10-01"},
			{"2026-09-18T02:00:00Z", 3, "2026-09-22", "Sunday 09-20 worked for the National Day (调休), 09-21, 09-22"},
			{"2026-02-12T02:00:00Z", 5, "2026-02-26", "02-13, Saturday 02-14 worked (调休), the holiday 02-15..02-23, 02-24..02-26"},
			{"2025-01-24T02:00:00Z", 3, "2025-02-05", "Sunday 01-26 worked (调休), 01-27, the holiday 01-28..02-04, 02-05"},
		} {
			start, _ := time.Parse(time.RFC3339, c.start)
			if err := db.Model(&model.Contest{}).Where("id = ?", f.judgingContest.ID).Update("notice_started_at", start).Error; err != nil {
				t.Fatal(err)
			}
			org.must(200, "GET", contestPath(f.judgingContest), nil, &ct)
			org.must(200, "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": c.days, "appeal_hours": 0}, &ct)
			if ct.NoticeEndsOn == nil || *ct.NoticeEndsOn != c.ends {
				t.Errorf("%d working days from %s: ends on %v, want %s (%s)", c.days, c.start, ct.NoticeEndsOn, c.ends, c.why)
			}
		}
		// No notice period: it has no end.
		org.must(200, "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": 0, "appeal_hours": 0}, &ct)
		if ct.NoticeEndsOn != nil {
			t.Errorf("a contest without a notice period has its end on %s", *ct.NoticeEndsOn)
		}
		org.mustFail(422, "validation_failed", "notice_workdays", "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": 31, "appeal_hours": 0})
		org.mustFail(422, "validation_failed", "appeal_hours", "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": 5, "appeal_hours": 73})
	})
}

// TestNotice_WithoutANoticePeriod: a contest set to 0 working days of
// notice takes no appeal during it and is made final once its appeals are
// ruled on, without waiting.
func TestNotice_WithoutANoticePeriod(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.appealsFixture(t)
		org, arb := s.login(f.organiser.Username, fixturePwd), s.login(f.arbitrator.Username, fixturePwd)
		org.must(200, "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": 0, "appeal_hours": 0}, nil)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		e := ent.mustFail(409, "appeal_window_closed", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/appeals", f.entrantA0), map[string]any{"reason": "申诉"})
		if !strings.Contains(e.Error.Message, "不设公示期") {
			t.Errorf("the refusal does not say the contest has no notice period: %s", e.Error.Message)
		}
		final := map[string]any{"to": "final"}
		org.mustFail(409, "appeals_open", "", "POST", stepsPath(f.judgingContest), final)
		arb.must(200, "POST", fmt.Sprintf("/api/v1/appeals/%d/review", f.appeal.ID), map[string]any{"text": "调阅评分表"}, nil)
		arb.must(200, "POST", fmt.Sprintf("/api/v1/appeals/%d/ruling", f.appeal.ID), map[string]any{"outcome": "dismissed", "text": "评分无误"}, nil)
		org.must(200, "POST", stepsPath(f.judgingContest), final, nil)
	})
}

// TestNotice_FinalWaitsForTheEndOfTheNoticeAndEveryRuling: the results are
// made final only once the notice is over (the refusal names its last day)
// and no appeal waits for a ruling; then the contest is frozen.
func TestNotice_FinalWaitsForTheEndOfTheNoticeAndEveryRuling(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.appealsFixture(t)
		org, arb := s.login(f.organiser.Username, fixturePwd), s.login(f.arbitrator.Username, fixturePwd)
		final := map[string]any{"to": "final"}
		e := org.mustFail(409, "notice_not_over", "", "POST", stepsPath(f.judgingContest), final)
		if !strings.Contains(e.Error.Message, "2026-12-01") || !strings.Contains(e.Error.Message, "公示期") {
			t.Errorf("the refusal names the notice's end: %s", e.Error.Message)
		}
		org.lang = "en"
		e = org.mustFail(409, "notice_not_over", "", "POST", stepsPath(f.judgingContest), final)
		if !strings.Contains(e.Error.Message, "until the end of 2026-12-01 (5 working days)") {
			t.Errorf("in English: %s", e.Error.Message)
		}
		org.lang = ""
		// 2026-12-01 23:59 in Beijing is still the notice.
		s.now = time.Date(2026, 12, 1, 15, 59, 0, 0, time.UTC)
		org, arb = s.login(f.organiser.Username, fixturePwd), s.login(f.arbitrator.Username, fixturePwd)
		org.mustFail(409, "notice_not_over", "", "POST", stepsPath(f.judgingContest), final)
		s.now = time.Date(2026, 12, 1, 16, 0, 0, 0, time.UTC)
		org.mustFail(409, "appeals_open", "", "POST", stepsPath(f.judgingContest), final)
		arb.must(200, "POST", fmt.Sprintf("/api/v1/appeals/%d/review", f.appeal.ID), map[string]any{"text": "调阅评分表"}, nil)
		arb.must(200, "POST", fmt.Sprintf("/api/v1/appeals/%d/ruling", f.appeal.ID), map[string]any{"outcome": "dismissed", "text": "评分无误"}, nil)
		org.must(200, "POST", stepsPath(f.judgingContest), final, nil)

		// Frozen: no appeal, review, ruling, notice, panel or veto change.
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.mustFail(409, "contest_final", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/appeals", f.entrantA0), map[string]any{"reason": "申诉"})
		arb.mustFail(409, "contest_final", "", "POST", fmt.Sprintf("/api/v1/appeals/%d/review", f.appeal.ID), map[string]any{"text": "再复核"})
		org.mustFail(409, "contest_final", "", "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": 3, "appeal_hours": 0})
		org.mustFail(409, "contest_final", "", "POST", contestPath(f.judgingContest, "/arbitrators"), map[string]any{"account_id": f.nonMember.ID})
		org.mustFail(409, "contest_final", "", "DELETE", fmt.Sprintf("/api/v1/arbitrators/%d", f.arbitratorID), nil)
		org.mustFail(409, "contest_final", "", "POST", fmt.Sprintf("/api/v1/events/%d/vetoes", f.fitter.ID), map[string]any{"entrant_id": f.entrantA0, "reason": "违规"})
		var list appealList
		arb.must(200, "GET", appealsPath(f.judgingContest), nil, &list)
		if list.MayRule || len(list.Items) != 1 || list.Items[0].Status != "dismissed" {
			t.Errorf("the panel's queue once final: %+v", list)
		}
	})
}

// TestAppeals_FiledReviewedRuledAndAnUpheldOneCorrectedInANewVersion
// follows an appeal: enterprise A appeals for its entrant in writing, once
// while it is open; the panel reviews and upholds it, its ruling is final
// and the enterprise sees it; the organisers take the contest back to
// judging, the stage is reopened and marked again, and the new results
// version, published with a new notice, says what changed.
func TestAppeals_FiledReviewedRuledAndAnUpheldOneCorrectedInANewVersion(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.appealsFixture(t)
		org, chief := s.login(f.organiser.Username, fixturePwd), s.login(f.chief.Username, fixturePwd)
		ent, entC := s.login(f.enterpriseAcc.Username, fixturePwd), s.login(f.powerAcc.Username, fixturePwd)
		arb, other := s.login(f.arbitrator.Username, fixturePwd), s.login(f.nonMember.Username, fixturePwd)
		appealOf := func(id uint) string { return fmt.Sprintf("/api/v1/entrants/%d/appeals", id) }
		onAppeal := func(tail string) string { return fmt.Sprintf("/api/v1/appeals/%d/%s", f.appeal.ID, tail) }

		if f.appeal.Status != "filed" || f.appeal.ResultVersion != 1 || f.appeal.EntrantName != "钱进" || f.appeal.Result == nil || f.appeal.Result.Rank != 3 {
			t.Errorf("the filed appeal: %+v", f.appeal)
		}
		// What the enterprise may appeal against: its own two entrants.
		var lines []appealable
		ent.must(200, "GET", contestPath(f.judgingContest, "/appealable-results"), nil, &lines)
		if len(lines) != 2 || lines[0].EntrantID != f.entrantA0 || !lines[0].MayAppeal || lines[1].MayAppeal || lines[1].Refusal == "" {
			t.Errorf("enterprise A's lines: %+v", lines)
		}
		// Once while open; never for another enterprise's entrant; with a reason.
		e := ent.mustFail(409, "appeal_open", "", "POST", appealOf(f.entrantA1), map[string]any{"reason": "再次申诉"})
		if !strings.Contains(e.Error.Message, "尚未裁决") {
			t.Errorf("a second open appeal: %s", e.Error.Message)
		}
		entC.mustFail(403, "forbidden", "", "POST", appealOf(f.entrantA0), map[string]any{"reason": "代为申诉"})
		ent.mustFail(403, "forbidden", "", "POST", appealOf(f.entrantC), map[string]any{"reason": "对方成绩有误"})
		ent.mustFail(422, "validation_failed", "reason", "POST", appealOf(f.entrantA0), map[string]any{"reason": "  "})
		var mine appealList
		entC.must(200, "GET", appealsPath(f.judgingContest), nil, &mine)
		if len(mine.Items) != 0 || mine.MayRule {
			t.Errorf("enterprise C sees another enterprise's appeals: %+v", mine)
		}

		// The panel: a ruling needs a review first; a judge off the panel does neither.
		other.mustFail(403, "forbidden", "", "POST", onAppeal("review"), map[string]any{"text": "复核"})
		arb.mustFail(409, "appeal_not_reviewed", "", "POST", onAppeal("ruling"), map[string]any{"outcome": "upheld", "text": "支持"})
		arb.mustFail(422, "validation_failed", "outcome", "POST", onAppeal("ruling"), map[string]any{"outcome": "maybe", "text": "支持"})
		var queue appealList
		arb.must(200, "GET", appealsPath(f.judgingContest), nil, &queue)
		if !queue.MayRule || len(queue.Items) != 1 || queue.Items[0].Reason != "理论成绩登分有误，请复核" {
			t.Errorf("the panel's queue: %+v", queue)
		}
		arb.must(200, "POST", onAppeal("review"), map[string]any{"text": "调阅理论评分表，T1 登分 70 应为 95"}, nil)
		var ruled appealView
		arb.must(200, "POST", onAppeal("ruling"), map[string]any{"outcome": "upheld", "text": "申诉成立，更正理论成绩"}, &ruled)
		if ruled.Status != "upheld" || ruled.RulingText == nil || ruled.Review == nil {
			t.Errorf("the ruling: %+v", ruled)
		}
		arb.mustFail(409, "appeal_ruled", "", "POST", onAppeal("ruling"), map[string]any{"outcome": "dismissed", "text": "改判"})
		ent.must(200, "GET", appealsPath(f.judgingContest), nil, &mine)
		if len(mine.Items) != 1 || mine.Items[0].Status != "upheld" || *mine.Items[0].RulingText != "申诉成立，更正理论成绩" {
			t.Errorf("enterprise A sees the ruling: %+v", mine)
		}
		ent.mustFail(409, "appeal_ruled", "", "POST", appealOf(f.entrantA1), map[string]any{"reason": "再次申诉"})
		var audit model.AuditEntry
		if err := db.Where("action = ? AND entity_id = ?", "appeal.rule", f.appeal.ID).Take(&audit).Error; err != nil {
			t.Errorf("the ruling is not audited: %v", err)
		}

		// The correction: back to judging (only for an upheld appeal), the stage reopened and marked again.
		org.must(200, "POST", stepsPath(f.judgingContest), map[string]any{"to": "judging", "reason": "申诉成立，更正成绩"}, nil)
		org.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/theory/reopen", f.fitter.ID), map[string]any{"reason": "申诉成立"}, nil)
		chief.must(204, "POST", sheetPath(f.fitter, "theory", "/reopen"), map[string]any{"judge_id": f.judge.ID, "reason": "申诉成立"}, nil)
		s.markAs(f.judge, f.fitter, "theory", f.numbersA[1], "T1", 95)
		sh := s.sheetOf(f.judge, f.fitter, "theory")
		s.login(f.judge.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "theory", "/submit"), map[string]any{"version": sh.Version}, nil)
		chief.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/theory/sign-off", f.fitter.ID), nil, nil)
		var v2 resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &v2)
		// a1: 28.5 + 42 = 70.5, still third; its total changed.
		if v2.Version != 2 || len(v2.Changes) != 1 || v2.Changes[0].Name != "钱进" || v2.Changes[0].Before.Total != 63 || v2.Changes[0].After.Total != 70.5 {
			t.Errorf("the corrected version: %+v", v2)
		}
		s.now = s.now.Add(48 * time.Hour)
		org, ent = s.login(f.organiser.Username, fixturePwd), s.login(f.enterpriseAcc.Username, fixturePwd)
		org.must(200, "POST", stepsPath(f.judgingContest), map[string]any{"to": "public_notice"}, nil)
		var state eventResults
		org.must(200, "GET", resultsPath(f.fitter), nil, &state)
		if state.Versions[0].Version != 2 || state.Versions[0].PublishedAt == nil {
			t.Errorf("version 2 is published: %+v", state.Versions)
		}
		var ct noticeView
		org.must(200, "GET", contestPath(f.judgingContest), nil, &ct)
		if ct.NoticeEndsOn == nil || *ct.NoticeEndsOn != "2026-12-03" {
			t.Errorf("a new notice from Thursday 2026-11-26: %+v", ct)
		}
		ent.must(200, "GET", contestPath(f.judgingContest, "/appealable-results"), nil, &lines)
		if lines[1].ResultVersion != 2 || lines[1].Total != 70.5 || !lines[1].MayAppeal {
			t.Errorf("the new version may be appealed against: %+v", lines[1])
		}
		// Without an upheld appeal in this notice, there is no way back.
		org.mustFail(409, "wrong_step", "", "POST", stepsPath(f.judgingContest), map[string]any{"to": "judging"})
		// After the notice, no appeal is taken; the refusal names its last day.
		s.now = time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)
		ent = s.login(f.enterpriseAcc.Username, fixturePwd)
		e = ent.mustFail(409, "appeal_window_closed", "", "POST", appealOf(f.entrantA0), map[string]any{"reason": "迟到的申诉"})
		if !strings.Contains(e.Error.Message, "2026-12-03") {
			t.Errorf("the closed window: %s", e.Error.Message)
		}
		ent.lang = "en"
		e = ent.mustFail(409, "appeal_window_closed", "", "POST", appealOf(f.entrantA0), map[string]any{"reason": "late"})
		if !strings.Contains(e.Error.Message, "the public notice ended with 2026-12-03") {
			t.Errorf("in English: %s", e.Error.Message)
		}
	})
}

// TestAppeals_WhileJudgingWithinTheContestsHoursAfterResults: a contest
// that takes appeals while judging does so for its hours after an event's
// results are computed; one that does not takes them only in public notice.
func TestAppeals_WhileJudgingWithinTheContestsHoursAfterResults(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.computedFitter(f)
		org, ent := s.login(f.organiser.Username, fixturePwd), s.login(f.enterpriseAcc.Username, fixturePwd)
		a0, a1 := s.entrantOf(f.fitter, f.numbersA[0]), s.entrantOf(f.fitter, f.numbersA[1])
		appealOf := func(id uint) string { return fmt.Sprintf("/api/v1/entrants/%d/appeals", id) }
		e := ent.mustFail(409, "appeal_window_closed", "", "POST", appealOf(a0), map[string]any{"reason": "计时有误"})
		if !strings.Contains(e.Error.Message, "公示期内") {
			t.Errorf("no appeals while judging: %s", e.Error.Message)
		}
		var lines []appealable
		ent.must(200, "GET", contestPath(f.judgingContest, "/appealable-results"), nil, &lines)
		if len(lines) != 0 {
			t.Errorf("unpublished results shown to the enterprise: %+v", lines)
		}
		var ct noticeView
		org.must(200, "PUT", contestPath(f.judgingContest, "/notice"), map[string]any{"notice_workdays": 5, "appeal_hours": 2}, &ct)
		if ct.AppealHours != 2 {
			t.Errorf("the setting: %+v", ct)
		}
		s.now = s.now.Add(119 * time.Minute)
		ent.must(200, "GET", contestPath(f.judgingContest, "/appealable-results"), nil, &lines)
		if len(lines) != 2 || !lines[0].MayAppeal || lines[0].WindowClosesAt == nil {
			t.Errorf("within 2 hours: %+v", lines)
		}
		ent.must(201, "POST", appealOf(a0), map[string]any{"reason": "计时有误"}, nil)
		s.now = s.now.Add(time.Minute)
		e = ent.mustFail(409, "appeal_window_closed", "", "POST", appealOf(a1), map[string]any{"reason": "计时有误"})
		if !strings.Contains(e.Error.Message, "2 小时内") {
			t.Errorf("after 2 hours: %s", e.Error.Message)
		}
	})
}

// TestVeto_RecordedWithAReasonAppliedByTheNextComputationAndExplained:
// where the rules have a veto, the chief judge records one against an
// entrant while judging; the results computed next give it no rank and no
// award and say why in words; it is audited.
func TestVeto_RecordedWithAReasonAppliedByTheNextComputationAndExplained(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org, chief := s.login(f.organiser.Username, fixturePwd), s.login(f.chief.Username, fixturePwd)
		c := s.entrantOf(f.fitter, f.numberC)
		vetoes := fmt.Sprintf("/api/v1/events/%d/vetoes", f.fitter.ID)
		chief.mustFail(409, "veto_not_in_rules", "", "POST", vetoes, map[string]any{"entrant_id": c, "reason": "安全事故"})
		// The event's rules as a labour contest's: with a veto.
		var ev model.Event
		if err := db.Take(&ev, f.fitter.ID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Model(&model.Event{}).Where("id = ?", ev.ID).Update("rules", strings.Replace(ev.Rules, `"veto":false`, `"veto":true`, 1)).Error; err != nil {
			t.Fatal(err)
		}
		chief.mustFail(422, "validation_failed", "reason", "POST", vetoes, map[string]any{"entrant_id": c, "reason": " "})
		chief.mustFail(422, "validation_failed", "entrant_id", "POST", vetoes, map[string]any{"entrant_id": f.entrantC.EntrantID + 1000, "reason": "安全事故"})
		var v struct {
			ID         uint   `json:"id"`
			DrawNumber string `json:"draw_number"`
		}
		chief.must(201, "POST", vetoes, map[string]any{"entrant_id": c, "reason": "实操中违反安全操作规程"}, &v)
		org.mustFail(409, "duplicate", "entrant_id", "POST", vetoes, map[string]any{"entrant_id": c, "reason": "重复"})
		var audit model.AuditEntry
		if err := db.Where("action = ? AND entity_id = ?", "entrant.veto", c).Take(&audit).Error; err != nil || audit.Reason != "实操中违反安全操作规程" {
			t.Errorf("the veto is not audited with its reason: %v %+v", err, audit)
		}
		s.markFitter(f, map[string]float64{f.numbersA[0]: 80, f.numbersA[1]: 70, f.numberC: 90}, map[string]float64{f.numbersA[0]: 90, f.numbersA[1]: 60, f.numberC: 70}, 80)
		var v1 resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &v1)
		l := v1.byNumber(t, f.numberC)
		if l.Status != "vetoed" || l.Rank != 0 || l.Award != "" || len(l.Notes) == 0 || !strings.Contains(strings.Join(l.Notes, " "), "一票否决：实操中违反安全操作规程") {
			t.Errorf("the vetoed line: %+v", l)
		}
		if a1 := v1.byNumber(t, f.numbersA[1]); a1.Rank != 2 || a1.Award != "second" {
			t.Errorf("the others rank without the vetoed entrant: %+v", a1)
		}
		org.lang = "en"
		org.must(200, "GET", resultsPath(f.fitter, "/versions/1"), nil, &v1)
		if l := v1.byNumber(t, f.numberC); !strings.Contains(strings.Join(l.Notes, " "), "vetoed (一票否决): 实操中违反安全操作规程") {
			t.Errorf("in English: %+v", l.Notes)
		}
		// Taken back, with a reason: the next computation ranks the entrant again.
		org.mustFail(422, "validation_failed", "reason", "POST", fmt.Sprintf("/api/v1/vetoes/%d/withdraw", v.ID), map[string]any{})
		org.must(204, "POST", fmt.Sprintf("/api/v1/vetoes/%d/withdraw", v.ID), map[string]any{"reason": "经核实系误记"}, nil)
		var v2 resultVersion
		org.must(200, "POST", resultsPath(f.fitter), nil, &v2)
		if l := v2.byNumber(t, f.numberC); v2.Version != 2 || l.Status != "ranked" || l.Rank != 2 {
			t.Errorf("after the withdrawal: %+v", l)
		}
	})
}
