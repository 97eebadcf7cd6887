package api_test

import (
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// welderSheet opens the 焊工 judge's practical sheet: P1, P2 on the 0–3
// scale, and the time used.
func welderSheet(s *server, f judgingFixture) (*client, sheet) {
	j := s.login(f.otherJudge.Username, fixturePwd)
	var sh sheet
	j.must(200, "GET", sheetPath(f.welder, "practical"), nil, &sh)
	return j, sh
}

func TestSheet_TimeUsedIsTheLastColumnOfATimedStageInWholeSeconds(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j, sh := welderSheet(s, f)
		var codes []string
		for _, c := range sh.Criteria {
			codes = append(codes, c.Code)
		}
		if !slices.Equal(codes, []string{"P1", "P2", "_time"}) || sh.Criteria[2].Max != 7200 || len(sh.Rows) != 1 {
			t.Fatalf("焊工's practical sheet: %+v", sh)
		}
		n := sh.Rows[0].Number
		marks := sheetPath(f.welder, "practical", "/marks")
		j.must(200, "PUT", marks, mark(n, "P1", 88, 0), nil)
		j.must(200, "PUT", marks, mark(n, "P2", 6, 0), nil)
		var sub struct {
			Error struct {
				Fields []struct {
					Field string `json:"field"`
				} `json:"fields"`
			} `json:"error"`
		}
		j.must(422, "POST", sheetPath(f.welder, "practical", "/submit"), map[string]any{"version": 1}, &sub)
		if len(sub.Error.Fields) != 1 || sub.Error.Fields[0].Field != "rows["+n+"]._time" {
			t.Errorf("a sheet without the time used submitted, or named %+v", sub.Error.Fields)
		}
		if e := j.mustFail(422, "validation_failed", "points", "PUT", marks, mark(n, "_time", 754.5, 0)); !strings.Contains(e.Error.Fields[0].Message, "整秒") {
			t.Errorf("a time with a fraction of a second: %s", e.Error.Fields[0].Message)
		}
		if e := j.mustFail(422, "validation_failed", "points", "PUT", marks, mark(n, "_time", 7201, 0)); !strings.Contains(e.Error.Fields[0].Message, "120") {
			t.Errorf("a time beyond the stage's limit: %s", e.Error.Fields[0].Message)
		}
		j.mustFail(422, "validation_failed", "note", "PUT", marks, map[string]any{"number": n, "criterion": "_time", "points": 754, "note": "超时", "version": 0})
		var stored sheetMark
		j.must(200, "PUT", marks, mark(n, "_time", 754, 0), &stored)
		if stored.Points != 754 {
			t.Errorf("time used stored as %v", stored.Points)
		}
		j.must(200, "POST", sheetPath(f.welder, "practical", "/submit"), map[string]any{"version": 1}, nil)
	})
}

func TestSheet_ALevelCriterionTakesOnlyItsFourLevels(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		j, sh := welderSheet(s, f)
		n := sh.Rows[0].Number
		marks := sheetPath(f.welder, "practical", "/marks")
		version := 0
		for _, points := range []float64{0, 3, 6, 9} {
			var m sheetMark
			j.must(200, "PUT", marks, mark(n, "P2", points, version), &m)
			version = m.Version
		}
		for _, points := range []float64{4.5, 1, 3.01} {
			if e := j.mustFail(422, "validation_failed", "points", "PUT", marks, mark(n, "P2", points, version)); !strings.Contains(e.Error.Fields[0].Message, "0、3、6或9") {
				t.Errorf("%v on the 0–3 scale: %s", points, e.Error.Fields[0].Message)
			}
		}
		j.lang = "en"
		if e := j.mustFail(422, "validation_failed", "points", "PUT", marks, mark(n, "P2", 2, version)); !strings.Contains(e.Error.Fields[0].Message, "0, 3, 6 or 9") {
			t.Errorf("in English: %s", e.Error.Fields[0].Message)
		}
	})
}
