package service

import (
	"context"
	"slices"

	"leitai/model"
)

// Coverage says, before judging starts, where recusal (回避) leaves entrants
// with fewer judges than the event's rule for combining marks needs: a
// judge never marks an entrant of its own organisation, so an enterprise
// whose people judge has fewer judges on its entrants than the others.

// Coverage is how many judges each stage of an event has for whom.
type Coverage struct {
	EventID uint            `json:"event_id"`
	Stages  []StageCoverage `json:"stages"`
}

// StageCoverage is one stage: its judges (trainees aside), how many the
// combine rule needs, and the enterprises whose entrants have fewer.
type StageCoverage struct {
	Stage     string          `json:"stage"`
	StageName string          `json:"stage_name"`
	Judges    int             `json:"judges"`
	Needed    int             `json:"needed"`
	Short     []ShortCoverage `json:"short"`
}

// ShortCoverage is an enterprise whose entrants a stage has too few judges for.
type ShortCoverage struct {
	EnterpriseID   uint   `json:"enterprise_id"`
	EnterpriseName string `json:"enterprise_name"`
	Entrants       int    `json:"entrants"`
	Judges         int    `json:"judges"`
}

// judgesNeeded is how many judges the combine rule wants on every entrant:
// a trimmed mean drops the highest and the lowest mark from its minimum on,
// and falls back to the plain mean below it; the other rules need one.
func judgesNeeded(c Combine) int {
	if c.Method == "trimmed_mean" {
		return c.TrimMinJudges
	}
	return 1
}

// EventCoverage shows an event's coverage to its organisers and chief judge.
// It counts the pending and approved entries, so that it helps while the
// panel is formed, before the draw.
func (s *Service) EventCoverage(ctx context.Context, c Caller, eventID uint) (Coverage, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Coverage{}, err
	}
	if _, err := s.leadsEvent(ctx, c, ev); err != nil {
		return Coverage{}, err
	}
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return Coverage{}, err
	}
	db := s.conn(ctx)
	var judges []model.PanelMember
	if err := db.Preload("Account").Where("event_id = ? AND duty = ?", ev.ID, DutyJudge).Find(&judges).Error; err != nil {
		return Coverage{}, err
	}
	var entries []struct {
		EnterpriseID   uint
		EnterpriseName string
		N              int
	}
	if err := db.Model(&model.Entrant{}).Select("enterprise_id, MAX(enterprise_name) AS enterprise_name, COUNT(*) AS n").
		Where("event_id = ? AND status IN ? AND attendance <> ?", ev.ID, []string{EntrantPending, EntrantApproved}, AttendanceAbsent).
		Group("enterprise_id").Order("enterprise_id").Scan(&entries).Error; err != nil {
		return Coverage{}, err
	}
	out := Coverage{EventID: ev.ID, Stages: []StageCoverage{}}
	needed := judgesNeeded(rules.Combine)
	for _, st := range rules.Stages {
		sc := StageCoverage{Stage: st.Code, StageName: st.Name, Needed: needed, Short: []ShortCoverage{}}
		var stageJudges []model.PanelMember
		for _, j := range judges {
			if slices.Contains(stagesOf(j), st.Code) {
				stageJudges = append(stageJudges, j)
			}
		}
		sc.Judges = len(stageJudges)
		for _, e := range entries {
			n := 0
			for _, j := range stageJudges {
				if j.Account.OrganisationID != e.EnterpriseID {
					n++
				}
			}
			if n < needed {
				sc.Short = append(sc.Short, ShortCoverage{EnterpriseID: e.EnterpriseID, EnterpriseName: e.EnterpriseName, Entrants: e.N, Judges: n})
			}
		}
		out.Stages = append(out.Stages, sc)
	}
	return out, nil
}
