package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"leitai/model"
	"leitai/scoring"
)

// The public face of published results (成绩公示): anybody, logged in or
// not, reads the results of the contests in public notice or final, event
// by event, as far as the ceremony has revealed them. A line names the
// entrant once the results are decoded to names, and by draw number (or
// work code) before; it never carries an ID number, a mobile, an account
// or a version that was not published. Everything else answers not found.

// publicSteps are the steps at which a contest's published results are public.
func publicSteps() []string {
	return []string{model.StepPublicNotice, model.StepFinal, model.StepArchived}
}

// PublicContest is a contest with published results, as the public sees it.
type PublicContest struct {
	ID            uint      `json:"id"`
	Name          string    `json:"name"`
	Kind          string    `json:"kind"`
	Level         string    `json:"level"`
	Status        string    `json:"status"`
	OrganiserName string    `json:"organiser_name"`
	PublishedAt   time.Time `json:"published_at"`
}

// PublicStage is a stage of an event: its code and name.
type PublicStage struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// PublicLine is one entrant's published line: Name and EnterpriseName once
// decoded to names, DrawNumber before (WorkCode while the work codes of an
// encrypted stage are not decoded either).
type PublicLine struct {
	Status         scoring.Status       `json:"status"`
	Rank           int                  `json:"rank"`
	WorkCode       string               `json:"work_code"`
	DrawNumber     string               `json:"draw_number"`
	Name           string               `json:"name"`
	EnterpriseName string               `json:"enterprise_name"`
	Stages         []scoring.StageScore `json:"stages"`
	Total          Points               `json:"total"`
	Award          scoring.Award        `json:"award"`
	Titles         []string             `json:"titles"`
}

// PublicEvent is an event's published results as far as they are revealed:
// Hidden counts the lines the reveal still holds back.
type PublicEvent struct {
	ID          uint          `json:"id"`
	Name        string        `json:"name"`
	Trade       string        `json:"trade"`
	Stages      []PublicStage `json:"stages"`
	Field       int           `json:"field"`
	PublishedAt time.Time     `json:"published_at"`
	FinalAt     *time.Time    `json:"final_at"`
	Decoded     bool          `json:"decoded"`
	Reveal      string        `json:"reveal"`
	RevealedAt  *time.Time    `json:"revealed_at"`
	Hidden      int           `json:"hidden"`
	Lines       []PublicLine  `json:"lines"`
}

// PublicResults are a contest's published results. CurrentEventID is the
// event whose reveal was stepped last, which the big screen shows; null
// before any step.
type PublicResults struct {
	Contest        PublicContest `json:"contest"`
	CurrentEventID *uint         `json:"current_event_id"`
	Events         []PublicEvent `json:"events"`
}

// PublicAnswer is a public answer rendered as JSON, with the tag that
// changes whenever what it shows may have changed. Body is nil when the
// reader holds the current answer already; Gzip, when set, is Body
// compressed once, for the readers that take it so.
type PublicAnswer struct {
	Tag  string
	Body []byte
	Gzip []byte
}

// ListPublicContests lists the contests with published results, newest
// publication first.
func (s *Service) ListPublicContests(ctx context.Context) ([]PublicContest, error) {
	var rows []struct {
		model.Contest
		OrganiserName string
		PublishedAt   time.Time
	}
	err := s.conn(ctx).Table("contests").
		Select("contests.id, contests.name, contests.kind, contests.level, contests.status, organisations.name AS organiser_name, MIN(result_snapshots.published_at) AS published_at").
		Joins("JOIN organisations ON organisations.id = contests.organiser_id").
		Joins("JOIN events ON events.contest_id = contests.id").
		Joins("JOIN result_snapshots ON result_snapshots.event_id = events.id AND result_snapshots.published_at IS NOT NULL").
		Where("contests.status IN ?", publicSteps()).
		Group("contests.id, contests.name, contests.kind, contests.level, contests.status, organisations.name").
		Order("published_at DESC, contests.id DESC").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]PublicContest, len(rows))
	for i, r := range rows {
		out[i] = PublicContest{ID: r.ID, Name: r.Name, Kind: r.Kind, Level: r.Level, Status: r.Status, OrganiserName: r.OrganiserName,
			PublishedAt: r.PublishedAt.UTC()}
	}
	return out, nil
}

// publicState is what a contest's public results are made of, read
// cheaply: the contest, its events, each event's newest published
// snapshot (without its result), decoding and reveal. Its key changes
// whenever any of it does.
type publicState struct {
	contest   model.Contest
	events    []model.Event
	published map[uint]model.ResultSnapshot
	names     map[uint]bool
	workCodes map[uint]bool
	reveals   map[uint]*model.ResultReveal
}

func (st publicState) key() string {
	var b strings.Builder
	ct := st.contest
	fmt.Fprintf(&b, "c%d.%d.%s.%d|", ct.ID, ct.Version, ct.Status, ct.UpdatedAt.UnixMilli())
	for _, ev := range st.events {
		snap, ok := st.published[ev.ID]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "e%d.%d.s%d.%t.n%t.w%t", ev.ID, ev.Version, snap.ID, snap.FinalAt != nil, st.names[ev.ID], st.workCodes[ev.ID])
		if r := st.reveals[ev.ID]; r != nil {
			fmt.Fprintf(&b, ".r%d.%s", r.Version, r.Level)
		}
		b.WriteByte('|')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// publicStateOf reads a contest's public state; a contest that is not
// public, or has no published results, is not found.
func (s *Service) publicStateOf(ctx context.Context, contestID uint) (publicState, error) {
	st := publicState{}
	db := s.conn(ctx)
	if err := db.Joins("Organiser").Where("contests.status IN ?", publicSteps()).Take(&st.contest, contestID).Error; err != nil {
		return st, notFoundOr(err, "contest")
	}
	// Without their rules, which only a build reads.
	if err := db.Select("id, name, trade, version").Where("contest_id = ?", contestID).Order("id").Find(&st.events).Error; err != nil {
		return st, err
	}
	ids := make([]uint, len(st.events))
	for i, ev := range st.events {
		ids[i] = ev.ID
	}
	var err error
	if st.published, err = s.publishedSnapshots(ctx, ids); err != nil {
		return st, err
	}
	if len(st.published) == 0 {
		return st, notFound("contest")
	}
	if st.names, err = s.decodedEvents(ctx, &model.NameDecoding{}, ids); err != nil {
		return st, err
	}
	if st.workCodes, err = s.decodedEvents(ctx, &model.EncryptionDecoding{}, ids); err != nil {
		return st, err
	}
	st.reveals, err = s.reveals(ctx, ids)
	return st, err
}

// publishedSnapshots are the newest published snapshots of events, by
// event, without their results.
func (s *Service) publishedSnapshots(ctx context.Context, eventIDs []uint) (map[uint]model.ResultSnapshot, error) {
	var rows []model.ResultSnapshot
	if err := s.conn(ctx).Select("id, event_id, version, published_at, final_at").
		Where("event_id IN ? AND published_at IS NOT NULL", append(eventIDs, 0)).Order("version").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]model.ResultSnapshot, len(rows))
	for _, r := range rows {
		out[r.EventID] = r
	}
	return out, nil
}

// decodedEvents tells which events have a decoding row of the given kind.
func (s *Service) decodedEvents(ctx context.Context, kind any, eventIDs []uint) (map[uint]bool, error) {
	var ids []uint
	if err := s.conn(ctx).Model(kind).Where("event_id IN ?", append(eventIDs, 0)).Pluck("event_id", &ids).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// PublicContestResults answers a contest's published results, as far as
// they are revealed. A reader that holds the current answer (its tag is
// among known) gets the tag alone. The answer is built once
// per state and kept: many readers cost a few small queries each.
func (s *Service) PublicContestResults(ctx context.Context, contestID uint, known []string) (PublicAnswer, error) {
	st, err := s.publicStateOf(ctx, contestID)
	if err != nil {
		return PublicAnswer{}, err
	}
	tag := st.key()
	if slices.Contains(known, tag) {
		return PublicAnswer{Tag: tag}, nil
	}
	return s.public.answer(contestID, tag, func() ([]byte, error) {
		out, err := s.buildPublicResults(ctx, st)
		if err != nil {
			return nil, err
		}
		return json.Marshal(out)
	})
}

// buildPublicResults reads the published snapshots of a contest's state
// and renders what the public may see of them.
func (s *Service) buildPublicResults(ctx context.Context, st publicState) (PublicResults, error) {
	ct := st.contest
	out := PublicResults{Contest: PublicContest{ID: ct.ID, Name: ct.Name, Kind: ct.Kind, Level: ct.Level, Status: ct.Status,
		OrganiserName: ct.Organiser.Name}, Events: []PublicEvent{}}
	var latest time.Time
	for _, ev := range st.events {
		snap, ok := st.published[ev.ID]
		if !ok {
			continue
		}
		if out.Contest.PublishedAt.IsZero() || snap.PublishedAt.Before(out.Contest.PublishedAt) {
			out.Contest.PublishedAt = *snap.PublishedAt
		}
		pe, err := s.publicEvent(ctx, st, ev, snap)
		if err != nil {
			return out, err
		}
		if r := st.reveals[ev.ID]; r != nil && ct.Status == model.StepPublicNotice && r.UpdatedAt.After(latest) {
			latest, out.CurrentEventID = r.UpdatedAt, &pe.ID
		}
		out.Events = append(out.Events, pe)
	}
	return out, nil
}

// publicEvent renders one event's published snapshot as far as revealed.
func (s *Service) publicEvent(ctx context.Context, st publicState, ev model.Event, snap model.ResultSnapshot) (PublicEvent, error) {
	var withRules model.Event
	if err := s.conn(ctx).Select("id, rules").Take(&withRules, ev.ID).Error; err != nil {
		return PublicEvent{}, err
	}
	rules, err := parseRules(withRules.Rules)
	if err != nil {
		return PublicEvent{}, err
	}
	var raw string
	if err := s.conn(ctx).Model(&model.ResultSnapshot{}).Where("id = ?", snap.ID).Pluck("result", &raw).Error; err != nil {
		return PublicEvent{}, err
	}
	var res storedResult
	if err := parseResult(snap.ID, raw, &res); err != nil {
		return PublicEvent{}, err
	}
	id, err := s.identities(ctx, ev, rules)
	if err != nil {
		return PublicEvent{}, err
	}
	reveal := revealOf(ev, st.contest.Status == model.StepPublicNotice, st.reveals[ev.ID])
	out := PublicEvent{ID: ev.ID, Name: ev.Name, Trade: ev.Trade, Stages: make([]PublicStage, len(rules.Stages)), Field: res.Field,
		PublishedAt: *snap.PublishedAt, FinalAt: snap.FinalAt, Decoded: id.decoding.Names, Reveal: reveal.Level, RevealedAt: reveal.UpdatedAt,
		Lines: make([]PublicLine, 0, len(res.Lines))}
	for i, stage := range rules.Stages {
		out.Stages[i] = PublicStage{Code: stage.Code, Name: stage.Name}
	}
	for _, l := range res.Lines {
		if !revealShows(reveal.Level, l.Award) {
			out.Hidden++
			continue
		}
		e := id.entry(l.Entrant)
		line := PublicLine{Status: l.Status, Rank: l.Rank, WorkCode: e.WorkCode, DrawNumber: e.DrawNumber, Name: e.Name, EnterpriseName: e.EnterpriseName,
			Stages: l.Stages, Total: l.Total, Award: l.Award, Titles: l.Titles}
		if line.Stages == nil {
			line.Stages = []scoring.StageScore{}
		}
		if line.Titles == nil {
			line.Titles = []string{}
		}
		out.Lines = append(out.Lines, line)
	}
	return out, nil
}
