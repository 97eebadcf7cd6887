package scoring

// Status says whether an entrant is ranked, and why not.
type Status string

const (
	StatusRanked = Status("ranked")
	// StatusIncomplete: a criterion (or a timed stage's time) has no
	// counting mark yet; the entrant is not ranked until it has.
	StatusIncomplete = Status("incomplete")
	StatusVetoed     = Status("vetoed")
	StatusAbsent     = Status("absent")
)

// Award is the prize an entrant gets; "" for none.
type Award string

// The awards; a medal table counts first, second and third as gold, silver
// and bronze.
const (
	AwardFirst      = Award("first")      // 一等奖
	AwardSecond     = Award("second")     // 二等奖
	AwardThird      = Award("third")      // 三等奖
	AwardHonourable = Award("honourable") // 优胜奖
)

// CriterionScore is the judges' marks of one criterion combined, rounded.
type CriterionScore struct {
	Code  string `json:"code"`
	Score Points `json:"score"`
	// Judges is how many counting judges marked it.
	Judges int `json:"judges"`
}

// StageScore is a stage's score (its criteria's exact sum, rounded) and, on
// a timed stage, the time used: the median of the judges' times, in
// hundredths of a second.
type StageScore struct {
	Code  string `json:"code"`
	Score Points `json:"score"`
	Time  Points `json:"time"`
}

// MissingMark is a criterion, or a timed stage's time (Criterion
// TimeCriterion), that no counting judge has marked for the entrant.
type MissingMark struct {
	Stage     string `json:"stage"`
	Criterion string `json:"criterion"`
}

// EntrantResult is one entrant's line of the results.
type EntrantResult struct {
	Entrant    uint   `json:"entrant"`
	Enterprise uint   `json:"enterprise"`
	Team       uint   `json:"team"`
	Status     Status `json:"status"`
	// Rank is 0 for an entrant who is not ranked; entrants that nothing
	// separates share one (1, 2, 2, 4).
	Rank  int    `json:"rank"`
	Total Points `json:"total"`
	// Time is the time used over all timed stages, for the tie-break "time".
	Time     Points           `json:"time"`
	Stages   []StageScore     `json:"stages"`
	Criteria []CriterionScore `json:"criteria"`
	Missing  []MissingMark    `json:"missing"`
	Award    Award            `json:"award"`
	Titles   []string         `json:"titles"`
	// VetoReason is the reason of a veto.
	VetoReason string `json:"veto_reason"`
	// Notes say in words why the entrant ranks where it does when a
	// tie-break decided it, why it is not ranked, and why it has no award.
	Notes []Note `json:"notes"`
}

// Tie is a shared rank on places that get a prize, under
// Awards.NoSharedMedals, until the chief judge decides it.
type Tie struct {
	Place    int    `json:"place"`
	Entrants []uint `json:"entrants"`
}

// Places are how many places each prize covers by the award rule, before
// shared ranks at a boundary; HonourableTo is the last place of 优胜奖.
type Places struct {
	First        int `json:"first"`
	Second       int `json:"second"`
	Third        int `json:"third"`
	HonourableTo int `json:"honourable_to"`
}

// Result is an event's results.
type Result struct {
	// Entrants are in order of place (entrants sharing a rank by id), then
	// the incomplete, the vetoed and the absent, each by id.
	Entrants []EntrantResult `json:"entrants"`
	// Field is the number of ranked entrants, which award shares count.
	Field  int    `json:"field"`
	Places Places `json:"places"`
	// Incomplete counts entrants missing marks: while there are any, the
	// ranks and awards are provisional.
	Incomplete int `json:"incomplete"`
	// Ties await the chief judge's decision; UnusedDecisions match no tie
	// (the marks have changed since, say) and were not applied.
	Ties            []Tie      `json:"ties"`
	UnusedDecisions []Decision `json:"unused_decisions"`
}
