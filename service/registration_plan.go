package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"

	"leitai/model"
	"leitai/service/workbook"
)

// personPlan is what an import does to one worker of the register, however
// many rows name them: add them, change their details, or leave them.
type personPlan struct {
	in PersonInput
	// enterprise is the enterprise whose register keeps them.
	enterprise uint
	// record is the register's, nil when it lacks them.
	record *model.Person
	// row is the first row naming them; column their ID number's there.
	row, column int
	changed     []string
}

// entryPlan is what an import does with one row.
type entryPlan struct {
	row      importRow
	person   *personPlan
	master   *personPlan
	existing *model.Entrant
	action   string
	// rejoins is set when an update sends a rejected entry back for review.
	rejoins bool
}

// importPlan is what importing a checked file writes.
type importPlan struct {
	entries []entryPlan
	people  []*personPlan
	digest  string
	counts  map[string]int
}

// sheetColumns are where a sheet has the columns the rules of the register
// and of entries point at: the worker's and the master's ID numbers, the
// event; and the header's texts.
type sheetColumns struct {
	Person     int      `json:"person"`
	Master     int      `json:"master"`
	Event      int      `json:"event"`
	Enterprise int      `json:"enterprise"`
	Headers    []string `json:"headers"`
}

// header is the text heading a column (from 1), as the sheet has it.
func (c sheetColumns) header(column int) string {
	if column < 1 || column > len(c.Headers) {
		return ""
	}
	return strings.TrimLeft(workbook.Clean(c.Headers[column-1]), "*")
}

// planRegistrations works out what importing the rows that passed the rules
// does, against the register and the entries as they stand, adding what the
// rules of the register and of entries find to the result's problems: a
// worker of another enterprise, an entry already made elsewhere or approved,
// a row given twice, the quota of each enterprise.
func (s *Service) planRegistrations(ctx context.Context, rows []importRow, result *importResult, cols sheetColumns) (*importPlan, error) {
	p := &importPlan{counts: map[string]int{}}
	people := map[string]*personPlan{}
	bad := map[int]bool{}
	flagged := map[[2]int]bool{}
	// Each cell gets one problem, the first found; the rules of entries found theirs before.
	problem := func(row, column int, value string, t Text) {
		bad[row] = true
		if flagged[[2]int{row, column}] {
			return
		}
		flagged[[2]int{row, column}] = true
		result.add(sheetProblem{Row: row, Column: column, Header: cols.header(column), Value: value, Text: bothOf(t)})
	}
	// One worker, of one enterprise, with one set of details, whichever rows name them.
	personOf := func(row int, in *PersonInput, column int, enterprise uint) *personPlan {
		if in == nil {
			return nil
		}
		if pp, ok := people[in.IDNumber]; ok {
			if !samePersonInput(pp.in, *in) || pp.enterprise != enterprise {
				problem(row, column, in.IDNumber, T("person_rows_differ", pp.row))
			}
			return pp
		}
		pp := &personPlan{in: *in, enterprise: enterprise, row: row, column: column}
		people[in.IDNumber] = pp
		p.people = append(p.people, pp)
		return pp
	}
	entered := map[string]int{}
	for _, r := range rows {
		key := fmt.Sprintf("%d:%s", r.event.ID, r.reg.Person.IDNumber)
		if first, ok := entered[key]; ok {
			problem(r.number, cols.Person, r.reg.Person.IDNumber, T("row_repeated", first, r.event.Name))
		} else {
			entered[key] = r.number
		}
		e := entryPlan{row: r, person: personOf(r.number, r.reg.Person, cols.Person, r.enterprise.ID),
			master: personOf(r.number, r.reg.Master, cols.Master, r.enterprise.ID)}
		p.entries = append(p.entries, e)
	}
	if err := s.findPeople(ctx, p.people, problem); err != nil {
		return nil, err
	}
	existing, err := s.findEntries(ctx, p.entries)
	if err != nil {
		return nil, err
	}
	used, err := s.activeEntries(ctx, p.entries)
	if err != nil {
		return nil, err
	}
	for i := range p.entries {
		e := &p.entries[i]
		if bad[e.row.number] {
			continue
		}
		if e.person.record != nil {
			e.existing = existing[entryKey{e.row.event.ID, e.person.record.ID}]
		}
		planEntry(e, problem, cols)
		if e.action == ActionCreate || e.rejoins {
			ev, place := e.row.event, quotaKey{e.row.event.ID, e.row.enterprise.ID}
			if used[place]++; ev.QuotaPerEnterprise > 0 && used[place] > ev.QuotaPerEnterprise {
				problem(e.row.number, cols.Event, ev.Name, T("quota_reached", ev.Name, ev.QuotaPerEnterprise))
			}
		}
	}
	h := sha256.New()
	for _, e := range p.entries {
		if bad[e.row.number] || e.action == "" {
			continue
		}
		p.counts[e.action]++
		fmt.Fprintln(h, e.row.number, e.action, e.row.event.ID, e.row.enterprise.ID, versionOf(e.person), versionOf(e.master), entrantVersion(e.existing))
		result.addAction(ImportAction{Row: e.row.number, Event: e.row.event.Name, Enterprise: e.row.enterprise.Name, Name: e.row.reg.Person.Name,
			Action: e.action, Fields: e.fields()})
	}
	p.digest = hex.EncodeToString(h.Sum(nil))
	return p, nil
}

// planEntry decides what a row does with its entry: make it, correct it
// while it waits for review (sending a rejected one back for review), or
// leave it. An approved entry is corrected only after it is withdrawn.
func planEntry(e *entryPlan, problem func(row, column int, value string, t Text), cols sheetColumns) {
	registerChanges := len(e.person.changes()) > 0 || (e.master != nil && len(e.master.changes()) > 0)
	switch {
	case e.existing == nil:
		e.action = ActionCreate
		return
	case e.existing.EnterpriseID != e.row.enterprise.ID:
		problem(e.row.number, cols.Person, e.row.reg.Person.IDNumber, T("person_already_entered", e.row.reg.Person.Name, e.row.event.Name))
		return
	}
	changed := entryChanges(*e.existing, e.row.reg)
	switch {
	case len(changed) > 0 && e.existing.Status == EntrantApproved:
		problem(e.row.number, 0, "", T("entry_approved", e.row.reg.Person.Name, e.row.event.Name))
	case len(changed) > 0:
		e.action, e.rejoins = ActionUpdate, e.existing.Status == EntrantRejected
	case registerChanges:
		e.action = ActionUpdate
	default:
		e.action = ActionUnchanged
	}
}

// fields are what an update changes: the worker's details, the master's.
func (e entryPlan) fields() []string {
	if e.action == ActionCreate && e.person.record == nil {
		return []string{}
	}
	out := slices.Clone(e.person.changes())
	if e.existing != nil {
		for _, f := range entryChanges(*e.existing, e.row.reg) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	if e.master != nil && len(e.master.changes()) > 0 && !slices.Contains(out, "master") {
		out = append(out, "master")
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// changes are the details a worker's record changes in, none for a worker
// the register lacks.
func (pp *personPlan) changes() []string {
	if pp == nil || pp.record == nil {
		return nil
	}
	return pp.changed
}

// personChanges lists the details in which a record differs from a row.
func personChanges(name, gender, mobile, trade, skillLevel string, years int, in PersonInput) []string {
	var out []string
	for _, d := range []struct {
		field string
		same  bool
	}{
		{"name", name == in.Name}, {"gender", gender == in.Gender}, {"mobile", mobile == in.Mobile},
		{"trade", trade == in.Trade}, {"skill_level", skillLevel == in.SkillLevel}, {"years_in_trade", years == in.YearsInTrade},
	} {
		if !d.same {
			out = append(out, d.field)
		}
	}
	return out
}

func samePersonInput(a, b PersonInput) bool {
	return len(personChanges(a.Name, a.Gender, a.Mobile, a.Trade, a.SkillLevel, a.YearsInTrade, b)) == 0
}

// entryChanges lists what a row changes in an entry as entered: its
// worker's details, or its master.
func entryChanges(e model.Entrant, r Registration) []string {
	var out []string
	var master *model.EventParticipant
	for i, p := range e.People {
		switch p.Role {
		case model.ParticipantCompetitor:
			out = append(out, personChanges(p.Name, p.Gender, p.Mobile, p.Trade, p.SkillLevel, p.YearsInTrade, *r.Person)...)
		case model.ParticipantMaster:
			master = &e.People[i]
		}
	}
	switch {
	case master == nil && r.Master == nil:
	case master == nil || r.Master == nil || master.IDNumber != r.Master.IDNumber ||
		len(personChanges(master.Name, master.Gender, master.Mobile, master.Trade, master.SkillLevel, master.YearsInTrade, *r.Master)) > 0:
		out = append(out, "master")
	}
	return out
}

func versionOf(pp *personPlan) string {
	if pp == nil {
		return "-"
	}
	if pp.record == nil {
		return "new:" + pp.in.IDNumber
	}
	return fmt.Sprintf("%d@%d", pp.record.ID, pp.record.Version)
}

func entrantVersion(e *model.Entrant) string {
	if e == nil {
		return "-"
	}
	return fmt.Sprintf("%d@%d", e.ID, e.Version)
}

// lookupChunk is how many keys one IN list of a lookup holds.
const lookupChunk = 500

// findPeople finds the register's record of every worker the rows name; a
// worker kept by another enterprise is refused, without a word about it.
func (s *Service) findPeople(ctx context.Context, people []*personPlan, problem func(row, column int, value string, t Text)) error {
	byID := map[string]*personPlan{}
	ids := make([]string, 0, len(people))
	for _, pp := range people {
		byID[pp.in.IDNumber] = pp
		ids = append(ids, pp.in.IDNumber)
	}
	for chunk := range slices.Chunk(ids, lookupChunk) {
		var found []model.Person
		if err := s.conn(ctx).Where("id_number IN ?", chunk).Find(&found).Error; err != nil {
			return err
		}
		for _, rec := range found {
			pp := byID[rec.IDNumber]
			if rec.OrganisationID != pp.enterprise {
				problem(pp.row, pp.column, pp.in.IDNumber, T("person_not_in_register"))
				continue
			}
			pp.record = &rec
			pp.changed = personChanges(rec.Name, rec.Gender, rec.Mobile, rec.Trade, rec.SkillLevel, rec.YearsInTrade, pp.in)
		}
	}
	return nil
}

// entryKey is an entry's place: its event and its worker.
type entryKey struct{ event, person uint }

// findEntries finds the standing entries of the workers the rows name, in
// the events they name, with their people as entered.
func (s *Service) findEntries(ctx context.Context, entries []entryPlan) (map[entryKey]*model.Entrant, error) {
	var events []uint
	var keys []string
	for _, e := range entries {
		if e.person == nil || e.person.record == nil {
			continue
		}
		if !slices.Contains(events, e.row.event.ID) {
			events = append(events, e.row.event.ID)
		}
		keys = append(keys, naturalKey(EntrantIndividual, 0, "", []model.Person{*e.person.record}))
	}
	out := map[entryKey]*model.Entrant{}
	for chunk := range slices.Chunk(keys, lookupChunk) {
		var found []model.Entrant
		if err := entrantsWithPeople(s.conn(ctx)).Where("event_id IN ? AND natural_key IN ?", events, chunk).Find(&found).Error; err != nil {
			return nil, err
		}
		for i := range found {
			if found[i].PersonID != nil {
				out[entryKey{found[i].EventID, *found[i].PersonID}] = &found[i]
			}
		}
	}
	return out, nil
}

// quotaKey is a place in a quota: an event and an enterprise.
type quotaKey struct{ event, enterprise uint }

// activeEntries counts the entries of each enterprise that take a place in
// each event's quota.
func (s *Service) activeEntries(ctx context.Context, entries []entryPlan) (map[quotaKey]int, error) {
	eventSet, enterpriseSet := map[uint]bool{}, map[uint]bool{}
	for _, e := range entries {
		if e.row.event.QuotaPerEnterprise > 0 {
			eventSet[e.row.event.ID], enterpriseSet[e.row.enterprise.ID] = true, true
		}
	}
	events, enterprises := slices.Collect(maps.Keys(eventSet)), slices.Collect(maps.Keys(enterpriseSet))
	out := map[quotaKey]int{}
	if len(events) == 0 {
		return out, nil
	}
	var counts []struct {
		EventID, EnterpriseID uint
		N                     int
	}
	err := s.conn(ctx).Model(&model.Entrant{}).Select("event_id, enterprise_id, COUNT(*) AS n").
		Where("event_id IN ? AND enterprise_id IN ? AND status IN ?", events, enterprises, []string{EntrantPending, EntrantApproved}).
		Group("event_id, enterprise_id").Scan(&counts).Error
	for _, c := range counts {
		out[quotaKey{c.EventID, c.EnterpriseID}] = c.N
	}
	return out, err
}

func sheetColumnsOf(l workbook.Layout, header workbook.Row) sheetColumns {
	return sheetColumns{Person: l.ColumnOf(colIDNumber), Master: l.ColumnOf(masterPrefix + colIDNumber), Event: l.ColumnOf(colEvent),
		Enterprise: l.ColumnOf(colEnterprise), Headers: header.Cells}
}
