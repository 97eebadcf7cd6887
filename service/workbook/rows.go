package workbook

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Row is one row with anything in it: its number as the spreadsheet shows
// it, and its cells from column A, as text.
type Row struct {
	Number int
	Cells  []string
}

// Rows reads a sheet one row at a time, never the whole sheet at once. Rows
// with nothing in them are passed over.
type Rows struct {
	// next gives the next row's number and cells, or false at the end.
	next  func() (int, []string, bool, error)
	close func() error
	lim   Limits
	row   Row
	seen  int
	err   error
}

// Rows starts reading a sheet named as Sheets names it.
func (b *Book) Rows(sheet string) (*Rows, error) {
	if b.Format == CSV {
		return csvRows(b.text, b.lim), nil
	}
	it, err := b.xl.Rows(sheet)
	if err != nil {
		return nil, fail(Corrupt, err)
	}
	number := 0
	next := func() (int, []string, bool, error) {
		// Next stops at a row it cannot read as well as at the end; Error tells which.
		if !it.Next() {
			if err := it.Error(); err != nil {
				return 0, nil, false, fail(Corrupt, err)
			}
			return 0, nil, false, nil
		}
		// Next is called once per row number, gaps included, as GetRows counts them.
		number++
		cells, err := it.Columns()
		if err != nil {
			return 0, nil, false, fail(Corrupt, err)
		}
		return number, cells, true, nil
	}
	return &Rows{next: next, close: it.Close, lim: b.lim}, nil
}

func csvRows(text string, lim Limits) *Rows {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	// A spreadsheet opens a CSV file one record to a row, line breaks inside
	// quotes or not, and a blank line to a blank row, which the csv package
	// passes over: its rows are counted from where each record starts.
	number, lastLine := 0, 0
	next := func() (int, []string, bool, error) {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			return 0, nil, false, nil
		}
		if err != nil {
			return 0, nil, false, fail(Corrupt, err)
		}
		start, _ := r.FieldPos(0)
		number += 1 + max(0, start-lastLine-1)
		end, _ := r.FieldPos(len(record) - 1)
		lastLine = end + strings.Count(record[len(record)-1], "\n")
		return number, record, true, nil
	}
	return &Rows{next: next, close: func() error { return nil }, lim: lim}
}

// Next moves to the next row with anything in it; false at the end or on
// an error, which Err then gives.
func (r *Rows) Next() bool {
	if r.err != nil {
		return false
	}
	for {
		number, cells, ok, err := r.next()
		if err != nil || !ok {
			r.err = err
			return false
		}
		cells = trimTrailingBlanks(cells)
		if len(cells) == 0 {
			continue
		}
		if r.seen++; r.seen > r.lim.Rows {
			r.err = &Error{Problem: TooManyRows, Limit: int64(r.lim.Rows)}
			return false
		}
		if len(cells) > r.lim.Columns {
			r.err = &Error{Problem: TooManyColumns, Limit: int64(r.lim.Columns)}
			return false
		}
		r.row = Row{Number: number, Cells: cells}
		return true
	}
}

// Row is the row Next moved to.
func (r *Rows) Row() Row { return r.row }

// Err is what stopped Next early, or nil at the end.
func (r *Rows) Err() error { return r.err }

// Close lets go of the sheet.
func (r *Rows) Close() error { return r.close() }

// trimTrailingBlanks drops the blank cells at a row's end.
func trimTrailingBlanks(cells []string) []string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}

// ColumnName is a column's letters, 1 for A.
func ColumnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return ""
	}
	return name
}
