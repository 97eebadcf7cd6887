package model

import "time"

// ExportJob is one workbook asked for: written in the background when it is
// large, and kept for the account that asked to download.
type ExportJob struct {
	ID             uint
	Kind           string
	ContestID      *uint
	EventID        *uint
	Stage          string
	FullIDs        bool `gorm:"column:full_ids"`
	OrganisationID uint
	AccountID      uint
	Status         string
	RowsTotal      int
	FileName       string
	// Content is the workbook written; loading a job leaves it out unless it
	// is downloaded.
	Content    []byte
	Error      string
	Version    int
	CreatedAt  time.Time
	UpdatedAt  time.Time
	FinishedAt *time.Time
}
