package model

import "time"

// RemarkRequest is the chief judge asking one judge to mark one cell (an
// entrant on a criterion) again, because the judges' marks on it differ by
// more than the event allows.
type RemarkRequest struct {
	ID        uint
	EventID   uint
	Stage     string
	EntrantID uint
	Entrant   Entrant
	Criterion string
	JudgeID   uint
	Judge     Account `gorm:"foreignKey:JudgeID"`
	Reason    string
	// MarkVersion is the version of the judge's mark when it was asked: a
	// save that moves the mark past it settles the request.
	MarkVersion  int
	PointsBefore int64
	// Reopened tells that the request made the judge's submitted sheet
	// editable again, for the cells asked only.
	Reopened    bool
	RequestedBy uint
	CreatedAt   time.Time
	SettledAt   *time.Time
	// Outcome is how it was settled: changed, confirmed, or withdrawn.
	Outcome     string
	PointsAfter *int64
}

// JudgeReplacement records that one judge took over another's sheet of a
// stage for the rest of it.
type JudgeReplacement struct {
	ID            uint
	EventID       uint
	Stage         string
	ReplacedID    uint
	Replaced      Account `gorm:"foreignKey:ReplacedID"`
	ReplacementID uint
	Replacement   Account `gorm:"foreignKey:ReplacementID"`
	Reason        string
	CreatedBy     uint
	CreatedAt     time.Time
}
