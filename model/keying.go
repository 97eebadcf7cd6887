package model

import "time"

// PaperSheet is a judge's sheet of a stage kept on paper and keyed twice
// (双人双录); the judge writes nothing on it online.
type PaperSheet struct {
	ID      uint
	SheetID uint
	// AgreedAt is set once both entries agree and are the judge's marks.
	AgreedAt  *time.Time
	CreatedBy uint
	CreatedAt time.Time
}

// Keying is one clerk's round (1 or 2) of keying a paper sheet.
type Keying struct {
	ID           uint
	PaperSheetID uint
	Round        int
	ClerkID      uint
	Clerk        Account
	SubmittedAt  *time.Time
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// KeyedCell is one cell of a paper sheet as keyed in one round, in
// hundredths; round 0 is the value read from the paper where the rounds differ.
type KeyedCell struct {
	ID           uint
	PaperSheetID uint
	Round        int
	EntrantID    uint
	Criterion    string
	Points       int64
	Note         string
	Version      int
	KeyedBy      uint
	CreatedAt    time.Time
	UpdatedAt    time.Time
}
