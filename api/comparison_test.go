package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

type markStats struct {
	Marks  int     `json:"marks"`
	Judges int     `json:"judges"`
	Mean   float64 `json:"mean"`
	SD     float64 `json:"sd"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
}

type comparison struct {
	StageName string `json:"stage_name"`
	Criteria  []struct {
		Code  string    `json:"code"`
		Own   markStats `json:"own"`
		Panel markStats `json:"panel"`
	} `json:"criteria"`
}

func comparisonPath(f judgingFixture) string { return sheetPath(f.fitter, "practical", "/comparison") }

// TestComparison_AfterSignOffOwnMeanAndSpreadAgainstTheOtherJudges: three
// judges and a trainee mark 钳工's practical stage. Each sees, per
// criterion, its own marks' mean and standard deviation beside the other
// counting judges' marks of the entrants it marked, rounded half up once.
func TestComparison_AfterSignOffOwnMeanAndSpreadAgainstTheOtherJudges(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		org := s.login(f.organiser.Username, fixturePwd)
		panel := fmt.Sprintf("/api/v1/events/%d/panel", f.fitter.ID)
		org.must(201, "POST", panel, map[string]any{"account_id": f.spare.ID, "duty": "judge", "stages": []string{"practical"}}, nil)
		org.must(201, "POST", panel, map[string]any{"account_id": f.reserve.ID, "duty": "trainee", "stages": []string{"practical"}}, nil)
		for i, p := range []float64{70, 80} {
			s.markAs(f.judge, f.fitter, "practical", f.numbersA[i], "P1", p)
			s.markAs(f.spare, f.fitter, "practical", f.numbersA[i], "P1", p+5)
		}
		s.markAs(f.judge, f.fitter, "practical", f.numberC, "P1", 90)
		s.markAs(f.spare, f.fitter, "practical", f.numberC, "P1", 95.5)
		s.markAs(f.recused, f.fitter, "practical", f.numberC, "P1", 60)
		s.markAs(f.reserve, f.fitter, "practical", f.numberC, "P1", 50)
		j := s.login(f.judge.Username, fixturePwd)
		j.mustFail(409, "conflict", "", "GET", comparisonPath(f), nil)
		for _, acc := range []account{f.judge, f.spare, f.recused} {
			s.login(acc.Username, fixturePwd).must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": 1}, nil)
		}
		s.login(f.chief.Username, fixturePwd).must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID), nil, nil)
		if !s.sheetOf(f.judge, f.fitter, "practical").SignedOff {
			t.Error("the sheet does not say its stage is signed off")
		}
		for _, tc := range []struct {
			who        account
			own, panel markStats
		}{
			// 70, 80, 90 against the others' 75, 85, 95.5 and 60: a mean of 78.875 rounds to 78.88.
			{f.judge, markStats{3, 1, 80, 8.16, 70, 90}, markStats{4, 2, 78.88, 13.09, 60, 95.5}},
			// The recused judge marked enterprise C's number only: the panel is the others' marks of it.
			{f.recused, markStats{1, 1, 60, 0, 60, 60}, markStats{2, 2, 92.75, 2.75, 90, 95.5}},
			// A trainee sees its marks against the counting judges', and its own never count in theirs.
			{f.reserve, markStats{1, 1, 50, 0, 50, 50}, markStats{3, 3, 81.83, 15.6, 60, 95.5}},
		} {
			var cmp comparison
			res := s.login(tc.who.Username, fixturePwd).do("GET", comparisonPath(f), nil)
			if res.Code != 200 {
				t.Fatalf("%s: %d %s", tc.who.Username, res.Code, res.Body)
			}
			if err := json.Unmarshal(res.Body.Bytes(), &cmp); err != nil {
				t.Fatal(err)
			}
			if cmp.StageName != "实操" || len(cmp.Criteria) != 1 || cmp.Criteria[0].Code != "P1" {
				t.Fatalf("%s: %+v", tc.who.Username, cmp)
			}
			if c := cmp.Criteria[0]; c.Own != tc.own || c.Panel != tc.panel {
				t.Errorf("%s: own %+v panel %+v, want %+v and %+v", tc.who.Username, c.Own, c.Panel, tc.own, tc.panel)
			}
			// No entrant and no other judge is named.
			for _, word := range []string{"赵强", "钱进", "孙立", "清河", f.numberC, "judge_", "number"} {
				if bytes.Contains(res.Body.Bytes(), []byte(word)) {
					t.Errorf("%s's comparison names %q: %s", tc.who.Username, word, res.Body)
				}
			}
		}
		// Only those who marked the stage: not the chief judge, not a judge of another event.
		s.login(f.chief.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", comparisonPath(f), nil)
		s.login(f.otherJudge.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", comparisonPath(f), nil)
	})
}
