package service

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"leitai/model"
	"leitai/service/workbook"
)

// A score sheet workbook is a judge's sheet of a stage to print, mark on
// paper at the venue and sign, or to fill in and import: one row per draw
// number (a work code on an encrypted stage), never a name; one column per
// criterion with its maximum in the header, and each column's bounds as data
// validation. It carries the event, the stage and the judge under names, so
// that importing it into another judge's sheet is refused.

// Names a score sheet workbook carries its sheet under.
const (
	scoreSheetEvent = "LeitaiScoreEvent"
	scoreSheetStage = "LeitaiScoreStage"
	scoreSheetJudge = "LeitaiScoreJudge"
)

// colNumber is the key of a score sheet's number column.
const colNumber = "number"

// scoreColumns are the columns a score sheet is read for: the number, and
// each criterion by its header in either language, its name or its code.
func scoreColumns(sc sheetContext) []workbook.Column {
	cols := []workbook.Column{{Key: colNumber, Required: true, Headers: []string{
		T("col_draw_number").In(LangZH), T("col_draw_number").In(LangEN), T("col_work_code").In(LangZH), T("col_work_code").In(LangEN),
		"检录号", "参赛号", "编号", "Number"}}}
	for _, cr := range sc.criteria {
		cols = append(cols, workbook.Column{Key: cr.Code, Required: true,
			Headers: []string{criterionHeader(cr).In(LangZH), criterionHeader(cr).In(LangEN), cr.Name, cr.Code, cr.Code + cr.Name}})
	}
	return cols
}

// criterionHeader heads a criterion's column: its name and maximum, its
// scale, or the time limit.
func criterionHeader(cr Criterion) Text {
	switch {
	case cr.Kind == KindTime:
		return T("col_time_used", int(cr.Max/6000))
	case cr.Levels:
		return T("col_criterion_levels", cr.Name, cr.Max)
	}
	return T("col_criterion_max", cr.Name, cr.Max)
}

// numberHeader heads the number column: draw numbers, or work codes.
func numberHeader(sc sheetContext) Text {
	if sc.codes != nil {
		return T("col_work_code")
	}
	return T("col_draw_number")
}

// ScoreSheetWorkbook is the caller's own sheet of a stage as a workbook, with
// the marks it has given.
func (s *Service) ScoreSheetWorkbook(ctx context.Context, c Caller, eventID uint, stage string, lang Lang) (File, error) {
	sc, err := s.openSheet(ctx, c, eventID, stage, false)
	if err != nil {
		return File{}, err
	}
	sheet, err := s.sheetView(ctx, c, sc)
	if err != nil {
		return File{}, err
	}
	acc, err := s.loadAccount(ctx, c.AccountID)
	if err != nil {
		return File{}, err
	}
	return scoreSheetFile(sc, sheet, acc, lang)
}

// JudgeSheetWorkbook is a judge's sheet of a stage as a workbook: for a score
// clerk of the event, with the values of its own round when it keys the
// sheet (blank otherwise); for the event's organisers and chief judge, with
// the judge's marks as JudgeSheet shows them.
func (s *Service) JudgeSheetWorkbook(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, lang Lang) (File, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return File{}, err
	}
	if d, ok, err := s.dutyIn(ctx, c, ev.ID); err != nil {
		return File{}, err
	} else if ok && d.Duty == DutyClerk {
		return s.clerkSheetWorkbook(ctx, c, eventID, stage, judgeID, lang)
	}
	sheet, err := s.JudgeSheet(ctx, c, eventID, stage, judgeID)
	if err != nil {
		return File{}, err
	}
	ct, err := s.loadContest(ctx, ev.ContestID)
	if err != nil {
		return File{}, err
	}
	acc, err := s.loadAccount(ctx, judgeID)
	if err != nil {
		return File{}, err
	}
	sc, err := s.stageSheet(ctx, ev, ct, model.PanelMember{}, stage)
	if err != nil {
		return File{}, err
	}
	return scoreSheetFile(sc, sheet, acc, lang)
}

// clerkSheetWorkbook is the judge's sheet as the calling clerk keys it.
func (s *Service) clerkSheetWorkbook(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, lang Lang) (File, error) {
	pc, err := s.openPaper(ctx, c, eventID, stage, judgeID, false, DutyClerk)
	if err != nil {
		return File{}, err
	}
	var sheet Sheet
	if k, ok := pc.ownRound(c); ok {
		kv, err := s.keyingView(ctx, pc, k)
		if err != nil {
			return File{}, err
		}
		sheet = kv.Sheet
	} else if sheet, err = s.sheetGrid(ctx, pc.judge, pc.sheetContext, nil); err != nil {
		return File{}, err
	}
	acc, err := s.loadAccount(ctx, judgeID)
	if err != nil {
		return File{}, err
	}
	return scoreSheetFile(pc.sheetContext, sheet, acc, lang)
}

// scoreSheetFile writes a sheet as a printable workbook of judge's.
func scoreSheetFile(sc sheetContext, sheet Sheet, judge model.Account, lang Lang) (File, error) {
	p := workbook.PrintSheet{Sheet: T("sheet_scores").In(lang),
		Title:      T("score_sheet_title", sc.ev.Name, sc.stage.Name).In(lang),
		Lines:      []string{T("score_sheet_line", sc.ct.Name, sc.ev.Name, sc.stage.Name).In(lang), T("score_sheet_judge", judge.DisplayName).In(lang)},
		Columns:    []workbook.PrintColumn{{Header: numberHeader(sc).In(lang), Width: 14, Text: true}},
		Signatures: []string{T("sign_judge").In(lang), T("sign_chief").In(lang)},
		PageText:   T("page_of").In(lang),
		Constants: map[string]string{scoreSheetEvent: strconv.FormatUint(uint64(sc.ev.ID), 10), scoreSheetStage: sc.stage.Code,
			scoreSheetJudge: strconv.FormatUint(uint64(judge.ID), 10)},
	}
	for _, cr := range sc.criteria {
		p.Columns = append(p.Columns, scoreColumn(cr, lang))
	}
	for _, r := range sheet.Rows {
		row := []any{r.Number}
		for _, cr := range sc.criteria {
			m, ok := r.Marks[cr.Code]
			if !ok {
				row = append(row, nil)
				continue
			}
			row = append(row, cellValue(cr, m.Points))
		}
		p.Rows = append(p.Rows, row)
	}
	var buf bytes.Buffer
	if err := workbook.WritePrint(&buf, p); err != nil {
		return File{}, err
	}
	return File{Name: T("score_sheet_file", sc.ev.Name, sc.stage.Name, judge.DisplayName).In(lang), Content: buf.Bytes()}, nil
}

// scoreColumn is a criterion's column, with its bounds as data validation:
// a mark from 0 to the maximum, a level from 0 to 3, or a time as text
// (12:34, or whole minutes) within the limit.
func scoreColumn(cr Criterion, lang Lang) workbook.PrintColumn {
	col := workbook.PrintColumn{Header: criterionHeader(cr).In(lang), Width: 16}
	switch {
	case cr.Kind == KindTime:
		limit := int(cr.Max / 6000)
		col.Text = true
		// A time typed as 12:34 (minutes and seconds) or as whole minutes, within the limit.
		col.Check = &workbook.Check{Formula: fmt.Sprintf(`OR(AND(ISNUMBER(--{cell}),--{cell}>=0,--{cell}<=%d),IFERROR(AND(TIMEVALUE("0:"&{cell})>=0,TIMEVALUE("0:"&{cell})*1440<=%d),FALSE))`, limit, limit),
			Hint: T("hint_time", limit).In(lang), Error: T("hint_time", limit).In(lang)}
	case cr.Levels:
		col.Check = &workbook.Check{Whole: true, Min: 0, Max: 3, Hint: T("hint_level", cr.Max).In(lang), Error: T("hint_level", cr.Max).In(lang)}
	default:
		col.Check = &workbook.Check{Decimal: true, Min: 0, Max: float64(cr.Max) / 100, Hint: T("hint_mark", cr.Max).In(lang), Error: T("hint_mark", cr.Max).In(lang)}
	}
	return col
}

// cellValue is a stored value as a sheet shows it: a level, a time as
// minutes and seconds, or a mark as a number.
func cellValue(cr Criterion, p Points) any {
	switch {
	case cr.Kind == KindTime:
		sec := int64(p) / 100
		return fmt.Sprintf("%d:%02d", sec/60, sec%60)
	case cr.Levels && cr.Max > 0:
		return int64(p) * 3 / int64(cr.Max)
	}
	f, _ := strconv.ParseFloat(p.String(), 64)
	return f
}
