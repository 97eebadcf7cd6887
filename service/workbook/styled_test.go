package workbook_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"leitai/service/workbook"
	"leitai/service/workbook/workbooktest"
)

// hostile are texts a user may type that a spreadsheet would take for a
// formula or a command if it were written as one.
var hostile = []string{"=1+1", `=HYPERLINK("http://example.com","点我")`, "+86 139", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", `=cmd|' /C calc'!A0`}

func scoreTable() workbook.Table {
	return workbook.Table{
		Sheet: "评分表", Title: "第一届技能竞赛 电工 实操评分汇总", Issuer: "制表单位：示范市总工会", Dated: "制表日期：2026-12-02",
		Groups: []workbook.TableGroup{{Span: 1}, {Span: 1}, {Header: "接线（满分 10）", Span: 2}, {Header: "安全（满分 5）", Span: 2}},
		Columns: []workbook.TableColumn{{Header: "序号", Width: 6, Kind: workbook.NumberCell}, {Header: "姓名", Width: 12},
			{Header: "评委甲", Width: 9, Kind: workbook.PointsCell}, {Header: "评委乙", Width: 9, Kind: workbook.PointsCell},
			{Header: "评委甲", Width: 9, Kind: workbook.PointsCell}, {Header: "评委乙", Width: 9, Kind: workbook.PointsCell}},
		FrozenColumns: 2, Landscape: true, Footer: "&C第 &P 页，共 &N 页",
	}
}

func writeTable(t *testing.T, table workbook.Table, rows [][]any) []byte {
	t.Helper()
	w, err := workbook.NewTableWriter(table)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = w.Close() }()
	for _, r := range rows {
		if err := w.Row(r...); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hostileRows() [][]any {
	var rows [][]any
	for i, s := range hostile {
		rows = append(rows, []any{i + 1, s, workbook.Hundredths(950), workbook.Hundredths(1000), nil, workbook.Hundredths(425)})
	}
	return rows
}

func TestTable_TitleMergedHeaderPanesAndPageSetup(t *testing.T) {
	content := writeTable(t, scoreTable(), hostileRows())
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows, _ := f.GetRows("评分表")
	if rows[0][0] != "第一届技能竞赛 电工 实操评分汇总" || rows[1][0] != "制表单位：示范市总工会" || rows[1][3] != "制表日期：2026-12-02" {
		t.Errorf("title and issuer %q %q", rows[0], rows[1])
	}
	if !slices.Equal(rows[2], []string{"序号", "姓名", "接线（满分 10）", "", "安全（满分 5）"}) ||
		!slices.Equal(rows[3], []string{"", "", "评委甲", "评委乙", "评委甲", "评委乙"}) {
		t.Errorf("header %q / %q", rows[2], rows[3])
	}
	if got := rows[4]; got[2] != "9.50" || got[3] != "10.00" || got[4] != "" || got[5] != "4.25" {
		t.Errorf("points %q", got)
	}
	merged, _ := f.GetMergeCells("评分表")
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"A1:F1", "A2:C2", "D2:F2", "A3:A4", "B3:B4", "C3:D3", "E3:F3"} {
		if !slices.Contains(refs, want) {
			t.Errorf("no merged %s in %q", want, refs)
		}
	}
	panes, _ := f.GetPanes("评分表")
	if !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 4 || panes.TopLeftCell != "C5" {
		t.Errorf("panes %+v", panes)
	}
	layout, _ := f.GetPageLayout("评分表")
	if layout.Size == nil || *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 {
		t.Errorf("page layout %+v", layout)
	}
	width, _ := f.GetColWidth("评分表", "B")
	if width != 12 {
		t.Errorf("width of B %v", width)
	}
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles = dn.RefersTo
		}
	}
	if titles != "'评分表'!$3:$4" {
		t.Errorf("print titles %q", titles)
	}
	style, _ := f.GetCellStyle("评分表", "B5")
	s, _ := f.GetStyle(style)
	if len(s.Border) != 4 || s.NumFmt != 49 {
		t.Errorf("a text cell's style %+v", s)
	}
}

// TestTable_TextFromUsersNeverBecomesAFormula reads the written file back
// with excelize and with openpyxl: every hostile text is a literal string,
// and no cell of the sheet holds a formula.
func TestTable_TextFromUsersNeverBecomesAFormula(t *testing.T) {
	content := writeTable(t, scoreTable(), hostileRows())
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows, _ := f.GetRows("评分表", excelize.Options{RawCellValue: true})
	for r := range rows {
		for c := range rows[r] {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if formula, _ := f.GetCellFormula("评分表", cell); formula != "" {
				t.Errorf("excelize: %s holds the formula %q", cell, formula)
			}
		}
	}
	for i, s := range hostile {
		cell := fmt.Sprintf("B%d", i+5)
		got, _ := f.GetCellValue("评分表", cell)
		kind, _ := f.GetCellType("评分表", cell)
		if got != s || kind != excelize.CellTypeInlineString {
			t.Errorf("excelize: %s is %q (%v), not the text %q", cell, got, kind, s)
		}
	}

	out := workbooktest.OpenpyxlRead(t, content, `
ws = wb["评分表"]
cells = []
for row in ws.iter_rows():
    for c in row:
        cells.append([c.coordinate, c.data_type, c.value if isinstance(c.value, (str, int, float)) or c.value is None else repr(c.value)])
print(json.dumps({"cells": cells, "paper": ws.page_setup.paperSize, "titles": ws.print_title_rows, "freeze": ws.freeze_panes}))
`)
	var got struct {
		Cells  [][3]any `json:"cells"`
		Paper  any      `json:"paper"`
		Titles string   `json:"titles"`
		Freeze string   `json:"freeze"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	values := map[string]any{}
	for _, c := range got.Cells {
		if c[1] == "f" {
			t.Errorf("openpyxl: %v holds a formula %q", c[0], c[2])
		}
		values[c[0].(string)] = c[2]
	}
	for i, s := range hostile {
		if cell := fmt.Sprintf("B%d", i+5); values[cell] != s {
			t.Errorf("openpyxl: %s is %q, not %q", cell, values[cell], s)
		}
	}
	if fmt.Sprint(got.Paper) != "9" || got.Titles != "$3:$4" || got.Freeze != "C5" {
		t.Errorf("openpyxl: paper %v, print titles %q, frozen at %q", got.Paper, got.Titles, got.Freeze)
	}
}

func TestTable_OneHeaderRowWithoutGroups(t *testing.T) {
	table := workbook.Table{Sheet: "名册", Title: "职工名册", Issuer: "制表单位：清河机床", Dated: "制表日期：2026-12-02",
		Columns: []workbook.TableColumn{{Header: "序号", Kind: workbook.NumberCell}, {Header: "姓名"}, {Header: "身份证号码", Width: 22}}}
	content := writeTable(t, table, [][]any{{1, "张三", "110105********002X"}, {2, "李四"}})
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows, _ := f.GetRows("名册")
	if len(rows) != 5 || !slices.Equal(rows[2], []string{"序号", "姓名", "身份证号码"}) || rows[3][2] != "110105********002X" || rows[4][1] != "李四" {
		t.Errorf("rows %q", rows)
	}
	panes, _ := f.GetPanes("名册")
	if panes.YSplit != 3 || panes.TopLeftCell != "A4" {
		t.Errorf("panes %+v", panes)
	}
}

func TestTable_RefusesValuesItDoesNotWrite(t *testing.T) {
	w, err := workbook.NewTableWriter(workbook.Table{Sheet: "表", Title: "表", Columns: []workbook.TableColumn{{Header: "值"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = w.Close() }()
	if err := w.Row(excelize.Cell{Formula: "1+1"}); err == nil {
		t.Error("a formula cell was taken")
	}
	if err := w.Row("a", "b"); err == nil {
		t.Error("a row wider than the table was taken")
	}
}
