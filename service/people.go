package service

import (
	"context"

	"leitai/model"
)

// Person is what the API shows of a worker. ID number and mobile are masked
// for everyone but the worker's own enterprise.
type Person struct {
	ID               uint   `json:"id"`
	OrganisationID   uint   `json:"organisation_id"`
	OrganisationName string `json:"organisation_name"`
	Name             string `json:"name"`
	Gender           string `json:"gender"`
	IDNumber         string `json:"id_number"`
	Mobile           string `json:"mobile"`
	Trade            string `json:"trade"`
	SkillLevel       string `json:"skill_level"`
	YearsInTrade     int    `json:"years_in_trade"`
	Version          int    `json:"version"`
}

// SkillLevels are the five national vocational skill levels, lowest first.
var SkillLevels = []string{"五级/初级工", "四级/中级工", "三级/高级工", "二级/技师", "一级/高级技师"}

// PersonFilter narrows a list of people.
type PersonFilter struct {
	Q              string
	OrganisationID uint
}

// personView shows a worker; full is false for callers who may see only the
// masked ID number and mobile.
func personView(p model.Person, full bool) Person {
	v := Person{ID: p.ID, OrganisationID: p.OrganisationID, OrganisationName: p.Organisation.Name, Name: p.Name,
		Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade, SkillLevel: p.SkillLevel,
		YearsInTrade: p.YearsInTrade, Version: p.Version}
	if !full {
		v.IDNumber = MaskIDNumber(v.IDNumber)
		v.Mobile = MaskMobile(v.Mobile)
	}
	return v
}

// employs tells whether the caller is the enterprise a worker belongs to.
func (c Caller) employs(p model.Person) bool {
	return c.Role == model.RoleEnterprise && c.OrganisationID == p.OrganisationID
}

func (c Caller) personView(p model.Person) Person { return personView(p, c.employs(p)) }

// ListPeople pages through the workers of the enterprises the caller sees.
func (s *Service) ListPeople(ctx context.Context, c Caller, f PersonFilter, p PageRequest) (Page[Person], error) {
	if c.Role == model.RoleJudge {
		return Page[Person]{}, forbidden()
	}
	db := s.db.WithContext(ctx)
	q := c.scopeByOrganisation(db.Model(&model.Person{}).Preload("Organisation"), "people.organisation_id")
	if f.Q != "" {
		pat := likePattern(f.Q)
		q = q.Where("(people.name LIKE ? OR people.trade LIKE ? OR people.organisation_id IN (?))", pat, pat, organisationsNamed(db, pat))
	}
	if f.OrganisationID != 0 {
		q = q.Where("people.organisation_id = ?", f.OrganisationID)
	}
	return paged(q, p, "people.id", c.personView)
}
