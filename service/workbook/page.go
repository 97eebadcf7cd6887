package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// a4 is A4 in Excel's paper sizes.
const a4 = 9

// printOnA4 sets a sheet to print on A4, its columns fitted to the page's
// width, the rows first to last (the header) repeated at the top of every
// page, and footer (in Excel's codes: &L, &R, &P, &N) at the foot of each.
func printOnA4(f *excelize.File, sheet string, landscape bool, first, last int, footer string) error {
	size, orientation, fitWidth, fitHeight := a4, "portrait", 1, 0
	if landscape {
		orientation = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin, edge := 0.5, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin,
		Bottom: &margin, Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	if footer != "" {
		if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
			return err
		}
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), first, last)})
}
