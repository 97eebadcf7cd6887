package model

import "time"

// Roles an account can have.
const (
	RoleAdmin      = "admin"
	RoleOrganiser  = "organiser"
	RoleEnterprise = "enterprise"
	RoleJudge      = "judge"
)

// Account is a person who logs in, acting for one organisation.
type Account struct {
	ID                 uint
	Username           string
	UsernameKey        string // lower-case, for uniqueness regardless of case
	DisplayName        string
	Role               string
	OrganisationID     uint
	Organisation       Organisation
	PasswordHash       string
	Disabled           bool
	MustChangePassword bool
	Version            int
	CreatedAt          time.Time
	UpdatedAt          time.Time
	LastLoginAt        *time.Time
}
