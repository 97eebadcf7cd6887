package service

import (
	"context"
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

// Entrant is what the API shows of a registration.
type Entrant struct {
	ID             uint      `json:"id"`
	EventID        uint      `json:"event_id"`
	ContestID      uint      `json:"contest_id"`
	EnterpriseID   uint      `json:"enterprise_id"`
	EnterpriseName string    `json:"enterprise_name"`
	Status         string    `json:"status"`
	RejectReason   string    `json:"reject_reason"`
	Person         *Person   `json:"person"`
	Master         *Person   `json:"master"`
	TeamName       string    `json:"team_name"`
	Members        []Person  `json:"members"`
	Statement      string    `json:"statement"`
	DrawNumber     string    `json:"draw_number"`
	Station        int       `json:"station"`
	Session        int       `json:"session"`
	Version        int       `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
}

// entrantView shows a registration; full says whether ID numbers and mobiles
// are shown unmasked (the entrant's own enterprise and the contest's organisers).
func entrantView(e model.Entrant, full bool) Entrant {
	v := Entrant{ID: e.ID, EventID: e.EventID, ContestID: e.ContestID, EnterpriseID: e.EnterpriseID, EnterpriseName: e.Enterprise.Name,
		Status: e.Status, RejectReason: e.RejectReason, TeamName: e.TeamName, Statement: e.Statement, DrawNumber: e.DrawNumber,
		Station: e.Station, Session: e.Session, Version: e.Version, CreatedAt: e.CreatedAt, Members: []Person{}}
	if e.Person != nil {
		p := personView(*e.Person, full)
		v.Person = &p
	}
	if e.Master != nil {
		p := personView(*e.Master, full)
		v.Master = &p
	}
	if e.TeamName != "" {
		for _, m := range e.Members {
			v.Members = append(v.Members, personView(m.Person, full))
		}
	}
	return v
}

func entrantsWithPeople(db *gorm.DB) *gorm.DB {
	return db.Preload("Enterprise").Preload("Person.Organisation").Preload("Master.Organisation").
		Preload("Members", func(q *gorm.DB) *gorm.DB { return q.Order("position") }).Preload("Members.Person.Organisation")
}

// EntrantFilter narrows a list of entrants.
type EntrantFilter struct {
	Status string
	Q      string
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
	if f.Q != "" {
		pat := likePattern(f.Q)
		// An ID number matches whole, never in part: every caller here may see it in full.
		people := db.Session(&gorm.Session{NewDB: true}).Model(&model.Person{}).Select("id").
			Where("name LIKE ? OR id_number = ?", pat, NormaliseIDNumber(f.Q))
		q = q.Where("(entrants.team_name LIKE ? OR entrants.person_id IN (?) OR entrants.enterprise_id IN (?))", pat, people, organisationsNamed(db, pat))
	}
	return paged(q, p, "entrants.id", func(e model.Entrant) Entrant { return entrantView(e, c.seesEntrantInFull(ct, e)) })
}

func (s *Service) loadEntrant(ctx context.Context, id uint) (model.Entrant, error) {
	db := s.conn(ctx)
	var e model.Entrant
	err := entrantsWithPeople(db).Take(&e, id).Error
	return e, notFoundOr(err, "entrant")
}
