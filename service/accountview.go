package service

import (
	"time"

	"leitai/model"
)

// Account is what the API shows of an account.
type Account struct {
	ID                 uint       `json:"id"`
	Username           string     `json:"username"`
	DisplayName        string     `json:"display_name"`
	Role               string     `json:"role"`
	OrganisationID     uint       `json:"organisation_id"`
	OrganisationName   string     `json:"organisation_name"`
	Disabled           bool       `json:"disabled"`
	MustChangePassword bool       `json:"must_change_password"`
	Version            int        `json:"version"`
	CreatedAt          time.Time  `json:"created_at"`
	LastLoginAt        *time.Time `json:"last_login_at"`
}

func accountView(a model.Account) Account {
	return Account{
		ID: a.ID, Username: a.Username, DisplayName: a.DisplayName, Role: a.Role,
		OrganisationID: a.OrganisationID, OrganisationName: a.Organisation.Name,
		Disabled: a.Disabled, MustChangePassword: a.MustChangePassword, Version: a.Version,
		CreatedAt: a.CreatedAt, LastLoginAt: a.LastLoginAt,
	}
}
