package service

import (
	"context"
	"slices"
	"time"

	"leitai/model"
	"leitai/scoring"
)

// ResultLine is one entrant's line of a results version.
type ResultLine struct {
	ResultEntry
	Status scoring.Status       `json:"status"`
	Rank   int                  `json:"rank"`
	Total  Points               `json:"total"`
	Time   Points               `json:"time"`
	Stages []scoring.StageScore `json:"stages"`
	Award  scoring.Award        `json:"award"`
	Titles []string             `json:"titles"`
	// Notes say in words why the entrant ranks where it does, why it is not
	// ranked, or why it has no award.
	Notes []string `json:"notes"`
}

// Standing is an entrant's status, total, rank and award in one version.
type Standing struct {
	Status scoring.Status `json:"status"`
	Total  Points         `json:"total"`
	Rank   int            `json:"rank"`
	Award  scoring.Award  `json:"award"`
}

// ResultChange is what changed for one entrant from the version before;
// Before or After is null for an entrant missing from that version.
type ResultChange struct {
	ResultEntry
	Before *Standing `json:"before"`
	After  *Standing `json:"after"`
}

// ResultVersionInfo describes a version without its lines.
type ResultVersionInfo struct {
	Version      int        `json:"version"`
	RulesVersion int        `json:"rules_version"`
	ComputedAt   time.Time  `json:"computed_at"`
	ComputedBy   string     `json:"computed_by"`
	PublishedAt  *time.Time `json:"published_at"`
	FinalAt      *time.Time `json:"final_at"`
}

// ResultVersion is one snapshot of an event's results, with what changed
// from the version before it.
type ResultVersion struct {
	ResultVersionInfo
	EventID uint           `json:"event_id"`
	Field   int            `json:"field"`
	Places  scoring.Places `json:"places"`
	Lines   []ResultLine   `json:"lines"`
	Changes []ResultChange `json:"changes"`
}

// ResultStage is a stage of the event and whether it is signed off.
type ResultStage struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	SignedOff bool   `json:"signed_off"`
}

// EventResults is the state of an event's results: its stages' sign-off,
// decoding, versions newest first, and the newest version in full.
type EventResults struct {
	EventID       uint                `json:"event_id"`
	EventName     string              `json:"event_name"`
	ContestID     uint                `json:"contest_id"`
	ContestStatus string              `json:"contest_status"`
	Stages        []ResultStage       `json:"stages"`
	Decoding      ResultDecoding      `json:"decoding"`
	Versions      []ResultVersionInfo `json:"versions"`
	Current       *ResultVersion      `json:"current"`
	// MayCompute and MayDecode tell the caller what it may do now.
	MayCompute bool `json:"may_compute"`
	MayDecode  bool `json:"may_decode"`
}

// resultsReader loads an event whose results the caller reads: its
// organisers and its chief judge.
func (s *Service) resultsReader(ctx context.Context, c Caller, eventID uint) (model.Event, model.Contest, Rules, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return ev, model.Contest{}, Rules{}, err
	}
	ct, err := s.leadsEvent(ctx, c, ev)
	if err != nil {
		return ev, ct, Rules{}, err
	}
	rules, err := parseRules(ev.Rules)
	return ev, ct, rules, err
}

// GetEventResults shows an event's results to its organisers and chief judge.
func (s *Service) GetEventResults(ctx context.Context, c Caller, eventID uint, lang Lang) (EventResults, error) {
	ev, ct, rules, err := s.resultsReader(ctx, c, eventID)
	if err != nil {
		return EventResults{}, err
	}
	out := EventResults{EventID: ev.ID, EventName: ev.Name, ContestID: ct.ID, ContestStatus: ct.Status, Stages: []ResultStage{}, Versions: []ResultVersionInfo{}}
	unsigned, err := s.unsignedStages(ctx, ev.ID, rules)
	if err != nil {
		return out, err
	}
	for _, st := range rules.Stages {
		out.Stages = append(out.Stages, ResultStage{Code: st.Code, Name: st.Name, SignedOff: !slices.Contains(unsigned, st.Name)})
	}
	if out.Decoding, err = s.decoding(ctx, ev, rules); err != nil {
		return out, err
	}
	var rows []model.ResultSnapshot
	if err := s.conn(ctx).Select("id, event_id, version, rules_version, computed_by, computed_at, published_at, final_at").
		Where("event_id = ?", ev.ID).Order("version DESC").Find(&rows).Error; err != nil {
		return out, err
	}
	names, err := s.computerNames(ctx, rows)
	if err != nil {
		return out, err
	}
	for _, r := range rows {
		out.Versions = append(out.Versions, versionInfo(r, names))
	}
	runs := c.runs(ct) && resultsOpen(ct) == nil
	out.MayCompute = runs && len(unsigned) == 0 && len(rules.Stages) > 0
	out.MayDecode = runs && len(rows) > 0 && !out.Decoding.Names
	if len(rows) > 0 {
		v, err := s.GetResultVersion(ctx, c, ev.ID, rows[0].Version, lang)
		if err != nil {
			return out, err
		}
		out.Current = &v
	}
	return out, nil
}

func versionInfo(r model.ResultSnapshot, names map[uint]string) ResultVersionInfo {
	return ResultVersionInfo{Version: r.Version, RulesVersion: r.RulesVersion, ComputedAt: r.ComputedAt, ComputedBy: names[r.ComputedBy],
		PublishedAt: r.PublishedAt, FinalAt: r.FinalAt}
}

// computerNames names the accounts that computed snapshots.
func (s *Service) computerNames(ctx context.Context, rows []model.ResultSnapshot) (map[uint]string, error) {
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.ComputedBy
	}
	var accounts []model.Account
	if err := s.conn(ctx).Select("id, display_name").Where("id IN ?", append(ids, 0)).Find(&accounts).Error; err != nil {
		return nil, err
	}
	out := map[uint]string{}
	for _, a := range accounts {
		out[a.ID] = a.DisplayName
	}
	return out, nil
}

// snapshot loads one version of an event's results and its stored result.
func (s *Service) snapshot(ctx context.Context, eventID uint, version int) (model.ResultSnapshot, storedResult, error) {
	var row model.ResultSnapshot
	if err := s.conn(ctx).Where("event_id = ? AND version = ?", eventID, version).Take(&row).Error; err != nil {
		return row, storedResult{}, notFoundOr(err, "result_version")
	}
	var r storedResult
	err := parseResult(row.ID, row.Result, &r)
	return row, r, err
}

// GetResultVersion shows one version of an event's results with what
// changed from the version before it.
func (s *Service) GetResultVersion(ctx context.Context, c Caller, eventID uint, version int, lang Lang) (ResultVersion, error) {
	ev, _, rules, err := s.resultsReader(ctx, c, eventID)
	if err != nil {
		return ResultVersion{}, err
	}
	row, res, err := s.snapshot(ctx, ev.ID, version)
	if err != nil {
		return ResultVersion{}, err
	}
	names, err := s.computerNames(ctx, []model.ResultSnapshot{row})
	if err != nil {
		return ResultVersion{}, err
	}
	id, err := s.identities(ctx, ev, rules)
	if err != nil {
		return ResultVersion{}, err
	}
	out := ResultVersion{ResultVersionInfo: versionInfo(row, names), EventID: ev.ID, Field: res.Field, Places: res.Places,
		Lines: make([]ResultLine, len(res.Lines)), Changes: []ResultChange{}}
	for i, l := range res.Lines {
		line := ResultLine{ResultEntry: id.entry(l.Entrant), Status: l.Status, Rank: l.Rank, Total: l.Total, Time: l.Time,
			Stages: l.Stages, Award: l.Award, Titles: l.Titles, Notes: make([]string, len(l.Notes))}
		if line.Stages == nil {
			line.Stages = []scoring.StageScore{}
		}
		if line.Titles == nil {
			line.Titles = []string{}
		}
		for k, n := range l.Notes {
			line.Notes[k] = n.in(lang)
		}
		out.Lines[i] = line
	}
	if version > 1 {
		_, before, err := s.snapshot(ctx, ev.ID, version-1)
		if err != nil {
			return out, err
		}
		for _, ch := range resultChanges(before, res) {
			ch.ResultEntry = id.entry(ch.EntrantID)
			out.Changes = append(out.Changes, ch)
		}
	}
	return out, nil
}

// resultChanges lists the entrants whose status, total, rank or award
// differ between two versions, in the order of the newer one, then those
// only the older one has.
func resultChanges(before, after storedResult) []ResultChange {
	standing := func(l storedLine) *Standing {
		return &Standing{Status: l.Status, Total: l.Total, Rank: l.Rank, Award: l.Award}
	}
	old := make(map[uint]storedLine, len(before.Lines))
	for _, l := range before.Lines {
		old[l.Entrant] = l
	}
	var out []ResultChange
	for _, l := range after.Lines {
		b, had := old[l.Entrant]
		delete(old, l.Entrant)
		switch {
		case !had:
			out = append(out, ResultChange{ResultEntry: ResultEntry{EntrantID: l.Entrant}, After: standing(l)})
		case *standing(b) != *standing(l):
			out = append(out, ResultChange{ResultEntry: ResultEntry{EntrantID: l.Entrant}, Before: standing(b), After: standing(l)})
		}
	}
	for _, l := range before.Lines {
		if _, gone := old[l.Entrant]; gone {
			out = append(out, ResultChange{ResultEntry: ResultEntry{EntrantID: l.Entrant}, Before: standing(l)})
		}
	}
	return out
}
