package service

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// dummyHash keeps an unknown username as slow to answer as a wrong password.
const dummyHash = "$2a$10$7pCmfB2Xa.8/ooYaaGEnPeGon8LJjZFpHVTOdJwed2kavI8VAuH7e"

// LoginResult is a new session: the token for the cookie and the CSRF token
// the page sends back on every change.
type LoginResult struct {
	Account   Account
	Token     string
	CSRFToken string
}

// Login checks a username and password sent from clientAddr and starts a
// session. Failures are throttled per account and address, per address, and
// per account (see throttle.go), answered with too_many_attempts.
func (s *Service) Login(ctx context.Context, username, password, clientAddr string) (LoginResult, error) {
	keys := throttleKeys(username, clientAddr)
	wait, err := s.throttleWait(ctx, keys)
	if err != nil {
		return LoginResult{}, err
	}
	if wait > 0 {
		return LoginResult{}, tooManyAttempts(wait)
	}

	var acc model.Account
	err = s.conn(ctx).Preload("Organisation").Where("username_key = ?", strings.ToLower(strings.TrimSpace(username))).Take(&acc).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return LoginResult{}, err
	}
	hash := acc.PasswordHash
	if hash == "" {
		hash = dummyHash
	}
	matches, err := s.passwordMatches(ctx, hash, password)
	if err != nil {
		return LoginResult{}, err
	}
	if !matches || acc.ID == 0 {
		if err := s.recordFailure(ctx, keys); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, &Error{Kind: KindUnauthenticated, Code: "invalid_credentials", Text: T("invalid_credentials")}
	}
	if acc.Disabled {
		return LoginResult{}, &Error{Kind: KindForbidden, Code: "account_disabled", Text: T("account_disabled")}
	}

	var res LoginResult
	now := s.now()
	err = s.tx(ctx, func(ctx context.Context) error {
		if err := s.forgetFailures(ctx, keys); err != nil {
			return err
		}
		if err := s.conn(ctx).Model(&model.Account{}).Where("id = ?", acc.ID).Update("last_login_at", now).Error; err != nil {
			return err
		}
		acc.LastLoginAt = &now
		token, csrf, err := s.startSession(ctx, acc.ID)
		res = LoginResult{Account: accountView(acc), Token: token, CSRFToken: csrf}
		return err
	})
	return res, err
}

// Me returns the caller's own account.
func (s *Service) Me(ctx context.Context, c Caller) (Account, error) {
	var acc model.Account
	if err := s.conn(ctx).Preload("Organisation").Take(&acc, c.AccountID).Error; err != nil {
		return Account{}, notFoundOr(err, "account")
	}
	return accountView(acc), nil
}

// ChangePassword sets the caller's own password after checking the current
// one; every other session of the account ends.
func (s *Service) ChangePassword(ctx context.Context, c Caller, current, next string) error {
	var acc model.Account
	if err := s.conn(ctx).Take(&acc, c.AccountID).Error; err != nil {
		return notFoundOr(err, "account")
	}
	matches, err := s.passwordMatches(ctx, acc.PasswordHash, current)
	if err != nil {
		return err
	}
	if !matches {
		return invalid(field("old_password", "password_wrong"))
	}
	if key := s.checkPassword(acc.Username, next); key != "" {
		return invalid(field("new_password", key))
	}
	if current == next {
		return invalid(field("new_password", "password_same"))
	}
	hash, err := s.hashPassword(ctx, next)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := tx.Model(&model.Account{}).Where("id = ?", acc.ID).
			Updates(map[string]any{"password_hash": hash, "must_change_password": false, "version": gorm.Expr("version + 1")}).Error; err != nil {
			return err
		}
		if err := s.endSessions(ctx, acc.ID, c.SessionID); err != nil {
			return err
		}
		return s.audit(ctx, c, "password.change", "account", acc.ID, nil, nil)
	})
}
