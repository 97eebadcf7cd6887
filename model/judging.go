package model

import "time"

// PanelMember gives a judge account a duty in one event: a judge or trainee
// marks the stages it lists; a chief judge, check-in clerk, score clerk or
// encryption judge acts on the whole event.
type PanelMember struct {
	ID        uint
	EventID   uint
	AccountID uint
	Account   Account
	Duty      string
	// Stages are the codes of the stages marked, comma-separated.
	Stages    string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// PanelConflict is a conflict a judge declared with one entrant of an event.
type PanelConflict struct {
	ID        uint
	EventID   uint
	AccountID uint
	Account   Account
	EntrantID uint
	Entrant   Entrant
	Reason    string
	CreatedAt time.Time
}

// Sheet is one judge's marks of one stage of an event; submitting it makes
// it read-only until it is reopened.
type Sheet struct {
	ID          uint
	EventID     uint
	Stage       string
	JudgeID     uint
	SubmittedAt *time.Time
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Mark is one judge's mark for one entrant on one criterion, in hundredths.
type Mark struct {
	ID        uint
	SheetID   uint
	EntrantID uint
	JudgeID   uint
	Criterion string
	Points    int64
	// Note is a short reason for a deduction.
	Note      string
	Version   int
	UpdatedBy uint
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MarkChange is one change of a mark, kept for ever.
type MarkChange struct {
	ID           uint
	MarkID       uint
	SheetID      uint
	BeforePoints *int64
	AfterPoints  int64
	BeforeNote   string
	AfterNote    string
	ChangedBy    uint
	Reason       string
	CreatedAt    time.Time
}

// StageSignoff records that the chief judge signed a stage of an event off.
type StageSignoff struct {
	ID       uint
	EventID  uint
	Stage    string
	SignedBy uint
	SignedAt time.Time
}
