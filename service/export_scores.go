package service

import (
	"context"
	"slices"
	"strings"

	"leitai/model"
	"leitai/service/workbook"
)

// scoresExport is the score sheet of a stage of an event with every judge's
// marks: one row per entrant on the stage's sheets, and under each
// criterion a column per judge. It is for the event's organisers and its
// chief judge, from judging on. Rows are by number, as the sheets show
// them (work codes on an encrypted stage); only the organisers see names
// and enterprises beside the numbers, and only on a stage that is not
// encrypted, so that no export ties a work code to a name.
func (s *Service) scoresExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	switch {
	case req.EventID == 0:
		return exportPlan{}, invalid(field("event_id", "required"))
	case req.Stage == "":
		return exportPlan{}, invalid(field("stage", "required"))
	}
	ev, err := s.loadEvent(ctx, req.EventID)
	if err != nil {
		return exportPlan{}, err
	}
	ct, err := s.leadsEvent(ctx, c, ev)
	if err != nil {
		return exportPlan{}, err
	}
	if stepOrder(ct.Status, model.StepJudging) < 0 {
		return exportPlan{}, wrongStep(ct.Status)
	}
	sc, err := s.stageSheet(ctx, ev, ct, model.PanelMember{}, req.Stage)
	if err != nil {
		return exportPlan{}, err
	}
	judges, err := s.stageJudges(ctx, ev.ID, req.Stage)
	if err != nil {
		return exportPlan{}, err
	}
	var entrants []model.Entrant
	if err := entrantsWithPeople(s.conn(ctx)).Where("event_id = ? AND status = ? AND draw_number <> '' AND attendance <> ?",
		ev.ID, EntrantApproved, AttendanceAbsent).Order("draw_number").Find(&entrants).Error; err != nil {
		return exportPlan{}, err
	}
	type row struct {
		number string
		e      model.Entrant
	}
	var rows []row
	for _, e := range entrants {
		if number, ok := sc.shown(e); ok {
			rows = append(rows, row{number, e})
		}
	}
	if sc.codes != nil {
		slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.number, b.number) })
	}
	named := c.runs(ct) && sc.codes == nil

	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	table := s.exportTable(c, tr("sheet_marks"), tr("export_scores_title", ct.Name, ev.Name, sc.stage.Name), lang)
	table.Landscape = true
	table.Columns = []workbook.TableColumn{{Header: tr("col_no"), Width: 6, Kind: workbook.NumberCell}, {Header: tr("col_number"), Width: 10}}
	table.Groups = []workbook.TableGroup{{Span: 1}, {Span: 1}}
	if named {
		table.Columns = append(table.Columns, workbook.TableColumn{Header: tr("col_name"), Width: 12}, workbook.TableColumn{Header: tr("col_enterprise"), Width: 18})
		table.Groups = append(table.Groups, workbook.TableGroup{Span: 1}, workbook.TableGroup{Span: 1})
	}
	table.FrozenColumns = len(table.Columns)
	for _, cr := range sc.criteria {
		table.Groups = append(table.Groups, workbook.TableGroup{Header: tr("col_criterion", cr.Name, cr.Max.String()), Span: max(len(judges), 1)})
		if len(judges) == 0 {
			table.Columns = append(table.Columns, workbook.TableColumn{Header: "", Width: 9, Kind: workbook.PointsCell})
		}
		for _, j := range judges {
			table.Columns = append(table.Columns, workbook.TableColumn{Header: j.name, Width: 9, Kind: workbook.PointsCell})
		}
	}
	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		var marks []model.Mark
		err := s.conn(ctx).Where("sheet_id IN (?)", s.conn(ctx).Model(&model.Sheet{}).Select("id").Where("event_id = ? AND stage = ?", ev.ID, req.Stage)).
			Find(&marks).Error
		if err != nil {
			return err
		}
		type cell struct {
			entrant, judge uint
			criterion      string
		}
		byCell := make(map[cell]Points, len(marks))
		for _, m := range marks {
			byCell[cell{m.EntrantID, m.JudgeID, m.Criterion}] = Points(m.Points)
		}
		values := make([]any, 0, len(table.Columns))
		for i, r := range rows {
			values = append(values[:0], i+1, r.number)
			if named {
				values = append(values, entrantName(r.e), r.e.EnterpriseName)
			}
			for _, cr := range sc.criteria {
				if len(judges) == 0 {
					values = append(values, nil)
				}
				for _, j := range judges {
					if pts, ok := byCell[cell{r.e.ID, j.id, cr.Code}]; ok {
						values = append(values, workbook.Hundredths(pts))
					} else {
						values = append(values, nil)
					}
				}
			}
			if err := w.Row(values...); err != nil {
				return err
			}
			p.add(1)
		}
		return nil
	}
	name := fileNamed(tr("export_scores_file", ev.Name, sc.stage.Name))
	return exportPlan{table: table, rows: len(rows), fileName: name, write: write}, nil
}

// judgeColumn is a judge whose marks count on a stage, as a column names it.
type judgeColumn struct {
	id   uint
	name string
}

// stageJudges are the judges whose marks count on a stage: the panel's
// judges of the stage, then any other account with a sheet of it that is
// not a trainee (a judge replaced during the stage), in the panel's order.
func (s *Service) stageJudges(ctx context.Context, eventID uint, stage string) ([]judgeColumn, error) {
	var members []model.PanelMember
	if err := s.conn(ctx).Preload("Account").Where("event_id = ?", eventID).Order("id").Find(&members).Error; err != nil {
		return nil, err
	}
	var out []judgeColumn
	seen := map[uint]bool{}
	for _, m := range members {
		seen[m.AccountID] = true
		if m.Duty == DutyJudge && slices.Contains(stagesOf(m), stage) {
			out = append(out, judgeColumn{m.AccountID, accountName(m.Account)})
		}
	}
	var others []model.Account
	if err := s.conn(ctx).Where("id IN (?)", s.conn(ctx).Model(&model.Sheet{}).Select("judge_id").Where("event_id = ? AND stage = ?", eventID, stage)).
		Order("id").Find(&others).Error; err != nil {
		return nil, err
	}
	for _, a := range others {
		if !seen[a.ID] {
			out = append(out, judgeColumn{a.ID, accountName(a)})
		}
	}
	return out, nil
}

// accountName is an account as a column header names it.
func accountName(a model.Account) string {
	if a.DisplayName != "" {
		return a.DisplayName
	}
	return a.Username
}
