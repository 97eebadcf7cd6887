package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/scoring"
)

// Event is what the API shows of an event.
type Event struct {
	ID        uint `json:"id"`
	ContestID uint `json:"contest_id"`
	EventDraft
	RulesVersion  int              `json:"rules_version"`
	Drawn         bool             `json:"drawn"`
	DrawnAt       *time.Time       `json:"drawn_at"`
	EntrantCounts map[string]int64 `json:"entrant_counts"`
	Version       int              `json:"version"`
}

// EventInput is the editable part of an event; nil fields stay as they are.
type EventInput struct {
	Name               *string
	Trade              *string
	EntrantType        *string
	TeamSize           *int
	QuotaPerEnterprise *int
	Stations           *int
	Rules              *Rules
	Version            int
}

// parseRules reads a stored rule set. It is written only by this package, so
// a failure means the database was changed behind its back: an error, never
// an empty rule set.
func parseRules(raw string) (Rules, error) {
	var r Rules
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return r, fmt.Errorf("stored rules do not parse: %w", err)
	}
	// Empty lists stay lists in JSON, never null.
	if r.Stages == nil {
		r.Stages = []Stage{}
	}
	if r.Criteria == nil {
		r.Criteria = []Criterion{}
	}
	if r.TieBreaks == nil {
		r.TieBreaks = []string{}
	}
	return r, nil
}

func (s *Service) eventView(ctx context.Context, e model.Event) (Event, error) {
	db := s.conn(ctx)
	d, err := draftOf(e)
	if err != nil {
		return Event{}, err
	}
	v := Event{ID: e.ID, ContestID: e.ContestID, EventDraft: d, RulesVersion: e.RulesVersion,
		Drawn: e.DrawnAt != nil, DrawnAt: e.DrawnAt, Version: e.Version,
		EntrantCounts: map[string]int64{EntrantPending: 0, EntrantApproved: 0, EntrantRejected: 0, EntrantWithdrawn: 0}}
	var counts []struct {
		Status string
		N      int64
	}
	if err := db.Model(&model.Entrant{}).Select("status, COUNT(*) AS n").Where("event_id = ?", e.ID).Group("status").Scan(&counts).Error; err != nil {
		return v, err
	}
	for _, c := range counts {
		v.EntrantCounts[c.Status] = c.N
	}
	return v, nil
}

// draftOf reads back the editable part of a stored event.
func draftOf(e model.Event) (EventDraft, error) {
	r, err := parseRules(e.Rules)
	if err != nil {
		return EventDraft{}, fmt.Errorf("event %d: %w", e.ID, err)
	}
	return EventDraft{Name: e.Name, Trade: e.Trade, EntrantType: e.EntrantType, TeamSize: e.TeamSize,
		QuotaPerEnterprise: e.QuotaPerEnterprise, Stations: e.Stations, Rules: r}, nil
}

// checkEvent normalises e's name and checks e with its rules.
func checkEvent(e *model.Event, r Rules) error {
	fe := checkName("name", &e.Name, maxEventName)
	if !slices.Contains(entrantTypes, e.EntrantType) {
		fe = append(fe, field("entrant_type", "one_of", strings.Join(entrantTypes, ", ")))
	}
	if e.EntrantType == EntrantTeam && (e.TeamSize < 2 || e.TeamSize > 20) {
		fe = append(fe, field("team_size", "team_size_range"))
	}
	fe = append(fe, inRange("quota_per_enterprise", e.QuotaPerEnterprise, 0, maxQuota)...)
	fe = append(fe, inRange("stations", e.Stations, 0, maxStations)...)
	fe = append(fe, checkRules(r, "rules")...)
	if len(fe) > 0 {
		return invalid(fe...)
	}
	return nil
}

// rulesJSON is a rule set as events store it. Titles left empty and a team
// rule of the plain sum are the defaults, which are left out, so that a rule
// set read and written back unchanged stores the same text (and makes no new
// rules version).
func rulesJSON(r Rules) ([]byte, error) {
	if len(r.Titles) == 0 {
		r.Titles = nil
	}
	if r.Team == (TeamRule{Method: scoring.TeamSum}) {
		r.Team = TeamRule{}
	}
	return json.Marshal(r)
}

// insertEvent adds an event with its first rule version, inside tx.
func (s *Service) insertEvent(ctx context.Context, contestID uint, d EventDraft) (model.Event, error) {
	tx := s.conn(ctx)
	raw, err := rulesJSON(d.Rules)
	if err != nil {
		return model.Event{}, err
	}
	e := model.Event{ContestID: contestID, Name: strings.TrimSpace(d.Name), Trade: strings.TrimSpace(d.Trade), EntrantType: d.EntrantType,
		TeamSize: d.TeamSize, QuotaPerEnterprise: d.QuotaPerEnterprise, Stations: d.Stations, Rules: string(raw), RulesVersion: 1, Version: 1}
	if e.EntrantType != EntrantTeam {
		e.TeamSize = 0
	}
	if err := checkEvent(&e, d.Rules); err != nil {
		return e, err
	}
	if err := tx.Create(&e).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return e, duplicate("name", "event_name_taken", e.Name)
		}
		return e, err
	}
	return e, tx.Create(&model.EventRuleVersion{EventID: e.ID, RulesVersion: 1, Rules: e.Rules}).Error
}

func (s *Service) loadEvent(ctx context.Context, id uint) (model.Event, error) {
	db := s.conn(ctx)
	var e model.Event
	err := db.Take(&e, id).Error
	return e, notFoundOr(err, "event")
}

// ListEvents returns the events of a contest the caller may see.
func (s *Service) ListEvents(ctx context.Context, c Caller, contestID uint) ([]Event, error) {
	db := s.conn(ctx)
	if _, err := s.visibleContest(ctx, c, contestID); err != nil {
		return nil, err
	}
	var rows []model.Event
	if err := db.Where("contest_id = ?", contestID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Event, 0, len(rows))
	for _, e := range rows {
		v, err := s.eventView(ctx, e)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// GetEvent returns one event of a contest the caller may see.
func (s *Service) GetEvent(ctx context.Context, c Caller, id uint) (Event, error) {
	e, err := s.loadEvent(ctx, id)
	if err != nil {
		return Event{}, err
	}
	if _, err := s.visibleContest(ctx, c, e.ContestID); err != nil {
		return Event{}, err
	}
	return s.eventView(ctx, e)
}

// CreateEvent adds an event to a draft contest; rules default to the template's.
func (s *Service) CreateEvent(ctx context.Context, c Caller, contestID uint, in EventInput) (Event, error) {
	var created model.Event
	err := s.tx(ctx, func(ctx context.Context) error {
		ct, err := s.runContest(ctx, c, contestID)
		if err != nil {
			return err
		}
		if ct.Status != model.StepDraft {
			return wrongStep(ct.Status)
		}
		tpl, err := templateOf(ct.Kind)
		if err != nil {
			return err
		}
		d := EventDraft{EntrantType: EntrantIndividual, Rules: tpl.EventDefaults}
		applyEventInput(&d, in)
		created, err = s.insertEvent(ctx, ct.ID, d)
		if err != nil {
			return err
		}
		return s.audit(ctx, c, "event.create", "event", created.ID, nil, d)
	})
	if err != nil {
		return Event{}, err
	}
	return s.eventView(ctx, created)
}

func applyEventInput(d *EventDraft, in EventInput) {
	if in.Name != nil {
		d.Name = *in.Name
	}
	if in.Trade != nil {
		d.Trade = *in.Trade
	}
	if in.EntrantType != nil {
		d.EntrantType = *in.EntrantType
	}
	if in.TeamSize != nil {
		d.TeamSize = *in.TeamSize
	}
	if in.QuotaPerEnterprise != nil {
		d.QuotaPerEnterprise = *in.QuotaPerEnterprise
	}
	if in.Stations != nil {
		d.Stations = *in.Stations
	}
	if in.Rules != nil {
		d.Rules = *in.Rules
	}
}

// UpdateEvent edits an event while its contest is a draft. A changed rule set
// gets the next rules version, and the old one is kept.
func (s *Service) UpdateEvent(ctx context.Context, c Caller, id uint, in EventInput) (Event, error) {
	var updated model.Event
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		e, err := s.editableEvent(ctx, c, id)
		if err != nil {
			return err
		}
		if e.Version != in.Version {
			return staleVersion()
		}
		d, err := draftOf(e)
		if err != nil {
			return err
		}
		before := d
		applyEventInput(&d, in)
		raw, err := rulesJSON(d.Rules)
		if err != nil {
			return err
		}
		e.Name, e.Trade, e.EntrantType, e.TeamSize, e.QuotaPerEnterprise, e.Stations = strings.TrimSpace(d.Name), strings.TrimSpace(d.Trade),
			d.EntrantType, d.TeamSize, d.QuotaPerEnterprise, d.Stations
		if e.EntrantType != EntrantTeam {
			e.TeamSize = 0
		}
		if err := checkEvent(&e, d.Rules); err != nil {
			return err
		}
		if string(raw) != e.Rules {
			e.Rules = string(raw)
			e.RulesVersion++
			if err := tx.Create(&model.EventRuleVersion{EventID: e.ID, RulesVersion: e.RulesVersion, Rules: e.Rules}).Error; err != nil {
				return err
			}
		}
		e.Version++
		if err := s.saveVersioned(ctx, &e, e.Version-1); err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("name", "event_name_taken", e.Name)
			}
			return err
		}
		updated = e
		return s.audit(ctx, c, "event.update", "event", e.ID, before, d)
	})
	if err != nil {
		return Event{}, err
	}
	return s.eventView(ctx, updated)
}

// DeleteEvent removes an event of a draft contest.
func (s *Service) DeleteEvent(ctx context.Context, c Caller, id uint) error {
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		e, err := s.editableEvent(ctx, c, id)
		if err != nil {
			return err
		}
		if err := tx.Where("event_id = ?", e.ID).Delete(&model.EventRuleVersion{}).Error; err != nil {
			return err
		}
		if err := tx.Delete(&model.Event{}, e.ID).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "event.delete", "event", e.ID, e.Name, nil)
	})
}

// eventFieldPrefix names an event in a contest-wide check, as "events[2]".
func eventFieldPrefix(i int) string { return fmt.Sprintf("events[%d]", i) }
