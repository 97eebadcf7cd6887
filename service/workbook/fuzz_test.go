package workbook_test

import (
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"leitai/service/workbook"
)

// FuzzRows feeds the reader any bytes: whatever they are, reading them ends
// in rows within the bounds or in a problem of the file, never in a panic or
// another kind of error. `go test` runs the seeds; `go test -fuzz=FuzzRows`
// looks further.
func FuzzRows(f *testing.F) {
	f.Add(excelizeBook(f, func(x *excelize.File) {
		_ = x.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "身份证号码", "手机号码"})
		_ = x.SetSheetRow("Sheet1", "A2", &[]any{"张三", "11010519900307001X", 13912345678})
		_ = x.SetCellStr("Sheet1", "Z40", "far")
	}))
	f.Add(written(&testing.T{}, template(3)))
	if legacy, err := os.ReadFile("testdata/legacy.xls"); err == nil {
		f.Add(legacy)
	}
	f.Add([]byte("姓名,身份证号码\n张三,\"11010519900307001X\"\n\n\"李\"\"四\",=\"0123\"\n"))
	f.Add([]byte("\xEF\xBB\xBF姓名\r\n张三\r\n"))
	f.Add([]byte("\xd0\xd5\xc3\xfb,\xc9\xed\xb7\xdd\n")) // 姓名,身份 in GB18030
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0})
	f.Add([]byte("\"unterminated,quote\n"))
	lim := workbook.Limits{UnzipSize: 1 << 20, UnzipXML: 256 << 10, Rows: 50, Columns: 20}
	f.Fuzz(func(t *testing.T, content []byte) {
		rows, err := readAll(t, content, lim)
		if err != nil {
			if _, ok := workbook.AsError(err); !ok {
				t.Fatalf("an error that is no file problem: %v", err)
			}
			return
		}
		if len(rows) > lim.Rows {
			t.Fatalf("%d rows past the bound of %d", len(rows), lim.Rows)
		}
		last := 0
		for _, r := range rows {
			if r.Number <= last || len(r.Cells) == 0 || len(r.Cells) > lim.Columns {
				t.Fatalf("row %d after %d with %d cells", r.Number, last, len(r.Cells))
			}
			last = r.Number
			for _, c := range r.Cells {
				_ = workbook.HeaderKey(c)
				_ = workbook.Clean(c)
			}
		}
	})
}
