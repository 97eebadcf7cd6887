package service

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{3,32}$`)

// NewAccount is the input for creating an account.
type NewAccount struct {
	Username       string
	DisplayName    string
	Role           string
	OrganisationID uint
	Password       string
}

// AccountChange is a partial update; nil fields stay as they are.
type AccountChange struct {
	Version     int
	DisplayName *string
	Disabled    *bool
}

// AccountFilter narrows a list of accounts.
type AccountFilter struct {
	Q              string
	Role           string
	OrganisationID uint
}

// roleFits checks that a role suits the organisation it acts for.
func roleFits(role string, org model.Organisation) *FieldError {
	var key string
	switch {
	case role == model.RoleEnterprise && org.Kind != model.KindEnterprise:
		key = "role_needs_enterprise"
	case role == model.RoleOrganiser && !org.IsUnion():
		key = "role_needs_union"
	case role == model.RoleAdmin && org.ParentID != nil:
		key = "role_needs_root"
	default:
		return nil
	}
	f := field("organisation_id", key)
	return &f
}

func (s *Service) loadAccount(ctx context.Context, id uint) (model.Account, error) {
	db := s.conn(ctx)
	var a model.Account
	err := db.Preload("Organisation").Take(&a, id).Error
	return a, notFoundOr(err, "account")
}

// ListAccounts pages through the accounts of the organisations the caller sees.
func (s *Service) ListAccounts(ctx context.Context, c Caller, f AccountFilter, p PageRequest) (Page[Account], error) {
	if !c.mayBrowseTree() {
		return Page[Account]{}, forbidden()
	}
	db := s.conn(ctx)
	q := c.scopeByOrganisation(db.Model(&model.Account{}).Preload("Organisation"), "accounts.organisation_id")
	if f.Q != "" {
		q = q.Where("(? OR ? OR accounts.organisation_id IN (?))", contains("accounts.username", f.Q), contains("accounts.display_name", f.Q), organisationsNamed(db, f.Q))
	}
	if f.Role != "" {
		q = q.Where("accounts.role = ?", f.Role)
	}
	if f.OrganisationID != 0 {
		q = q.Where("accounts.organisation_id = ?", f.OrganisationID)
	}
	return paged(q, p, "accounts.id", accountView)
}

// GetAccount returns one account in the caller's part of the tree, or the caller's own.
func (s *Service) GetAccount(ctx context.Context, c Caller, id uint) (Account, error) {
	a, err := s.loadAccount(ctx, id)
	if err != nil {
		return Account{}, err
	}
	if !c.seesAccount(a) {
		return Account{}, forbidden()
	}
	return accountView(a), nil
}

// CreateAccount adds an account; it must change its password at first login.
func (s *Service) CreateAccount(ctx context.Context, c Caller, in NewAccount) (Account, error) {
	if !c.mayBrowseTree() {
		return Account{}, forbidden()
	}
	var fields []FieldError
	username := strings.TrimSpace(in.Username)
	if !usernamePattern.MatchString(username) {
		fields = append(fields, field("username", "username_format"))
	}
	fields = append(fields, checkName("display_name", &in.DisplayName, maxDisplayName)...)
	if !slices.Contains(Roles, in.Role) {
		fields = append(fields, field("role", "one_of", strings.Join(Roles, ", ")))
	} else if !c.createsRole(in.Role) {
		return Account{}, &Error{Kind: KindForbidden, Code: "forbidden", Text: T("role_not_allowed")}
	}
	if key := s.checkPassword(username, in.Password); key != "" {
		fields = append(fields, field("password", key))
	}
	if len(fields) > 0 {
		return Account{}, invalid(fields...)
	}
	hash, err := s.hashPassword(ctx, in.Password)
	if err != nil {
		return Account{}, err
	}
	var created model.Account
	err = s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		org, err := s.loadOrganisation(ctx, in.OrganisationID)
		if err != nil {
			return invalid(field("organisation_id", "not_found", T("organisation_word")))
		}
		if !c.sees(org.Path) {
			return forbidden()
		}
		if fe := roleFits(in.Role, org); fe != nil {
			return invalid(*fe)
		}
		created = model.Account{Username: username, UsernameKey: strings.ToLower(username), DisplayName: in.DisplayName,
			Role: in.Role, OrganisationID: org.ID, Organisation: org, PasswordHash: hash, MustChangePassword: true, Version: 1}
		if err := tx.Omit("Organisation").Create(&created).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("username", "username_taken", username)
			}
			return err
		}
		return s.audit(ctx, c, "account.create", "account", created.ID, nil, accountView(created))
	})
	if err != nil {
		return Account{}, err
	}
	return accountView(created), nil
}

// UpdateAccount renames, disables or enables an account. Disabling ends its sessions.
func (s *Service) UpdateAccount(ctx context.Context, c Caller, id uint, ch AccountChange) (Account, error) {
	var updated model.Account
	err := s.tx(ctx, func(ctx context.Context) error {
		a, err := s.manageAccount(ctx, c, id)
		if err != nil {
			return err
		}
		if a.Version != ch.Version {
			return staleVersion()
		}
		before := accountView(a)
		if ch.DisplayName != nil {
			name := *ch.DisplayName
			if fe := checkName("display_name", &name, maxDisplayName); fe != nil {
				return invalid(fe...)
			}
			a.DisplayName = name
		}
		if ch.Disabled != nil {
			if *ch.Disabled && a.ID == c.AccountID {
				return invalid(field("disabled", "cannot_disable_self"))
			}
			a.Disabled = *ch.Disabled
		}
		if err := s.updateVersioned(ctx, &model.Account{}, a.ID, a.Version, map[string]any{"display_name": a.DisplayName, "disabled": a.Disabled}); err != nil {
			return err
		}
		a.Version++
		if a.Disabled {
			if err := s.endSessions(ctx, a.ID, 0); err != nil {
				return err
			}
		}
		updated = a
		return s.audit(ctx, c, "account.update", "account", a.ID, before, accountView(a))
	})
	if err != nil {
		return Account{}, err
	}
	return accountView(updated), nil
}

// ResetPassword sets a new password for someone else's account; its sessions
// end and it must choose its own password at the next login.
func (s *Service) ResetPassword(ctx context.Context, c Caller, id uint, password string) error {
	target, err := s.manageAccount(ctx, c, id)
	if err != nil {
		return err
	}
	if key := s.checkPassword(target.Username, password); key != "" {
		return invalid(field("password", key))
	}
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		a, err := s.manageAccount(ctx, c, id)
		if err != nil {
			return err
		}
		if err := tx.Model(&model.Account{}).Where("id = ?", a.ID).
			Updates(map[string]any{"password_hash": hash, "must_change_password": true, "version": gorm.Expr("version + 1")}).Error; err != nil {
			return err
		}
		if err := s.endSessions(ctx, a.ID, 0); err != nil {
			return err
		}
		return s.audit(ctx, c, "account.password_reset", "account", a.ID, nil, nil)
	})
}
