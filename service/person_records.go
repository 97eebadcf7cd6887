package service

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// AddPerson adds a worker to the caller's own register: an enterprise only.
// A worker another enterprise keeps is refused without a word about them, as
// a registration would be; moving a worker is the unions' (TransferPerson).
func (s *Service) AddPerson(ctx context.Context, c Caller, in PersonInput) (Person, error) {
	if !c.mayRegister() {
		return Person{}, forbidden()
	}
	if err := s.checkRecord(&in); err != nil {
		return Person{}, err
	}
	var p model.Person
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := s.refuseTakenIDNumber(ctx, c, in.IDNumber, 0); err != nil {
			return err
		}
		p = model.Person{OrganisationID: c.OrganisationID, IDNumber: in.IDNumber, Name: in.Name, Gender: in.Gender, Mobile: in.Mobile,
			Trade: strings.TrimSpace(in.Trade), SkillLevel: in.SkillLevel, YearsInTrade: in.YearsInTrade, Version: 1}
		if err := tx.Omit("Organisation").Create(&p).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("id_number", "person_busy")
			}
			return err
		}
		return s.audit(ctx, c, "person.create", "person", p.ID, nil, map[string]any{"name": p.Name, "organisation_id": p.OrganisationID})
	})
	if err != nil {
		return Person{}, err
	}
	p.Organisation = model.Organisation{ID: c.OrganisationID, Name: c.OrganisationName}
	return c.personView(p), nil
}

// UpdatePerson changes a worker of the caller's own register, from the
// version it was read at. Entries made before keep the details entered then.
func (s *Service) UpdatePerson(ctx context.Context, c Caller, id uint, in PersonInput) (Person, error) {
	if err := s.checkRecord(&in); err != nil {
		return Person{}, err
	}
	var p model.Person
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := tx.Preload("Organisation").Take(&p, id).Error; err != nil {
			return notFoundOr(err, "person")
		}
		if !c.employs(p) {
			return forbidden()
		}
		if p.Version != in.Version {
			return staleVersion()
		}
		if err := s.refuseTakenIDNumber(ctx, c, in.IDNumber, p.ID); err != nil {
			return err
		}
		before := personView(p, false)
		p.IDNumber, p.Name, p.Gender, p.Mobile = in.IDNumber, in.Name, in.Gender, in.Mobile
		p.Trade, p.SkillLevel, p.YearsInTrade = strings.TrimSpace(in.Trade), in.SkillLevel, in.YearsInTrade
		p.Version++
		if err := s.saveVersioned(ctx, &p, in.Version, "Organisation"); err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("id_number", "person_busy")
			}
			return err
		}
		// The audit keeps masked numbers, as the logs do.
		return s.audit(ctx, c, "person.update", "person", p.ID, before, personView(p, false))
	})
	if err != nil {
		return Person{}, err
	}
	return c.personView(p), nil
}

// checkRecord checks a worker's details as the register keeps them; the
// fields are named as in the request, without a prefix.
func (s *Service) checkRecord(in *PersonInput) error {
	fe := in.check("person", s.now())
	if len(fe) == 0 {
		return nil
	}
	for i := range fe {
		fe[i].Field = strings.TrimPrefix(fe[i].Field, "person.")
	}
	return invalid(fe...)
}

// refuseTakenIDNumber refuses an ID number another worker has: in the
// caller's register, by name; in another enterprise's, as not the caller's to add.
func (s *Service) refuseTakenIDNumber(ctx context.Context, c Caller, idNumber string, except uint) error {
	var other model.Person
	err := s.conn(ctx).Where("id_number = ? AND id <> ?", idNumber, except).Take(&other).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return nil
	case err != nil:
		return err
	case other.OrganisationID == c.OrganisationID:
		return duplicate("id_number", "person_exists", other.Name)
	}
	return &Error{Kind: KindConflict, Code: "person_not_in_register", Text: T("person_not_in_register"),
		Fields: []FieldError{field("id_number", "person_not_in_register")}}
}
