package service

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Entrant statuses.
const (
	EntrantPending   = "pending"
	EntrantApproved  = "approved"
	EntrantRejected  = "rejected"
	EntrantWithdrawn = "withdrawn"
)

// Entrant is what the API shows of a registration. Its people are shown as
// they were entered, whatever became of their records since.
type Entrant struct {
	ID             uint          `json:"id"`
	EventID        uint          `json:"event_id"`
	ContestID      uint          `json:"contest_id"`
	EnterpriseID   uint          `json:"enterprise_id"`
	EnterpriseName string        `json:"enterprise_name"`
	Status         string        `json:"status"`
	RejectReason   string        `json:"reject_reason"`
	Person         *EntryPerson  `json:"person"`
	Master         *EntryPerson  `json:"master"`
	TeamName       string        `json:"team_name"`
	Members        []EntryPerson `json:"members"`
	Statement      string        `json:"statement"`
	DrawNumber     string        `json:"draw_number"`
	Station        int           `json:"station"`
	Session        int           `json:"session"`
	Version        int           `json:"version"`
	CreatedAt      time.Time     `json:"created_at"`
}

// EntryPerson is a worker as an entry names them, with the details entered.
type EntryPerson struct {
	ID           uint   `json:"id"`
	Name         string `json:"name"`
	Gender       string `json:"gender"`
	IDNumber     string `json:"id_number"`
	Mobile       string `json:"mobile"`
	Trade        string `json:"trade"`
	SkillLevel   string `json:"skill_level"`
	YearsInTrade int    `json:"years_in_trade"`
}

// entryPersonView shows one of an entry's people; full is false for callers
// who may see only the masked ID number and mobile.
func entryPersonView(p model.EventParticipant, full bool) EntryPerson {
	v := EntryPerson{ID: p.PersonID, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade,
		SkillLevel: p.SkillLevel, YearsInTrade: p.YearsInTrade}
	if !full {
		v.IDNumber, v.Mobile = MaskIDNumber(v.IDNumber), MaskMobile(v.Mobile)
	}
	return v
}

// entrantView shows a registration; full says whether ID numbers and mobiles
// are shown unmasked (the entrant's own enterprise and the contest's organisers).
func entrantView(e model.Entrant, full bool) Entrant {
	v := Entrant{ID: e.ID, EventID: e.EventID, ContestID: e.ContestID, EnterpriseID: e.EnterpriseID, EnterpriseName: e.EnterpriseName,
		Status: e.Status, RejectReason: e.RejectReason, TeamName: e.TeamName, Statement: e.Statement, DrawNumber: e.DrawNumber,
		Station: e.Station, Session: e.Session, Version: e.Version, CreatedAt: e.CreatedAt, Members: []EntryPerson{}}
	for _, p := range e.People {
		pv := entryPersonView(p, full)
		switch {
		case p.Role == model.ParticipantMaster:
			v.Master = &pv
		case e.TeamName != "":
			v.Members = append(v.Members, pv)
		default:
			v.Person = &pv
		}
	}
	return v
}

func entrantsWithPeople(db *gorm.DB) *gorm.DB {
	return db.Preload("People", func(q *gorm.DB) *gorm.DB { return q.Order("position, id") })
}

// EntrantFilter narrows a list of entrants.
type EntrantFilter struct {
	Status       string
	Q            string
	EnterpriseID uint
}

// ListEntrants pages through an event's entrants: all of them for its
// organisers, only its own for an enterprise.
func (s *Service) ListEntrants(ctx context.Context, c Caller, eventID uint, f EntrantFilter, p PageRequest) (Page[Entrant], error) {
	db := s.conn(ctx)
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Page[Entrant]{}, err
	}
	ct, err := s.visibleContest(ctx, c, ev.ContestID)
	if err != nil {
		return Page[Entrant]{}, err
	}
	q := c.entrantScope(entrantsWithPeople(db.Model(&model.Entrant{})).Where("entrants.event_id = ?", ev.ID), ct)
	if f.Status != "" {
		q = q.Where("entrants.status = ?", f.Status)
	}
	if f.EnterpriseID != 0 {
		q = q.Where("entrants.enterprise_id = ?", f.EnterpriseID)
	}
	if f.Q != "" {
		// An ID number matches whole, never in part: every caller here may see it in full.
		people := db.Session(&gorm.Session{NewDB: true}).Model(&model.Person{}).Select("id").
			Where("? OR id_number = ?", contains("name", f.Q), NormaliseIDNumber(f.Q))
		q = q.Where("(? OR entrants.person_id IN (?) OR entrants.enterprise_id IN (?))", contains("entrants.team_name", f.Q), people, organisationsNamed(db, f.Q))
	}
	return paged(q, p, "entrants.id", func(e model.Entrant) Entrant { return entrantView(e, c.seesEntrantInFull(ct, e)) })
}

func (s *Service) loadEntrant(ctx context.Context, id uint) (model.Entrant, error) {
	db := s.conn(ctx)
	var e model.Entrant
	err := entrantsWithPeople(db).Take(&e, id).Error
	return e, notFoundOr(err, "entrant")
}

// entrantName is who an entry is: its worker, its team with its members,
// or its enterprise.
func entrantName(e model.Entrant) string {
	var names []string
	for _, p := range e.People {
		if p.Role == model.ParticipantCompetitor {
			names = append(names, p.Name)
		}
	}
	return displayName(e.TeamName, names, e.EnterpriseName)
}

// displayName is an entry as lists name it: a team by its name and its
// competitors', a worker by name, an organisation's entry by the organisation.
func displayName(team string, names []string, enterprise string) string {
	switch {
	case team != "" && len(names) > 0:
		return team + "（" + strings.Join(names, "、") + "）"
	case team != "":
		return team
	case len(names) > 0:
		return strings.Join(names, "、")
	}
	return enterprise
}
