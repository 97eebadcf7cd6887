package model

import "time"

// AuditEntry records one change: who, when, what, before, after and why.
type AuditEntry struct {
	ID          uint
	AccountID   *uint
	Action      string
	Entity      string
	EntityID    uint
	BeforeValue *string
	AfterValue  *string
	Reason      string
	CreatedAt   time.Time
}
