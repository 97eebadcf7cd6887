package model

import "time"

// Contest steps, in order.
const (
	StepDraft              = "draft"
	StepRegistrationOpen   = "registration_open"
	StepRegistrationClosed = "registration_closed"
	StepJudging            = "judging"
	StepPublicNotice       = "public_notice"
	StepFinal              = "final"
	StepArchived           = "archived"
)

// Contest is one competition run by a union: a technique contest, a labour
// contest, an innovation or an honour evaluation.
type Contest struct {
	ID                   uint
	OrganiserID          uint
	Organiser            Organisation
	Name                 string
	Kind                 string
	Format               string
	Level                string
	Description          string
	RegistrationOpensAt  *time.Time
	RegistrationClosesAt *time.Time
	JudgingStartsAt      *time.Time
	JudgingEndsAt        *time.Time
	Status               string
	Version              int
	CreatedAt            time.Time
	UpdatedAt            time.Time
}

// Event is one competition item of a contest: a trade, a post, a category.
type Event struct {
	ID                 uint
	ContestID          uint
	Name               string
	Trade              string
	EntrantType        string
	TeamSize           int
	QuotaPerEnterprise int
	Stations           int
	// Rules is the JSON rule set; RulesVersion counts its changes.
	Rules        string
	RulesVersion int
	DrawnAt      *time.Time
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// EventRuleVersion keeps every rule set an event has had.
type EventRuleVersion struct {
	ID           uint
	EventID      uint
	RulesVersion int
	Rules        string
	CreatedAt    time.Time
}

// Entrant is a registration: a worker, a team or an organisation entered
// into an event by an enterprise.
type Entrant struct {
	ID             uint
	EventID        uint
	ContestID      uint
	EnterpriseID   uint
	Enterprise     Organisation
	PersonID       *uint
	Person         *Person
	MasterPersonID *uint
	Master         *Person `gorm:"foreignKey:MasterPersonID"`
	TeamName       string
	Statement      string
	// NaturalKey makes an entry unique in its event; cleared on withdrawal.
	NaturalKey   *string
	Status       string
	RejectReason string
	DrawNumber   string
	Station      int
	Session      int
	Members      []EventParticipant `gorm:"foreignKey:EntrantID"`
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// EventParticipant is a person competing in an event, once.
type EventParticipant struct {
	ID        uint
	EventID   uint
	PersonID  uint
	Person    Person
	EntrantID uint
	Position  int
}

// Draw records the seed of an event's draw, so it can be reproduced.
type Draw struct {
	ID           uint
	EventID      uint
	Seed         string
	DrawnBy      uint
	EntrantCount int
	CreatedAt    time.Time
}
