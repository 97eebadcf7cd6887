package service

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"leitai/model"
	"leitai/service/workbook"
)

// insertBatch is how many rows one INSERT of an import writes.
const insertBatch = 500

// CheckRegistrationImport reads a registration sheet for a contest (or, with
// eventID, for one of its events: rows that name no event are its), from an
// enterprise for its own workers, or from the contest's organisers for the
// enterprises of their subtree, each row naming its enterprise. It checks
// every row by the rules of an entry made on the web, and keeps the file as
// a job that says what importing it would create, update or leave as it is.
// Nothing else is written: this is the dry run. A file that cannot be read is
// refused at once; a large one is checked in the background, its job
// answered while it is still being checked.
func (s *Service) CheckRegistrationImport(ctx context.Context, c Caller, contestID, eventID uint, fileName string, content []byte, lang Lang) (ImportJob, error) {
	if !c.mayRegister() && !c.mayBrowseTree() {
		return ImportJob{}, forbidden()
	}
	ct, err := s.loadContest(ctx, contestID)
	if err != nil {
		return ImportJob{}, err
	}
	im, err := s.importerFor(ctx, c, ct)
	if err != nil {
		return ImportJob{}, err
	}
	job := model.ImportJob{Kind: ImportRegistrations, ContestID: ct.ID, OrganisationID: c.OrganisationID, AccountID: c.AccountID,
		FileName: importFileName(fileName), Content: content, Status: ImportChecking, Version: 1}
	if eventID != 0 {
		if _, err := s.importableEvents(ctx, ct, eventID); err != nil {
			return ImportJob{}, err
		}
		job.EventID = &eventID
	}
	if err := s.registrationOpen(ct); err != nil {
		return ImportJob{}, err
	}
	return s.checkImportFile(ctx, c, job, content, lang, func(ctx context.Context, book *workbook.Book, p *importProgress) (checkOutcome, error) {
		result, plan, packed, err := s.checkRegistrations(ctx, job, im, book, p)
		if err != nil {
			return checkOutcome{}, err
		}
		o := checkOutcome{result: result, packed: packed}
		if plan != nil {
			o.digest, o.counts = plan.digest, plan.counts
		}
		return o, nil
	})
}

// checkRegistrations reads a job's file and works out what importing it
// does; when every row passed, it packs them for the import.
func (s *Service) checkRegistrations(ctx context.Context, job model.ImportJob, im importer, book *workbook.Book, p *importProgress) (*importResult, *importPlan, []byte, error) {
	result, rows, cols, err := s.readRegistrationSheet(ctx, job, im, book, p)
	if err != nil {
		return nil, nil, nil, err
	}
	p.set(StageChecking, 0, 0)
	plan, err := s.planRegistrations(ctx, rows, result, cols)
	if err != nil || result.ProblemsTotal > 0 {
		return result, plan, nil, err
	}
	packed, err := packRows(rows, cols)
	return result, plan, packed, err
}

// CommitImport imports a checked job all at once or not at all: in one
// transaction it checks the rows that passed the check again, against their
// events, the register and the entries as they are now, and writes only if
// that finds no problem and what it would write is what the check showed. A large file is imported in the
// background, its job answered while it is being written. A job that fails
// here wrote nothing; its file can be uploaded again.
func (s *Service) CommitImport(ctx context.Context, c Caller, id uint, version int, lang Lang) (ImportJob, error) {
	var j model.ImportJob
	var size int
	err := s.tx(ctx, func(ctx context.Context) error {
		var err error
		if j, err = s.loadImportJob(ctx, c, id); err != nil {
			return err
		}
		if j.Version != version {
			return staleVersion()
		}
		switch j.Status {
		case ImportImported:
			return conflict("import_done")
		case ImportChecking, ImportImporting:
			return conflict("import_running")
		case ImportInvalid, ImportFailed:
			return conflict("import_has_problems")
		}
		if err := s.mayImport(ctx, c, j); err != nil {
			return err
		}
		if err := s.conn(ctx).Model(&model.ImportJob{}).Select("LENGTH(content)").Where("id = ?", j.ID).Scan(&size).Error; err != nil {
			return err
		}
		// The job is claimed: a second go-ahead finds it importing, or stale.
		if err := s.updateVersioned(ctx, &model.ImportJob{}, j.ID, j.Version, map[string]any{"status": ImportImporting}); err != nil {
			return err
		}
		j.Status, j.Version = ImportImporting, j.Version+1
		return s.audit(ctx, c, "import.commit", "import_job", j.ID, map[string]string{"status": ImportChecked},
			map[string]string{"status": ImportImporting})
	})
	if err != nil {
		return ImportJob{}, err
	}
	if size > s.backgroundImportBytes {
		s.startImport(j.ID, func(ctx context.Context, p *importProgress) error { return s.runImport(ctx, c, j, p) })
		return s.showImport(j, lang)
	}
	if err := s.runImport(ctx, c, j, nil); err != nil {
		s.failImport(ctx, j.ID, err)
		return ImportJob{}, err
	}
	return s.GetImport(ctx, c, id, lang)
}

// importRegistrations writes a claimed job in one transaction, after checking
// its rows again.

// placesOf lists the quota places a file's rows take: each event with each
// enterprise, once, in order, so that imports lock them in the same order.
func placesOf(rows []importRow) []quotaKey {
	seen := map[quotaKey]bool{}
	var out []quotaKey
	for _, r := range rows {
		k := quotaKey{r.event.ID, r.enterprise.ID}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b quotaKey) int {
		if a.event != b.event {
			return cmp.Compare(a.event, b.event)
		}
		return cmp.Compare(a.enterprise, b.enterprise)
	})
	return out
}
func (s *Service) importRegistrations(ctx context.Context, c Caller, j model.ImportJob, p *importProgress) error {
	return s.tx(ctx, func(ctx context.Context) error {
		ct, err := s.loadContest(ctx, j.ContestID)
		if err != nil {
			return err
		}
		if err := s.registrationOpen(ct); err != nil {
			return err
		}
		im, err := s.importerFor(ctx, c, ct)
		if err != nil {
			return err
		}
		checked, err := resultOf(j)
		if err != nil {
			return err
		}
		result := &importResult{Sheet: checked.Sheet, HeaderRow: checked.HeaderRow, Width: checked.Width, Rows: checked.Rows}
		p.set(StageChecking, 0, 0)
		rows, cols, err := s.unpackRows(ctx, j, im, result)
		if err != nil {
			return err
		}
		// Entries of the file's enterprises into its events wait for this import, and it for them.
		for _, place := range placesOf(rows) {
			ev, err := s.entryEvent(ctx, place.event, place.enterprise)
			if err != nil {
				return err
			}
			// As the lock read it: a draw may have ended since the rows were read.
			if ev.DrawnAt != nil {
				return conflict("already_drawn", ev.Name)
			}
		}
		plan, err := s.planRegistrations(ctx, rows, result, cols)
		if err != nil {
			return err
		}
		if result.ProblemsTotal > 0 || plan.digest != j.Digest {
			return conflict("import_changed")
		}
		p.set(StageWriting, 0, len(plan.entries))
		if err := s.applyRegistrations(ctx, c, j, plan, p); err != nil {
			return err
		}
		return s.markImported(ctx, j, result, plan.counts)
	})
}

// The tables an import writes, with the columns it gives them.
var (
	peopleInsert = bulkInsert{table: "people", columns: []string{"organisation_id", "id_number", "name", "gender", "mobile", "trade",
		"skill_level", "years_in_trade", "version", "created_at", "updated_at"}}
	entrantsInsert = bulkInsert{table: "entrants", columns: []string{"event_id", "contest_id", "enterprise_id", "enterprise_name", "person_id",
		"master_person_id", "statement", "natural_key", "status", "version", "created_at", "updated_at"}}
	participantsInsert = bulkInsert{table: "event_participants", columns: []string{"event_id", "person_id", "entrant_id", "role", "position",
		"active_key", "name", "gender", "id_number", "mobile", "trade", "skill_level", "years_in_trade"}}
	auditInsert = bulkInsert{table: "audit_entries", columns: []string{"account_id", "action", "entity", "entity_id", "before_value",
		"after_value", "reason", "created_at"}}
)

// applyRegistrations writes a plan: new workers into the register and
// changed ones updated, new entries with their people as entered, corrected
// entries, each entry's change audited. Rows are written in batches, and
// built one batch at a time, so that a large file costs little memory.
func (s *Service) applyRegistrations(ctx context.Context, c Caller, j model.ImportJob, plan *importPlan, p *importProgress) error {
	tx := s.conn(ctx)
	now := tx.NowFunc()
	var values []any
	for batch := range slices.Chunk(plan.people, insertBatch) {
		var fresh []*personPlan
		values = values[:0]
		for _, pp := range batch {
			in := pp.in
			switch {
			case pp.record == nil:
				values = append(values, pp.enterprise, in.IDNumber, in.Name, in.Gender, in.Mobile, in.Trade, in.SkillLevel, in.YearsInTrade, 1, now, now)
				fresh = append(fresh, pp)
			case len(pp.changed) > 0:
				if err := s.updateVersioned(ctx, &model.Person{}, pp.record.ID, pp.record.Version, map[string]any{"name": in.Name,
					"gender": in.Gender, "mobile": in.Mobile, "trade": in.Trade, "skill_level": in.SkillLevel, "years_in_trade": in.YearsInTrade}); err != nil {
					return err
				}
				rec := *pp.record
				rec.Name, rec.Gender, rec.Mobile, rec.Trade, rec.SkillLevel, rec.YearsInTrade = in.Name, in.Gender, in.Mobile, in.Trade, in.SkillLevel, in.YearsInTrade
				pp.record = &rec
			}
		}
		if len(fresh) == 0 {
			continue
		}
		ids, err := peopleInsert.insert(ctx, tx, values)
		if err != nil {
			return err
		}
		for i, pp := range fresh {
			in := pp.in
			pp.record = &model.Person{ID: ids[i], OrganisationID: pp.enterprise, IDNumber: in.IDNumber, Name: in.Name, Gender: in.Gender,
				Mobile: in.Mobile, Trade: in.Trade, SkillLevel: in.SkillLevel, YearsInTrade: in.YearsInTrade, Version: 1, CreatedAt: now, UpdatedAt: now}
		}
	}
	var account any
	if c.AccountID != 0 {
		account = c.AccountID
	}
	var people, audits []any
	for batch := range slices.Chunk(plan.entries, insertBatch) {
		var created []entryPlan
		values, people, audits = values[:0], people[:0], audits[:0]
		for _, e := range batch {
			switch {
			case e.action == ActionCreate:
				var master any
				if e.master != nil {
					master = e.master.record.ID
				}
				key := naturalKey(EntrantIndividual, e.row.enterprise.ID, "", []model.Person{*e.person.record})
				values = append(values, e.row.event.ID, j.ContestID, e.row.enterprise.ID, e.row.enterprise.Name, e.person.record.ID, master,
					"", key, EntrantPending, 1, now, now)
				created = append(created, e)
			case e.action == ActionUpdate && e.existing != nil && len(entryChanges(*e.existing, e.row.reg)) > 0:
				if err := s.correctEntry(ctx, e); err != nil {
					return err
				}
				audits = append(audits, account, "entrant.import", "entrant", e.existing.ID,
					fmt.Sprintf(`{"status":%q}`, e.existing.Status), fmt.Sprintf(`{"import_id":%d,"status":%q}`, j.ID, EntrantPending), "", s.now())
			}
		}
		if len(created) > 0 {
			ids, err := entrantsInsert.insert(ctx, tx, values)
			if err != nil {
				return err
			}
			for i, e := range created {
				people = appendParticipant(people, e.row.event.ID, ids[i], *e.person.record, model.ParticipantCompetitor)
				if e.master != nil {
					people = appendParticipant(people, e.row.event.ID, ids[i], *e.master.record, model.ParticipantMaster)
				}
				audits = append(audits, account, "entrant.register", "entrant", ids[i], nil,
					fmt.Sprintf(`{"event_id":%d,"import_id":%d,"status":%q}`, e.row.event.ID, j.ID, EntrantPending), "", s.now())
			}
			if _, err := participantsInsert.insert(ctx, tx, people); err != nil {
				return err
			}
		}
		if len(audits) > 0 {
			if _, err := auditInsert.insert(ctx, tx, audits); err != nil {
				return err
			}
		}
		p.add(len(batch))
	}
	return nil
}

// appendParticipant adds the values of a person as an entry names them, as
// participant makes them, to the rows of participantsInsert.
func appendParticipant(values []any, eventID, entrantID uint, p model.Person, role string) []any {
	row := participant(model.Event{ID: eventID}, p, role, 0)
	var active any
	if row.ActiveKey != nil {
		active = *row.ActiveKey
	}
	return append(values, row.EventID, row.PersonID, entrantID, row.Role, row.Position, active, row.Name, row.Gender, row.IDNumber,
		row.Mobile, row.Trade, row.SkillLevel, row.YearsInTrade)
}

// correctEntry writes a row's corrections into its entry as entered: its
// worker's details and its master. A rejected entry goes back for review.
func (s *Service) correctEntry(ctx context.Context, e entryPlan) error {
	tx := s.conn(ctx)
	changes := map[string]any{"master_person_id": nil}
	if e.master != nil {
		changes["master_person_id"] = e.master.record.ID
	}
	if e.rejoins {
		changes["status"], changes["reject_reason"] = EntrantPending, ""
	}
	if err := s.updateVersioned(ctx, &model.Entrant{}, e.existing.ID, e.existing.Version, changes); err != nil {
		return err
	}
	p := *e.person.record
	if err := tx.Model(&model.EventParticipant{}).Where("entrant_id = ? AND role = ?", e.existing.ID, model.ParticipantCompetitor).
		Updates(map[string]any{"name": p.Name, "gender": p.Gender, "mobile": p.Mobile, "trade": p.Trade, "skill_level": p.SkillLevel,
			"years_in_trade": p.YearsInTrade}).Error; err != nil {
		return err
	}
	if err := tx.Where("entrant_id = ? AND role = ?", e.existing.ID, model.ParticipantMaster).Delete(&model.EventParticipant{}).Error; err != nil {
		return err
	}
	if e.master == nil {
		return nil
	}
	m := participant(*e.row.event, *e.master.record, model.ParticipantMaster, 0)
	m.EntrantID = e.existing.ID
	return tx.Create(&m).Error
}
