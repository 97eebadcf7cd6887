package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Template is a workbook to be filled in and read back: a sheet of rows
// under a frozen, protected header row, with an example row shaded grey, an
// instructions sheet, and the longer drop-down lists on a hidden sheet.
type Template struct {
	// Sheet is the name of the sheet to fill in.
	Sheet   string
	Columns []TemplateColumn
	// Example is the example row, one value per column.
	Example []string
	// InstructionsSheet holds Instructions, one paragraph to a row.
	InstructionsSheet string
	Instructions      []string
	// ListsSheet is the hidden sheet of the longer drop-down lists.
	ListsSheet string
	// Rows is how many rows below the header the lists and formats cover.
	Rows int
	// ListError is what a spreadsheet says of a value not in a drop-down list.
	ListError string
	// Constants are texts the workbook carries under names, which Book.Constant reads back.
	Constants map[string]string
}

// TemplateColumn is one column of a template.
type TemplateColumn struct {
	Header string
	// Width is in characters.
	Width float64
	// Required columns have their header in red.
	Required bool
	// Text columns keep what is typed as text, so that an ID number or a
	// mobile number never becomes a number that loses digits.
	Text bool
	// List is the drop-down of values the column takes.
	List []string
	// WholeFrom and WholeTo, when WholeTo > 0, bound a whole-number column.
	WholeFrom, WholeTo int
	// Hint shows beside a cell of the column while it is selected.
	Hint string
}

// noteColumns is how many columns right of a template's stay unlocked.
const noteColumns = 10

// inlineListMax is how long a drop-down list may be written into its
// validation rule; Excel takes at most 255 characters there.
const inlineListMax = 255

// WriteTemplate writes t as an .xlsx workbook.
func WriteTemplate(w io.Writer, t Template) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
		return err
	}
	styles, err := newTemplateStyles(f)
	if err != nil {
		return err
	}
	if err := t.writeInstructions(f, styles); err != nil {
		return err
	}
	last := ColumnName(len(t.Columns))
	// Cells below the header are unlocked, and those of a few columns more for
	// the clerk's own notes; the protection keeps the header only.
	if err := f.SetColStyle(t.Sheet, "A:"+ColumnName(len(t.Columns)+noteColumns), styles.open); err != nil {
		return err
	}
	listCol := 0
	for i, c := range t.Columns {
		col := ColumnName(i + 1)
		style := styles.open
		if c.Text {
			style = styles.text
		}
		if err := f.SetColStyle(t.Sheet, col, style); err != nil {
			return err
		}
		if err := f.SetColWidth(t.Sheet, col, col, c.Width); err != nil {
			return err
		}
		header := c.Header
		headStyle := styles.header
		if c.Required {
			header, headStyle = "*"+header, styles.required
		}
		if err := f.SetCellStr(t.Sheet, col+"1", header); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.Sheet, col+"1", col+"1", headStyle); err != nil {
			return err
		}
		dv, err := t.validation(f, c, col, &listCol)
		if err != nil {
			return err
		}
		if dv != nil {
			if err := f.AddDataValidation(t.Sheet, dv); err != nil {
				return err
			}
		}
	}
	for i, v := range t.Example {
		if err := f.SetCellStr(t.Sheet, ColumnName(i+1)+"2", v); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(t.Sheet, "A2", last+"2", styles.example); err != nil {
		return err
	}
	for i, c := range t.Columns {
		if c.Text {
			col := ColumnName(i + 1)
			if err := f.SetCellStyle(t.Sheet, col+"2", col+"2", styles.exampleText); err != nil {
				return err
			}
		}
	}
	if err := f.SetRowHeight(t.Sheet, 1, 30); err != nil {
		return err
	}
	if err := f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.ProtectSheet(t.Sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatCells: true, FormatColumns: true, FormatRows: true, InsertRows: true, DeleteRows: true, Sort: true, AutoFilter: true}); err != nil {
		return err
	}
	for name, value := range t.Constants {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: `"` + strings.ReplaceAll(value, `"`, `""`) + `"`}); err != nil {
			return err
		}
	}
	if listCol > 0 {
		if err := f.SetSheetVisible(t.ListsSheet, false); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// validation is a column's data validation, nil for a column without one.
// A list too long to write into the rule goes onto the hidden lists sheet,
// in its next column.
func (t Template) validation(f *excelize.File, c TemplateColumn, col string, listCol *int) (*excelize.DataValidation, error) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, t.Rows+1))
	switch {
	case len(c.List) > 0:
		if inline := strings.Join(c.List, ","); len([]rune(inline)) <= inlineListMax && !strings.ContainsAny(inline, `"`) &&
			!anyContains(c.List, ",") {
			if err := dv.SetDropList(c.List); err != nil {
				return nil, err
			}
		} else {
			ref, err := t.addList(f, c, listCol)
			if err != nil {
				return nil, err
			}
			dv.SetSqrefDropList(ref)
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.Header, t.ListError)
	case c.WholeTo > 0:
		if err := dv.SetRange(c.WholeFrom, c.WholeTo, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return nil, err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.Header, c.Hint)
	case c.Hint == "":
		return nil, nil
	}
	if c.Hint != "" {
		dv.SetInput(c.Header, c.Hint)
	}
	return dv, nil
}

// addList writes a list down a column of the hidden lists sheet and gives
// the reference a validation rule names it by.
func (t Template) addList(f *excelize.File, c TemplateColumn, listCol *int) (string, error) {
	if *listCol == 0 {
		if _, err := f.NewSheet(t.ListsSheet); err != nil {
			return "", err
		}
	}
	*listCol++
	col := ColumnName(*listCol)
	if err := f.SetCellStr(t.ListsSheet, col+"1", c.Header); err != nil {
		return "", err
	}
	for i, v := range c.List {
		if err := f.SetCellStr(t.ListsSheet, fmt.Sprintf("%s%d", col, i+2), v); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("'%s'!$%s$2:$%s$%d", t.ListsSheet, col, col, len(c.List)+1), nil
}

func anyContains(list []string, sub string) bool {
	for _, v := range list {
		if strings.Contains(v, sub) {
			return true
		}
	}
	return false
}

func (t Template) writeInstructions(f *excelize.File, styles templateStyles) error {
	if _, err := f.NewSheet(t.InstructionsSheet); err != nil {
		return err
	}
	if err := f.SetColWidth(t.InstructionsSheet, "A", "A", 110); err != nil {
		return err
	}
	for i, line := range t.Instructions {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellStr(t.InstructionsSheet, cell, line); err != nil {
			return err
		}
		style := styles.wrap
		if i == 0 {
			style = styles.title
		}
		if err := f.SetCellStyle(t.InstructionsSheet, cell, cell, style); err != nil {
			return err
		}
	}
	return nil
}

// templateStyles are the cell styles of a template.
type templateStyles struct {
	open, text, header, required, example, exampleText, title, wrap int
}

// textFormat is Excel's built-in number format "@": the cell holds text.
const textFormat = 49

func newTemplateStyles(f *excelize.File) (templateStyles, error) {
	var s templateStyles
	unlocked := &excelize.Protection{Locked: false}
	border := []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}
	head := func(color string) *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Bold: true, Color: color}, Border: border,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Protection: &excelize.Protection{Locked: true}}
	}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.open, &excelize.Style{Protection: unlocked}},
		{&s.text, &excelize.Style{NumFmt: textFormat, Protection: unlocked}},
		{&s.header, head("000000")},
		{&s.required, head("C00000")},
		{&s.example, &excelize.Style{Fill: grey, Font: &excelize.Font{Italic: true, Color: "595959"}, Protection: unlocked}},
		{&s.exampleText, &excelize.Style{Fill: grey, Font: &excelize.Font{Italic: true, Color: "595959"}, NumFmt: textFormat, Protection: unlocked}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
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
