package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"leitai/model"
)

// errDryRun takes back what checking a score sheet wrote to find out what
// importing it does.
var errDryRun = errors.New("dry run")

// scoreTarget is the sheet a score import writes to: a judge's own sheet,
// or a judge's paper sheet, one round of which the calling clerk keys.
type scoreTarget struct {
	sc sheetContext
	// judge is whose sheet it is.
	judge Caller
	paper bool
}

// scoreTarget checks that the caller may import into a job's sheet now: a
// judge its own sheet of a stage it marks, a clerk its round of a judge's
// paper sheet, while judging lasts.
func (s *Service) scoreTarget(ctx context.Context, c Caller, j model.ImportJob, eventID uint) (scoreTarget, error) {
	if j.Kind == ImportMarks {
		sc, err := s.openSheet(ctx, c, eventID, j.Stage, true)
		return scoreTarget{sc: sc, judge: c}, err
	}
	pc, _, err := s.keyingRound(ctx, c, eventID, j.Stage, *j.JudgeID, false)
	if err != nil {
		return scoreTarget{}, err
	}
	if err := judging(pc.ct); err != nil {
		return scoreTarget{}, err
	}
	return scoreTarget{sc: pc.sheetContext, judge: pc.judge, paper: true}, nil
}

// scorePlan is what writing a score sheet's cells did, by row.
type scorePlan struct {
	counts map[string]int
	digest string
}

// writeScoreCells writes a sheet's cells, each the one way a judge's mark
// or a clerk's keyed value is written, with its rules: a cell they refuse
// is a problem of the file. A cell that holds what is stored is left alone.
func (s *Service) writeScoreCells(ctx context.Context, c Caller, j model.ImportJob, cells []scoreCell, result *importResult, p *importProgress) (scorePlan, error) {
	plan := scorePlan{counts: map[string]int{}}
	write, t, err := s.scoreWriter(ctx, c, j)
	if err != nil {
		return plan, err
	}
	type rowPlan struct {
		number, action string
		fields         []string
	}
	rows := map[int]*rowPlan{}
	var order []int
	h := sha256.New()
	for _, sc := range cells {
		in := MarkInput{Number: sc.Number, Criterion: sc.Criterion, Points: sc.Points}
		action, version, err := write(in)
		if se, ok := AsError(err); ok {
			text := se.Text
			if len(se.Fields) > 0 {
				text = se.Fields[0].Text
			}
			result.add(sheetProblem{Row: sc.Row, Column: sc.Column, Header: sc.Header, Value: sc.Value, Text: bothOf(text)})
			continue
		}
		if err != nil {
			return plan, err
		}
		p.add(1)
		fmt.Fprintln(h, sc.Row, sc.Number, sc.Criterion, sc.Points, action, version)
		r, ok := rows[sc.Row]
		if !ok {
			r = &rowPlan{number: sc.Number, action: ActionUnchanged, fields: []string{}}
			rows[sc.Row] = r
			order = append(order, sc.Row)
		}
		if action == ActionUnchanged {
			continue
		}
		r.fields = append(r.fields, criterionName(t.sc, sc.Criterion))
		if r.action != ActionUpdate {
			r.action = action
		}
	}
	slices.Sort(order)
	for _, n := range order {
		r := rows[n]
		plan.counts[r.action]++
		result.addAction(ImportAction{Row: n, Event: t.sc.ev.Name, Name: r.number, Action: r.action, Fields: r.fields})
	}
	plan.digest = hex.EncodeToString(h.Sum(nil))
	return plan, nil
}

// criterionName is a criterion's name on a sheet, its code when it has none.
func criterionName(sc sheetContext, code string) string {
	if i := slices.IndexFunc(sc.criteria, func(cr Criterion) bool { return cr.Code == code }); i >= 0 {
		return sc.criteria[i].Name
	}
	return code
}

// cellWriter writes one cell and says what it did (create, update or
// unchanged) to the version it found.
type cellWriter func(in MarkInput) (action string, version int, err error)

// scoreWriter opens a job's sheet for writing, with the checks a mark or a
// keyed value typed on the web meets first, and gives what writes its cells.
func (s *Service) scoreWriter(ctx context.Context, c Caller, j model.ImportJob) (cellWriter, scoreTarget, error) {
	if j.Kind == ImportMarks {
		return s.markWriter(ctx, c, j)
	}
	return s.keyedWriter(ctx, c, j)
}

// markWriter writes a judge's marks as SaveMark does.
func (s *Service) markWriter(ctx context.Context, c Caller, j model.ImportJob) (cellWriter, scoreTarget, error) {
	sc, err := s.openSheet(ctx, c, *j.EventID, j.Stage, true)
	if err != nil {
		return nil, scoreTarget{}, err
	}
	t := scoreTarget{sc: sc, judge: c}
	sheet, err := s.sheetFor(ctx, sc.ev.ID, j.Stage, c.AccountID)
	if err != nil {
		return nil, t, err
	}
	switch {
	case sheet.SignedOff:
		return nil, t, conflict("stage_signed_off", sc.stage.Name)
	case sheet.SubmittedAt != nil:
		return nil, t, conflict("sheet_submitted")
	}
	if sheet.OnPaper {
		return nil, t, conflict("sheet_on_paper")
	}
	return func(in MarkInput) (string, int, error) {
		cell, err := s.markCell(ctx, c, sc, in)
		if err != nil {
			return "", 0, err
		}
		action, version := cellAction(cell.mark != nil, func() (int64, int) { return cell.mark.Points, cell.mark.Version }, in)
		if cell.mark != nil {
			in.Version, in.Note = cell.mark.Version, cell.mark.Note
		}
		if action != ActionUnchanged {
			_, err = s.writeOverseenMark(ctx, c, sc, sheet, cell, in)
		}
		return action, version, err
	}, t, nil
}

// keyedWriter writes the calling clerk's round of a paper sheet as
// SaveKeyedCell does.
func (s *Service) keyedWriter(ctx context.Context, c Caller, j model.ImportJob) (cellWriter, scoreTarget, error) {
	pc, k, err := s.keyingRound(ctx, c, *j.EventID, j.Stage, *j.JudgeID, true)
	if err != nil {
		return nil, scoreTarget{}, err
	}
	t := scoreTarget{sc: pc.sheetContext, judge: pc.judge, paper: true}
	if err := s.notSignedOff(ctx, pc.ev.ID, pc.stage); err != nil {
		return nil, t, err
	}
	if k.SubmittedAt != nil {
		return nil, t, conflict("keying_submitted")
	}
	var keyed []model.KeyedCell
	if err := s.conn(ctx).Where("paper_sheet_id = ? AND round = ?", k.PaperSheetID, k.Round).Find(&keyed).Error; err != nil {
		return nil, t, err
	}
	return func(in MarkInput) (string, int, error) {
		cell, err := s.markCell(ctx, pc.judge, pc.sheetContext, in)
		if err != nil {
			return "", 0, err
		}
		i := slices.IndexFunc(keyed, func(kc model.KeyedCell) bool { return kc.EntrantID == cell.entrant.ID && kc.Criterion == in.Criterion })
		action, version := cellAction(i >= 0, func() (int64, int) { return keyed[i].Points, keyed[i].Version }, in)
		if i >= 0 {
			in.Version, in.Note = keyed[i].Version, keyed[i].Note
		}
		if action != ActionUnchanged {
			_, _, err = s.writeKeyed(ctx, c, pc, k.Round, in)
		}
		return action, version, err
	}, t, nil
}

// cellAction is what writing in over a cell does: create it, change it, or
// leave it; and the version it was at.
func cellAction(exists bool, stored func() (int64, int), in MarkInput) (string, int) {
	if !exists {
		return ActionCreate, 0
	}
	points, version := stored()
	if points == int64(in.Points) {
		return ActionUnchanged, version
	}
	return ActionUpdate, version
}

// packScoreCells keeps the cells that passed the check for the import.
func packScoreCells(cells []scoreCell) ([]byte, error) { return json.Marshal(cells) }

// importScores writes a claimed score job in one transaction: its cells are
// written again against the sheet as it is now, and only if that finds no
// problem and does what the check showed.
func (s *Service) importScores(ctx context.Context, c Caller, j model.ImportJob, p *importProgress) error {
	return s.tx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Model(&model.ImportJob{}).Select("checked_rows").Where("id = ?", j.ID).Take(&j).Error; err != nil {
			return err
		}
		var cells []scoreCell
		if err := json.Unmarshal(j.CheckedRows, &cells); err != nil {
			return err
		}
		checked, err := resultOf(j)
		if err != nil {
			return err
		}
		result := &importResult{Sheet: checked.Sheet, HeaderRow: checked.HeaderRow, Width: checked.Width, Rows: checked.Rows}
		p.set(StageWriting, 0, len(cells))
		plan, err := s.writeScoreCells(ctx, c, j, cells, result, p)
		if err != nil {
			return err
		}
		if result.ProblemsTotal > 0 || plan.digest != j.Digest {
			return conflict("import_changed_scores")
		}
		return s.markImported(ctx, j, result, plan.counts)
	})
}
