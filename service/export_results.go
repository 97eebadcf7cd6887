package service

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-json"

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
	snap, err := s.latestSnapshot(ctx, ev.ID)
	if err != nil {
		return exportPlan{}, err
	}
	if snap == nil {
		return exportPlan{}, conflict("results_not_computed", ev.Name)
	}
	// The snapshot is parsed while the entrants' names are read; each line
	// is kept as the cells it gives, not as the snapshot has it, so that the
	// lines of a large event take a third of the memory.
	var (
		id    identity
		idErr error
		wg    sync.WaitGroup
	)
	wg.Go(func() { id, idErr = s.identities(ctx, ev, rules) })
	var (
		lines  []resultsRow
		scores []Points // each line's stage scores, in the order of rules.Stages
	)
	err = decodeResult(snap.ID, snap.Result, func(dec *json.Decoder) error {
		return eachResultLine(dec, func(l *exportedLine) {
			for _, st := range rules.Stages {
				k := slices.IndexFunc(l.Stages, func(sc scoring.StageScore) bool { return sc.Code == st.Code })
				if k < 0 {
					scores = append(scores, noScore)
				} else {
					scores = append(scores, l.Stages[k].Score)
				}
			}
			lines = append(lines, resultsRow{entrant: l.Entrant, rank: l.Rank, ranked: l.Status == scoring.StatusRanked, total: l.Total,
				award: awardName(l.Award, lang), titles: strings.Join(l.Titles, "、"), note: resultStatusName(l.Status, lang)})
		})
	})
	wg.Wait()
	if err != nil {
		return exportPlan{}, err
	}
	if idErr != nil {
		return exportPlan{}, idErr
	}
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
		cell := func(p Points, ok bool) any {
			if !ok {
				return nil
			}
			return workbook.Hundredths(p)
		}
		for i, l := range lines {
			if i%exportBatch == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			e := id.entry(l.entrant)
			values = values[:0]
			values = append(values, rankCell(l.rank))
			if codes {
				values = append(values, e.WorkCode)
			}
			if numbered {
				values = append(values, e.DrawNumber)
			}
			if named {
				values = append(values, e.Name, e.EnterpriseName)
			}
			for _, sc := range scores[i*len(rules.Stages) : (i+1)*len(rules.Stages)] {
				values = append(values, cell(sc, sc != noScore))
			}
			values = append(values, cell(l.total, l.ranked), l.award, l.titles, l.note)
			if err := w.Row(values...); err != nil {
				return err
			}
			p.add(1)
		}
		return nil
	}
	return exportPlan{table: table, rows: len(lines), fileName: fileNamed(tr("export_results_file", ev.Name)), write: write}, nil
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

// resultsRow is what the results export keeps of a line: its entrant, and
// the cells that do not depend on how far the names are decoded.
type resultsRow struct {
	entrant             uint
	rank                int
	ranked              bool
	total               Points
	award, titles, note string
}

// noScore stands for a stage score a line lacks.
const noScore = Points(math.MinInt64)

// eachResultLine calls fn with each line of a snapshot's JSON, in order, as
// it is parsed; the line is reused from one call to the next.
func eachResultLine(dec *json.Decoder, fn func(*exportedLine)) error {
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		if key != "lines" {
			if err := dec.Decode(&json.RawMessage{}); err != nil {
				return err
			}
			continue
		}
		if open, err := dec.Token(); err != nil || open == nil { // [ or null
			if err != nil {
				return err
			}
			continue
		}
		var l exportedLine
		for dec.More() {
			l = exportedLine{Stages: l.Stages[:0], Titles: l.Titles[:0]}
			if err := dec.Decode(&l); err != nil {
				return err
			}
			fn(&l)
		}
		if _, err := dec.Token(); err != nil { // ]
			return err
		}
	}
	_, err := dec.Token() // }
	return err
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
