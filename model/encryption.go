package model

import "time"

// EncryptionRun is one run of an event's encryption draw (二次加密). Seed is
// sealed like the codes: with the event's numbers it gives them again.
type EncryptionRun struct {
	ID           uint
	EventID      uint
	Seed         string
	RunBy        uint
	EntrantCount int
	CreatedAt    time.Time
}

// WorkCode is the secret code (作品编号) that stands for an entrant on the
// sheets of an event's encrypted stages, given by the run in force.
type WorkCode struct {
	ID        uint
	EventID   uint
	EntrantID uint
	RunID     uint
	Code      string
}

// EncryptionDecoding records who unsealed an event's work codes, and when.
type EncryptionDecoding struct {
	ID        uint
	EventID   uint
	DecodedBy uint
	DecodedAt time.Time
}
