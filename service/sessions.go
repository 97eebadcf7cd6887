package service

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

const (
	// SessionIdle ends a session nobody used for this long.
	SessionIdle = 12 * time.Hour
	// SessionMax ends every session this long after login, used or not.
	SessionMax = 7 * 24 * time.Hour
	// lastSeenGranularity spares a write on every request.
	lastSeenGranularity = time.Minute
)

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// tokenHash is what the database keeps of a session token, so that a copy of
// the database does not log anyone in.
func (s *Service) tokenHash(token string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Service) startSession(ctx context.Context, accountID uint) (token, csrf string, err error) {
	tx := s.conn(ctx)
	if token, err = randomToken(); err != nil {
		return "", "", err
	}
	if csrf, err = randomToken(); err != nil {
		return "", "", err
	}
	now := s.now()
	sess := model.Session{TokenHash: s.tokenHash(token), AccountID: accountID, CSRFToken: csrf, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionMax)}
	return token, csrf, tx.Create(&sess).Error
}

// sessionRow is a session with what a request needs of its account, read in
// one query: every request pays for it.
type sessionRow struct {
	ID                 uint
	CSRFToken          string `gorm:"column:csrf_token"`
	LastSeenAt         time.Time
	ExpiresAt          time.Time
	AccountID          uint
	Username           string
	Role               string
	OrganisationID     uint
	Disabled           bool
	MustChangePassword bool
	OrgPath            string
	OrgName            string
}

// Authenticate finds the live session of a token and the account it acts for.
// A disabled account or an expired session answers unauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (Caller, error) {
	if token == "" {
		return Caller{}, Unauthenticated()
	}
	var sess sessionRow
	err := s.conn(ctx).Table("sessions").
		Select("sessions.id, sessions.csrf_token, sessions.last_seen_at, sessions.expires_at, sessions.account_id, "+
			"accounts.username, accounts.role, accounts.organisation_id, accounts.disabled, accounts.must_change_password, "+
			"organisations.path AS org_path, organisations.name AS org_name").
		Joins("JOIN accounts ON accounts.id = sessions.account_id").
		Joins("JOIN organisations ON organisations.id = accounts.organisation_id").
		Where("sessions.token_hash = ?", s.tokenHash(token)).Take(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Caller{}, Unauthenticated()
	}
	if err != nil {
		return Caller{}, err
	}
	now := s.now()
	if sess.Disabled || now.After(sess.ExpiresAt) || now.Sub(sess.LastSeenAt) > SessionIdle {
		if err := s.tx(ctx, func(ctx context.Context) error { return s.conn(ctx).Delete(&model.Session{}, sess.ID).Error }); err != nil {
			return Caller{}, err
		}
		return Caller{}, Unauthenticated()
	}
	if now.Sub(sess.LastSeenAt) > lastSeenGranularity {
		err := s.tx(ctx, func(ctx context.Context) error {
			return s.conn(ctx).Model(&model.Session{}).Where("id = ?", sess.ID).Update("last_seen_at", now).Error
		})
		if err != nil {
			return Caller{}, err
		}
	}
	return Caller{
		AccountID: sess.AccountID, SessionID: sess.ID, Username: sess.Username, Role: sess.Role,
		OrganisationID: sess.OrganisationID, OrganisationName: sess.OrgName, OrgPath: sess.OrgPath, CSRFToken: sess.CSRFToken,
		MustChangePassword: sess.MustChangePassword,
	}, nil
}

// Logout ends the caller's session.
func (s *Service) Logout(ctx context.Context, c Caller) error {
	return s.tx(ctx, func(ctx context.Context) error { return s.conn(ctx).Delete(&model.Session{}, c.SessionID).Error })
}

// endSessions ends every session of an account except keep (0 keeps none).
func (s *Service) endSessions(ctx context.Context, accountID, keep uint) error {
	tx := s.conn(ctx)
	return tx.Where("account_id = ? AND id <> ?", accountID, keep).Delete(&model.Session{}).Error
}
