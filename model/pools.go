package model

import "time"

// PoolTalent marks an award winner who is in the talent pool.
const PoolTalent = "talent"

// AwardWinner is a person (or, for an entry of an organisation, the
// organisation) given an award in an event made final, with the code of
// their certificate. Pool is PoolTalent for the workers of a skills
// contest, who make the talent pool, and empty for the others.
type AwardWinner struct {
	ID             uint
	Code           string
	ContestID      uint
	EventID        uint
	EntrantID      uint
	Position       int
	PersonID       *uint
	Pool           string
	Name           string
	EnterpriseID   uint
	EnterpriseName string
	OrganiserName  string
	Trade          string
	SkillLevel     string
	ContestName    string
	EventName      string
	Year           int
	Award          string
	RankPlace      int
	Titles         string
	AwardedAt      time.Time
}

// PoolAchievement is an awarded entry of a final innovation (五小) event.
type PoolAchievement struct {
	ID             uint
	ContestID      uint
	EventID        uint
	EntrantID      uint
	Title          string
	Authors        string
	EnterpriseID   uint
	EnterpriseName string
	Category       string
	ContestName    string
	Year           int
	Award          string
	RankPlace      int
	AwardedAt      time.Time
}

// PoolExpert is one judge's duty in an event made final.
type PoolExpert struct {
	ID               uint
	AccountID        uint
	Name             string
	OrganisationName string
	ContestID        uint
	EventID          uint
	ContestName      string
	EventName        string
	Trade            string
	Duty             string
	Year             int
}

// PoolPart is one part (a substring of up to four characters) of what a
// pool row is searched by, kept in award_winner_parts, pool_achievement_parts
// or pool_expert_parts for the row RowID of that pool.
type PoolPart struct {
	ID    uint
	RowID uint
	Part  string
}

// PoolTermPart is one part of a trade or category named in the pools, with
// the whole name.
type PoolTermPart struct {
	ID   uint
	Part string
	Term string
}
