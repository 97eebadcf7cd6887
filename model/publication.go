package model

import "time"

// Arbitrator is an account named to a contest's supervision and arbitration
// panel (监督仲裁组), which rules on appeals.
type Arbitrator struct {
	ID        uint
	ContestID uint
	AccountID uint
	Account   Account
	NamedBy   uint
	NamedAt   time.Time
}

// Appeal statuses.
const (
	AppealFiled     = "filed"
	AppealReviewed  = "reviewed"
	AppealUpheld    = "upheld"
	AppealDismissed = "dismissed"
)

// Appeal is an enterprise's written appeal (申诉) against a result of one of
// its entrants, as it stood in ResultVersion, with the panel's review (复核)
// and final ruling. OpenKey holds the entrant's id until the ruling.
type Appeal struct {
	ID            uint
	ContestID     uint
	EventID       uint
	EntrantID     uint
	EnterpriseID  uint
	ResultVersion int
	Reason        string
	Status        string
	OpenKey       *uint
	FiledBy       uint
	FiledAt       time.Time
	Review        *string
	ReviewedBy    *uint
	ReviewedAt    *time.Time
	RulingText    *string
	RuledBy       *uint
	RuledAt       *time.Time
	Version       int
}

// Veto is a veto (一票否决) against an entrant: it keeps its marks and gets
// no rank and no award.
type Veto struct {
	ID         uint
	EventID    uint
	EntrantID  uint
	Reason     string
	RecordedBy uint
	RecordedAt time.Time
}

// TableName is "vetoes": GORM's inflection would say "vetos".
func (Veto) TableName() string { return "vetoes" }
