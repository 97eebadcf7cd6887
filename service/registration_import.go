package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"leitai/model"
	"leitai/service/workbook"
)

// importRow is a row of a registration sheet that passed the rules of an
// entry, as checkRegistration left it (trimmed, normalised).
type importRow struct {
	number     int
	event      *model.Event
	enterprise *model.Organisation
	reg        Registration
}

// sheetReader reads a registration sheet and checks each row by the rules
// of an entry, collecting every problem.
type sheetReader struct {
	// im is whom the rows enter workers for.
	im importer
	// byName are the contest's events by the key of their name.
	byName map[string]*model.Event
	// defaultEvent is the event of rows that name none; nil when they must.
	defaultEvent *model.Event
	today        time.Time
	// levels are the names a skill level is read by (skillLevelNames).
	levels map[string]string
	result *importResult
	layout workbook.Layout
	header workbook.Row
	// best is the row that came nearest to a header, while none is found.
	best      *workbook.Layout
	bestRow   workbook.Row
	rowsTried int
}

// readRegistrationSheet reads the sheet of a registration import and checks
// every row by the same rules as an entry made on the web. Problems of the
// file as a whole (not a spreadsheet, too big) are errors; problems of its
// rows are in the result, beside the rows that passed.
func (s *Service) readRegistrationSheet(ctx context.Context, job model.ImportJob, im importer, book *workbook.Book, p *importProgress) (*importResult, []importRow, sheetColumns, error) {
	var events []model.Event
	if err := s.conn(ctx).Where("contest_id = ?", job.ContestID).Order("id").Find(&events).Error; err != nil {
		return nil, nil, sheetColumns{}, err
	}
	r := &sheetReader{im: im, byName: map[string]*model.Event{}, today: s.now(), levels: skillLevelNames(), result: &importResult{}}
	var individual []*model.Event
	for i := range events {
		ev := &events[i]
		r.byName[workbook.HeaderKey(ev.Name)] = ev
		if ev.EntrantType == EntrantIndividual {
			individual = append(individual, ev)
		}
		if job.EventID != nil && ev.ID == *job.EventID {
			r.defaultEvent = ev
		}
	}
	if name, ok := book.Constant(templateEventName); ok && r.defaultEvent == nil {
		if ev, ok := r.byName[workbook.HeaderKey(name)]; ok && ev.EntrantType == EntrantIndividual {
			r.defaultEvent = ev
		}
	}
	if r.defaultEvent == nil && len(individual) == 1 {
		r.defaultEvent = individual[0]
	}
	r.result.Sheet = registrationSheetOf(book)
	rows, err := book.Rows(r.result.Sheet)
	if err != nil {
		return nil, nil, sheetColumns{}, fileError(err)
	}
	defer func() { _ = rows.Close() }()
	var out []importRow
	p.set(StageReading, 0, 0)
	for rows.Next() {
		p.add(1)
		row := rows.Row()
		r.result.Width = max(r.result.Width, len(row.Cells))
		if r.layout.Index == nil {
			r.findHeader(row)
			continue
		}
		if r.layout.Cell(row, colIDNumber) == exampleIDNumber() {
			continue // the template's example row
		}
		r.result.Rows++
		if ir, ok := r.readRow(row); ok {
			out = append(out, ir)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, sheetColumns{}, fileError(err)
	}
	if r.layout.Index == nil {
		r.headerProblems()
	}
	if r.result.Rows > MaxImportRows {
		return nil, nil, sheetColumns{}, fileError(&workbook.Error{Problem: workbook.TooManyRows, Limit: MaxImportRows})
	}
	r.result.HeaderRow = r.header.Number
	return r.result, out, sheetColumnsOf(r.layout, r.header), nil
}

// registrationSheetOf picks the sheet to read: the one a template names
// 报名表 (or Registration), else the first visible one but the instructions.
func registrationSheetOf(b *workbook.Book) string {
	sheets := b.Sheets()
	names := []string{T("sheet_registration").In(LangZH), T("sheet_registration").In(LangEN)}
	skip := []string{T("sheet_instructions").In(LangZH), T("sheet_instructions").In(LangEN)}
	for _, name := range sheets {
		if slices.Contains(names, name) {
			return name
		}
	}
	for _, name := range sheets {
		if !slices.Contains(skip, name) {
			return name
		}
	}
	return sheets[0]
}

// headerSearch is how many rows at the top may come before the header: a
// title, a note.
const headerSearch = 5

// findHeader takes the first row naming every required column as the
// header; until one does, it keeps the row naming most columns, to say what
// it lacks.
func (r *sheetReader) findHeader(row workbook.Row) {
	if r.rowsTried++; r.rowsTried > headerSearch {
		return
	}
	l := workbook.MatchHeader(row, r.columns())
	if len(l.Missing) == 0 {
		r.layout, r.header = l, row
		return
	}
	if r.best == nil || len(l.Index) > len(r.best.Index) {
		r.best, r.bestRow = &l, row
	}
}

// columns are the sheet's columns; the event is required unless rows that
// name none have one.
func (r *sheetReader) columns() []workbook.Column {
	cols := registrationColumns(r.im.forOrganisers())
	cols[0].Required = r.defaultEvent == nil
	return cols
}

// headerProblems says which required columns no header row names.
func (r *sheetReader) headerProblems() {
	missing, row := []string{}, 1
	for _, c := range r.columns() {
		if c.Required {
			missing = append(missing, c.Key)
		}
	}
	if r.best != nil {
		missing, row = r.best.Missing, r.bestRow.Number
	}
	r.header = workbook.Row{Number: row}
	for _, key := range missing {
		r.result.add(sheetProblem{Row: row, Text: bothOf(T("column_missing", T("col_"+key)))})
	}
}

// readRow reads one row under the header and checks it by the rules of an
// entry; every cell gets at most one problem, the first found.
func (r *sheetReader) readRow(row workbook.Row) (importRow, bool) {
	flagged := map[string]bool{}
	bad := func(key string, t Text) {
		if flagged[key] {
			return
		}
		flagged[key] = true
		column := r.layout.ColumnOf(key)
		r.result.add(sheetProblem{Row: row.Number, Column: column, Header: sheetColumnsOf(r.layout, r.header).header(column),
			Value: r.layout.Cell(row, key), Text: bothOf(t)})
	}
	ev, evOK := r.eventOf(r.layout.Cell(row, colEvent), bad)
	ent, entOK := r.im.enterpriseOf(r.layout.Cell(row, colEnterprise), bad)
	reg := Registration{Person: r.personOf(row, "", bad), Master: r.personOf(row, masterPrefix, bad)}
	// The rules of an entry into an individual event, whether or not the row names one.
	if err := checkRegistration(model.Event{EntrantType: EntrantIndividual}, &reg, r.today); err != nil {
		e, _ := AsError(err)
		for _, f := range e.Fields {
			bad(fieldColumn(f.Field), f.Text)
		}
	}
	if !evOK || !entOK || len(flagged) > 0 {
		return importRow{}, false
	}
	return importRow{number: row.Number, event: ev, enterprise: ent, reg: reg}, true
}

// fieldColumn is the column of a field the rules of an entry name:
// person.mobile is the mobile column, master.mobile the master's.
func fieldColumn(fieldName string) string {
	who, key, _ := strings.Cut(fieldName, ".")
	if who == "master" {
		return masterPrefix + key
	}
	return key
}

// eventOf finds the event a row names: an individual event of the contest,
// not drawn yet.
func (r *sheetReader) eventOf(cell string, bad func(string, Text)) (*model.Event, bool) {
	if cell == "" {
		if r.defaultEvent == nil {
			bad(colEvent, T("required"))
			return nil, false
		}
		return r.defaultEvent, eventTakesRows(r.defaultEvent, bad)
	}
	ev, ok := r.byName[workbook.HeaderKey(cell)]
	if !ok {
		bad(colEvent, T("event_unknown", cell))
		return nil, false
	}
	return ev, eventTakesRows(ev, bad)
}

// eventTakesRows tells whether a sheet's rows can enter workers into an
// event: an individual event, not drawn yet.
func eventTakesRows(ev *model.Event, bad func(string, Text)) bool {
	switch {
	case ev.EntrantType != EntrantIndividual:
		bad(colEvent, T("event_not_individual", ev.Name))
	case ev.DrawnAt != nil:
		bad(colEvent, T("already_drawn", ev.Name))
	default:
		return true
	}
	return false
}

// personOf reads a worker's cells, or the master's when prefix is the
// master's; a row without a master has no master's cells filled.
func (r *sheetReader) personOf(row workbook.Row, prefix string, bad func(string, Text)) *PersonInput {
	cell := func(key string) string { return r.layout.Cell(row, prefix+key) }
	if prefix != "" && !slices.ContainsFunc(personColumns, func(c personColumn) bool { return cell(c.key) != "" }) {
		return nil
	}
	p := &PersonInput{Name: cell(colName), IDNumber: cell(colIDNumber), Mobile: workbook.Digits(cell(colMobile)),
		Trade: cell(colTrade), SkillLevel: skillLevelOf(r.levels, cell(colSkillLevel))}
	switch g := cell(colGender); {
	case g == "":
		bad(prefix+colGender, T("required"))
	case genderOf(g) == "":
		bad(prefix+colGender, T("one_of", T("gender_list")))
	default:
		p.Gender = genderOf(g)
	}
	if lostDigits(p.IDNumber, r.today) {
		bad(prefix+colIDNumber, T("id_number_as_number"))
	}
	if y := cell(colYearsInTrade); y != "" {
		n, ok := workbook.Whole(y)
		if !ok {
			bad(prefix+colYearsInTrade, T("wrong_type", T("type_integer")))
		}
		p.YearsInTrade = n
	}
	return p
}

// lostDigits tells an ID number that a spreadsheet turned into a number:
// shown as 1.10105E+17, or written out with the digits past the fifteenth
// turned to zeros, which then fails its check.
func lostDigits(id string, today time.Time) bool {
	if workbook.Scientific(id) {
		return true
	}
	return len(id) == 18 && strings.Trim(id, "0123456789") == "" && strings.HasSuffix(id, "000") && checkIDNumber(id, today) != ""
}
