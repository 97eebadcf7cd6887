package service

import (
	"context"
	"strings"

	"leitai/model"
)

// Transfer says where a worker goes: the enterprise they now work for, the
// version of their record it was read at, and why.
type Transfer struct {
	EnterpriseID uint
	Version      int
	Reason       string
}

// TransferPerson moves a worker who changed employers to another enterprise,
// for a union whose part of the tree holds both enterprises. The worker keeps
// their record and their history: past entries stay with the enterprise that
// made them, and the move is audited with its reason.
func (s *Service) TransferPerson(ctx context.Context, c Caller, personID uint, in Transfer) (Person, error) {
	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		return Person{}, invalid(field("reason", "required"))
	}
	var moved model.Person
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		var p model.Person
		if err := tx.Preload("Organisation").Take(&p, personID).Error; err != nil {
			return notFoundOr(err, "person")
		}
		if !c.transfersFrom(p.Organisation) {
			return forbidden()
		}
		to, err := s.loadOrganisation(ctx, in.EnterpriseID)
		if err != nil {
			return invalid(field("enterprise_id", "not_found", T("organisation_word")))
		}
		if !c.transfersFrom(to) {
			return forbidden()
		}
		switch {
		case to.Kind != model.KindEnterprise:
			return invalid(field("enterprise_id", "transfer_needs_enterprise"))
		case to.ID == p.OrganisationID:
			return invalid(field("enterprise_id", "transfer_same_enterprise"))
		case p.Version != in.Version:
			return staleVersion()
		}
		before := map[string]any{"organisation_id": p.OrganisationID, "organisation_name": p.Organisation.Name}
		if err := s.updateVersioned(ctx, &model.Person{}, p.ID, p.Version, map[string]any{"organisation_id": to.ID}); err != nil {
			return err
		}
		p.OrganisationID, p.Organisation, p.Version = to.ID, to, p.Version+1
		moved = p
		return s.auditWithReason(ctx, c, "person.transfer", "person", p.ID, before,
			map[string]any{"organisation_id": to.ID, "organisation_name": to.Name}, reason)
	})
	if err != nil {
		return Person{}, err
	}
	return c.personView(moved), nil
}
