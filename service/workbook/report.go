package workbook

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Mark is a problem found at a cell: its row number and column (1 for A),
// or at a row as a whole when Column is 0.
type Mark struct {
	Row, Column int
	Text        string
}

// Report says how to mark a file's problems.
type Report struct {
	// Sheet is the sheet the marks are on; for a CSV file, the name of the
	// sheet its rows are copied onto.
	Sheet string
	// HeaderRow is the header's row number; the problems column gets its
	// heading there.
	HeaderRow int
	// ProblemColumn is where the problems of each row are listed, right of
	// every column in use.
	ProblemColumn int
	// ProblemHeader heads that column; Author signs the comments.
	ProblemHeader, Author string
}

// redFill is the fill of a bad cell.
var redFill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FF9999"}}

// WriteReport writes a copy of the file whose rows were read with the bad
// cells filled red, each with a comment saying what is wrong, and a column
// listing every problem of each row. A workbook keeps everything else it
// had; a CSV file's rows are copied onto a new workbook as text.
func WriteReport(w io.Writer, content []byte, lim Limits, r Report, marks []Mark) error {
	b, err := Open(content, lim)
	if err != nil {
		return err
	}
	defer func() { _ = b.Close() }()
	f := b.xl
	if b.Format == CSV {
		if f, err = copyCSV(b, r.Sheet); err != nil {
			return err
		}
		defer func() { _ = f.Close() }()
	}
	if err := markCells(f, r, marks); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// copyCSV puts a CSV file's rows onto a new workbook, every cell as text.
func copyCSV(b *Book, sheet string) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return f, err
	}
	rows, err := b.Rows("")
	if err != nil {
		return f, err
	}
	for rows.Next() {
		row := rows.Row()
		for i, v := range row.Cells {
			if err := f.SetCellStr(sheet, cellName(i+1, row.Number), v); err != nil {
				return f, err
			}
		}
	}
	return f, rows.Err()
}

func markCells(f *excelize.File, r Report, marks []Mark) error {
	red, err := newReportStyles(f)
	if err != nil {
		return err
	}
	existing, err := f.GetComments(r.Sheet)
	if err != nil {
		return err
	}
	commented := map[string]string{}
	for _, c := range existing {
		commented[c.Cell] = commentText(c)
	}
	byCell := map[string][]string{}
	byRow := map[int][]string{}
	var cells []string
	for _, m := range marks {
		byRow[m.Row] = append(byRow[m.Row], m.Text)
		if m.Column == 0 {
			continue
		}
		cell := cellName(m.Column, m.Row)
		if _, ok := byCell[cell]; !ok {
			cells = append(cells, cell)
		}
		byCell[cell] = append(byCell[cell], m.Text)
	}
	for _, cell := range cells {
		if err := red.fill(f, r.Sheet, cell); err != nil {
			return err
		}
		text := strings.Join(byCell[cell], "\n")
		if old, ok := commented[cell]; ok {
			if err := f.DeleteComment(r.Sheet, cell); err != nil {
				return err
			}
			text = old + "\n" + text
		}
		if err := f.AddComment(r.Sheet, excelize.Comment{Cell: cell, Author: r.Author, Text: text, Width: 240, Height: 90}); err != nil {
			return err
		}
	}
	col := ColumnName(r.ProblemColumn)
	head := cellName(r.ProblemColumn, r.HeaderRow)
	if err := f.SetCellStr(r.Sheet, head, r.ProblemHeader); err != nil {
		return err
	}
	if err := f.SetCellStyle(r.Sheet, head, head, red.header); err != nil {
		return err
	}
	if err := f.SetColWidth(r.Sheet, col, col, 60); err != nil {
		return err
	}
	for _, row := range slices.Sorted(maps.Keys(byRow)) {
		cell := cellName(r.ProblemColumn, row)
		if err := f.SetCellStr(r.Sheet, cell, strings.Join(byRow[row], "；")); err != nil {
			return err
		}
		if err := f.SetCellStyle(r.Sheet, cell, cell, red.text); err != nil {
			return err
		}
	}
	return nil
}

func commentText(c excelize.Comment) string {
	if c.Text != "" {
		return c.Text
	}
	var b strings.Builder
	for _, run := range c.Paragraph {
		b.WriteString(run.Text)
	}
	return b.String()
}

// reportStyles turns a cell's own style red, once per style.
type reportStyles struct {
	header, text int
	reddened     map[int]int
}

func newReportStyles(f *excelize.File) (*reportStyles, error) {
	s := &reportStyles{reddened: map[int]int{}}
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Fill: redFill,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return nil, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "C00000"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	return s, nil
}

// fill keeps a cell's format (a text cell stays text) and fills it red.
func (s *reportStyles) fill(f *excelize.File, sheet, cell string) error {
	own, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	red, ok := s.reddened[own]
	if !ok {
		style, err := f.GetStyle(own)
		if err != nil {
			return err
		}
		style.Fill = redFill
		if red, err = f.NewStyle(style); err != nil {
			return err
		}
		s.reddened[own] = red
	}
	return f.SetCellStyle(sheet, cell, cell, red)
}

func cellName(col, row int) string { return fmt.Sprintf("%s%d", ColumnName(col), row) }
