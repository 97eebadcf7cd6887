package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// PersonInput is a worker as an enterprise enters them.
type PersonInput struct {
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

// check finds what is wrong with a worker's details; fields start with prefix.
func (p *PersonInput) check(prefix string) []FieldError {
	var fe []FieldError
	add := func(f, key string, args ...any) { fe = append(fe, field(prefix+"."+f, key, args...)) }
	p.Name, p.IDNumber, p.Mobile = strings.TrimSpace(p.Name), NormaliseIDNumber(p.IDNumber), strings.TrimSpace(p.Mobile)
	if p.Name == "" {
		add("name", "required")
	} else if len([]rune(p.Name)) > 32 {
		add("name", "too_long", 32)
	}
	if key := checkIDNumber(p.IDNumber); key != "" {
		add("id_number", key)
	}
	switch {
	case p.Gender != "male" && p.Gender != "female":
		add("gender", "one_of", "male, female")
	case checkIDNumber(p.IDNumber) == "" && (p.IDNumber[16]-'0')%2 == 1 != (p.Gender == "male"):
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

// upsertPerson finds a worker by ID number or adds them, keeping one record per
// person across contests. A worker kept by another enterprise is refused.
func (s *Service) upsertPerson(ctx context.Context, enterpriseID uint, in PersonInput, fieldPrefix string) (model.Person, error) {
	tx := s.conn(ctx)
	var p model.Person
	err := tx.Where("id_number = ?", in.IDNumber).Take(&p).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		p = model.Person{OrganisationID: enterpriseID, IDNumber: in.IDNumber, Version: 1}
	case err != nil:
		return p, err
	case p.OrganisationID != enterpriseID:
		return p, duplicate(fieldPrefix+".id_number", "person_other_enterprise", MaskIDNumber(in.IDNumber))
	default:
		p.Version++
	}
	p.Name, p.Gender, p.Mobile, p.Trade, p.SkillLevel, p.YearsInTrade = in.Name, in.Gender, in.Mobile, strings.TrimSpace(in.Trade), in.SkillLevel, in.YearsInTrade
	err = tx.Omit("Organisation").Save(&p).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		// Another request added the same worker a moment ago, into another event.
		return p, duplicate(fieldPrefix+".id_number", "person_busy")
	}
	return p, err
}

// Register enters workers, a team or the enterprise itself into an event.
func (s *Service) Register(ctx context.Context, c Caller, eventID uint, r Registration) (Entrant, error) {
	if !c.mayRegister() {
		return Entrant{}, forbidden()
	}
	var id uint
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		ev, err := s.lockEvent(ctx, eventID)
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
		if err := checkRegistration(ev, &r); err != nil {
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
		e := model.Entrant{EventID: ev.ID, ContestID: ct.ID, EnterpriseID: c.OrganisationID, Status: EntrantPending,
			TeamName: strings.TrimSpace(r.TeamName), Statement: strings.TrimSpace(r.Statement), Version: 1}
		var competitors []model.Person
		var prefixes []string
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
				e.MasterPersonID = &m.ID
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
		if err := tx.Omit("Enterprise", "Person", "Master", "Members").Create(&e).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate(duplicateField(ev.EntrantType), "already_entered", ev.Name)
			}
			return err
		}
		for i, p := range competitors {
			err := tx.Create(&model.EventParticipant{EventID: ev.ID, PersonID: p.ID, EntrantID: e.ID, Position: i}).Error
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate(prefixes[i]+".id_number", "person_already_entered", p.Name, ev.Name)
			}
			if err != nil {
				return err
			}
		}
		id = e.ID
		return s.audit(ctx, c, "entrant.register", "entrant", e.ID, nil, map[string]any{"event_id": ev.ID, "status": e.Status})
	})
	if err != nil {
		return Entrant{}, err
	}
	e, err := s.loadEntrant(ctx, id)
	return entrantView(e, true), err
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

// checkRegistration validates an entry against the event's entrant type.
func checkRegistration(ev model.Event, r *Registration) error {
	var fe []FieldError
	switch ev.EntrantType {
	case EntrantIndividual:
		if r.Person == nil {
			fe = append(fe, field("person", "required"))
		} else {
			fe = append(fe, r.Person.check("person")...)
		}
		if r.Master != nil {
			fe = append(fe, r.Master.check("master")...)
			if r.Person != nil && r.Master.IDNumber == r.Person.IDNumber {
				fe = append(fe, field("master.id_number", "master_is_entrant"))
			}
		}
	case EntrantTeam:
		if strings.TrimSpace(r.TeamName) == "" {
			fe = append(fe, field("team_name", "required"))
		}
		if len(r.Members) != ev.TeamSize {
			fe = append(fe, field("members", "team_size_exact", ev.TeamSize))
		}
		seen := map[string]bool{}
		for i := range r.Members {
			prefix := fmt.Sprintf("members[%d]", i)
			fe = append(fe, r.Members[i].check(prefix)...)
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
		if err := tx.Where("entrant_id = ?", e.ID).Delete(&model.EventParticipant{}).Error; err != nil {
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
