package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"leitai/model"
	"leitai/scoring"
	"leitai/service/workbook"
)

// resultsExport is an event's newest results as a print-ready table: one
// row per entrant in the order of the results, with its stage scores,
// total, rank, award and titles. It is for those who read the results (the
// event's organisers and its chief judge) once results are computed. Rows
// name entrants as the results do: by work code until those are decoded,
// then by draw number, and by name and enterprise only once the names are
// decoded.
func (s *Service) resultsExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	if req.EventID == 0 {
		return exportPlan{}, invalid(field("event_id", "required"))
	}
	ev, ct, rules, err := s.resultsReader(ctx, c, req.EventID)
	if err != nil {
		return exportPlan{}, err
	}
	// The newest snapshot's text, read as bytes: it is the size of the
	// whole results, so it is copied no more than it must be.
	var snapshot []byte
	var found bool
	rows, err := s.conn(ctx).Raw("SELECT result FROM result_snapshots WHERE event_id = ? ORDER BY version DESC LIMIT 1", ev.ID).Rows()
	if err != nil {
		return exportPlan{}, err
	}
	if found = rows.Next(); found {
		err = rows.Scan(&snapshot)
	}
	if err = errors.Join(err, rows.Err(), rows.Close()); err != nil {
		return exportPlan{}, err
	}
	if !found {
		return exportPlan{}, conflict("results_not_computed", ev.Name)
	}
	// The snapshot is parsed while the entrants' names are read: each takes
	// about as long as writing the workbook.
	var (
		id    identity
		idErr error
		wg    sync.WaitGroup
	)
	wg.Go(func() { id, idErr = s.identities(ctx, ev, rules) })
	var res struct {
		Lines []exportedLine `json:"lines"`
	}
	if snapshot, err = model.UnpackResult(string(snapshot)); err == nil {
		err = json.Unmarshal(snapshot, &res)
	}
	wg.Wait()
	if err != nil {
		return exportPlan{}, fmt.Errorf("the newest result snapshot of event %d does not parse: %w", ev.ID, err)
	}
	if idErr != nil {
		return exportPlan{}, idErr
	}
	snapshot = nil // let go before the workbook is written
	codes, named := id.decoding.WorkCodes != nil, id.decoding.Names
	numbered := !codes || *id.decoding.WorkCodes

	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	table := s.exportTable(c, tr("sheet_results"), tr("export_results_title", ct.Name, ev.Name), lang)
	table.Landscape = true
	single := func(header string, width float64, kind workbook.Kind) {
		table.Columns = append(table.Columns, workbook.TableColumn{Header: header, Width: width, Kind: kind})
		table.Groups = append(table.Groups, workbook.TableGroup{Span: 1})
	}
	single(tr("col_rank"), 6, workbook.NumberCell)
	if codes {
		single(tr("col_work_code"), 10, workbook.TextCell)
	}
	if numbered {
		single(tr("col_draw_number"), 10, workbook.TextCell)
	}
	if named {
		single(tr("col_name"), 14, workbook.TextCell)
		single(tr("col_enterprise"), 20, workbook.TextCell)
	}
	table.FrozenColumns = len(table.Columns)
	if len(rules.Stages) > 0 {
		for _, st := range rules.Stages {
			table.Columns = append(table.Columns, workbook.TableColumn{Header: st.Name, Width: 9, Kind: workbook.PointsCell})
		}
		table.Groups = append(table.Groups, workbook.TableGroup{Header: tr("col_stage_scores"), Span: len(rules.Stages)})
	}
	single(tr("col_total"), 9, workbook.PointsCell)
	single(tr("col_award"), 10, workbook.TextCell)
	single(tr("col_titles"), 16, workbook.TextCell)
	single(tr("col_note"), 12, workbook.TextCell)

	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		values := make([]any, 0, len(table.Columns))
		for i, l := range res.Lines {
			if i%exportBatch == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			e := id.entry(l.Entrant)
			values = values[:0]
			values = append(values, rankCell(l.Rank))
			if codes {
				values = append(values, e.WorkCode)
			}
			if numbered {
				values = append(values, e.DrawNumber)
			}
			if named {
				values = append(values, e.Name, e.EnterpriseName)
			}
			for _, st := range rules.Stages {
				k := slices.IndexFunc(l.Stages, func(sc scoring.StageScore) bool { return sc.Code == st.Code })
				if k < 0 {
					values = append(values, nil)
				} else {
					values = append(values, workbook.Hundredths(l.Stages[k].Score))
				}
			}
			if l.Status == scoring.StatusRanked {
				values = append(values, workbook.Hundredths(l.Total))
			} else {
				values = append(values, nil)
			}
			values = append(values, awardName(l.Award, lang), strings.Join(l.Titles, "、"), resultStatusName(l.Status, lang))
			if err := w.Row(values...); err != nil {
				return err
			}
			p.add(1)
		}
		return nil
	}
	return exportPlan{table: table, rows: len(res.Lines), fileName: fileNamed(tr("export_results_file", ev.Name)), write: write}, nil
}

// exportedLine is what the results export reads of a snapshot's line.
type exportedLine struct {
	Entrant uint                 `json:"entrant"`
	Status  scoring.Status       `json:"status"`
	Rank    int                  `json:"rank"`
	Total   Points               `json:"total"`
	Stages  []scoring.StageScore `json:"stages"`
	Award   scoring.Award        `json:"award"`
	Titles  []string             `json:"titles"`
}

// awardName is an award in words, "" for none.
func awardName(a scoring.Award, lang Lang) string {
	if a == "" {
		return ""
	}
	return T("award_" + string(a)).In(lang)
}

// resultStatusName says why an entrant is not ranked, "" for a ranked one.
func resultStatusName(st scoring.Status, lang Lang) string {
	if st == scoring.StatusRanked || st == "" {
		return ""
	}
	return T("result_status_" + string(st)).In(lang)
}
