package service

import (
	"context"
	"time"

	"gorm.io/gorm"

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

// PersonFilter narrows a list of people. IDNumber matches a whole ID number
// only, never a part of one.
type PersonFilter struct {
	Q              string
	OrganisationID uint
	IDNumber       string
	Trade          string
	SkillLevel     string
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

func (c Caller) personView(p model.Person) Person { return personView(p, c.employs(p)) }

// ListPeople pages through the workers of the enterprises the caller sees.
func (s *Service) ListPeople(ctx context.Context, c Caller, f PersonFilter, p PageRequest) (Page[Person], error) {
	if c.seesOnlyAssigned() {
		return Page[Person]{}, forbidden()
	}
	db := s.conn(ctx)
	q := c.scopeByOrganisation(db.Model(&model.Person{}).Preload("Organisation"), "people.organisation_id")
	if f.Q != "" {
		text := db.Session(&gorm.Session{NewDB: true}).Where(contains("people.name", f.Q)).Or(contains("people.trade", f.Q)).
			Or("people.organisation_id IN (?)", organisationsNamed(db, f.Q))
		if c.Role == model.RoleEnterprise {
			// An enterprise sees its workers' ID numbers in full, and so finds them by a part of one.
			text = text.Or(contains("people.id_number", NormaliseIDNumber(f.Q)))
		}
		q = q.Where(text)
	}
	if f.OrganisationID != 0 {
		q = q.Where("people.organisation_id = ?", f.OrganisationID)
	}
	if f.IDNumber != "" {
		q = q.Where("people.id_number = ?", NormaliseIDNumber(f.IDNumber))
	}
	if f.Trade != "" {
		q = q.Where(contains("people.trade", f.Trade))
	}
	if f.SkillLevel != "" {
		q = q.Where("people.skill_level = ?", f.SkillLevel)
	}
	return paged(q, p, "people.id", c.personView)
}

// PersonEntry is one of a worker's entries, for their history across contests.
type PersonEntry struct {
	EntrantID   uint      `json:"entrant_id"`
	ContestID   uint      `json:"contest_id"`
	ContestName string    `json:"contest_name"`
	EventID     uint      `json:"event_id"`
	EventName   string    `json:"event_name"`
	Status      string    `json:"status"`
	DrawNumber  string    `json:"draw_number"`
	EnteredAt   time.Time `json:"entered_at"`
}

// PersonEntries lists every entry a worker has had, as an individual or in a
// team, newest first: to the worker's enterprise and to the unions above it.
func (s *Service) PersonEntries(ctx context.Context, c Caller, personID uint) ([]PersonEntry, error) {
	db := s.conn(ctx)
	var p model.Person
	if err := db.Preload("Organisation").Take(&p, personID).Error; err != nil {
		return nil, notFoundOr(err, "person")
	}
	if c.seesOnlyAssigned() || !c.sees(p.Organisation.Path) {
		return nil, forbidden()
	}
	out := []PersonEntry{}
	err := db.Table("entrants").
		Select("entrants.id AS entrant_id, contests.id AS contest_id, contests.name AS contest_name, events.id AS event_id, "+
			"events.name AS event_name, entrants.status, entrants.draw_number, entrants.created_at AS entered_at").
		Joins("JOIN events ON events.id = entrants.event_id").
		Joins("JOIN contests ON contests.id = entrants.contest_id").
		Where("entrants.id IN (?)", db.Session(&gorm.Session{NewDB: true}).Model(&model.EventParticipant{}).Select("entrant_id").
			Where("person_id = ? AND role = ?", p.ID, model.ParticipantCompetitor)).
		Order("entrants.id DESC").Scan(&out).Error
	return out, err
}
