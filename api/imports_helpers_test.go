package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leitai/service/workbook"
)

// importJob is what the API shows of an import.
type importJob struct {
	ID            uint            `json:"id"`
	Status        string          `json:"status"`
	Rows          int             `json:"rows"`
	Created       int             `json:"created"`
	Updated       int             `json:"updated"`
	Unchanged     int             `json:"unchanged"`
	Problems      []importProblem `json:"problems"`
	ProblemsTotal int             `json:"problems_total"`
	Actions       []struct {
		Row    int      `json:"row"`
		Event  string   `json:"event"`
		Action string   `json:"action"`
		Fields []string `json:"fields"`
	} `json:"actions"`
	Version int `json:"version"`
}

type importProblem struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Header  string `json:"header"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

func importsPath(ct contest) string {
	return fmt.Sprintf("/api/v1/contests/%d/registration-imports", ct.ID)
}

func templatePath(ct contest) string {
	return fmt.Sprintf("/api/v1/contests/%d/registration-template", ct.ID)
}

func importPath(j importJob, rest string) string {
	return fmt.Sprintf("/api/v1/imports/%d%s", j.ID, rest)
}

// upload checks a file for import and expects it to be taken (201).
func (c *client) upload(ct contest, content []byte) importJob {
	c.s.t.Helper()
	var j importJob
	c.must(201, "POST", importsPath(ct)+"?file_name=报名.xlsx", content, &j)
	return j
}

// commit imports a checked job.
func (c *client) commit(j importJob) importJob {
	c.s.t.Helper()
	var out importJob
	c.must(200, "POST", importPath(j, "/commit"), map[string]int{"version": j.Version}, &out)
	return out
}

// download fetches a workbook and opens it.
func (c *client) download(path string) *excelize.File {
	c.s.t.Helper()
	res := c.do("GET", path, nil)
	if res.Code != 200 {
		c.s.t.Fatalf("GET %s: %d %s", path, res.Code, res.Body)
	}
	if ct := res.Header().Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		c.s.t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	f, err := excelize.OpenReader(bytes.NewReader(res.Body.Bytes()))
	if err != nil {
		c.s.t.Fatalf("GET %s: not a workbook: %v", path, err)
	}
	c.s.t.Cleanup(func() { _ = f.Close() })
	return f
}

// entryRow is a row of a registration sheet: values by header.
type entryRow map[string]string

// worker17 is a row for a worker whose ID number starts with first17; the
// 17th digit says the gender.
func workerRow(event, name, first17 string) entryRow {
	gender := "女"
	if (first17[16]-'0')%2 == 1 {
		gender = "男"
	}
	return entryRow{"项目": event, "姓名": name, "性别": gender, "身份证号码": idNumber(first17), "手机号码": "13912345678",
		"工种": "电工", "技能等级": "三级/高级工", "本工种工龄（年）": "8"}
}

// fill writes rows under a template's header, from row 3 on (row 2 is the
// example), finding each column by its header as the import does.
func fill(t testing.TB, f *excelize.File, sheet string, rows ...entryRow) []byte {
	t.Helper()
	header, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for i, h := range header[0] {
		cols[workbook.HeaderKey(h)] = i + 1
	}
	for i, r := range rows {
		for h, v := range r {
			col, ok := cols[workbook.HeaderKey(h)]
			if !ok {
				t.Fatalf("the template has no column %q: %q", h, header[0])
			}
			cell, _ := excelize.CoordinatesToCellName(col, i+3)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
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

// problemAt finds the problem of a cell, failing the test if there is none.
func problemAt(t testing.TB, j importJob, row int, column string) importProblem {
	t.Helper()
	for _, p := range j.Problems {
		if p.Row == row && p.Column == column {
			return p
		}
	}
	t.Fatalf("no problem at %s%d among %+v", column, row, j.Problems)
	return importProblem{}
}

func mustContain(t testing.TB, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%s %q lacks %q", what, s, p)
		}
	}
}
