package service

import (
	"context"
	"strings"

	"leitai/model"
	"leitai/scoring"
	"leitai/service/workbook"
)

// talentsExport is the talent pool the caller sees, filtered as its list
// is, newest award first: who, of which enterprise, in which trade and
// level, and what they won where.
func (s *Service) talentsExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	q, err := s.talents(ctx, c, req.Pool)
	if err != nil {
		return exportPlan{}, err
	}
	var count int64
	if err := q.Count(&count).Error; err != nil {
		return exportPlan{}, err
	}
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	table := s.exportTable(c, tr("sheet_talents"), tr("export_talents_title", c.OrganisationName), lang)
	table.FrozenColumns = 2
	table.Columns = []workbook.TableColumn{
		{Header: tr("col_no"), Width: 6, Kind: workbook.NumberCell}, {Header: tr("col_name"), Width: 10}, {Header: tr("col_enterprise"), Width: 20},
		{Header: tr("col_trade"), Width: 10}, {Header: tr("col_skill_level"), Width: 13}, {Header: tr("col_contest"), Width: 24},
		{Header: tr("col_event"), Width: 12}, {Header: tr("col_year"), Width: 7, Kind: workbook.NumberCell}, {Header: tr("col_award"), Width: 10},
		{Header: tr("col_rank"), Width: 6, Kind: workbook.NumberCell}, {Header: tr("col_titles"), Width: 16},
	}
	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		no := 0
		var before uint
		for {
			q, err := s.talents(ctx, c, req.Pool)
			if err != nil {
				return err
			}
			if before != 0 {
				q = q.Where("award_winners.id < ?", before)
			}
			var batch []model.AwardWinner
			if err := q.Order("award_winners.id DESC").Limit(exportBatch).Find(&batch).Error; err != nil {
				return err
			}
			for _, t := range batch {
				no++
				var rank any
				if t.RankPlace > 0 {
					rank = t.RankPlace
				}
				if err := w.Row(no, t.Name, t.EnterpriseName, t.Trade, skillLevelName(t.SkillLevel, lang), t.ContestName, t.EventName,
					t.Year, awardName(scoring.Award(t.Award), lang), rank, strings.Join(splitTitles(t.Titles), "、")); err != nil {
					return err
				}
			}
			p.add(len(batch))
			if len(batch) < exportBatch {
				return nil
			}
			before = batch[len(batch)-1].ID
		}
	}
	return exportPlan{table: table, rows: int(count), fileName: fileNamed(tr("export_talents_file", c.OrganisationName)), write: write}, nil
}
