package service

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"leitai/model"
	"leitai/service/workbook"
)

// MaxImportRows bounds the workers one registration sheet enters.
const MaxImportRows = 50000

// beijing is the time the windows of a template are written in.
var beijing = time.FixedZone("UTC+8", 8*3600)

// exampleIDNumber is the ID number of a template's example row, which an
// import passes over: a valid number, so that the example shows the form.
func exampleIDNumber() string {
	const first17 = "11010519900307001"
	check, _ := IDNumberCheck(first17)
	return first17 + string(check)
}

// File is a file the service makes for download.
type File struct {
	Name    string
	Content []byte
}

// XLSXType is the media type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// RegistrationTemplate makes the registration workbook of a contest's
// individual events, or of one of them, in a language: for the contest's
// organisers and the enterprises that enter it. With forOrganisers, the
// workbook has a column for each worker's enterprise, with the enterprises
// the organiser may import for in its drop-down list.
func (s *Service) RegistrationTemplate(ctx context.Context, c Caller, contestID, eventID uint, forOrganisers bool, lang Lang) (File, error) {
	ct, err := s.visibleContest(ctx, c, contestID)
	if err != nil {
		return File{}, err
	}
	events, err := s.importableEvents(ctx, ct, eventID)
	if err != nil {
		return File{}, err
	}
	var enterprises []string
	if forOrganisers {
		if !c.runs(ct) {
			return File{}, forbidden()
		}
		im, err := s.importerFor(ctx, c, ct)
		if err != nil {
			return File{}, err
		}
		enterprises = im.enterprises()
		slices.Sort(enterprises)
		enterprises = slices.Compact(enterprises)
	}
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, registrationTemplate(ct, events, enterprises, forOrganisers, lang)); err != nil {
		return File{}, err
	}
	name := ct.Name
	if eventID != 0 {
		name += "-" + events[0].Name
	}
	return File{Name: T("template_file", name).In(lang), Content: buf.Bytes()}, nil
}

// importableEvents are the events of a contest a registration sheet enters
// workers into: its individual events, or the one named, which must be one.
func (s *Service) importableEvents(ctx context.Context, ct model.Contest, eventID uint) ([]model.Event, error) {
	q := s.conn(ctx).Where("contest_id = ?", ct.ID)
	if eventID != 0 {
		q = q.Where("id = ?", eventID)
	}
	var events []model.Event
	if err := q.Order("id").Find(&events).Error; err != nil {
		return nil, err
	}
	if eventID != 0 && len(events) == 0 {
		return nil, notFound("event")
	}
	var out []model.Event
	for _, ev := range events {
		if ev.EntrantType == EntrantIndividual {
			out = append(out, ev)
		}
	}
	if len(out) == 0 {
		return nil, conflict("no_individual_events")
	}
	return out, nil
}

func registrationTemplate(ct model.Contest, events []model.Event, enterprises []string, forOrganisers bool, lang Lang) workbook.Template {
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	names := make([]string, len(events))
	for i, ev := range events {
		names[i] = ev.Name
	}
	genderNames := []string{tr("gender_male"), tr("gender_female")}
	levels := make([]string, len(SkillLevels))
	for i := range SkillLevels {
		levels[i] = skillLevelLabel(i, lang)
	}
	person := func(prefix string) []workbook.TemplateColumn {
		var cols []workbook.TemplateColumn
		for _, p := range personColumns {
			c := workbook.TemplateColumn{Header: tr(p.header), Width: p.width, Required: p.required && prefix == ""}
			if prefix != "" {
				c.Header = tr("col_master", T(p.header))
			}
			switch p.key {
			case colGender:
				c.List = genderNames
			case colIDNumber:
				c.Text, c.Hint = true, tr("hint_id_number")
			case colMobile:
				c.Text, c.Hint = true, tr("hint_mobile")
			case colSkillLevel:
				c.List = levels
			case colYearsInTrade:
				c.WholeFrom, c.WholeTo, c.Hint = 0, 60, tr("years_range")
			}
			cols = append(cols, c)
		}
		return cols
	}
	cols := []workbook.TemplateColumn{{Header: tr("col_event"), Width: 18, Required: len(events) > 1, List: names}}
	trade := events[0].Trade
	if trade == "" {
		trade = events[0].Name
	}
	example := []string{events[0].Name}
	if forOrganisers {
		cols = append(cols, workbook.TemplateColumn{Header: tr("col_enterprise"), Width: 24, Required: true, List: enterprises})
		example = append(example, firstOr(enterprises, ""))
	}
	cols = append(cols, person("")...)
	cols = append(cols, person(masterPrefix)...)
	example = append(example, tr("example_name"), genderNames[0], exampleIDNumber(), "13800000000", trade, levels[2], "8")
	tpl := workbook.Template{
		Sheet: tr("sheet_registration"), Columns: cols, Example: example,
		InstructionsSheet: tr("sheet_instructions"), Instructions: registrationInstructions(ct, events, forOrganisers, lang),
		ListsSheet: tr("sheet_lists"), Rows: MaxImportRows, ListError: tr("hint_list"),
	}
	if len(events) == 1 {
		// Rows of one event's workbook that name no event are that event's, wherever it is uploaded.
		tpl.Constants = map[string]string{templateEventName: events[0].Name}
	}
	return tpl
}

func firstOr(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return list[0]
}

// templateEventName names the event a template was made for, when it was
// made for one.
const templateEventName = "LeitaiEvent"

// registrationInstructions are the paragraphs of a template's instructions sheet.
func registrationInstructions(ct model.Contest, events []model.Event, forOrganisers bool, lang Lang) []string {
	tr := func(key string, args ...any) string { return T(key, args...).In(lang) }
	lines := []string{tr("howto_title", ct.Name)}
	steps := []Text{T("howto_rows", MaxImportRows), T("howto_required"), T("howto_numbers"), T("howto_gender"), T("howto_master"),
		T("howto_columns"), T("howto_individual"), T("howto_again")}
	if forOrganisers {
		steps = slices.Insert(steps, 1, T("howto_enterprise"))
	}
	for i, step := range steps {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, step.In(lang)))
	}
	if ct.RegistrationOpensAt != nil && ct.RegistrationClosesAt != nil {
		lines = append(lines, tr("howto_window", ct.RegistrationOpensAt.In(beijing).Format("2006-01-02 15:04"),
			ct.RegistrationClosesAt.In(beijing).Format("2006-01-02 15:04")))
	}
	var quotas []string
	for _, ev := range events {
		if ev.QuotaPerEnterprise > 0 {
			quotas = append(quotas, tr("howto_quota_of", ev.Name, ev.QuotaPerEnterprise))
		}
	}
	if len(quotas) > 0 {
		lines = append(lines, tr("howto_quotas", strings.Join(quotas, tr("list_separator"))))
	}
	return lines
}
