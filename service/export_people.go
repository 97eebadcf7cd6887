package service

import (
	"context"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/service/workbook"
)

// peopleExport is the register of the workers the caller sees: an
// enterprise its own, a union those of its subtree. ID numbers and mobiles
// are masked unless an enterprise asks for its own in full.
func (s *Service) peopleExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (exportPlan, error) {
	if c.seesOnlyAssigned() {
		return exportPlan{}, forbidden()
	}
	if req.FullIDs && !c.exportsPeopleInFull() {
		return exportPlan{}, &Error{Kind: KindForbidden, Code: "forbidden", Text: T("export_full_ids_forbidden")}
	}
	scope := func(ctx context.Context) *gorm.DB {
		return c.scopeByOrganisation(s.conn(ctx).Model(&model.Person{}), "people.organisation_id")
	}
	var count int64
	if err := scope(ctx).Count(&count).Error; err != nil {
		return exportPlan{}, err
	}
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	table := s.exportTable(c, tr("sheet_people"), tr("export_people_title", c.OrganisationName), lang)
	table.FrozenColumns = 3
	table.Columns = []workbook.TableColumn{
		{Header: tr("col_no"), Width: 6, Kind: workbook.NumberCell}, {Header: tr("col_enterprise"), Width: 20}, {Header: tr("col_name"), Width: 10},
		{Header: tr("col_gender"), Width: 6}, {Header: tr("col_id_number"), Width: 21}, {Header: tr("col_mobile"), Width: 13},
		{Header: tr("col_trade"), Width: 10}, {Header: tr("col_skill_level"), Width: 13}, {Header: tr("col_years_in_trade"), Width: 8, Kind: workbook.NumberCell},
	}
	write := func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error {
		no := 0
		var lastID uint
		for {
			var batch []model.Person
			if err := scope(ctx).Preload("Organisation").Where("people.id > ?", lastID).Order("people.id").Limit(exportBatch).Find(&batch).Error; err != nil {
				return err
			}
			for _, person := range batch {
				no++
				v := personView(person, req.FullIDs && c.employs(person))
				var years any
				if v.YearsInTrade > 0 {
					years = v.YearsInTrade
				}
				if err := w.Row(no, v.OrganisationName, v.Name, genderLabel(v.Gender, lang), v.IDNumber, v.Mobile, v.Trade,
					skillLevelName(v.SkillLevel, lang), years); err != nil {
					return err
				}
			}
			p.add(len(batch))
			if len(batch) < exportBatch {
				return nil
			}
			lastID = batch[len(batch)-1].ID
		}
	}
	return exportPlan{table: table, rows: int(count), fileName: fileNamed(tr("export_people_file", c.OrganisationName)), write: write}, nil
}
