package service

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"leitai/model"
	"leitai/scoring"
)

// Results (成绩): once the chief judge has signed off every stage of an
// event, its organisers compute the results. Each computation that differs
// from the one before is kept as a new snapshot, with the rules version
// that made it and the time, and is never changed; readers see what changed
// from one version to the next. A tie on a prize place that the rules
// forbid to share waits for the chief judge's decision. Results name the
// entrants by work code, then by draw number, and by name only once the
// organisers have decoded them (解密), layer by layer.

// Words is a sentence in both languages, as kept in a snapshot.
type Words struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

func wordsOf(n scoring.Note) Words { return Words{ZH: n.In(string(LangZH)), EN: n.In(string(LangEN))} }

func (w Words) in(lang Lang) string {
	if lang == LangEN {
		return w.EN
	}
	return w.ZH
}

// storedLine is one entrant's line of a snapshot.
type storedLine struct {
	Entrant    uint                     `json:"entrant"`
	Enterprise uint                     `json:"enterprise"`
	Status     scoring.Status           `json:"status"`
	Rank       int                      `json:"rank"`
	Total      Points                   `json:"total"`
	Time       Points                   `json:"time"`
	Stages     []scoring.StageScore     `json:"stages"`
	Criteria   []scoring.CriterionScore `json:"criteria"`
	Award      scoring.Award            `json:"award"`
	Titles     []string                 `json:"titles"`
	Notes      []Words                  `json:"notes"`
}

// storedResult is what a snapshot keeps: the engine's result with its notes
// put into words, so that a snapshot reads the same whatever changes later.
type storedResult struct {
	Field  int            `json:"field"`
	Places scoring.Places `json:"places"`
	Lines  []storedLine   `json:"lines"`
}

func storedResultOf(r scoring.Result) storedResult {
	out := storedResult{Field: r.Field, Places: r.Places, Lines: make([]storedLine, len(r.Entrants))}
	for i, e := range r.Entrants {
		l := storedLine{Entrant: e.Entrant, Enterprise: e.Enterprise, Status: e.Status, Rank: e.Rank, Total: e.Total, Time: e.Time,
			Stages: e.Stages, Criteria: e.Criteria, Award: e.Award, Titles: e.Titles, Notes: make([]Words, len(e.Notes))}
		for k, n := range e.Notes {
			l.Notes[k] = wordsOf(n)
		}
		out.Lines[i] = l
	}
	return out
}

// resultsEvent loads an event whose results the caller computes or decodes:
// its organisers, while the contest judges or is in public notice; once the
// results are final nothing changes.
func (s *Service) resultsEvent(ctx context.Context, c Caller, eventID uint) (model.Event, model.Contest, Rules, error) {
	ev, ct, err := s.runLockedEvent(ctx, c, eventID)
	if err != nil {
		return ev, ct, Rules{}, err
	}
	if err := resultsOpen(ct); err != nil {
		return ev, ct, Rules{}, err
	}
	rules, err := parseRules(ev.Rules)
	return ev, ct, rules, err
}

// resultsOpen refuses a change to results outside judging and public notice.
func resultsOpen(ct model.Contest) error {
	if ct.Status != model.StepJudging && ct.Status != model.StepPublicNotice {
		return wrongStep(ct.Status)
	}
	return nil
}

// unsignedStages names the stages of an event the chief judge has not signed off.
func (s *Service) unsignedStages(ctx context.Context, eventID uint, rules Rules) ([]string, error) {
	var signed []string
	if err := s.conn(ctx).Model(&model.StageSignoff{}).Where("event_id = ?", eventID).Pluck("stage", &signed).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, st := range rules.Stages {
		if !slices.Contains(signed, st.Code) {
			out = append(out, st.Name)
		}
	}
	return out, nil
}

// signedOffResult computes an event's results once every stage is signed off.
func (s *Service) signedOffResult(ctx context.Context, ev model.Event, rules Rules) (scoring.Result, error) {
	unsigned, err := s.unsignedStages(ctx, ev.ID, rules)
	if err != nil {
		return scoring.Result{}, err
	}
	if len(unsigned) > 0 {
		return scoring.Result{}, &Error{Kind: KindConflict, Code: "results_not_signed_off", Text: T("results_not_signed_off", strings.Join(unsigned, "、"))}
	}
	return s.computeEvent(ctx, ev, rules)
}

// latestSnapshot is an event's newest snapshot, or nil.
func (s *Service) latestSnapshot(ctx context.Context, eventID uint) (*model.ResultSnapshot, error) {
	var rows []model.ResultSnapshot
	if err := s.conn(ctx).Where("event_id = ?", eventID).Order("version DESC").Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// ComputeResults computes an event's results and keeps them as its next
// version; when nothing changed since the last version, that one is the
// answer and no version is added. Ties on prize places that the chief judge
// has not decided, and entrants still missing marks, keep results from
// being computed.
func (s *Service) ComputeResults(ctx context.Context, c Caller, eventID uint, lang Lang) (ResultVersion, error) {
	var version int
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, _, rules, err := s.resultsEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		res, err := s.signedOffResult(ctx, ev, rules)
		if err != nil {
			return err
		}
		switch {
		case len(res.Entrants) == 0:
			return conflict("results_no_entrants", ev.Name)
		case res.Incomplete > 0:
			return &Error{Kind: KindConflict, Code: "results_incomplete", Text: T("results_incomplete", res.Incomplete)}
		case len(res.Ties) > 0:
			return &Error{Kind: KindConflict, Code: "results_tied", Text: T("results_tied", len(res.Ties))}
		}
		raw, err := json.Marshal(storedResultOf(res))
		if err != nil {
			return err
		}
		last, err := s.latestSnapshot(ctx, ev.ID)
		if err != nil {
			return err
		}
		if last != nil && last.RulesVersion == ev.RulesVersion {
			before, err := model.UnpackResult(last.Result)
			if err != nil {
				return err
			}
			if bytes.Equal(before, raw) {
				version = last.Version
				return nil
			}
		}
		packed, err := model.PackResult(raw)
		if err != nil {
			return err
		}
		row := model.ResultSnapshot{EventID: ev.ID, Version: 1, RulesVersion: ev.RulesVersion, Result: packed, ComputedBy: c.AccountID, ComputedAt: s.now()}
		if last != nil {
			row.Version = last.Version + 1
		}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			return err
		}
		version = row.Version
		return s.audit(ctx, c, "results.compute", "event", ev.ID, nil,
			map[string]any{"version": row.Version, "rules_version": row.RulesVersion, "field": res.Field})
	})
	if err != nil {
		return ResultVersion{}, err
	}
	return s.GetResultVersion(ctx, c, eventID, version, lang)
}

// ResultTie is a tie on a prize place that waits for the chief judge.
type ResultTie struct {
	Place    int           `json:"place"`
	Entrants []ResultEntry `json:"entrants"`
}

// ResultTies lists an event's ties on prize places that the chief judge has
// yet to decide, computed from the marks as they are; empty until every
// stage is signed off.
func (s *Service) ResultTies(ctx context.Context, c Caller, eventID uint) ([]ResultTie, error) {
	ev, _, rules, err := s.resultsReader(ctx, c, eventID)
	if err != nil {
		return nil, err
	}
	out := []ResultTie{}
	res, err := s.signedOffResult(ctx, ev, rules)
	if e, ok := AsError(err); ok && e.Code == "results_not_signed_off" {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	id, err := s.identities(ctx, ev, rules)
	if err != nil {
		return nil, err
	}
	for _, t := range res.Ties {
		rt := ResultTie{Place: t.Place}
		for _, e := range t.Entrants {
			rt.Entrants = append(rt.Entrants, id.entry(e))
		}
		out = append(out, rt)
	}
	return out, nil
}

// TieDecisionInput is the chief judge's order of tied entrants, best first.
type TieDecisionInput struct {
	Entrants []uint
	Reason   string
}

// DecideTie records the chief judge's order of entrants tied on a prize
// place; results then compute with it.
func (s *Service) DecideTie(ctx context.Context, c Caller, eventID uint, in TieDecisionInput) error {
	return s.tx(ctx, func(ctx context.Context) error {
		ev, ct, err := s.chiefsEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		if err := resultsOpen(ct); err != nil {
			return err
		}
		reason := strings.TrimSpace(in.Reason)
		if reason == "" {
			return invalid(field("reason", "required"))
		}
		rules, err := parseRules(ev.Rules)
		if err != nil {
			return err
		}
		res, err := s.signedOffResult(ctx, ev, rules)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(res.Ties, func(t scoring.Tie) bool { return sameMembers(t.Entrants, in.Entrants) }) {
			return invalid(field("entrants", "tie_unknown"))
		}
		row := model.TieDecision{EventID: ev.ID, Entrants: formatIDList(in.Entrants), Reason: reason, DecidedBy: c.AccountID, DecidedAt: s.now()}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			return err
		}
		return s.auditWithReason(ctx, c, "results.decide_tie", "event", ev.ID, nil, map[string]any{"entrants": in.Entrants}, reason)
	})
}

// sameMembers tells whether b orders exactly the entrants of a, each once.
func sameMembers(a, b []uint) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(id uint) bool { return !slices.Contains(b, id) }) &&
		len(slices.Compact(slices.Sorted(slices.Values(b)))) == len(b)
}

// DecodeResults takes an event's results one layer nearer to the people:
// work codes to draw numbers (where a stage is encrypted), then draw numbers
// to names. Each layer is decoded once, by the contest's organisers, after
// results are computed, and is audited.
func (s *Service) DecodeResults(ctx context.Context, c Caller, eventID uint) (ResultDecoding, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, _, rules, err := s.resultsEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		last, err := s.latestSnapshot(ctx, ev.ID)
		if err != nil {
			return err
		}
		if last == nil {
			return conflict("results_not_computed", ev.Name)
		}
		d, err := s.decoding(ctx, ev, rules)
		if err != nil {
			return err
		}
		switch {
		case d.WorkCodes != nil && !*d.WorkCodes:
			_, err := s.DecodeEncryption(ctx, c, ev.ID)
			return err
		case d.Names:
			return conflict("results_decoded", ev.Name)
		}
		row := model.NameDecoding{EventID: ev.ID, DecodedBy: c.AccountID, DecodedAt: s.now()}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "results.decode_names", "event", ev.ID, map[string]any{"names": false}, map[string]any{"names": true})
	})
	if err != nil {
		return ResultDecoding{}, err
	}
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return ResultDecoding{}, err
	}
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return ResultDecoding{}, err
	}
	return s.decoding(ctx, ev, rules)
}

// ResultDecoding says how far an event's results are decoded. WorkCodes is
// null for an event without an encrypted stage.
type ResultDecoding struct {
	WorkCodes *bool `json:"work_codes"`
	Names     bool  `json:"names"`
}

func (s *Service) decoding(ctx context.Context, ev model.Event, rules Rules) (ResultDecoding, error) {
	var d ResultDecoding
	db := s.conn(ctx)
	if slices.ContainsFunc(rules.Stages, func(st Stage) bool { return st.Encrypted }) {
		var n int64
		if err := db.Model(&model.EncryptionDecoding{}).Where("event_id = ?", ev.ID).Count(&n).Error; err != nil {
			return d, err
		}
		decoded := n > 0
		d.WorkCodes = &decoded
	}
	var n int64
	if err := db.Model(&model.NameDecoding{}).Where("event_id = ?", ev.ID).Count(&n).Error; err != nil {
		return d, err
	}
	d.Names = n > 0
	return d, nil
}

// identity tells who each entrant of an event is, as far as its results
// are decoded: each approved entrant's work code, draw number, and, once
// decoded to names, its name and enterprise.
type identity struct {
	decoding ResultDecoding
	entrants map[uint]ResultEntry
}

// ResultEntry names an entrant in results: by work code until those are
// decoded, then by draw number, then by name and enterprise.
type ResultEntry struct {
	EntrantID      uint   `json:"entrant_id"`
	WorkCode       string `json:"work_code"`
	DrawNumber     string `json:"draw_number"`
	Name           string `json:"name"`
	EnterpriseName string `json:"enterprise_name"`
}

// identityEntrantsQuery and identityNamesQuery read an event's approved
// entrants and its competitors' names, each in one pass by event (never by
// a list of entrants, which a large event would make longer than a database
// takes). Apart they take about as long as joined, and they are read side
// by side. The names are put in order here: SQLite sorts them in a quarter
// of the time it takes to read them, Go in a tenth of that.
const (
	identityEntrantsQuery = "SELECT id, draw_number, enterprise_name, team_name FROM entrants WHERE event_id = ? AND status = ? ORDER BY id"
	identityNamesQuery    = "SELECT entrant_id, position, id, name FROM event_participants WHERE event_id = ? AND role = ?"
)

// competitorName is a competitor's name, in order of entrant and position.
type competitorName struct {
	entrant, id uint
	position    int
	name        string
}

func (s *Service) identities(ctx context.Context, ev model.Event, rules Rules) (identity, error) {
	d, err := s.decoding(ctx, ev, rules)
	if err != nil {
		return identity{}, err
	}
	var (
		entrants []ResultEntry
		names    []competitorName
	)
	readEntrants := func() error {
		return s.scanRows(ctx, func(rows *sql.Rows) error {
			var e ResultEntry
			// Name holds the team's name until the competitors are read.
			if err := rows.Scan(&e.EntrantID, &e.DrawNumber, &e.EnterpriseName, &e.Name); err != nil {
				return err
			}
			entrants = append(entrants, e)
			return nil
		}, identityEntrantsQuery, ev.ID, EntrantApproved)
	}
	readNames := func() error {
		if !d.Names {
			return nil
		}
		err := s.scanRows(ctx, func(rows *sql.Rows) error {
			var n competitorName
			if err := rows.Scan(&n.entrant, &n.position, &n.id, &n.name); err != nil {
				return err
			}
			names = append(names, n)
			return nil
		}, identityNamesQuery, ev.ID, model.ParticipantCompetitor)
		slices.SortFunc(names, func(a, b competitorName) int {
			return cmp.Or(cmp.Compare(a.entrant, b.entrant), cmp.Compare(a.position, b.position), cmp.Compare(a.id, b.id))
		})
		return err
	}
	if err := s.sideBySide(ctx, readEntrants, readNames); err != nil {
		return identity{}, err
	}
	id := identity{decoding: d, entrants: make(map[uint]ResultEntry, len(entrants))}
	var own []string
	for _, e := range entrants {
		if !d.Names {
			e.Name, e.EnterpriseName = "", ""
		} else {
			for len(names) > 0 && names[0].entrant < e.EntrantID {
				names = names[1:] // an entrant not approved
			}
			own = own[:0]
			for len(names) > 0 && names[0].entrant == e.EntrantID {
				own, names = append(own, names[0].name), names[1:]
			}
			e.Name = displayName(e.Name, own, e.EnterpriseName)
		}
		id.entrants[e.EntrantID] = e
	}
	if d.WorkCodes != nil {
		var codes []model.WorkCode
		if err := s.conn(ctx).Select("entrant_id, code").Where("event_id = ?", ev.ID).Find(&codes).Error; err != nil {
			return id, err
		}
		for _, w := range codes {
			if e, ok := id.entrants[w.EntrantID]; ok {
				e.WorkCode = w.Code
				id.entrants[w.EntrantID] = e
			}
		}
	}
	return id, nil
}

func (id identity) entry(entrantID uint) ResultEntry {
	e, ok := id.entrants[entrantID]
	if !ok {
		e = ResultEntry{EntrantID: entrantID}
	}
	if id.decoding.WorkCodes != nil && !*id.decoding.WorkCodes {
		return ResultEntry{EntrantID: entrantID, WorkCode: e.WorkCode}
	}
	return e
}
