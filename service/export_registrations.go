package service

import (
	"context"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/service/workbook"
)

// registrationsExport is the list of a contest's entries, or of one event's:
// one row per person an entry names (a team's members, a master), event by
// event in the order of entry, withdrawn entries left out. Its organisers
// get every entry, an enterprise its own only.
func (s *Service) registrationsExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	if req.ContestID == 0 {
		return exportPlan{}, invalid(field("contest_id", "required"))
	}
	ct, err := s.loadContest(ctx, req.ContestID)
	if err != nil {
		return exportPlan{}, err
	}
	if !c.exportsRegistrations(ct) {
		return exportPlan{}, forbidden()
	}
	var events []model.Event
	q := s.conn(ctx).Where("contest_id = ?", ct.ID).Order("id")
	if req.EventID != 0 {
		q = q.Where("id = ?", req.EventID)
	}
	if err := q.Find(&events).Error; err != nil {
		return exportPlan{}, err
	}
	if req.EventID != 0 && len(events) == 0 {
		return exportPlan{}, notFound("event")
	}
	scope := func(ctx context.Context) *gorm.DB {
		q := c.entrantScope(s.conn(ctx).Model(&model.Entrant{}).Where("entrants.contest_id = ? AND entrants.status <> ?", ct.ID, EntrantWithdrawn), ct)
		if req.EventID != 0 {
			q = q.Where("entrants.event_id = ?", req.EventID)
		}
		return q
	}
	var count int64
	if err := scope(ctx).Count(&count).Error; err != nil {
		return exportPlan{}, err
	}
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	title, name := ct.Name, ct.Name
	if req.EventID != 0 {
		title, name = ct.Name+" "+events[0].Name, ct.Name+"-"+events[0].Name
	}
	table := s.exportTable(c, tr("sheet_registration"), tr("export_registrations_title", title), lang)
	table.Landscape, table.FrozenColumns = true, 5
	table.Columns = []workbook.TableColumn{
		{Header: tr("col_no"), Width: 6, Kind: workbook.NumberCell}, {Header: tr("col_event"), Width: 14},
		{Header: tr("col_enterprise"), Width: 20}, {Header: tr("col_team"), Width: 14}, {Header: tr("col_name"), Width: 10},
		{Header: tr("col_role"), Width: 8}, {Header: tr("col_gender"), Width: 6}, {Header: tr("col_id_number"), Width: 21},
		{Header: tr("col_mobile"), Width: 13}, {Header: tr("col_trade"), Width: 10}, {Header: tr("col_skill_level"), Width: 13},
		{Header: tr("col_years_in_trade"), Width: 8, Kind: workbook.NumberCell}, {Header: tr("col_status"), Width: 9},
		{Header: tr("col_draw_number"), Width: 9},
	}
	// Event by event, each read 500 entries at a time by (event_id, id), which an index keeps in that order.
	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		no := 0
		for _, ev := range events {
			var lastID uint
			for {
				var batch []model.Entrant
				err := entrantsWithPeople(scope(ctx)).Where("entrants.event_id = ? AND entrants.id > ?", ev.ID, lastID).
					Order("entrants.id").Limit(exportBatch).Find(&batch).Error
				if err != nil {
					return err
				}
				for _, e := range batch {
					no++
					if err := writeEntrantRows(w, no, ev.Name, e, c.seesEntrantInFull(ct, e) && req.FullIDs, lang); err != nil {
						return err
					}
				}
				p.add(len(batch))
				if len(batch) < exportBatch {
					break
				}
				lastID = batch[len(batch)-1].ID
			}
		}
		return nil
	}
	return exportPlan{table: table, rows: int(count), fileName: fileNamed(tr("export_registrations_file", name)), write: write}, nil
}

// writeEntrantRows writes an entry's people, one row each, under its number.
func writeEntrantRows(w *workbook.TableWriter, no int, event string, e model.Entrant, full bool, lang Lang) error {
	status := T("entrant_status_" + e.Status).In(lang)
	if len(e.People) == 0 {
		// An organisation's own entry names nobody.
		return w.Row(no, event, e.EnterpriseName, e.TeamName, nil, nil, nil, nil, nil, nil, nil, nil, status, e.DrawNumber)
	}
	for _, p := range e.People {
		v := entryPersonView(p, full)
		role := T("role_" + p.Role).In(lang)
		var years any
		if p.YearsInTrade > 0 {
			years = p.YearsInTrade
		}
		if err := w.Row(no, event, e.EnterpriseName, e.TeamName, v.Name, role, genderLabel(v.Gender, lang), v.IDNumber, v.Mobile,
			v.Trade, skillLevelName(v.SkillLevel, lang), years, status, e.DrawNumber); err != nil {
			return err
		}
	}
	return nil
}

// genderLabel names a gender as a sheet shows it.
func genderLabel(g string, lang Lang) string {
	if g == "" {
		return ""
	}
	return T("gender_" + g).In(lang)
}

// skillLevelName names a skill level, as stored, in a language.
func skillLevelName(level string, lang Lang) string {
	for i, l := range SkillLevels {
		if l == level {
			return skillLevelLabel(i, lang)
		}
	}
	return level
}
