package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// PersonInput is a worker as an enterprise enters them. Version is the
// version of the register's record the details were read from (0 when none
// was read); it is needed only to change a worker the register already has.
type PersonInput struct {
	Version      int
	Name         string
	Gender       string
	IDNumber     string
	Mobile       string
	Trade        string
	SkillLevel   string
	YearsInTrade int
}

// Registration is an enterprise's entry into an event: a worker (with an
// optional master for a 师带徒 pair), a team, or the enterprise itself.
type Registration struct {
	Person    *PersonInput
	Master    *PersonInput
	TeamName  string
	Members   []PersonInput
	Statement string
}

// check finds what is wrong with a worker's details on the day today; fields
// start with prefix.
func (p *PersonInput) check(prefix string, today time.Time) []FieldError {
	fe := checkName(prefix+".name", &p.Name, maxPersonName)
	add := func(f, key string, args ...any) { fe = append(fe, field(prefix+"."+f, key, args...)) }
	p.IDNumber, p.Mobile = NormaliseIDNumber(p.IDNumber), strings.TrimSpace(p.Mobile)
	idProblem := checkIDNumber(p.IDNumber, today)
	if idProblem != "" {
		add("id_number", idProblem)
	}
	switch {
	case !slices.Contains(genders, p.Gender):
		add("gender", "one_of", strings.Join(genders, ", "))
	case idProblem == "" && (p.IDNumber[16]-'0')%2 == 1 != (p.Gender == "male"):
		add("gender", "gender_mismatch")
	}
	if key := checkMobile(p.Mobile); key != "" {
		add("mobile", key)
	}
	if p.SkillLevel != "" && !slices.Contains(SkillLevels, p.SkillLevel) {
		add("skill_level", "one_of", strings.Join(SkillLevels, ", "))
	}
	if p.YearsInTrade < 0 || p.YearsInTrade > 60 {
		add("years_in_trade", "years_range")
	}
	if len([]rune(p.Trade)) > 64 {
		add("trade", "too_long", 64)
	}
	return fe
}

// samePerson tells whether a stored worker already has the details entered.
func samePerson(p model.Person, in PersonInput) bool {
	in.Trade = strings.TrimSpace(in.Trade)
	return len(personChanges(p.Name, p.Gender, p.Mobile, p.Trade, p.SkillLevel, p.YearsInTrade, in)) == 0
}

// upsertPerson finds a worker of the enterprise's register by ID number or
// adds them, keeping one record per person across contests. Details that
// differ from the register update it only when the entry names the version
// it was read at, so that a change made in between is never overwritten. A
// worker kept by another enterprise is refused without a word about it:
// moving a worker is the unions' (TransferPerson).
func (s *Service) upsertPerson(ctx context.Context, enterpriseID uint, in PersonInput, fieldPrefix string) (model.Person, error) {
	tx := s.conn(ctx)
	var p model.Person
	err := tx.Where("id_number = ?", in.IDNumber).Take(&p).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		p = model.Person{OrganisationID: enterpriseID, IDNumber: in.IDNumber, Name: in.Name, Gender: in.Gender, Mobile: in.Mobile,
			Trade: strings.TrimSpace(in.Trade), SkillLevel: in.SkillLevel, YearsInTrade: in.YearsInTrade, Version: 1}
		err := tx.Omit("Organisation").Create(&p).Error
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			// Another request added the same worker a moment ago, into another event.
			return p, duplicate(fieldPrefix+".id_number", "person_busy")
		}
		return p, err
	case err != nil:
		return p, err
	case p.OrganisationID != enterpriseID:
		return p, &Error{Kind: KindConflict, Code: "person_not_in_register", Text: T("person_not_in_register"),
			Fields: []FieldError{field(fieldPrefix+".id_number", "person_not_in_register")}}
	case samePerson(p, in):
		return p, nil
	case in.Version != p.Version:
		return p, &Error{Kind: KindConflict, Code: "person_changed", Text: T("person_changed", p.Name),
			Fields: []FieldError{field(fieldPrefix+".id_number", "person_changed", p.Name)}}
	}
	p.Name, p.Gender, p.Mobile, p.Trade, p.SkillLevel, p.YearsInTrade = in.Name, in.Gender, in.Mobile, strings.TrimSpace(in.Trade), in.SkillLevel, in.YearsInTrade
	p.Version++
	return p, s.saveVersioned(ctx, &p, in.Version, "Organisation")
}

// participant is the row that names a person in an entry, with their details
// as they stand in the register now, which is as they were entered.
func participant(ev model.Event, p model.Person, role string, position int) model.EventParticipant {
	row := model.EventParticipant{EventID: ev.ID, PersonID: p.ID, Role: role, Position: position, Name: p.Name, Gender: p.Gender,
		IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade, SkillLevel: p.SkillLevel, YearsInTrade: p.YearsInTrade}
	if role == model.ParticipantCompetitor {
		id := p.ID
		row.ActiveKey = &id
	}
	return row
}

// Register enters workers, a team or the enterprise itself into an event.
func (s *Service) Register(ctx context.Context, c Caller, eventID uint, r Registration) (Entrant, error) {
	if !c.mayRegister() {
		return Entrant{}, forbidden()
	}
	var created model.Entrant
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		ev, err := s.entryEvent(ctx, eventID, c.OrganisationID)
		if err != nil {
			return err
		}
		ct, err := s.loadContest(ctx, ev.ContestID)
		if err != nil {
			return err
		}
		if !c.entersInto(ct) || ct.Status == model.StepDraft {
			return forbidden()
		}
		if err := s.registrationOpen(ct); err != nil {
			return err
		}
		if ev.DrawnAt != nil {
			return conflict("already_drawn", ev.Name)
		}
		if err := checkRegistration(ev, &r, s.now()); err != nil {
			return err
		}
		if ev.QuotaPerEnterprise > 0 {
			var n int64
			if err := tx.Model(&model.Entrant{}).Where("event_id = ? AND enterprise_id = ? AND status IN ?", ev.ID, c.OrganisationID,
				[]string{EntrantPending, EntrantApproved}).Count(&n).Error; err != nil {
				return err
			}
			if n >= int64(ev.QuotaPerEnterprise) {
				return &Error{Kind: KindConflict, Code: "quota_reached", Text: T("quota_reached", ev.Name, ev.QuotaPerEnterprise)}
			}
		}
		e := model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: c.OrganisationID, EnterpriseName: c.OrganisationName, Status: EntrantPending,
			TeamName: strings.TrimSpace(r.TeamName), Statement: strings.TrimSpace(r.Statement), Version: 1}
		var competitors []model.Person
		var prefixes []string
		var master *model.Person
		switch ev.EntrantType {
		case EntrantIndividual:
			p, err := s.upsertPerson(ctx, c.OrganisationID, *r.Person, "person")
			if err != nil {
				return err
			}
			e.PersonID = &p.ID
			competitors, prefixes = []model.Person{p}, []string{"person"}
			if r.Master != nil {
				m, err := s.upsertPerson(ctx, c.OrganisationID, *r.Master, "master")
				if err != nil {
					return err
				}
				e.MasterPersonID, master = &m.ID, &m
			}
		case EntrantTeam:
			for i, in := range r.Members {
				p, err := s.upsertPerson(ctx, c.OrganisationID, in, fmt.Sprintf("members[%d]", i))
				if err != nil {
					return err
				}
				competitors, prefixes = append(competitors, p), append(prefixes, fmt.Sprintf("members[%d]", i))
			}
		}
		key := naturalKey(ev.EntrantType, c.OrganisationID, e.TeamName, competitors)
		e.NaturalKey = &key
		if err := tx.Omit("People").Create(&e).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate(duplicateField(ev.EntrantType), "already_entered", ev.Name)
			}
			return err
		}
		for i, p := range competitors {
			row := participant(ev, p, model.ParticipantCompetitor, i)
			row.EntrantID = e.ID
			err := tx.Create(&row).Error
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate(prefixes[i]+".id_number", "person_already_entered", p.Name, ev.Name)
			}
			if err != nil {
				return err
			}
			e.People = append(e.People, row)
		}
		if master != nil {
			row := participant(ev, *master, model.ParticipantMaster, 0)
			row.EntrantID = e.ID
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			e.People = append(e.People, row)
		}
		created = e
		return s.audit(ctx, c, "entrant.register", "entrant", e.ID, nil, map[string]any{"event_id": ev.ID, "status": e.Status})
	})
	if err != nil {
		return Entrant{}, err
	}
	// The answer is what was written: reading it back would cost as much again.
	return entrantView(created, true), nil
}

// registrationOpen checks the step and, where the contest sets one, the window.
func (s *Service) registrationOpen(ct model.Contest) error {
	if ct.Status != model.StepRegistrationOpen {
		return wrongStep(ct.Status)
	}
	now := s.now()
	if (ct.RegistrationOpensAt != nil && now.Before(*ct.RegistrationOpensAt)) || (ct.RegistrationClosesAt != nil && now.After(*ct.RegistrationClosesAt)) {
		return &Error{Kind: KindConflict, Code: "wrong_step", Text: T("outside_window")}
	}
	return nil
}

// checkRegistration validates an entry against the event's entrant type, on
// the day today. A team name is kept for a team only.
func checkRegistration(ev model.Event, r *Registration, today time.Time) error {
	var fe []FieldError
	if ev.EntrantType != EntrantTeam {
		r.TeamName = ""
	}
	switch ev.EntrantType {
	case EntrantIndividual:
		if r.Person == nil {
			fe = append(fe, field("person", "required"))
		} else {
			fe = append(fe, r.Person.check("person", today)...)
		}
		if r.Master != nil {
			fe = append(fe, r.Master.check("master", today)...)
			if r.Person != nil && r.Master.IDNumber == r.Person.IDNumber {
				fe = append(fe, field("master.id_number", "master_is_entrant"))
			}
		}
	case EntrantTeam:
		fe = append(fe, checkName("team_name", &r.TeamName, maxTeamName)...)
		if len(r.Members) != ev.TeamSize {
			fe = append(fe, field("members", "team_size_exact", ev.TeamSize))
		}
		seen := map[string]bool{}
		for i := range r.Members {
			prefix := fmt.Sprintf("members[%d]", i)
			fe = append(fe, r.Members[i].check(prefix, today)...)
			if seen[r.Members[i].IDNumber] {
				fe = append(fe, field(prefix+".id_number", "member_repeated"))
			}
			seen[r.Members[i].IDNumber] = true
		}
	case EntrantOrganisation:
		if strings.TrimSpace(r.Statement) == "" {
			fe = append(fe, field("statement", "required"))
		}
	}
	if len(fe) > 0 {
		return invalid(fe...)
	}
	return nil
}

// naturalKey is what makes an entry unique in its event: the worker, the
// team's name within its enterprise, or the enterprise.
func naturalKey(entrantType string, enterpriseID uint, teamName string, competitors []model.Person) string {
	switch entrantType {
	case EntrantIndividual:
		return fmt.Sprintf("p:%d", competitors[0].ID)
	case EntrantTeam:
		return fmt.Sprintf("t:%d:%s", enterpriseID, teamName)
	}
	return fmt.Sprintf("o:%d", enterpriseID)
}

func duplicateField(entrantType string) string {
	switch entrantType {
	case EntrantIndividual:
		return "person.id_number"
	case EntrantTeam:
		return "team_name"
	}
	return "statement"
}

// Withdraw takes an entry back while registration is open; it frees the
// entry's place in the quota and its workers for another entry.
func (s *Service) Withdraw(ctx context.Context, c Caller, id uint) (Entrant, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		e, err := s.loadEntrant(ctx, id)
		if err != nil {
			return err
		}
		if !c.withdraws(e) {
			return forbidden()
		}
		ct, err := s.loadContest(ctx, e.ContestID)
		if err != nil {
			return err
		}
		if ct.Status != model.StepRegistrationOpen {
			return wrongStep(ct.Status)
		}
		// A rejected entry may be withdrawn too, to free its place for a corrected one.
		if e.Status == EntrantWithdrawn {
			return conflict("entrant_not_active")
		}
		// A drawn entry keeps its number whatever happens to registration afterwards.
		ev, err := s.loadEvent(ctx, e.EventID)
		if err != nil {
			return err
		}
		if ev.DrawnAt != nil || e.DrawNumber != "" {
			return conflict("already_drawn", ev.Name)
		}
		// Its people stay named in it, as entered; they are free for another entry.
		if err := tx.Model(&model.EventParticipant{}).Where("entrant_id = ?", e.ID).Update("active_key", nil).Error; err != nil {
			return err
		}
		if err := s.updateVersioned(ctx, &model.Entrant{}, e.ID, e.Version, map[string]any{"status": EntrantWithdrawn, "natural_key": nil}); err != nil {
			return err
		}
		return s.audit(ctx, c, "entrant.withdraw", "entrant", e.ID, map[string]string{"status": e.Status}, map[string]string{"status": EntrantWithdrawn})
	})
	if err != nil {
		return Entrant{}, err
	}
	e, err := s.loadEntrant(ctx, id)
	return entrantView(e, true), err
}
