package service

import (
	"context"
	"fmt"
	"strings"

	"leitai/model"
	"leitai/scoring"
)

// Standings (团体成绩和奖牌榜) come from the events' stored results, never
// from the marks again: each event counts with one snapshot, the newest for
// the contest's organisers and the newest published one for everyone else,
// and only once its names are decoded, since an enterprise's total would
// otherwise tell whose the numbers are. An event's team is the enterprise's
// entrants in it (entrants carry no team of their own), counted under the
// event's team rule as it was when the snapshot was computed: all of them,
// or the best N. An enterprise's contest total adds its event totals; the
// medal tables count 一等奖, 二等奖 and 三等奖 as gold, silver and bronze, for
// each enterprise and for each district and industry union above it.
//
// The contest's organisers see it all. A union following the contest sees
// the published tables, and the members of its own enterprises' teams. An
// enterprise sees its own lines only, as published.

// Why an event does not count in the standings yet.
const (
	StandingsNotComputed  = "not_computed"
	StandingsNotPublished = "not_published"
	StandingsNotDecoded   = "not_decoded"
)

// TeamLine is an enterprise's team in one event.
type TeamLine struct {
	EnterpriseID   uint   `json:"enterprise_id"`
	EnterpriseName string `json:"enterprise_name"`
	// Rank is 0 when no member ranks; equal totals share a rank.
	Rank  int    `json:"rank"`
	Total Points `json:"total"`
	// Members are the entrants whose totals count, best first; empty for
	// a caller who may not see them.
	Members []ResultEntry `json:"members"`
}

// StandingsEvent is one event of a contest's standings.
type StandingsEvent struct {
	EventID   uint   `json:"event_id"`
	EventName string `json:"event_name"`
	// Version is the results version that counts, 0 for none; Pending
	// says why none counts ("" when one does).
	Version int              `json:"version"`
	Pending string           `json:"pending"`
	Team    scoring.TeamRule `json:"team"`
	Teams   []TeamLine       `json:"teams"`
}

// EnterpriseEvent is an enterprise's team total and rank in one event.
type EnterpriseEvent struct {
	EventID uint   `json:"event_id"`
	Rank    int    `json:"rank"`
	Total   Points `json:"total"`
}

// EnterpriseLine is an enterprise's line of the contest's ranking.
type EnterpriseLine struct {
	EnterpriseID   uint              `json:"enterprise_id"`
	EnterpriseName string            `json:"enterprise_name"`
	Rank           int               `json:"rank"`
	Total          Points            `json:"total"`
	Events         []EnterpriseEvent `json:"events"`
}

// MedalLine is an organisation's line of a medal table.
type MedalLine struct {
	OrganisationID   uint   `json:"organisation_id"`
	OrganisationName string `json:"organisation_name"`
	Rank             int    `json:"rank"`
	Gold             int    `json:"gold"`
	Silver           int    `json:"silver"`
	Bronze           int    `json:"bronze"`
	Medals           int    `json:"medals"`
}

// ContestStandings are a contest's team results, enterprise ranking and
// medal tables.
type ContestStandings struct {
	ContestID     uint   `json:"contest_id"`
	ContestName   string `json:"contest_name"`
	ContestStatus string `json:"contest_status"`
	// Published is true when the standings count published results only
	// (every caller but the contest's organisers).
	Published   bool             `json:"published"`
	Events      []StandingsEvent `json:"events"`
	Enterprises []EnterpriseLine `json:"enterprises"`
	Medals      []MedalLine      `json:"medals"`
	Districts   []MedalLine      `json:"districts"`
	Industries  []MedalLine      `json:"industries"`
}

// countedEvent is an event's snapshot as the standings count it.
type countedEvent struct {
	ev      model.Event
	rules   Rules
	version int
	pending string
	result  storedResult
	teams   []scoring.Standing
	id      identity
}

// standingsSource is what a caller's standings are made of.
type standingsSource struct {
	ct        model.Contest
	published bool
	events    []countedEvent
	// orgs are the enterprises with entrants in counted events and every
	// organisation above them.
	orgs map[uint]model.Organisation
}

// GetStandings shows a contest's standings as the caller may see them.
func (s *Service) GetStandings(ctx context.Context, c Caller, contestID uint) (ContestStandings, error) {
	src, err := s.standingsSource(ctx, c, contestID)
	if err != nil {
		return ContestStandings{}, err
	}
	return src.view(c), nil
}

// standingsSource loads the snapshots a caller's standings count.
func (s *Service) standingsSource(ctx context.Context, c Caller, contestID uint) (standingsSource, error) {
	ct, err := s.visibleContest(ctx, c, contestID)
	if err != nil {
		return standingsSource{}, err
	}
	src := standingsSource{ct: ct, published: !c.runs(ct), orgs: map[uint]model.Organisation{}}
	var events []model.Event
	if err := s.conn(ctx).Where("contest_id = ?", ct.ID).Order("id").Find(&events).Error; err != nil {
		return src, err
	}
	enterprises := map[uint]bool{}
	for _, ev := range events {
		ce, err := s.countedEvent(ctx, ev, src.published)
		if err != nil {
			return src, err
		}
		for _, l := range ce.result.Lines {
			enterprises[l.Enterprise] = true
		}
		src.events = append(src.events, ce)
	}
	if len(enterprises) == 0 {
		return src, nil
	}
	var orgs []model.Organisation
	ids := make([]uint, 0, len(enterprises))
	for id := range enterprises {
		ids = append(ids, id)
	}
	if err := s.conn(ctx).Where("id IN ?", ids).Find(&orgs).Error; err != nil {
		return src, err
	}
	above := map[uint]bool{}
	for _, o := range orgs {
		src.orgs[o.ID] = o
		for _, a := range ancestorIDs(o.Path) {
			above[a] = true
		}
	}
	ids = ids[:0]
	for id := range above {
		ids = append(ids, id)
	}
	orgs = nil
	if err := s.conn(ctx).Where("id IN ?", ids).Find(&orgs).Error; err != nil {
		return src, err
	}
	for _, o := range orgs {
		src.orgs[o.ID] = o
	}
	return src, nil
}

// countedEvent loads the snapshot of an event that counts: the newest, or
// the newest published; decoded to names, under the rules that made it.
func (s *Service) countedEvent(ctx context.Context, ev model.Event, published bool) (countedEvent, error) {
	ce := countedEvent{ev: ev}
	q := s.conn(ctx).Where("event_id = ?", ev.ID)
	if published {
		q = q.Where("published_at IS NOT NULL")
	}
	var rows []model.ResultSnapshot
	if err := q.Order("version DESC").Limit(1).Find(&rows).Error; err != nil {
		return ce, err
	}
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return ce, err
	}
	ce.rules = rules
	if len(rows) == 0 {
		ce.pending = StandingsNotComputed
		if published {
			ce.pending = StandingsNotPublished
		}
		return ce, nil
	}
	row := rows[0]
	if row.RulesVersion != ev.RulesVersion {
		var then model.EventRuleVersion
		if err := s.conn(ctx).Where("event_id = ? AND rules_version = ?", ev.ID, row.RulesVersion).Take(&then).Error; err != nil {
			return ce, fmt.Errorf("rules version %d of event %d: %w", row.RulesVersion, ev.ID, err)
		}
		if ce.rules, err = parseRules(then.Rules); err != nil {
			return ce, err
		}
	}
	if ce.id, err = s.identities(ctx, ev, ce.rules); err != nil {
		return ce, err
	}
	if !ce.id.decoding.Names {
		ce.pending = StandingsNotDecoded
		return ce, nil
	}
	if err := parseResult(row.ID, row.Result, &ce.result); err != nil {
		return ce, err
	}
	ce.version = row.Version
	ce.teams, err = scoring.EnterpriseStandings(ce.result.engine(), ce.rules.Team)
	return ce, err
}

// engine is a stored result as the scoring engine's standings and medal
// tables take it.
func (r storedResult) engine() scoring.Result {
	out := scoring.Result{Field: r.Field, Places: r.Places, Entrants: make([]scoring.EntrantResult, len(r.Lines))}
	for i, l := range r.Lines {
		out.Entrants[i] = scoring.EntrantResult{Entrant: l.Entrant, Enterprise: l.Enterprise, Status: l.Status, Rank: l.Rank, Total: l.Total, Award: l.Award}
	}
	return out
}

// tables computes the standings from the counted snapshots.
func (src standingsSource) tables() (enterprises []scoring.Standing, medals, districts, industries []scoring.MedalRow) {
	var lists [][]scoring.Standing
	var results []scoring.Result
	for _, ce := range src.events {
		if ce.version == 0 {
			continue
		}
		lists = append(lists, ce.teams)
		results = append(results, ce.result.engine())
	}
	enterprises = scoring.SumStandings(lists...)
	medals = scoring.EnterpriseMedals(results)
	parents := map[uint]uint{}
	var districtIDs, industryIDs []uint
	for _, o := range src.orgs {
		if o.ParentID != nil {
			parents[o.ID] = *o.ParentID
		}
		switch o.Kind {
		case model.KindDistrictUnion:
			districtIDs = append(districtIDs, o.ID)
		case model.KindIndustryUnion:
			industryIDs = append(industryIDs, o.ID)
		}
	}
	return enterprises, medals, scoring.UnionMedals(medals, parents, districtIDs), scoring.UnionMedals(medals, parents, industryIDs)
}

// shows tells whether the caller sees an enterprise's lines, and whether
// it sees their members by name.
func (src standingsSource) shows(c Caller, enterpriseID uint) (line, members bool) {
	switch {
	case c.runs(src.ct):
		return true, true
	case c.follows(src.ct):
		return true, strings.HasPrefix(src.orgs[enterpriseID].Path, c.OrgPath)
	}
	own := c.OrganisationID == enterpriseID
	return own, own
}

// view is the standings as the caller sees them.
func (src standingsSource) view(c Caller) ContestStandings {
	out := ContestStandings{ContestID: src.ct.ID, ContestName: src.ct.Name, ContestStatus: src.ct.Status, Published: src.published,
		Events: []StandingsEvent{}, Enterprises: []EnterpriseLine{}, Medals: []MedalLine{}, Districts: []MedalLine{}, Industries: []MedalLine{}}
	name := func(id uint) string { return src.orgs[id].Name }
	at := map[[2]uint]scoring.Standing{}
	for _, ce := range src.events {
		se := StandingsEvent{EventID: ce.ev.ID, EventName: ce.ev.Name, Version: ce.version, Pending: ce.pending, Team: ce.rules.Team, Teams: []TeamLine{}}
		if se.Team.Method == "" {
			se.Team.Method = scoring.TeamSum // rules stored before teams existed
		}
		for _, t := range ce.teams {
			at[[2]uint{ce.ev.ID, t.ID}] = t
			line, members := src.shows(c, t.ID)
			if !line {
				continue
			}
			tl := TeamLine{EnterpriseID: t.ID, EnterpriseName: name(t.ID), Rank: t.Rank, Total: t.Total, Members: []ResultEntry{}}
			if members {
				for _, m := range t.Members {
					tl.Members = append(tl.Members, ce.id.entry(m))
				}
			}
			se.Teams = append(se.Teams, tl)
		}
		out.Events = append(out.Events, se)
	}
	enterprises, medals, districts, industries := src.tables()
	for _, e := range enterprises {
		if line, _ := src.shows(c, e.ID); !line {
			continue
		}
		el := EnterpriseLine{EnterpriseID: e.ID, EnterpriseName: name(e.ID), Rank: e.Rank, Total: e.Total, Events: []EnterpriseEvent{}}
		for _, ce := range src.events {
			if t, ok := at[[2]uint{ce.ev.ID, e.ID}]; ok {
				el.Events = append(el.Events, EnterpriseEvent{EventID: ce.ev.ID, Rank: t.Rank, Total: t.Total})
			}
		}
		out.Enterprises = append(out.Enterprises, el)
	}
	medalLines := func(rows []scoring.MedalRow, shown func(uint) bool) []MedalLine {
		out := []MedalLine{}
		for _, m := range rows {
			if shown(m.Organisation) {
				out = append(out, MedalLine{OrganisationID: m.Organisation, OrganisationName: name(m.Organisation), Rank: m.Rank,
					Gold: m.Gold, Silver: m.Silver, Bronze: m.Bronze, Medals: m.Gold + m.Silver + m.Bronze})
			}
		}
		return out
	}
	out.Medals = medalLines(medals, func(id uint) bool { line, _ := src.shows(c, id); return line })
	// An enterprise sees no union's table: its own line is in the enterprises'.
	unions := func(uint) bool { return c.runs(src.ct) || c.follows(src.ct) }
	out.Districts = medalLines(districts, unions)
	out.Industries = medalLines(industries, unions)
	return out
}
