package api_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"leitai/model/modeltest"
	"leitai/service/workbook/workbooktest"
)

// scoreHeaderRow is the header's row number on a score sheet: under the title and two lines.
const scoreHeaderRow = 4

// scoreRows reads a score sheet's header and its rows under it.
func scoreRows(t *testing.T, f *excelize.File) (header []string, rows [][]string) {
	t.Helper()
	all, err := f.GetRows("评分表")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < scoreHeaderRow {
		t.Fatalf("a score sheet of %d rows: %q", len(all), all)
	}
	return all[scoreHeaderRow-1], all[scoreHeaderRow:]
}

// fillScores writes values into a downloaded score sheet by number and
// header, and returns the file.
func fillScores(t *testing.T, f *excelize.File, values map[string]map[string]any) []byte {
	t.Helper()
	header, rows := scoreRows(t, f)
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		for h, v := range values[r[0]] {
			col := slices.Index(header, h)
			if col < 0 {
				t.Fatalf("no column %q in %q", h, header)
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, i+scoreHeaderRow+1)
			if err := f.SetCellValue("评分表", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestScoreSheetWorkbook_PrintableWithNumbersMaximaBoundsAndSignatures(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		judge := s.login(f.otherJudge.Username, fixturePwd)
		book := judge.download(sheetPath(f.welder, "practical", "/workbook"))
		header, rows := scoreRows(t, book)
		if !slices.Equal(header, []string{"参赛号", "实操作业（满分100）", "工艺评价（0–3档，满分9）", "用时（分:秒，限120分钟）"}) {
			t.Errorf("header %q", header)
		}
		if len(rows) < 1 || rows[0][0] != "001" {
			t.Errorf("rows %q", rows)
		}
		all, _ := book.GetRows("评分表")
		mustContain(t, "the sheet", fmt.Sprint(all), "焊工 实操评分表", "全区钳工焊工比武", "评委：", "评委签字：", "裁判长签字：")
		mustNotContain(t, "the sheet", fmt.Sprint(all), "李焊", "清河电力")
		dvs, err := book.GetDataValidations("评分表")
		if err != nil {
			t.Fatal(err)
		}
		bounds := map[string]string{}
		for _, dv := range dvs {
			bounds[dv.Sqref] = dv.Type + " " + dv.Formula1 + " " + dv.Formula2
		}
		if bounds["B5:B5"] != "decimal 0 100" || bounds["C5:C5"] != "whole 0 3" || !strings.HasPrefix(bounds["D5:D5"], "custom ") {
			t.Errorf("data validation %q", bounds)
		}
		layout, _ := book.GetPageLayout("评分表")
		if layout.Size == nil || *layout.Size != 9 || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("page layout %+v", layout)
		}
		titles := ""
		for _, d := range book.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" {
				titles = d.RefersTo
			}
		}
		if titles != "'评分表'!$1:$4" {
			t.Errorf("print titles %q", titles)
		}
		footer, err := book.GetHeaderFooter("评分表")
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, "the footer", footer.OddFooter, "评委签字", "裁判长签字", "&P", "&N")
		// Nobody else's sheet: a judge of another event, an enterprise.
		s.login(f.judge.Username, fixturePwd).must(403, "GET", sheetPath(f.welder, "practical", "/workbook"), nil, nil)
		s.login(f.enterpriseAcc.Username, fixturePwd).must(403, "GET", sheetPath(f.welder, "practical", "/workbook"), nil, nil)
	})
}

func TestScoreImport_AJudgesSheetIsItsMarksAllOrNothingAndAgainChangesNothing(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		judge := s.login(f.judge.Username, fixturePwd)
		path := sheetPath(f.fitter, "practical", "/imports")
		values := map[string]map[string]any{}
		for i, n := range append(slices.Clone(f.numbersA), f.numberC) {
			values[n] = map[string]any{"实操作业（满分100）": 80.5 + float64(i)}
		}
		// One mark over the maximum: nothing is written, and the problem is where it is.
		values[f.numberC]["实操作业（满分100）"] = 101
		content := fillScores(t, judge.download(sheetPath(f.fitter, "practical", "/workbook")), values)
		var j importJob
		judge.must(201, "POST", path+"?file_name=评分表.xlsx", content, &j)
		if j.Status != "invalid" || len(j.Problems) != 1 || j.Problems[0].Column != "B" || j.Problems[0].Value != "101" ||
			!strings.Contains(j.Problems[0].Message, "100") || j.Problems[0].Sheet != "评分表" {
			t.Fatalf("%+v", j)
		}
		report := judge.download(importPath(j, "/report"))
		style, _ := report.GetCellStyle("评分表", fmt.Sprintf("B%d", j.Problems[0].Row))
		if st, _ := report.GetStyle(style); st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FF9999" {
			t.Errorf("the bad cell is not red: %+v", st)
		}
		var got sheet
		judge.must(200, "GET", sheetPath(f.fitter, "practical"), nil, &got)
		if got.Missing != 3 {
			t.Fatalf("an invalid file wrote marks: %+v", got)
		}

		values[f.numberC]["实操作业（满分100）"] = 90
		content = fillScores(t, judge.download(sheetPath(f.fitter, "practical", "/workbook")), values)
		judge.must(201, "POST", path, content, &j)
		if j.Status != "checked" || j.Created != 3 || len(j.Actions) != 3 {
			t.Fatalf("%+v", j)
		}
		// The dry run wrote nothing.
		judge.must(200, "GET", sheetPath(f.fitter, "practical"), nil, &got)
		if got.Missing != 3 {
			t.Fatalf("the check wrote marks: %+v", got)
		}
		if out := judge.commit(j); out.Status != "imported" || out.Created != 3 {
			t.Fatalf("%+v", out)
		}
		judge.must(200, "GET", sheetPath(f.fitter, "practical"), nil, &got)
		if got.Missing != 0 || got.Rows[0].Marks["P1"].Points != 80.5 {
			t.Fatalf("imported %+v", got)
		}
		// The sheet downloaded again holds the marks; importing it changes nothing.
		again := judge.download(sheetPath(f.fitter, "practical", "/workbook"))
		var buf bytes.Buffer
		_, _ = again.WriteTo(&buf)
		judge.must(201, "POST", path, buf.Bytes(), &j)
		if j.Status != "checked" || j.Unchanged != 3 || j.Created+j.Updated != 0 {
			t.Fatalf("again: %+v", j)
		}
		judge.commit(j)
		// A corrected mark updates in place.
		values[f.numberC]["实操作业（满分100）"] = 91.25
		content = fillScores(t, judge.download(sheetPath(f.fitter, "practical", "/workbook")), values)
		judge.must(201, "POST", path, content, &j)
		if j.Updated != 1 || j.Unchanged != 2 {
			t.Fatalf("corrected: %+v", j)
		}
		judge.commit(j)
		var changes int64
		db.Table("mark_changes").Count(&changes)
		if changes != 4 {
			t.Errorf("%d mark changes, want 3 marks and 1 correction", changes)
		}
		// Another judge's workbook of the same stage does not go into this judge's sheet.
		other := s.login(f.recused.Username, fixturePwd)
		judge.must(201, "POST", path, fillScores(t, other.download(sheetPath(f.fitter, "practical", "/workbook")), values), &j)
		if j.Status != "invalid" || len(j.Problems) != 1 || !strings.Contains(j.Problems[0].Message, "另一张评分表") {
			t.Errorf("another judge's sheet: %+v", j)
		}
		// The job is the judge's own: the chief judge does not see it.
		s.login(f.chief.Username, fixturePwd).must(403, "GET", importPath(j, ""), nil, nil)
		// A submitted sheet takes no import.
		judge.must(200, "POST", sheetPath(f.fitter, "practical", "/submit"), map[string]any{"version": got.Version}, nil)
		judge.must(409, "POST", path, content, nil)
	})
}

// TestScoreImport_AnotherWritersSheetWithLevelsTimesAndNumbersAsNumbers:
// openpyxl writes strings inline; the columns are shuffled and named by
// criterion name, the draw number is a number, a level and a time used.
func TestScoreImport_AnotherWritersSheetWithLevelsTimesAndNumbersAsNumbers(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		judge := s.login(f.otherJudge.Username, fixturePwd)
		path := sheetPath(f.welder, "practical", "/imports")
		bad := workbooktest.Openpyxl(t, `
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "焊工实操"
ws.append(["焊工实操评分"])
ws.append(["用时", "工艺评价", " 编 号 ", "实操作业"])
ws.append(["12:75", 4, 1, "88.125"])
ws.append(["10:00", 1, 9, 70])
`)
		var j importJob
		judge.must(201, "POST", path, bad, &j)
		if j.Status != "invalid" || j.ProblemsTotal != 4 {
			t.Fatalf("%+v", j)
		}
		where := map[string]string{}
		for _, p := range j.Problems {
			where[fmt.Sprintf("%s%d", p.Column, p.Row)] = p.Message
		}
		for _, cell := range []string{"A3", "B3", "D3", "C4"} {
			if where[cell] == "" {
				t.Errorf("no problem at %s: %q", cell, where)
			}
		}
		good := workbooktest.Openpyxl(t, `
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["用时", "工艺评价", " 编 号 ", "实操作业"])
ws.append(["95:07", 2, 1, "88.25"])
`)
		judge.must(201, "POST", path, good, &j)
		if j.Status != "checked" || j.Created != 1 {
			t.Fatalf("%+v", j)
		}
		judge.commit(j)
		var got sheet
		judge.must(200, "GET", sheetPath(f.welder, "practical"), nil, &got)
		m := got.Rows[0].Marks
		if m["P1"].Points != 88.25 || m["P2"].Points != 6 || m["_time"].Points != 95*60+7 {
			t.Errorf("imported %+v", m)
		}
	})
}

func TestScoreImport_AClerksSheetIsItsRoundOfThePaperSheet(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		clerk := s.login(f.clerks[0].Username, fixturePwd)
		workbookPath := sheetPath(f.fitter, "theory", fmt.Sprintf("/judges/%d/workbook", f.judge.ID))
		importPathOf := f.keyingPath("theory", f.judge, "/imports")
		// Keying starts on the keying page; before it, there is no round to import into.
		blank := clerk.download(workbookPath)
		values := map[string]map[string]any{f.numbersA[0]: {"理论知识考试（满分100）": 70}, f.numbersA[1]: {"理论知识考试（满分100）": 71},
			f.numberC: {"理论知识考试（满分100）": 72}}
		content := fillScores(t, blank, values)
		clerk.must(404, "POST", importPathOf, content, nil)
		clerk.must(200, "POST", f.keyingPath("theory", f.judge), nil, nil)
		var j importJob
		clerk.must(201, "POST", importPathOf, content, &j)
		if j.Status != "checked" || j.Created != 3 {
			t.Fatalf("%+v", j)
		}
		clerk.commit(j)
		var k keying
		clerk.must(200, "GET", f.keyingPath("theory", f.judge), nil, &k)
		if k.Sheet.Missing != 0 || k.Round != 1 {
			t.Fatalf("keyed %+v", k)
		}
		// The judge's marks wait for both rounds; the second clerk's workbook is blank.
		var js sheet
		s.login(f.judge.Username, fixturePwd).must(200, "GET", sheetPath(f.fitter, "theory"), nil, &js)
		if js.Missing != 3 {
			t.Errorf("the judge's sheet %+v", js)
		}
		second := s.login(f.clerks[1].Username, fixturePwd)
		second.must(200, "POST", f.keyingPath("theory", f.judge), nil, nil)
		_, rows := scoreRows(t, second.download(workbookPath))
		for _, r := range rows {
			if len(r) > 1 && r[1] != "" && !strings.Contains(r[0], "签字") {
				t.Errorf("the second clerk sees a value: %q", rows)
			}
		}
		// The judge's own workbook does not go into a clerk's round.
		mine := s.login(f.judge.Username, fixturePwd).download(sheetPath(f.fitter, "practical", "/workbook"))
		var buf bytes.Buffer
		_, _ = mine.WriteTo(&buf)
		second.must(201, "POST", importPathOf, buf.Bytes(), &j)
		if j.Status != "invalid" {
			t.Errorf("another sheet: %+v", j)
		}
	})
}

func TestCheckInAndDrawWorkbooks_PrintableWithMaskedIDNumbers(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		desk := s.login(f.checkIn.Username, fixturePwd)
		book := desk.download(fmt.Sprintf("/api/v1/events/%d/check-in/workbook", f.fitter.ID))
		rows, _ := book.GetRows("检录表")
		if len(rows) < 6 || !slices.Equal(rows[2], []string{"参赛号", "参赛者", "单位", "身份证号码", "检录情况", "本人签字", "备注"}) {
			t.Fatalf("check-in list %q", rows)
		}
		mustContain(t, "the check-in list", fmt.Sprint(rows), "孙立", "清河电力", "110105********", "检录员签字")
		mustNotContain(t, "the check-in list", fmt.Sprint(rows), idNumber("11010519800101031"))
		org := s.login(f.organiser.Username, fixturePwd)
		draw := org.download(fmt.Sprintf("/api/v1/events/%d/draw/workbook", f.fitter.ID))
		rows, _ = draw.GetRows("抽签表")
		mustContain(t, "the draw list", fmt.Sprint(rows), "钳工 抽签结果表", "随机种子：", "赵强", "监督人签字")
		// The draw links numbers to names: not for judges.
		s.login(f.chief.Username, fixturePwd).must(403, "GET", fmt.Sprintf("/api/v1/events/%d/draw/workbook", f.fitter.ID), nil, nil)
		en := s.login(f.organiser.Username, fixturePwd)
		en.lang = "en"
		rows, _ = en.download(fmt.Sprintf("/api/v1/events/%d/draw/workbook", f.fitter.ID)).GetRows("Draw")
		mustContain(t, "the English draw list", fmt.Sprint(rows), "Draw number", "Supervisor's signature")
	})
}

func mustNotContain(t testing.TB, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(s, p) {
			t.Errorf("%s holds %q: %s", what, p, s)
		}
	}
}
