package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// PrintSheet is a list to print on A4 and, for a score sheet, to fill in and
// read back: a title, a few lines saying what it is, a header row repeated
// on every printed page, one row per line, and signature lines under the
// rows and in every page's footer.
type PrintSheet struct {
	// Sheet is the worksheet's name.
	Sheet string
	Title string
	// Lines are written under the title, one to a row.
	Lines   []string
	Columns []PrintColumn
	// Rows hold a value per column: text, or a number (float64, int).
	Rows [][]any
	// Signatures are the signature lines (评委签字 …), written under the
	// rows and in each page's footer.
	Signatures []string
	// PageText is the footer's page count, with %[1]s for the page and
	// %[2]s for the pages: "第 %[1]s 页 共 %[2]s 页".
	PageText string
	// Constants are texts the workbook carries under names, which Book.Constant reads back.
	Constants map[string]string
}

// PrintColumn is one column of a printed list.
type PrintColumn struct {
	Header string
	// Width is in characters.
	Width float64
	// Text columns keep what is typed as text (a time 12:34, a number 007).
	Text bool
	// Check, when set, is the data validation of the column's rows.
	Check *Check
}

// Check bounds what a column's cells take.
type Check struct {
	// Decimal is a number from Min to Max; Whole a whole number.
	Decimal, Whole bool
	Min, Max       float64
	// Formula is a custom rule, with {cell} for the column's first cell.
	Formula string
	// Hint shows while a cell is selected; Error when a value is refused.
	Hint, Error string
}

// HeaderRow is the row number of a printed list's header.
func (p PrintSheet) HeaderRow() int { return len(p.Lines) + 2 }

// WritePrint writes p as an .xlsx workbook ready to print.
func WritePrint(w io.Writer, p PrintSheet) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := f.SetSheetName("Sheet1", p.Sheet); err != nil {
		return err
	}
	st, err := newPrintStyles(f)
	if err != nil {
		return err
	}
	last := ColumnName(max(len(p.Columns), 1))
	if err := p.writeTop(f, st, last); err != nil {
		return err
	}
	head := p.HeaderRow()
	for i, c := range p.Columns {
		col := ColumnName(i + 1)
		if err := f.SetColWidth(p.Sheet, col, col, c.Width); err != nil {
			return err
		}
		cell := cellName(i+1, head)
		if err := f.SetCellStr(p.Sheet, cell, c.Header); err != nil {
			return err
		}
		if err := p.checkColumn(f, c, col); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(p.Sheet, "A"+fmt.Sprint(head), cellName(len(p.Columns), head), st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(p.Sheet, head, 36); err != nil {
		return err
	}
	if err := p.writeRows(f, st); err != nil {
		return err
	}
	if err := p.writeSignatures(f, st, last); err != nil {
		return err
	}
	if err := p.pageSetup(f, head); err != nil {
		return err
	}
	for name, value := range p.Constants {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: `"` + strings.ReplaceAll(value, `"`, `""`) + `"`}); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func (p PrintSheet) writeTop(f *excelize.File, st printStyles, last string) error {
	if err := f.SetCellStr(p.Sheet, "A1", p.Title); err != nil {
		return err
	}
	if err := f.MergeCell(p.Sheet, "A1", last+"1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(p.Sheet, "A1", last+"1", st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(p.Sheet, 1, 28); err != nil {
		return err
	}
	for i, line := range p.Lines {
		row := fmt.Sprint(i + 2)
		if err := f.SetCellStr(p.Sheet, "A"+row, line); err != nil {
			return err
		}
		if err := f.MergeCell(p.Sheet, "A"+row, last+row); err != nil {
			return err
		}
	}
	return nil
}

func (p PrintSheet) writeRows(f *excelize.File, st printStyles) error {
	first := p.HeaderRow() + 1
	for i, values := range p.Rows {
		row := first + i
		for j, c := range p.Columns {
			cell := cellName(j+1, row)
			style := st.cell
			if c.Text {
				style = st.text
			}
			if err := f.SetCellStyle(p.Sheet, cell, cell, style); err != nil {
				return err
			}
			if j >= len(values) || values[j] == nil {
				continue
			}
			var err error
			if s, ok := values[j].(string); ok {
				err = f.SetCellStr(p.Sheet, cell, s)
			} else {
				err = f.SetCellValue(p.Sheet, cell, values[j])
			}
			if err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(p.Sheet, row, 24); err != nil {
			return err
		}
	}
	return nil
}

// checkColumn adds a column's data validation over its rows.
func (p PrintSheet) checkColumn(f *excelize.File, c PrintColumn, col string) error {
	if c.Check == nil || len(p.Rows) == 0 {
		return nil
	}
	first := p.HeaderRow() + 1
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col, first, col, first+len(p.Rows)-1))
	k := c.Check
	switch {
	case k.Decimal:
		if err := dv.SetRange(k.Min, k.Max, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
	case k.Whole:
		if err := dv.SetRange(int(k.Min), int(k.Max), excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
	case k.Formula != "":
		dv.Type = "custom"
		// The rule goes into the sheet's XML as it is, escaped as excelize escapes its own.
		dv.Formula1 = formulaEscaper.Replace(strings.ReplaceAll(k.Formula, "{cell}", fmt.Sprintf("%s%d", col, first)))
	}
	if k.Error != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, c.Header, k.Error)
	}
	if k.Hint != "" {
		dv.SetInput(c.Header, k.Hint)
	}
	return f.AddDataValidation(p.Sheet, dv)
}

// writeSignatures writes the signature lines a row apart under the rows.
func (p PrintSheet) writeSignatures(f *excelize.File, st printStyles, last string) error {
	if len(p.Signatures) == 0 {
		return nil
	}
	row := p.HeaderRow() + len(p.Rows) + 2
	first, end := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)
	if err := f.SetCellStr(p.Sheet, first, strings.Join(p.Signatures, "        ")); err != nil {
		return err
	}
	if err := f.MergeCell(p.Sheet, first, end); err != nil {
		return err
	}
	if err := f.SetCellStyle(p.Sheet, first, end, st.signature); err != nil {
		return err
	}
	return f.SetRowHeight(p.Sheet, row, 36)
}

// pageSetup prints on A4, as wide as one page, with the rows down to the
// header repeated at the top of every page and frozen on screen, and the
// signature lines and the page count in every footer.
func (p PrintSheet) pageSetup(f *excelize.File, head int) error {
	footer := ""
	if len(p.Signatures) > 0 {
		footer += "&L" + footerText(strings.Join(p.Signatures, "    "))
	}
	if p.PageText != "" {
		footer += "&R" + fmt.Sprintf(footerText(p.PageText), "&P", "&N")
	}
	if err := printOnA4(f, p.Sheet, len(p.Columns) > 7, 1, head, footer); err != nil {
		return err
	}
	return f.SetPanes(p.Sheet, &excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: fmt.Sprintf("A%d", head+1), ActivePane: "bottomLeft"})
}

// formulaEscaper escapes a rule's text for the sheet's XML.
var formulaEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// footerText escapes the ampersands of text in a footer, where & starts a code.
func footerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// printStyles are the cell styles of a printed list.
type printStyles struct {
	title, header, cell, text, signature int
}

func newPrintStyles(f *excelize.File) (printStyles, error) {
	var s printStyles
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: center,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}},
		{&s.cell, &excelize.Style{Border: border, Alignment: center}},
		{&s.text, &excelize.Style{Border: border, Alignment: center, NumFmt: textFormat}},
		{&s.signature, &excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: &excelize.Alignment{Vertical: "bottom"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.style)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}
