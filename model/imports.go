package model

import "time"

// ImportJob is one spreadsheet uploaded for import: checked first, then
// imported all at once or not at all.
type ImportJob struct {
	ID        uint
	Kind      string
	ContestID uint
	EventID   *uint
	// Stage and JudgeID name the judge's sheet of a score import.
	Stage          string
	JudgeID        *uint
	OrganisationID uint
	AccountID      uint
	FileName       string
	// Content is the file as uploaded; CheckedRows its rows as they passed
	// the check. Loading a job leaves both out unless it needs them.
	Content        []byte
	CheckedRows    []byte
	Status         string
	RowsTotal      int
	RowsDone       int
	CreatedCount   int
	UpdatedCount   int
	UnchangedCount int
	Digest         string
	// Result is JSON: the problems found, or what each row does or did.
	Result     string
	Version    int
	CreatedAt  time.Time
	UpdatedAt  time.Time
	FinishedAt *time.Time
}
