package model

import "time"

// Session is a logged-in browser. Only a keyed hash of its token is stored.
type Session struct {
	ID         uint
	TokenHash  string
	AccountID  uint
	Account    Account
	CSRFToken  string `gorm:"column:csrf_token"`
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

// LoginThrottle counts recent failed logins for one username.
type LoginThrottle struct {
	ThrottleKey   string `gorm:"primaryKey"`
	Failures      int
	LastFailureAt time.Time
	LockedUntil   *time.Time
}
