package workbook_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leitai/service/workbook"
)

func template(long int) workbook.Template {
	var events []string
	for i := range long {
		events = append(events, fmt.Sprintf("很长的项目名称第%03d号", i))
	}
	return workbook.Template{
		Sheet: "报名表", InstructionsSheet: "说明", ListsSheet: "下拉选项", Rows: 100, ListError: "请从下拉列表中选择",
		Columns: []workbook.TemplateColumn{
			{Header: "项目", Width: 18, List: events, Required: true},
			{Header: "姓名", Width: 12, Required: true},
			{Header: "性别", Width: 8, List: []string{"男", "女"}},
			{Header: "身份证号码", Width: 22, Text: true, Hint: "18位"},
			{Header: "工龄", Width: 8, WholeFrom: 0, WholeTo: 60, Hint: "0到60"},
		},
		Example:      []string{events[0], "张三（示例）", "男", "110105199003070014", "8"},
		Instructions: []string{"填写说明", "1. 每行一人。"},
	}
}

func openWritten(t *testing.T, write func(*bytes.Buffer) error) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestWriteTemplate_FrozenProtectedHeaderListsExampleAndInstructions(t *testing.T) {
	f := openWritten(t, func(b *bytes.Buffer) error { return workbook.WriteTemplate(b, template(30)) })
	if got := f.GetSheetList(); !slices.Equal(got, []string{"报名表", "说明", "下拉选项"}) {
		t.Fatalf("sheets %q", got)
	}
	if visible, _ := f.GetSheetVisible("下拉选项"); visible {
		t.Error("the lists sheet is visible")
	}
	rows, _ := f.GetRows("报名表")
	if !slices.Equal(rows[0], []string{"*项目", "*姓名", "性别", "身份证号码", "工龄"}) || rows[1][1] != "张三（示例）" {
		t.Errorf("header and example %q", rows[:2])
	}
	panes, _ := f.GetPanes("报名表")
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v", panes)
	}
	dvs, _ := f.GetDataValidations("报名表")
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	if k := kinds["A2:A101"]; !strings.HasPrefix(k, "list ") || !strings.Contains(k, "下拉选项") {
		t.Errorf("the long list is not on the hidden sheet: %q", k)
	}
	if k := kinds["C2:C101"]; k != `list "男,女"` {
		t.Errorf("the short list: %q", k)
	}
	if k := kinds["E2:E101"]; !strings.HasPrefix(k, "whole") {
		t.Errorf("the whole-number column: %q", k)
	}
	lists, _ := f.GetRows("下拉选项")
	if len(lists) != 31 || lists[30][0] != "很长的项目名称第029号" {
		t.Errorf("the hidden list has %d rows", len(lists))
	}
	header := styleOf(t, f, "A1")
	example := styleOf(t, f, "B2")
	id := styleOf(t, f, "D5")
	if header.Protection == nil || !header.Protection.Locked || example.Protection == nil || example.Protection.Locked {
		t.Errorf("the header is not locked, or the rows are: %+v, %+v", header.Protection, example.Protection)
	}
	if len(example.Fill.Color) == 0 {
		t.Error("the example row is not shaded")
	}
	if id.NumFmt != 49 {
		t.Errorf("the ID number column's format is %d, not text (49)", id.NumFmt)
	}
	protected := unzipped(t, written(t, template(30)), "xl/worksheets/sheet1.xml")
	if !bytes.Contains(protected, []byte("<sheetProtection")) {
		t.Error("the sheet is not protected")
	}
	help, _ := f.GetRows("说明")
	if len(help) != 2 || help[0][0] != "填写说明" {
		t.Errorf("instructions %q", help)
	}
}

func written(t *testing.T, tpl workbook.Template) []byte {
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, tpl); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func styleOf(t *testing.T, f *excelize.File, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle("报名表", cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestWriteReport_MarksBadCellsRedWithCommentsAndAProblemsColumn(t *testing.T) {
	content := written(t, template(2))
	book, _ := excelize.OpenReader(bytes.NewReader(content))
	_ = book.SetCellStr("报名表", "D3", "1.10105E+17")
	_ = book.AddComment("报名表", excelize.Comment{Cell: "B3", Author: "clerk", Text: "问过本人"})
	var buf bytes.Buffer
	_, _ = book.WriteTo(&buf)
	_ = book.Close()
	marks := []workbook.Mark{{Row: 3, Column: 4, Text: "身份证号码被转成了数字"}, {Row: 3, Column: 2, Text: "必填"}, {Row: 4, Text: "名额已满"}}
	report := workbook.Report{Sheet: "报名表", HeaderRow: 1, ProblemColumn: 6, ProblemHeader: "错误说明", Author: "擂台"}
	f := openWritten(t, func(b *bytes.Buffer) error { return workbook.WriteReport(b, buf.Bytes(), limits, report, marks) })
	if id := styleOf(t, f, "D3"); len(id.Fill.Color) == 0 || id.Fill.Color[0] != "FF9999" || id.NumFmt != 49 {
		t.Errorf("D3 keeps its text format and turns red: %+v %d", id.Fill, id.NumFmt)
	}
	comments, _ := f.GetComments("报名表")
	texts := map[string]string{}
	for _, c := range comments {
		texts[c.Cell] = c.Text
		for _, r := range c.Paragraph {
			texts[c.Cell] += r.Text
		}
	}
	if !strings.Contains(texts["D3"], "转成了数字") || !strings.Contains(texts["B3"], "问过本人") || !strings.Contains(texts["B3"], "必填") {
		t.Errorf("comments %q", texts)
	}
	rows, _ := f.GetRows("报名表")
	if rows[0][5] != "错误说明" || !strings.Contains(rows[2][5], "必填") || rows[3][5] != "名额已满" {
		t.Errorf("problems column %q", rows)
	}
	if got := f.GetSheetList(); !slices.Contains(got, "说明") {
		t.Errorf("the report lost the other sheets: %q", got)
	}

	csvReport := openWritten(t, func(b *bytes.Buffer) error {
		return workbook.WriteReport(b, []byte("姓名,手机号码\n张三,=1+1\n"), limits,
			workbook.Report{Sheet: "报名表", HeaderRow: 1, ProblemColumn: 3, ProblemHeader: "错误说明", Author: "擂台"},
			[]workbook.Mark{{Row: 2, Column: 2, Text: "手机号码应为11位"}})
	})
	rows, _ = csvReport.GetRows("报名表")
	if len(rows) != 2 || rows[1][1] != "=1+1" || rows[1][2] != "手机号码应为11位" {
		t.Errorf("a CSV file's report %q", rows)
	}
	if formula, _ := csvReport.GetCellFormula("报名表", "B2"); formula != "" {
		t.Errorf("a CSV cell became the formula %q", formula)
	}
}
