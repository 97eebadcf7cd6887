package service

import (
	"context"
	"slices"

	"leitai/service/workbook"
)

// standingsExport is a contest's enterprise ranking as a print-ready table:
// each enterprise's team total and rank in every event that counts, then
// its contest total and rank. Whoever sees the standings may export them,
// with the lines they see (standings.go).
func (s *Service) standingsExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	view, err := s.standingsExportView(ctx, c, req)
	if err != nil {
		return exportPlan{}, err
	}
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	table := s.exportTable(c, tr("sheet_standings"), tr("export_standings_title", view.ContestName), lang)
	table.Columns = []workbook.TableColumn{{Header: tr("col_rank"), Width: 6, Kind: workbook.NumberCell}, {Header: tr("col_enterprise"), Width: 22}}
	table.Groups = []workbook.TableGroup{{Span: 1}, {Span: 1}}
	table.FrozenColumns = 2
	var counted []StandingsEvent
	for _, ev := range view.Events {
		if ev.Version == 0 {
			continue
		}
		counted = append(counted, ev)
		table.Columns = append(table.Columns, workbook.TableColumn{Header: tr("col_team_total"), Width: 10, Kind: workbook.PointsCell},
			workbook.TableColumn{Header: tr("col_rank"), Width: 6, Kind: workbook.NumberCell})
		table.Groups = append(table.Groups, workbook.TableGroup{Header: ev.EventName, Span: 2})
	}
	table.Columns = append(table.Columns, workbook.TableColumn{Header: tr("col_team_total"), Width: 10, Kind: workbook.PointsCell})
	table.Groups = append(table.Groups, workbook.TableGroup{Span: 1})
	table.Landscape = len(counted) > 3

	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		values := make([]any, 0, len(table.Columns))
		for _, e := range view.Enterprises {
			values = append(values[:0], rankCell(e.Rank), e.EnterpriseName)
			for _, ev := range counted {
				i := slices.IndexFunc(e.Events, func(x EnterpriseEvent) bool { return x.EventID == ev.EventID })
				if i < 0 || e.Events[i].Rank == 0 {
					values = append(values, nil, nil)
					continue
				}
				values = append(values, workbook.Hundredths(e.Events[i].Total), e.Events[i].Rank)
			}
			if e.Rank > 0 {
				values = append(values, workbook.Hundredths(e.Total))
			} else {
				values = append(values, nil)
			}
			if err := w.Row(values...); err != nil {
				return err
			}
			p.add(1)
		}
		return nil
	}
	return exportPlan{table: table, rows: len(view.Enterprises), fileName: fileNamed(tr("export_standings_file", view.ContestName)), write: write}, nil
}

// medalsExport is a contest's medal tables as one print-ready table: the
// enterprises', then the district unions', then the industry unions', each
// line with its category.
func (s *Service) medalsExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	view, err := s.standingsExportView(ctx, c, req)
	if err != nil {
		return exportPlan{}, err
	}
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	table := s.exportTable(c, tr("sheet_medals"), tr("export_medals_title", view.ContestName), lang)
	table.Columns = []workbook.TableColumn{{Header: tr("col_category"), Width: 10}, {Header: tr("col_rank"), Width: 6, Kind: workbook.NumberCell},
		{Header: tr("col_organisation"), Width: 24}, {Header: tr("col_first"), Width: 8, Kind: workbook.NumberCell},
		{Header: tr("col_second"), Width: 8, Kind: workbook.NumberCell}, {Header: tr("col_third"), Width: 8, Kind: workbook.NumberCell},
		{Header: tr("col_medals"), Width: 8, Kind: workbook.NumberCell}}
	table.FrozenColumns = 3
	parts := []struct {
		key   string
		lines []MedalLine
	}{{"medals_enterprise", view.Medals}, {"medals_district", view.Districts}, {"medals_industry", view.Industries}}
	rows := 0
	for _, part := range parts {
		rows += len(part.lines)
	}
	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		for _, part := range parts {
			category := tr(part.key)
			for _, m := range part.lines {
				if err := w.Row(category, m.Rank, m.OrganisationName, m.Gold, m.Silver, m.Bronze, m.Medals); err != nil {
					return err
				}
				p.add(1)
			}
		}
		return nil
	}
	return exportPlan{table: table, rows: rows, fileName: fileNamed(tr("export_medals_file", view.ContestName)), write: write}, nil
}

// standingsExportView is the standings a contest's export writes: those the
// caller sees.
func (s *Service) standingsExportView(ctx context.Context, c Caller, req ExportRequest) (ContestStandings, error) {
	if req.ContestID == 0 {
		return ContestStandings{}, invalid(field("contest_id", "required"))
	}
	return s.GetStandings(ctx, c, req.ContestID)
}

// rankCell is a rank as a cell: empty for none.
func rankCell(rank int) any {
	if rank == 0 {
		return nil
	}
	return rank
}
