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
	// NoticeWorkdays is how many working days the public notice lasts;
	// AppealHours, above 0, also takes appeals while the contest judges, for
	// that many hours after an event's results are computed.
	NoticeWorkdays int `gorm:"default:5"`
	AppealHours    int
	// NoticeStartedAt is when the current public notice started.
	NoticeStartedAt *time.Time
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
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
	ID           uint
	EventID      uint
	ContestID    uint
	EnterpriseID uint
	// EnterpriseName is the enterprise's name when the entry was made.
	EnterpriseName string
	PersonID       *uint
	MasterPersonID *uint
	TeamName       string
	Statement      string
	// NaturalKey makes an entry unique in its event; cleared on withdrawal.
	NaturalKey   *string
	Status       string
	RejectReason string
	DrawNumber   string
	Station      int
	Session      int
	// Attendance is set at check-in: present or absent; empty before.
	Attendance  string
	CheckedInAt *time.Time
	CheckedInBy *uint
	// People are everyone the entry names, as entered: its worker or team
	// members, and a master.
	People    []EventParticipant `gorm:"foreignKey:EntrantID"`
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Roles of the people an entry names.
const (
	ParticipantCompetitor = "competitor"
	ParticipantMaster     = "master"
)

// EventParticipant is a person an entry names, with their details as they
// were entered, so that a later change to the worker's record never rewrites
// a past entry or a result. A competitor is in an event once: ActiveKey holds
// the person's id while the entry stands, and is cleared on withdrawal.
type EventParticipant struct {
	ID           uint
	EventID      uint
	PersonID     uint
	EntrantID    uint
	Role         string
	Position     int
	ActiveKey    *uint
	Name         string
	Gender       string
	IDNumber     string `gorm:"column:id_number"`
	Mobile       string
	Trade        string
	SkillLevel   string
	YearsInTrade int
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
