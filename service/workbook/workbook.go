// Package workbook reads and writes spreadsheets as formats only: an .xlsx
// workbook or a CSV file read row by row within bounds, columns found by
// their header text, cells turned into clean text, templates with drop-down
// lists, and a copy of a workbook with its bad cells marked. It knows no
// contest rules: the rules that check a row stay in the service.
package workbook

import (
	"errors"
	"fmt"
)

// Format is what a file turned out to be.
type Format string

const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// Limits bound what reading a file may cost. The body holding the file is
// bounded before it reaches this package; these bound what it unpacks to.
type Limits struct {
	// UnzipSize bounds the whole workbook unpacked, so that a zip bomb fails
	// before it is inflated.
	UnzipSize int64
	// UnzipXML bounds a worksheet or the shared strings kept in memory; a
	// larger one is unpacked to a temporary file and streamed from there.
	UnzipXML int64
	// Rows bounds the rows with anything in them, the header included.
	Rows int
	// Columns bounds how far right a row may have anything in it.
	Columns int
}

// Problem names what is wrong with a file as a whole.
type Problem string

const (
	// NotSpreadsheet: neither an .xlsx workbook nor a CSV text.
	NotSpreadsheet Problem = "not_spreadsheet"
	// LegacyXLS: an Excel 97–2003 workbook, to be saved as .xlsx.
	LegacyXLS Problem = "legacy_xls"
	// Encrypted: a workbook with a password to open it.
	Encrypted Problem = "encrypted"
	// Corrupt: a zip or workbook that does not read.
	Corrupt Problem = "corrupt"
	// TooBig: unpacking would pass Limits.UnzipSize.
	TooBig Problem = "too_big"
	// TooManyRows: more rows than Limits.Rows.
	TooManyRows Problem = "too_many_rows"
	// TooManyColumns: something further right than Limits.Columns.
	TooManyColumns Problem = "too_many_columns"
	// NoSheet: a workbook without a worksheet to read.
	NoSheet Problem = "no_sheet"
)

// Error is a problem of the file as a whole. Limit is the bound passed, for
// the too-many problems.
type Error struct {
	Problem Problem
	Limit   int64
	Err     error
}

func (e *Error) Error() string {
	s := string(e.Problem)
	if e.Limit > 0 {
		s += fmt.Sprintf(" (limit %d)", e.Limit)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// AsError finds a file problem in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

func fail(p Problem, err error) *Error { return &Error{Problem: p, Err: err} }
