package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Organisation is what the API shows of an organisation.
type Organisation struct {
	ID         uint      `json:"id"`
	ParentID   *uint     `json:"parent_id"`
	Kind       string    `json:"kind"`
	Name       string    `json:"name"`
	CreditCode string    `json:"credit_code"`
	Region     string    `json:"region"`
	Industry   string    `json:"industry"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// OrgNode is an organisation with the ones below it.
type OrgNode struct {
	Organisation
	Children []*OrgNode `json:"children"`
}

func organisationView(o model.Organisation) Organisation {
	v := Organisation{ID: o.ID, ParentID: o.ParentID, Kind: o.Kind, Name: o.Name, Region: o.Region,
		Industry: o.Industry, Version: o.Version, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
	if o.CreditCode != nil {
		v.CreditCode = *o.CreditCode
	}
	return v
}

// NewOrganisation is the input for creating an organisation.
type NewOrganisation struct {
	ParentID   uint
	Kind       string
	Name       string
	CreditCode string
	Region     string
	Industry   string
}

// OrganisationChange is a partial update; nil fields stay as they are.
type OrganisationChange struct {
	Version    int
	ParentID   *uint
	Name       *string
	CreditCode *string
	Region     *string
	Industry   *string
}

// OrganisationFilter narrows a list of organisations.
type OrganisationFilter struct {
	Q        string
	Kind     string
	ParentID uint
}

func (s *Service) loadOrganisation(ctx context.Context, id uint) (model.Organisation, error) {
	db := s.conn(ctx)
	var o model.Organisation
	err := db.Take(&o, id).Error
	return o, notFoundOr(err, "organisation")
}

// normaliseCreditCode upper-cases and trims a code; an empty one is stored as NULL.
func normaliseCreditCode(code string) *string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return nil
	}
	return &code
}

// validateOrganisation normalises o's name and checks o.
func validateOrganisation(o *model.Organisation) error {
	fields := checkName("name", &o.Name, maxOrganisationName)
	if o.CreditCode == nil && o.Kind == model.KindEnterprise {
		fields = append(fields, field("credit_code", "credit_code_required"))
	}
	if o.CreditCode != nil {
		if key := checkCreditCode(*o.CreditCode); key != "" {
			fields = append(fields, field("credit_code", key))
		}
	}
	if len(fields) > 0 {
		return invalid(fields...)
	}
	return nil
}

// saveOrganisation writes o (a new one when readVersion is 0) and maps a taken
// credit code to a clear conflict.
func (s *Service) saveOrganisation(ctx context.Context, o *model.Organisation, readVersion int) error {
	tx := s.conn(ctx)
	var err error
	if readVersion == 0 {
		err = tx.Create(o).Error
	} else {
		err = s.saveVersioned(ctx, o, readVersion)
	}
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return duplicate("credit_code", "credit_code_taken", *o.CreditCode)
	}
	return err
}

// OrganisationTree returns the caller's part of the tree: the whole tree for an
// admin, the organiser's own union with everything below it.
func (s *Service) OrganisationTree(ctx context.Context, c Caller) ([]*OrgNode, error) {
	if !c.mayBrowseTree() {
		return nil, forbidden()
	}
	var orgs []model.Organisation
	if err := c.organisationScope(s.conn(ctx).Model(&model.Organisation{})).Order("path").Find(&orgs).Error; err != nil {
		return nil, err
	}
	nodes := make(map[uint]*OrgNode, len(orgs))
	var roots []*OrgNode
	for _, o := range orgs {
		n := &OrgNode{Organisation: organisationView(o), Children: []*OrgNode{}}
		nodes[o.ID] = n
		if o.ParentID != nil && nodes[*o.ParentID] != nil {
			parent := nodes[*o.ParentID]
			parent.Children = append(parent.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	return roots, nil
}

// ListOrganisations pages through the organisations the caller sees.
func (s *Service) ListOrganisations(ctx context.Context, c Caller, f OrganisationFilter, p PageRequest) (Page[Organisation], error) {
	if !c.mayBrowseTree() {
		return Page[Organisation]{}, forbidden()
	}
	q := c.organisationScope(s.conn(ctx).Model(&model.Organisation{}))
	if f.Q != "" {
		q = q.Where("(? OR ?)", contains("name", f.Q), contains("credit_code", f.Q))
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.ParentID != 0 {
		q = q.Where("parent_id = ?", f.ParentID)
	}
	return paged(q, p, "path", organisationView)
}

// GetOrganisation returns one organisation the caller sees.
func (s *Service) GetOrganisation(ctx context.Context, c Caller, id uint) (Organisation, error) {
	o, err := s.loadOrganisation(ctx, id)
	if err != nil {
		return Organisation{}, err
	}
	if !c.sees(o.Path) {
		return Organisation{}, forbidden()
	}
	return organisationView(o), nil
}

// CreateOrganisation adds a union or an enterprise under a union the caller sees.
func (s *Service) CreateOrganisation(ctx context.Context, c Caller, in NewOrganisation) (Organisation, error) {
	if !c.mayBrowseTree() {
		return Organisation{}, forbidden()
	}
	if in.Kind == model.KindCityUnion {
		return Organisation{}, invalid(field("kind", "kind_root_only"))
	}
	var created model.Organisation
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := s.lockTree(ctx); err != nil {
			return err
		}
		parent, err := s.loadOrganisation(ctx, in.ParentID)
		if err != nil {
			var se *Error
			if errors.As(err, &se) && se.Kind == KindNotFound {
				return invalid(field("parent_id", "not_found", T("parent_word")))
			}
			return err
		}
		if !c.sees(parent.Path) {
			return forbidden()
		}
		if !parent.IsUnion() {
			return invalid(field("parent_id", "parent_not_union"))
		}
		created = model.Organisation{ParentID: &parent.ID, Kind: in.Kind, Name: strings.TrimSpace(in.Name),
			CreditCode: normaliseCreditCode(in.CreditCode), Region: strings.TrimSpace(in.Region),
			Industry: strings.TrimSpace(in.Industry), Version: 1}
		if err := validateOrganisation(&created); err != nil {
			return err
		}
		if err := s.saveOrganisation(ctx, &created, 0); err != nil {
			return err
		}
		created.Path = fmt.Sprintf("%s%d/", parent.Path, created.ID)
		if err := tx.Model(&created).Update("path", created.Path).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "organisation.create", "organisation", created.ID, nil, organisationView(created))
	})
	if err != nil {
		return Organisation{}, err
	}
	return organisationView(created), nil
}

// UpdateOrganisation changes an organisation strictly below the caller's own
// union (anything, for an admin). A new parent moves the whole subtree.
func (s *Service) UpdateOrganisation(ctx context.Context, c Caller, id uint, ch OrganisationChange) (Organisation, error) {
	var updated model.Organisation
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := s.lockTree(ctx); err != nil {
			return err
		}
		o, err := s.loadOrganisation(ctx, id)
		if err != nil {
			return err
		}
		if !c.manages(o.Path) {
			return forbidden()
		}
		if o.Version != ch.Version {
			return staleVersion()
		}
		before := organisationView(o)
		if ch.Name != nil {
			o.Name = strings.TrimSpace(*ch.Name)
		}
		if ch.CreditCode != nil {
			o.CreditCode = normaliseCreditCode(*ch.CreditCode)
		}
		if ch.Region != nil {
			o.Region = strings.TrimSpace(*ch.Region)
		}
		if ch.Industry != nil {
			o.Industry = strings.TrimSpace(*ch.Industry)
		}
		if err := validateOrganisation(&o); err != nil {
			return err
		}
		oldPath := o.Path
		if ch.ParentID != nil && (o.ParentID == nil || *ch.ParentID != *o.ParentID) {
			if err := s.reparent(ctx, c, &o, *ch.ParentID); err != nil {
				return err
			}
		}
		o.Version++
		if err := s.saveOrganisation(ctx, &o, o.Version-1); err != nil {
			return err
		}
		if o.Path != oldPath {
			// Every descendant's path starts with the old path; swap that prefix.
			if err := tx.Model(&model.Organisation{}).Where("path LIKE ? AND id <> ?", oldPath+"%", o.ID).
				Update("path", gorm.Expr("CONCAT(?, SUBSTR(path, ?))", o.Path, len(oldPath)+1)).Error; err != nil {
				return err
			}
		}
		updated = o
		return s.audit(ctx, c, "organisation.update", "organisation", o.ID, before, organisationView(o))
	})
	if err != nil {
		return Organisation{}, err
	}
	return organisationView(updated), nil
}

func (s *Service) reparent(ctx context.Context, c Caller, o *model.Organisation, parentID uint) error {
	if o.ParentID == nil {
		return invalid(field("parent_id", "root_cannot_move"))
	}
	parent, err := s.loadOrganisation(ctx, parentID)
	if err != nil {
		return invalid(field("parent_id", "not_found", T("parent_word")))
	}
	if !c.sees(parent.Path) {
		return forbidden()
	}
	if strings.HasPrefix(parent.Path, o.Path) {
		return invalid(field("parent_id", "parent_cycle"))
	}
	if !parent.IsUnion() {
		return invalid(field("parent_id", "parent_not_union"))
	}
	o.ParentID = &parent.ID
	o.Path = fmt.Sprintf("%s%d/", parent.Path, o.ID)
	return nil
}

// DeleteOrganisation removes an organisation nothing refers to: no units,
// accounts or people under it, no contests it runs, no entries it made.
func (s *Service) DeleteOrganisation(ctx context.Context, c Caller, id uint) error {
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := s.lockTree(ctx); err != nil {
			return err
		}
		o, err := s.loadOrganisation(ctx, id)
		if err != nil {
			return err
		}
		if !c.manages(o.Path) || o.ParentID == nil {
			return forbidden()
		}
		for _, dep := range []struct {
			model  any
			column string
			word   string
		}{
			{&model.Organisation{}, "parent_id", "children_word"},
			{&model.Account{}, "organisation_id", "accounts_word"},
			{&model.Person{}, "organisation_id", "people_word"},
			{&model.Contest{}, "organiser_id", "contests_word"},
			{&model.Entrant{}, "enterprise_id", "entries_word"},
		} {
			var n int64
			if err := tx.Model(dep.model).Where(dep.column+" = ?", o.ID).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return conflict("org_not_empty", T(dep.word))
			}
		}
		if err := tx.Delete(&model.Organisation{}, o.ID).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "organisation.delete", "organisation", o.ID, organisationView(o), nil)
	})
}
