package scoring

// These are an event's rules, the one definition the whole application uses:
// the service stores, checks and serves them, judging reads the stages and
// criteria, and Compute applies them. They keep the JSON shape events have
// always stored; the fields added for results (awards.honourable,
// awards.no_shared_medals, titles, team) are left out of the JSON while
// unset, so a rule set that does not use them reads and writes exactly as
// before.

// Stage is a part of an event (理论, 实操) with its weight in percent.
type Stage struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Weight int    `json:"weight"`
	// Timed stages have each entrant's time used (用时) entered on their
	// sheets, in whole seconds up to TimeLimit minutes, for the tie-break "time".
	Timed     bool `json:"timed"`
	TimeLimit int  `json:"time_limit"`
	// Encrypted stages (二次加密) have their judges see work codes, not draw
	// numbers; it changes who sees what, never a result.
	Encrypted bool `json:"encrypted"`
}

// Criterion is one line of the marking scheme (评分细则).
type Criterion struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Stage string `json:"stage"`
	Max   Points `json:"max"`
	Kind  string `json:"kind"`
	// Levels has judges of a judgement criterion enter a level from 0 to 3,
	// which stands for level ÷ 3 × Max points; Max is then a multiple of 0.03,
	// so that every level is an exact mark.
	Levels bool `json:"levels"`
}

// Combine says how several judges' marks for one criterion become one.
type Combine struct {
	Method        string `json:"method"`
	TrimMinJudges int    `json:"trim_min_judges"`
}

// Awards says who gets 一等奖, 二等奖, 三等奖 and 优胜奖.
type Awards struct {
	Mode     string `json:"mode"`
	First    int    `json:"first"`
	Second   int    `json:"second"`
	Third    int    `json:"third"`
	MinTotal Points `json:"min_total"`
	// SharedTop gives entrants who share a rank across the boundary of two
	// awards the better one; without it they all get the lesser one.
	SharedTop bool `json:"shared_top"`
	// Honourable is a percentage of the ranked field, counted from the top,
	// in both modes: entrants within it who get no prize get 优胜奖
	// (50 is "the top half"); 0 gives none.
	Honourable int `json:"honourable,omitzero"`
	// NoSharedMedals forbids shared ranks on the places that get a prize:
	// such a tie is reported for the chief judge (裁判长) to decide.
	NoSharedMedals bool `json:"no_shared_medals,omitzero"`
}

// Title is an honour or promotion that follows a place (技术能手 for places
// 1–3, 推荐技师 for 1–5); one entrant may get several.
type Title struct {
	Name string `json:"name"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// TeamRule says how a team's result, or an enterprise's in one event, comes
// from its members' totals: Method "sum" (or empty) adds them all, "best"
// adds the Best highest.
type TeamRule struct {
	Method string `json:"method"`
	Best   int    `json:"best"`
}

// Rules is an event's whole rule set, stored as one versioned value.
type Rules struct {
	Stages    []Stage     `json:"stages"`
	Criteria  []Criterion `json:"criteria"`
	Combine   Combine     `json:"combine"`
	TieBreaks []string    `json:"tie_breaks"`
	Awards    Awards      `json:"awards"`
	Veto      bool        `json:"veto"`
	// Disagreement is how far apart (highest minus lowest) the counting
	// judges' marks of one entrant on one judgement criterion may be before
	// the chief judge is shown the cell; 0 shows none. Judging uses it;
	// results do not.
	Disagreement Points `json:"disagreement"`
	// Titles follow places; see Title.
	Titles []Title `json:"titles,omitzero"`
	// Team makes team and enterprise results; see TeamRule.
	Team TeamRule `json:"team,omitzero"`
}

// The values the rules' fields take.
const (
	CombineMean        = "mean"
	CombineTrimmedMean = "trimmed_mean"
	CombineMedian      = "median"

	// TieTime compares the time used, shorter first; a tie-break
	// TieStagePrefix+code compares a stage's score, higher first; TieShared,
	// only last, says that entrants still equal share the rank.
	TieTime        = "time"
	TieStagePrefix = "stage:"
	TieShared      = "shared"

	AwardShares = "shares"
	AwardCounts = "counts"

	TeamSum  = "sum"
	TeamBest = "best"

	// TimeCriterion is the criterion code of the time used: a mark of it,
	// on a timed stage's sheet, holds the time in hundredths of a second.
	TimeCriterion = "_time"
)

// CombineMethods, AwardModes and TeamMethods are the values those fields
// take, each list made afresh for its caller.
func CombineMethods() []string { return []string{CombineMean, CombineTrimmedMean, CombineMedian} }
func AwardModes() []string     { return []string{AwardShares, AwardCounts} }
func TeamMethods() []string    { return []string{TeamSum, TeamBest} }
