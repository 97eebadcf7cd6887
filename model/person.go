package model

import "time"

// Person is a worker, kept once across all the contests they enter.
type Person struct {
	ID             uint
	OrganisationID uint
	Organisation   Organisation
	Name           string
	Gender         string
	IDNumber       string `gorm:"column:id_number"`
	Mobile         string
	Trade          string
	SkillLevel     string
	YearsInTrade   int
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// People is the table name GORM would otherwise spell "persons".
func (Person) TableName() string { return "people" }
