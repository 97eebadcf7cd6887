package service

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"leitai/model"
	"leitai/scoring"
	"leitai/service/workbook"
)

// A filled-in score sheet is imported as a registration sheet is (imports.go):
// uploading it makes a job that reads it and checks every cell, writing
// nothing, and importing the job writes all of it or nothing. A judge's own
// sheet counts as the judge's marks; a clerk's, as the clerk's round of the
// judge's paper sheet (blind double entry). Each cell is written the one way
// a mark or a keyed value is (writeCell, with the rules of the sheet around
// it), so that a cell the web would refuse, the import refuses too. A blank
// cell leaves the cell as it is; a cell holding what is stored changes nothing,
// so that importing a file again changes nothing.

// Kinds of score import.
const (
	ImportMarks  = "marks"  // a judge's own sheet: the judge's marks
	ImportKeying = "keying" // a judge's paper sheet as a clerk keyed it: the clerk's round
)

// scoreCell is one filled cell of a score sheet, read and within its bounds.
type scoreCell struct {
	Row       int    `json:"r"`
	Column    int    `json:"c"`
	Number    string `json:"n"`
	Criterion string `json:"k"`
	Points    Points `json:"p"`
	Value     string `json:"v"`
	Header    string `json:"h"`
}

// CheckScoreImport reads a filled-in score sheet of a stage: the caller's own
// (judgeID 0), as a judge's marks, or a judge's paper sheet, as the calling
// clerk's round of it. It checks every cell by the rules of a mark (or a
// keyed value) typed on the web, and keeps the file as a job that says what
// importing it would create, change or leave as it is: the dry run.
func (s *Service) CheckScoreImport(ctx context.Context, c Caller, eventID uint, stage string, judgeID uint, fileName string, content []byte, lang Lang) (ImportJob, error) {
	job := model.ImportJob{Kind: ImportMarks, OrganisationID: c.OrganisationID, AccountID: c.AccountID, FileName: importFileName(fileName),
		Content: content, Status: ImportChecking, Version: 1, Stage: stage}
	if judgeID != 0 {
		job.Kind = ImportKeying
		job.JudgeID = &judgeID
	}
	// Who may import is answered before the file is read.
	t, err := s.scoreTarget(ctx, c, job, eventID)
	if err != nil {
		return ImportJob{}, err
	}
	job.ContestID, job.EventID = t.sc.ct.ID, &t.sc.ev.ID
	return s.checkImportFile(ctx, c, job, content, lang, func(ctx context.Context, book *workbook.Book, p *importProgress) (checkOutcome, error) {
		result, cells, err := s.readScoreSheet(ctx, c, job, book, p)
		if err != nil {
			return checkOutcome{}, err
		}
		if result.ProblemsTotal > 0 {
			return checkOutcome{result: result}, nil
		}
		p.set(StageChecking, 0, len(cells))
		o := checkOutcome{result: result}
		// The dry run writes every cell the way the import will, and takes it back.
		err = s.tx(ctx, func(ctx context.Context) error {
			plan, err := s.writeScoreCells(ctx, c, job, cells, result, p)
			if err != nil {
				return err
			}
			o.digest, o.counts = plan.digest, plan.counts
			return errDryRun
		})
		if err != nil && !errors.Is(err, errDryRun) {
			return checkOutcome{}, err
		}
		if result.ProblemsTotal == 0 {
			o.packed, err = packScoreCells(cells)
		}
		return o, err
	})
}

// readScoreSheet reads a score sheet's rows under its header and checks
// each cell against its column: a number on the sheet, once; a mark within
// the criterion's bounds. A workbook carrying another sheet's names is
// refused as a whole.
func (s *Service) readScoreSheet(ctx context.Context, c Caller, job model.ImportJob, book *workbook.Book, p *importProgress) (*importResult, []scoreCell, error) {
	t, err := s.scoreTarget(ctx, c, job, *job.EventID)
	if err != nil {
		return nil, nil, err
	}
	numbers, err := s.targetNumbers(ctx, t)
	if err != nil {
		return nil, nil, err
	}
	r := &importResult{Sheet: scoreSheetOf(book)}
	rows, err := book.Rows(r.Sheet)
	if err != nil {
		return nil, nil, fileError(err)
	}
	defer func() { _ = rows.Close() }()
	columns := scoreColumns(t.sc)
	var layout *workbook.Layout
	var header, best workbook.Row
	var bestLayout *workbook.Layout
	tried := 0
	seen := map[string]int{}
	var cells []scoreCell
	headerText := func(col int) string {
		if col < 1 || col > len(header.Cells) {
			return ""
		}
		return workbook.Clean(header.Cells[col-1])
	}
	bad := func(row, col int, value string, t Text) {
		r.add(sheetProblem{Row: row, Column: col, Header: headerText(col), Value: value, Text: bothOf(t)})
	}
	p.set(StageReading, 0, 0)
	for rows.Next() {
		p.add(1)
		row := rows.Row()
		r.Width = max(r.Width, len(row.Cells))
		if layout == nil {
			if tried++; tried > headerSearch {
				continue
			}
			l := workbook.MatchHeader(row, columns)
			if len(l.Missing) == 0 {
				layout, header = &l, row
				r.HeaderRow = row.Number
			} else if bestLayout == nil || len(l.Index) > len(bestLayout.Index) {
				bestLayout, best = &l, row
			}
			continue
		}
		if signatureRow(row) {
			break
		}
		r.Rows++
		number := layout.Cell(row, colNumber)
		numberCol := layout.ColumnOf(colNumber)
		if number == "" {
			bad(row.Number, numberCol, "", T("required"))
			continue
		}
		shown, ok := numbers.find(number)
		if !ok {
			bad(row.Number, numberCol, number, T("number_unknown", number))
			continue
		}
		if first, ok := seen[shown]; ok {
			bad(row.Number, numberCol, number, T("number_repeated", first))
			continue
		}
		seen[shown] = row.Number
		for _, cr := range t.sc.criteria {
			value := layout.Cell(row, cr.Code)
			if value == "" {
				continue
			}
			col := layout.ColumnOf(cr.Code)
			points, problem := readScore(cr, value)
			if problem == nil {
				if err := checkMark(t.sc, MarkInput{Number: shown, Criterion: cr.Code, Points: points}); err != nil {
					e, _ := AsError(err)
					problem = &e.Text
					if len(e.Fields) > 0 {
						problem = &e.Fields[0].Text
					}
				}
			}
			if problem != nil {
				bad(row.Number, col, value, *problem)
				continue
			}
			cells = append(cells, scoreCell{Row: row.Number, Column: col, Number: shown, Criterion: cr.Code, Points: points, Value: value,
				Header: headerText(col)})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fileError(err)
	}
	if layout == nil {
		missing, at := []string{}, 1
		for _, col := range columns {
			missing = append(missing, col.Key)
		}
		if bestLayout != nil {
			missing, at = bestLayout.Missing, best.Number
		}
		for _, key := range missing {
			bad(at, 0, "", T("column_missing_score", scoreColumnName(t.sc, key)))
		}
		return r, nil, nil
	}
	if !sameSheet(book, t) {
		bad(r.HeaderRow, 0, "", T("score_sheet_other"))
	}
	return r, cells, nil
}

// scoreColumnName names a column of a score sheet in a message.
func scoreColumnName(sc sheetContext, key string) Text {
	if key == colNumber {
		return numberHeader(sc)
	}
	for _, cr := range sc.criteria {
		if cr.Code == key {
			return criterionHeader(cr)
		}
	}
	return T(key)
}

// scoreSheetOf picks the sheet to read: the one named 评分表 (or Score
// sheet), else the first visible one.
func scoreSheetOf(b *workbook.Book) string {
	sheets := b.Sheets()
	for _, name := range sheets {
		if name == T("sheet_scores").In(LangZH) || name == T("sheet_scores").In(LangEN) {
			return name
		}
	}
	return sheets[0]
}

// signatureRow tells the signature line under a sheet's rows, where its rows end.
func signatureRow(row workbook.Row) bool {
	i := slices.IndexFunc(row.Cells, func(cell string) bool { return workbook.Clean(cell) != "" })
	if i < 0 {
		return false
	}
	key := workbook.HeaderKey(row.Cells[i])
	for _, sign := range []string{"sign_judge", "sign_chief"} {
		for _, lang := range []Lang{LangZH, LangEN} {
			label, _, _ := strings.Cut(T(sign).In(lang), "_")
			if label = workbook.HeaderKey(strings.TrimRight(label, ":：")); label != "" && strings.HasPrefix(key, label) {
				return true
			}
		}
	}
	return false
}

// sameSheet tells whether a workbook is the target's sheet, when it names one.
func sameSheet(b *workbook.Book, t scoreTarget) bool {
	judge := t.judge.AccountID
	for name, want := range map[string]string{scoreSheetEvent: strconv.FormatUint(uint64(t.sc.ev.ID), 10), scoreSheetStage: t.sc.stage.Code,
		scoreSheetJudge: strconv.FormatUint(uint64(judge), 10)} {
		if got, ok := b.Constant(name); ok && got != want {
			return false
		}
	}
	return true
}

// timeUsed is a time used as a sheet has it: minutes and seconds (12:34, or
// 12.34 as a number pad types it), whole minutes, or hours, minutes and
// seconds as a spreadsheet shows a time it read (0:12:34).
var timeUsed = regexp.MustCompile(`^(\d{1,4})(?:[:.](\d{2}))?$|^(\d{1,2}):(\d{2}):(\d{2})$`)

// readScore reads a cell by its criterion's kind: a mark with at most two
// decimals, a level 0–3, or a time used; the bounds are checkMark's.
func readScore(cr Criterion, value string) (Points, *Text) {
	value = strings.ReplaceAll(value, "：", ":")
	switch {
	case cr.Kind == KindTime:
		m := timeUsed.FindStringSubmatch(value)
		if m == nil {
			t := T("time_format", int(cr.Max/6000))
			return 0, &t
		}
		var sec int
		if m[1] != "" {
			min, _ := strconv.Atoi(m[1])
			s, _ := strconv.Atoi("0" + m[2])
			if s >= 60 {
				t := T("time_format", int(cr.Max/6000))
				return 0, &t
			}
			sec = min*60 + s
		} else {
			h, _ := strconv.Atoi(m[3])
			min, _ := strconv.Atoi(m[4])
			s, _ := strconv.Atoi(m[5])
			sec = h*3600 + min*60 + s
		}
		return Points(sec * 100), nil
	case cr.Levels:
		level, ok := workbook.Whole(value)
		if !ok || level < 0 || level > 3 {
			t := T("level_format")
			return 0, &t
		}
		return Points(int64(level) * int64(cr.Max) / 3), nil
	}
	p, err := scoring.ParsePoints(value)
	if err != nil {
		t := T("mark_format", cr.Max)
		return 0, &t
	}
	return p, nil
}

// sheetNumbers are the numbers on a sheet, as it shows them, found also
// when a spreadsheet turned 007 into the number 7.
type sheetNumbers struct {
	shown   map[string]bool
	byWhole map[int]string
}

func (n sheetNumbers) find(cell string) (string, bool) {
	if n.shown[cell] {
		return cell, true
	}
	if w, ok := workbook.Whole(cell); ok {
		shown, ok := n.byWhole[w]
		return shown, ok
	}
	return "", false
}

// targetNumbers are the numbers of the target's sheet: the judge's rows.
func (s *Service) targetNumbers(ctx context.Context, t scoreTarget) (sheetNumbers, error) {
	grid, err := s.sheetGrid(ctx, t.judge, t.sc, nil)
	if err != nil {
		return sheetNumbers{}, err
	}
	n := sheetNumbers{shown: map[string]bool{}, byWhole: map[int]string{}}
	for _, r := range grid.Rows {
		n.shown[r.Number] = true
		if w, err := strconv.Atoi(r.Number); err == nil && !slices.Contains([]string{"", "0"}, r.Number) {
			n.byWhole[w] = r.Number
		}
	}
	return n, nil
}
