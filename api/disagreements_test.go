package api_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// overseenSheet is a judge's sheet with what oversight adds to it.
type overseenSheet struct {
	Rows []struct {
		Number string               `json:"number"`
		Marks  map[string]sheetMark `json:"marks"`
		Closed []string             `json:"closed"`
	} `json:"rows"`
	Missing     int      `json:"missing"`
	SubmittedAt *string  `json:"submitted_at"`
	Editable    bool     `json:"editable"`
	Version     int      `json:"version"`
	Remarks     []remark `json:"remarks"`
	RemarkOnly  bool     `json:"remark_only"`
	SignedOff   bool     `json:"signed_off"`
	Replaces    string   `json:"replaces"`
}

type remark struct {
	ID           uint     `json:"id"`
	Number       string   `json:"number"`
	Criterion    string   `json:"criterion"`
	JudgeID      uint     `json:"judge_id"`
	JudgeName    string   `json:"judge_name"`
	Reason       string   `json:"reason"`
	PointsBefore float64  `json:"points_before"`
	PointsAfter  *float64 `json:"points_after"`
	Reopened     bool     `json:"reopened"`
	SettledAt    *string  `json:"settled_at"`
	Outcome      string   `json:"outcome"`
}

type disagreements struct {
	Threshold float64 `json:"threshold"`
	Items     []struct {
		Stage         string  `json:"stage"`
		Number        string  `json:"number"`
		Criterion     string  `json:"criterion"`
		CriterionName string  `json:"criterion_name"`
		Spread        float64 `json:"spread"`
		Marks         []struct {
			JudgeID   uint    `json:"judge_id"`
			JudgeName string  `json:"judge_name"`
			Points    float64 `json:"points"`
			Replaced  bool    `json:"replaced"`
		} `json:"marks"`
		Remarks []remark `json:"remarks"`
	} `json:"items"`
}

// sheetOf reads a judge's sheet of a stage.
func (s *server) sheetOf(acc account, ev event, stage string) overseenSheet {
	s.t.Helper()
	var sh overseenSheet
	s.login(acc.Username, fixturePwd).must(200, "GET", sheetPath(ev, stage), nil, &sh)
	return sh
}

// markAs saves a judge's mark over whatever it holds in that cell.
func (s *server) markAs(acc account, ev event, stage, number, criterion string, points any) sheetMark {
	s.t.Helper()
	version := 0
	for _, r := range s.sheetOf(acc, ev, stage).Rows {
		if r.Number == number {
			version = r.Marks[criterion].Version
		}
	}
	var m sheetMark
	s.login(acc.Username, fixturePwd).must(200, "PUT", sheetPath(ev, stage, "/marks"), mark(number, criterion, points, version), &m)
	return m
}

// disagreementsOf reads an event's disagreements as someone who leads it.
func (s *server) disagreementsOf(by account, ev event) disagreements {
	s.t.Helper()
	var d disagreements
	s.login(by.Username, fixturePwd).must(200, "GET", fmt.Sprintf("/api/v1/events/%d/disagreements", ev.ID), nil, &d)
	return d
}

// askRemark is the chief judge's request that judges mark enterprise C's number again on P1.
func askRemark(f judgingFixture, judges ...account) map[string]any {
	ids := make([]uint, len(judges))
	for i, j := range judges {
		ids[i] = j.ID
	}
	return map[string]any{"stage": "practical", "number": f.numberC, "criterion": "P1", "judge_ids": ids, "reason": "与其他裁判差异较大，请复核"}
}

func remarksPath(f judgingFixture) string {
	return fmt.Sprintf("/api/v1/events/%d/remarks", f.fitter.ID)
}

// disagreeOnC has judge_a give enterprise C's number 60 and the recused judge 90.
func disagreeOnC(s *server, f judgingFixture) {
	s.markAs(f.judge, f.fitter, "practical", f.numberC, "P1", 60)
	s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 90)
}

// askJudgeOnC has the chief judge ask judge_a to mark that cell again, unless it has asked already.
func askJudgeOnC(s *server, f judgingFixture) {
	s.login(f.chief.Username, fixturePwd).do("POST", remarksPath(f), askRemark(f, f.judge))
}

func TestRules_DisagreementThresholdIsBoundedLikeTheOtherPoints(t *testing.T) {
	s := newServer(t, modeltest.SQLite(t))
	f := s.fixture()
	a := s.admin()
	var ct contest
	a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "全区技能竞赛", "kind": "skills", "format": "trade", "level": "district", "organiser_id": f.district.ID}, &ct)
	var ev event
	a.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": "钳工"}, &ev)
	if ev.Rules["disagreement"] != float64(0) {
		t.Errorf("a new event's threshold: %v, want 0 (off)", ev.Rules["disagreement"])
	}
	path := fmt.Sprintf("/api/v1/events/%d", ev.ID)
	for _, bad := range []any{-1, "10000.01", "2.555"} {
		ev.Rules["disagreement"] = bad
		a.mustFail(422, "validation_failed", "rules.disagreement", "PATCH", path, map[string]any{"rules": ev.Rules, "version": ev.Version})
	}
	ev.Rules["disagreement"] = "12.5"
	a.must(200, "PATCH", path, map[string]any{"rules": ev.Rules, "version": ev.Version}, &ev)
	if ev.Rules["disagreement"] != 12.5 {
		t.Errorf("stored threshold: %v", ev.Rules["disagreement"])
	}
}

func TestDisagreement_ShownAboveTheThresholdWithEachJudgesMarkByName(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		s.markAs(f.judge, f.fitter, "practical", f.numberC, "P1", 60)
		s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 70)
		// 10 points apart is not more than the threshold of 10.
		if d := s.disagreementsOf(f.chief, f.fitter); d.Threshold != 10 || len(d.Items) != 0 {
			t.Fatalf("at the threshold: %+v", d)
		}
		s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 70.01)
		// A trainee's mark never counts, so never makes a disagreement wider.
		org := s.login(f.organiser.Username, fixturePwd)
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"practical"}}, nil)
		s.markAs(f.spare, f.fitter, "practical", f.numberC, "P1", 0)
		for _, by := range []account{f.chief, f.organiser} {
			d := s.disagreementsOf(by, f.fitter)
			if len(d.Items) != 1 {
				t.Fatalf("%s sees %+v", by.Username, d)
			}
			it := d.Items[0]
			if it.Stage != "practical" || it.Number != f.numberC || it.Criterion != "P1" || it.CriterionName != "实操作业" || it.Spread != 10.01 || len(it.Marks) != 2 {
				t.Errorf("%s sees %+v", by.Username, it)
			}
			if m := it.Marks; m[0].JudgeName != "judge_a" || m[0].Points != 60 || m[1].JudgeName != "judge_recused" || m[1].Points != 70.01 || m[1].Replaced {
				t.Errorf("the marks by judge: %+v", m)
			}
		}
	})
}

func TestDisagreement_MeasurementsAndEventsWithoutAThresholdShowNone(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		// Theory's T1 is a measurement: read off, not judged.
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID), map[string]any{"account_id": f.spare.ID, "duty": "judge", "stages": []string{"theory"}}, nil)
		s.markAs(f.judge, f.fitter, "theory", f.numberC, "T1", 20)
		s.markAs(f.spare, f.fitter, "theory", f.numberC, "T1", 100)
		if d := s.disagreementsOf(f.chief, f.fitter); len(d.Items) != 0 {
			t.Errorf("a measurement shown as a disagreement: %+v", d)
		}
		// 焊工 has no threshold (0): nothing is ever shown.
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", f.welder.ID), map[string]any{"account_id": f.reserve.ID, "duty": "judge", "stages": []string{"practical"}}, nil)
		number := s.sheetOf(f.otherJudge, f.welder, "practical").Rows[0].Number
		s.markAs(f.otherJudge, f.welder, "practical", number, "P1", 0)
		s.markAs(f.reserve, f.welder, "practical", number, "P1", 100)
		var d disagreements
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/disagreements", f.welder.ID), nil, &d)
		if d.Threshold != 0 || len(d.Items) != 0 {
			t.Errorf("焊工, without a threshold: %+v", d)
		}
	})
}
