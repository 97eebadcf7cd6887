package model

import "time"

// ResultSnapshot is one computation of an event's results: the engine's
// result as JSON, the rules version that made it and when. It never
// changes, except that it is published and made final once each.
type ResultSnapshot struct {
	ID           uint
	EventID      uint
	Version      int
	RulesVersion int
	Result       string
	ComputedBy   uint
	ComputedAt   time.Time
	PublishedAt  *time.Time
	FinalAt      *time.Time
}

// TieDecision is the chief judge's order of entrants tied on a prize place:
// Entrants are their ids, best first, comma-separated.
type TieDecision struct {
	ID        uint
	EventID   uint
	Entrants  string
	Reason    string
	DecidedBy uint
	DecidedAt time.Time
}

// NameDecoding records who decoded an event's results to names, and when.
type NameDecoding struct {
	ID        uint
	EventID   uint
	DecodedBy uint
	DecodedAt time.Time
}

// ResultReveal is how far an event's published results are revealed at the
// award ceremony; Level is one of the reveal levels (service/reveal.go).
type ResultReveal struct {
	ID        uint
	EventID   uint
	Level     string
	Version   int
	UpdatedBy uint
	UpdatedAt time.Time
}
