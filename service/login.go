package service

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

const (
	// freeFailures is how many wrong passwords in a row are answered at once.
	freeFailures = 5
	// firstLock is the wait after that; each further failure doubles it, up to maxLock.
	firstLock = 30 * time.Second
	maxLock   = 15 * time.Minute
	// failureMemory forgets a run of failures after this much quiet.
	failureMemory = time.Hour
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

// Login checks a username and password and starts a session. Repeated failures
// for one username lock it for a growing time, answered with too_many_attempts.
func (s *Service) Login(ctx context.Context, username, password string) (LoginResult, error) {
	key := "user:" + strings.ToLower(strings.TrimSpace(username))
	db := s.db.WithContext(ctx)
	now := s.now()

	var th model.LoginThrottle
	err := db.Where("throttle_key = ?", key).Take(&th).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return LoginResult{}, err
	}
	if th.LockedUntil != nil && now.Before(*th.LockedUntil) {
		return LoginResult{}, tooManyAttempts(th.LockedUntil.Sub(now))
	}

	var acc model.Account
	err = db.Preload("Organisation").Where("username_key = ?", strings.ToLower(strings.TrimSpace(username))).Take(&acc).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return LoginResult{}, err
	}
	hash := acc.PasswordHash
	if hash == "" {
		hash = dummyHash
	}
	if !passwordMatches(hash, password) || acc.ID == 0 {
		if err := s.recordFailure(db, key, th, now); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{}, &Error{Kind: KindUnauthenticated, Code: "invalid_credentials", Text: T("invalid_credentials")}
	}
	if acc.Disabled {
		return LoginResult{}, &Error{Kind: KindForbidden, Code: "account_disabled", Text: T("account_disabled")}
	}

	var res LoginResult
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("throttle_key = ?", key).Delete(&model.LoginThrottle{}).Error; err != nil {
			return err
		}
		if err := tx.Model(&model.Account{}).Where("id = ?", acc.ID).Update("last_login_at", now).Error; err != nil {
			return err
		}
		acc.LastLoginAt = &now
		token, csrf, err := s.startSession(tx, acc.ID)
		res = LoginResult{Account: accountView(acc), Token: token, CSRFToken: csrf}
		return err
	})
	return res, err
}

func (s *Service) recordFailure(db *gorm.DB, key string, th model.LoginThrottle, now time.Time) error {
	if th.ThrottleKey == "" || now.Sub(th.LastFailureAt) > failureMemory {
		th = model.LoginThrottle{ThrottleKey: key}
	}
	th.Failures++
	th.LastFailureAt = now
	if th.Failures >= freeFailures {
		wait := time.Duration(float64(firstLock) * math.Pow(2, float64(th.Failures-freeFailures)))
		if wait > maxLock || wait <= 0 {
			wait = maxLock
		}
		until := now.Add(wait)
		th.LockedUntil = &until
	}
	return db.Save(&th).Error
}

func tooManyAttempts(wait time.Duration) *Error {
	secs := int(math.Ceil(wait.Seconds()))
	return &Error{Kind: KindTooMany, Code: "too_many_attempts", Text: T("too_many_attempts", secs), RetryAfter: time.Duration(secs) * time.Second}
}

// Me returns the caller's own account.
func (s *Service) Me(ctx context.Context, c Caller) (Account, error) {
	var acc model.Account
	if err := s.db.WithContext(ctx).Preload("Organisation").Take(&acc, c.AccountID).Error; err != nil {
		return Account{}, notFoundOr(err, "account")
	}
	return accountView(acc), nil
}

// ChangePassword sets the caller's own password after checking the current
// one; every other session of the account ends.
func (s *Service) ChangePassword(ctx context.Context, c Caller, current, next string) error {
	var acc model.Account
	if err := s.db.WithContext(ctx).Take(&acc, c.AccountID).Error; err != nil {
		return notFoundOr(err, "account")
	}
	if !passwordMatches(acc.PasswordHash, current) {
		return invalid(field("old_password", "password_wrong"))
	}
	if key := checkPasswordStrength(next); key != "" {
		return invalid(field("new_password", key))
	}
	if current == next {
		return invalid(field("new_password", "password_same"))
	}
	hash, err := s.hashPassword(next)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Model(&model.Account{}).Where("id = ?", acc.ID).
			Updates(map[string]any{"password_hash": hash, "must_change_password": false, "version": gorm.Expr("version + 1")}).Error; err != nil {
			return err
		}
		if err := endSessions(tx, acc.ID, c.SessionID); err != nil {
			return err
		}
		return audit(tx, c, "password.change", "account", acc.ID, nil, nil)
	})
}
