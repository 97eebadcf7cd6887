package workbook_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"leitai/service/workbook"
)

// TestWritePrint_A4WithRepeatedHeaderBoundsSignaturesAndNames writes a list
// to print and reads back its page setup, its data validation (a custom rule
// with quotes and ampersands, escaped in the sheet's XML), its footer and the
// names it carries.
func TestWritePrint_A4WithRepeatedHeaderBoundsSignaturesAndNames(t *testing.T) {
	var buf bytes.Buffer
	err := workbook.WritePrint(&buf, workbook.PrintSheet{Sheet: "评分表", Title: "钳工 实操评分表", Lines: []string{"竞赛：R&D 比武"},
		Columns: []workbook.PrintColumn{{Header: "参赛号", Width: 10, Text: true},
			{Header: "实操（满分100）", Width: 14, Check: &workbook.Check{Decimal: true, Max: 100, Hint: "0–100"}},
			{Header: "用时", Width: 14, Text: true, Check: &workbook.Check{Formula: `IFERROR(TIMEVALUE("0:"&{cell})*1440<=120,FALSE)`}}},
		Rows:       [][]any{{"001", 85.5, "12:34"}, {"002", nil, nil}},
		Signatures: []string{"评委签字：____", "裁判长签字：____"}, PageText: "第 %[1]s 页 共 %[2]s 页",
		Constants: map[string]string{"LeitaiTest": `a "quoted" value`}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := workbook.Open(buf.Bytes(), workbook.Limits{UnzipSize: 1 << 24, UnzipXML: 1 << 24, Rows: 100, Columns: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = b.Close() }()
	if v, ok := b.Constant("LeitaiTest"); !ok || v != `a "quoted" value` {
		t.Errorf("constant %q %v", v, ok)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows, _ := f.GetRows("评分表")
	if len(rows) != 7 || rows[2][0] != "参赛号" || rows[3][1] != "85.5" || rows[6][0] != "评委签字：____        裁判长签字：____" {
		t.Errorf("rows %q", rows)
	}
	dvs, err := f.GetDataValidations("评分表")
	if err != nil || len(dvs) != 2 || dvs[1].Sqref != "C4:C5" || dvs[1].Formula1 != `IFERROR(TIMEVALUE("0:"&C4)*1440<=120,FALSE)` {
		t.Fatalf("validation %v: %d, %q %q", err, len(dvs), dvs[len(dvs)-1].Sqref, dvs[len(dvs)-1].Formula1)
	}
	layout, _ := f.GetPageLayout("评分表")
	if *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.Orientation != "portrait" {
		t.Errorf("layout %+v", layout)
	}
	footer, _ := f.GetHeaderFooter("评分表")
	if footer.OddFooter != "&L评委签字：____    裁判长签字：____&R第 &P 页 共 &N 页" {
		t.Errorf("footer %q", footer.OddFooter)
	}
	titles := ""
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles = d.RefersTo
		}
	}
	if titles != "'评分表'!$1:$3" {
		t.Errorf("print titles %q", titles)
	}
}
