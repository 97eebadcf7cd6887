package service

import (
	"cmp"
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"strings"
	"time"

	"leitai/model"
)

// The pools (人才库, 专家库, 成果库) and the certificates are filled once, in
// the transaction that makes a contest final, from the final snapshots:
// a pool is a list of what was awarded, kept as it was awarded, and is
// read by index and page without opening a snapshot again.

// expertDuties are the duties that make a judge one of the pool's experts.
func expertDuties() []string { return []string{DutyChief, DutyJudge} }

// awardYear is the calendar year, on the federation's clock (UTC+8), that a
// pool files an award made at t under.
func awardYear(t time.Time) int { return t.In(time.FixedZone("CST", 8*60*60)).Year() }

// fillPools writes the award winners, achievements and experts of a contest
// made final.
func (s *Service) fillPools(ctx context.Context, ct model.Contest) error {
	events, err := s.contestEvents(ctx, ct.ID)
	if err != nil {
		return err
	}
	now := s.now()
	for _, ev := range events {
		last, err := s.latestSnapshot(ctx, ev.ID)
		if err != nil {
			return err
		}
		if last == nil {
			continue
		}
		awards := poolAward{ct: ct, ev: ev, at: now, year: awardYear(now)}
		if err := s.fillEventPools(ctx, *last, awards); err != nil {
			return err
		}
		if err := s.fillExperts(ctx, awards); err != nil {
			return err
		}
	}
	return nil
}

// poolAward is what every pool row of one event shares.
type poolAward struct {
	ct   model.Contest
	ev   model.Event
	at   time.Time
	year int
}

// fillEventPools writes the winners of one event's final snapshot: one row
// per person an awarded entry names, each with a certificate code, and, for
// an innovation, the entry as an achievement.
func (s *Service) fillEventPools(ctx context.Context, snap model.ResultSnapshot, a poolAward) error {
	var res storedResult
	if err := parseResult(snap.ID, snap.Result, &res); err != nil {
		return err
	}
	lines := slices.DeleteFunc(slices.Clone(res.Lines), func(l storedLine) bool { return l.Award == "" })
	if len(lines) == 0 {
		return nil
	}
	ids := make([]uint, len(lines))
	for i, l := range lines {
		ids[i] = l.Entrant
	}
	var rows []model.Entrant
	if err := entrantsWithPeople(s.conn(ctx)).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return err
	}
	entrants := map[uint]model.Entrant{}
	for _, e := range rows {
		entrants[e.ID] = e
	}
	var winners []model.AwardWinner
	var achievements []model.PoolAchievement
	for _, l := range lines {
		e, ok := entrants[l.Entrant]
		if !ok {
			return fmt.Errorf("result snapshot %d names entrant %d, which is gone", snap.ID, l.Entrant)
		}
		base := model.AwardWinner{ContestID: a.ct.ID, EventID: a.ev.ID, EntrantID: e.ID, EnterpriseID: e.EnterpriseID,
			EnterpriseName: e.EnterpriseName, OrganiserName: a.ct.Organiser.Name, Trade: a.ev.Trade, ContestName: a.ct.Name, EventName: a.ev.Name,
			Year: a.year, Award: string(l.Award), RankPlace: l.Rank, Titles: clip(strings.Join(l.Titles, "、"), 255), AwardedAt: a.at}
		competitors := slices.DeleteFunc(slices.Clone(e.People), func(p model.EventParticipant) bool { return p.Role != model.ParticipantCompetitor })
		if len(competitors) == 0 {
			w := base
			w.Name = clip(cmp.Or(e.TeamName, e.EnterpriseName), 255)
			winners = append(winners, w)
		}
		for i, p := range competitors {
			w := base
			w.Position, w.PersonID, w.Name, w.SkillLevel = i+1, &p.PersonID, p.Name, p.SkillLevel
			if a.ct.Kind == KindSkills {
				w.Pool = model.PoolTalent
			}
			if w.Trade == "" {
				w.Trade = p.Trade
			}
			winners = append(winners, w)
		}
		if a.ct.Kind == KindInnovation {
			achievements = append(achievements, model.PoolAchievement{ContestID: a.ct.ID, EventID: a.ev.ID, EntrantID: e.ID,
				Title: cmp.Or(strings.TrimSpace(e.Statement), e.TeamName), Authors: clip(entrantName(e), 255), EnterpriseID: e.EnterpriseID,
				EnterpriseName: e.EnterpriseName, Category: a.ev.Name, ContestName: a.ct.Name, Year: a.year, Award: string(l.Award),
				RankPlace: l.Rank, AwardedAt: a.at})
		}
	}
	for i := range winners {
		winners[i].Code = rand.Text()
	}
	db := s.conn(ctx)
	if err := db.CreateInBatches(&winners, 500).Error; err != nil {
		return err
	}
	if err := s.writeTalentParts(ctx, winners); err != nil {
		return err
	}
	if len(achievements) == 0 {
		return nil
	}
	if err := db.CreateInBatches(&achievements, 500).Error; err != nil {
		return err
	}
	return s.writeAchievementParts(ctx, achievements)
}

// fillExperts writes the chief judge and the judges of an event made final.
func (s *Service) fillExperts(ctx context.Context, a poolAward) error {
	var panel []model.PanelMember
	if err := s.conn(ctx).Preload("Account.Organisation").Where("event_id = ? AND duty IN ?", a.ev.ID, expertDuties()).
		Order("id").Find(&panel).Error; err != nil {
		return err
	}
	if len(panel) == 0 {
		return nil
	}
	rows := make([]model.PoolExpert, len(panel))
	for i, m := range panel {
		rows[i] = model.PoolExpert{AccountID: m.AccountID, Name: cmp.Or(m.Account.DisplayName, m.Account.Username),
			OrganisationName: m.Account.Organisation.Name, ContestID: a.ct.ID, EventID: a.ev.ID, ContestName: a.ct.Name,
			EventName: a.ev.Name, Trade: a.ev.Trade, Duty: m.Duty, Year: a.year}
	}
	if err := s.conn(ctx).Create(&rows).Error; err != nil {
		return err
	}
	var parts []model.PoolPart
	for _, r := range rows {
		parts = append(parts, rowParts(r.ID, r.Name)...)
	}
	if err := s.writeParts(ctx, expertParts, parts); err != nil {
		return err
	}
	return s.writeTerms(ctx, a.ev.Trade)
}

// clip cuts text to at most n characters, as a column of that width holds.
func clip(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n])
}
