package workbook_test

import (
	"archive/zip"
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"leitai/service/workbook"
	"leitai/service/workbook/workbooktest"
)

var limits = workbook.Limits{UnzipSize: 16 << 20, UnzipXML: 1 << 20, Rows: 100, Columns: 20}

// readAll reads every row of a file's first sheet.
func readAll(t testing.TB, content []byte, lim workbook.Limits) ([]workbook.Row, error) {
	t.Helper()
	b, err := workbook.Open(content, lim)
	if err != nil {
		return nil, err
	}
	defer func() { _ = b.Close() }()
	rows, err := b.Rows(b.Sheets()[0])
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []workbook.Row
	for rows.Next() {
		out = append(out, rows.Row())
	}
	return out, rows.Err()
}

// excelizeBook writes a workbook with excelize: cells as excelize writes
// them (text as shared strings), set by fill.
func excelizeBook(t testing.TB, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	fill(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func problemOf(t *testing.T, err error) workbook.Problem {
	t.Helper()
	fe, ok := workbook.AsError(err)
	if !ok {
		t.Fatalf("error %v is no file problem", err)
	}
	return fe.Problem
}

func TestOpen_TellsFilesByTheirBytesAndRefusesWhatItCannotRead(t *testing.T) {
	legacy, err := os.ReadFile("testdata/legacy.xls")
	if err != nil {
		t.Fatal(err)
	}
	encrypted := func() []byte {
		f := excelize.NewFile()
		defer func() { _ = f.Close() }()
		_ = f.SetCellStr("Sheet1", "A1", "姓名")
		var buf bytes.Buffer
		if err := f.Write(&buf, excelize.Options{Password: "secret"}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	plainZip := func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, _ := z.Create("notes.txt")
		_, _ = w.Write([]byte("hello"))
		_ = z.Close()
		return buf.Bytes()
	}()
	good := excelizeBook(t, func(f *excelize.File) { _ = f.SetCellStr("Sheet1", "A1", "姓名") })
	for _, tc := range []struct {
		name    string
		content []byte
		want    workbook.Problem
	}{
		{"an Excel 97–2003 workbook", legacy, workbook.LegacyXLS},
		{"a workbook with a password", encrypted, workbook.Encrypted},
		{"a PNG image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), workbook.NotSpreadsheet},
		{"an empty file", nil, workbook.NotSpreadsheet},
		{"a zip of something else", plainZip, workbook.NotSpreadsheet},
		{"a cut-off workbook", good[:len(good)/2], workbook.Corrupt},
		{"a zip header and nothing else", []byte("PK\x03\x04garbage"), workbook.Corrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := workbook.Open(tc.content, limits)
			if got := problemOf(t, err); got != tc.want {
				t.Errorf("problem %s, want %s", got, tc.want)
			}
		})
	}
}

// TestOpen_AZipBombFailsBeforeItIsInflated: a workbook claiming a huge
// worksheet, and one really holding one, both stop at the unzip limit.
func TestOpen_AZipBombFailsBeforeItIsInflated(t *testing.T) {
	claimed := func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		_, _ = z.Create("xl/workbook.xml")
		w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 4,
			UncompressedSize64: 1 << 40})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte{0, 0, 0, 0})
		_ = z.Close()
		return buf.Bytes()
	}()
	real := func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		_, _ = z.Create("xl/workbook.xml")
		w, _ := z.Create("xl/worksheets/sheet1.xml")
		zeros := make([]byte, 1<<20)
		for range 4 {
			_, _ = w.Write(zeros)
		}
		_ = z.Close()
		return buf.Bytes()
	}()
	small := limits
	small.UnzipSize, small.UnzipXML = 1<<20, 1<<19
	for name, content := range map[string][]byte{"claimed": claimed, "real": real} {
		_, err := workbook.Open(content, small)
		if got := problemOf(t, err); got != workbook.TooBig {
			t.Errorf("%s bomb: problem %s, want %s", name, got, workbook.TooBig)
		}
		if len(content) > 64<<10 {
			t.Errorf("%s bomb is %d bytes: it is meant to be small", name, len(content))
		}
	}
}

func TestRows_CSVInUTF8WithOrWithoutBOMAndInGB18030(t *testing.T) {
	text := "姓名,身份证号码,手机号码\r\n张三,\"11010519900307001X\",13912345678\r\n\r\n李四,=\"110105199003070029\",\"139\n1234\"\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"UTF-8": []byte(text), "UTF-8 with BOM": append([]byte("\xEF\xBB\xBF"), text...),
		"GB18030": []byte(gb)} {
		t.Run(name, func(t *testing.T) {
			rows, err := readAll(t, content, limits)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 3 || rows[0].Cells[0] != "姓名" || rows[1].Cells[0] != "张三" || rows[2].Number != 4 {
				t.Fatalf("rows %+v", rows)
			}
			if got := workbook.Clean(rows[2].Cells[1]); got != "110105199003070029" {
				t.Errorf("=\"…\" cell reads %q", got)
			}
		})
	}
}

func TestRows_CellsReadAsTheyShowWhateverTheWriter(t *testing.T) {
	date := time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)
	fromExcelize := excelizeBook(t, func(f *excelize.File) {
		_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "手机号码", "工龄", "身份证号码", "编号", "日期"})
		_ = f.SetSheetRow("Sheet1", "A2", &[]any{"张三", 13912345678, 8.0, 1.10105199001011e17, "0123", date})
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		_ = f.SetCellStyle("Sheet1", "F2", "F2", style)
	})
	fromOpenpyxl := workbooktest.Openpyxl(t, `
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["姓名", "手机号码", "工龄", "身份证号码", "编号", "日期"])
ws.append(["张三", 13912345678, 8.0, 1.10105199001011e17, "0123", datetime.date(2024, 1, 5)])
ws["F2"].number_format = "yyyy/m/d"
`)
	if !bytes.Contains(unzipped(t, fromOpenpyxl, "xl/worksheets/sheet1.xml"), []byte(`t="inlineStr"`)) {
		t.Fatal("openpyxl wrote no inline strings: the test no longer covers them")
	}
	for name, content := range map[string][]byte{"excelize": fromExcelize, "openpyxl": fromOpenpyxl} {
		t.Run(name, func(t *testing.T) {
			rows, err := readAll(t, content, limits)
			if err != nil {
				t.Fatal(err)
			}
			got := rows[1].Cells
			if got[0] != "张三" || workbook.Digits(got[1]) != "13912345678" || got[4] != "0123" {
				t.Errorf("cells %q", got)
			}
			if n, ok := workbook.Whole(got[2]); !ok || n != 8 {
				t.Errorf("8.0 reads %q", got[2])
			}
			// Excel shows 1.10105E+17; excelize writes the number out, its digits past the fifteenth zeros.
			if !workbook.Scientific(got[3]) && !strings.HasSuffix(got[3], "1000") {
				t.Errorf("an ID number stored as a number reads %q, neither in scientific notation nor with its digits lost", got[3])
			}
			if !strings.HasPrefix(got[5], "2024") || !strings.Contains(got[5], "1") || !strings.Contains(got[5], "5") {
				t.Errorf("a date reads %q", got[5])
			}
		})
	}
}

func unzipped(t testing.TB, content []byte, name string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(f)
	return buf.Bytes()
}

func TestRows_PassOverBlankRowsAndStopAtTheBounds(t *testing.T) {
	content := excelizeBook(t, func(f *excelize.File) {
		_ = f.SetCellStr("Sheet1", "A1", "a")
		_ = f.SetCellStr("Sheet1", "B3", "  ")
		_ = f.SetCellStr("Sheet1", "C4", "c")
	})
	rows, err := readAll(t, content, limits)
	if err != nil || len(rows) != 2 || rows[1].Number != 4 || !slices.Equal(rows[1].Cells, []string{"", "", "c"}) {
		t.Fatalf("rows %+v, %v", rows, err)
	}
	few := limits
	few.Rows = 1
	if _, err := readAll(t, content, few); problemOf(t, err) != workbook.TooManyRows {
		t.Errorf("past the rows bound: %v", err)
	}
	narrow := limits
	narrow.Columns = 2
	if _, err := readAll(t, content, narrow); problemOf(t, err) != workbook.TooManyColumns {
		t.Errorf("past the columns bound: %v", err)
	}
}

func TestMatchHeader_FindsColumnsByTheirTextInAnyOrderAndWidth(t *testing.T) {
	cols := []workbook.Column{
		{Key: "name", Headers: []string{"姓名", "Name"}, Required: true},
		{Key: "id", Headers: []string{"身份证号码", "ID number"}, Required: true},
		{Key: "years", Headers: []string{"本工种工龄（年）"}},
		{Key: "mobile", Headers: []string{"手机号码"}},
	}
	l := workbook.MatchHeader(workbook.Row{Number: 2, Cells: []string{"备注", " 身份证\n号码 ", "*姓　名", "本工种工龄(年)", "ＩＤ ｎｕｍｂｅｒ"}}, cols)
	if l.Index["id"] != 1 || l.Index["name"] != 2 || l.Index["years"] != 3 || len(l.Missing) != 0 || !slices.Equal(l.Repeated, []string{"id"}) {
		t.Errorf("layout %+v", l)
	}
	if _, ok := l.Index["mobile"]; ok || l.ColumnOf("mobile") != 0 || l.ColumnOf("name") != 3 {
		t.Errorf("a column the header lacks: %+v", l)
	}
	missing := workbook.MatchHeader(workbook.Row{Number: 1, Cells: []string{"Name"}}, cols)
	if !slices.Equal(missing.Missing, []string{"id"}) {
		t.Errorf("missing %q", missing.Missing)
	}
}

func TestCells_CleanWholeDigitsScientific(t *testing.T) {
	for in, want := range map[string]string{" １３９１２３４５６７８ ": "13912345678", "\u200b张三\u3000": "张三", `="0123"`: "0123", "a b": "a b"} {
		if got := workbook.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]int{"8": 8, "8.0": 8, "08": 8, "0": 0} {
		if got, ok := workbook.Whole(in); !ok || got != want {
			t.Errorf("Whole(%q) = %d, %v", in, got, ok)
		}
	}
	for _, in := range []string{"8.5", "八", "", "8年"} {
		if _, ok := workbook.Whole(in); ok {
			t.Errorf("Whole(%q) is a whole number", in)
		}
	}
	for in, want := range map[string]string{"13912345678.0": "13912345678", "13912345678": "13912345678", "1.5": "1.5", "139-1234": "139-1234"} {
		if got := workbook.Digits(in); got != want {
			t.Errorf("Digits(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"1.10105E+17": true, "1.10105199001011E+17": true, "1.1e17": true, "110105199001011000": false, "11010519900307001X": false} {
		if got := workbook.Scientific(in); got != want {
			t.Errorf("Scientific(%q) = %v", in, got)
		}
	}
}
