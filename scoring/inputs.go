package scoring

// Entrant is an entry of the event as results need it.
type Entrant struct {
	ID uint
	// Enterprise is the organisation that entered it: enterprise standings
	// and medal tables count by it.
	Enterprise uint
	// Team is the team it is a member of, 0 for none.
	Team uint
	// Absent entrants (缺赛) are listed without a score or a rank: absent is
	// not zero.
	Absent bool
	// Vetoed entrants (一票否决) keep their scores but get no rank and no
	// award; VetoReason says why and is required with it.
	Vetoed     bool
	VetoReason string
}

// Mark is one judge's mark for one entrant on one criterion.
type Mark struct {
	Entrant uint
	// Criterion is a criterion's code, or TimeCriterion for the time used.
	Criterion string
	// Stage is the stage of the judge's sheet; only a TimeCriterion mark
	// needs it, the criteria say their own stage.
	Stage  string
	Judge  uint
	Points Points
	// Counts is false for a trainee's (见习裁判) mark, which is kept as a
	// record and never enters a result.
	Counts bool
}

// Decision is the chief judge's order for entrants that the tie-break chain
// cannot separate on a place that gets a prize (with Awards.NoSharedMedals):
// the tied entrants, best first. It applies to a tie of exactly these
// entrants.
type Decision struct {
	Entrants []uint `json:"entrants"`
}
