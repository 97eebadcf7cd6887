package service

import "fmt"

// Contest kinds.
const (
	KindSkills     = "skills"
	KindLabour     = "labour"
	KindInnovation = "innovation"
	KindHonour     = "honour"
)

// Entrant types of an event.
const (
	EntrantIndividual   = "individual"
	EntrantTeam         = "team"
	EntrantOrganisation = "organisation"
)

// EventDraft is an event a template creates with its contest.
type EventDraft struct {
	Name               string `json:"name"`
	Trade              string `json:"trade"`
	EntrantType        string `json:"entrant_type"`
	TeamSize           int    `json:"team_size"`
	QuotaPerEnterprise int    `json:"quota_per_enterprise"`
	Stations           int    `json:"stations"`
	Rules              Rules  `json:"rules"`
}

// Template is how a kind of contest starts: its events, or the rules each new
// event starts with. Everything it fills in stays editable until registration opens.
type Template struct {
	Kind          string       `json:"kind"`
	Name          string       `json:"name"`
	Formats       []string     `json:"formats"`
	Events        []EventDraft `json:"events"`
	EventDefaults Rules        `json:"event_defaults"`
}

func pts(whole int64) Points { return Points(whole * 100) }

// skillsRules: theory 30 %, practical 70 %; ties go to the better practical
// mark, then the shorter time, then the better theory mark.
func skillsRules() Rules {
	return Rules{
		Stages: []Stage{{Code: "theory", Name: "理论", Weight: 30}, {Code: "practical", Name: "实操", Weight: 70, Timed: true, TimeLimit: 120}},
		Criteria: []Criterion{
			{Code: "T1", Name: "理论知识考试", Stage: "theory", Max: pts(100), Kind: "measurement"},
			{Code: "P1", Name: "实操作业", Stage: "practical", Max: pts(100), Kind: "judgement"},
		},
		Combine:   Combine{Method: "trimmed_mean", TrimMinJudges: 5},
		TieBreaks: []string{"stage:practical", "time", "stage:theory", "shared"},
		Awards:    Awards{Mode: "shares", First: 10, Second: 20, Third: 30, SharedTop: true},
	}
}

// indicatorRules is one stage marked by expert indicators, each worth its maximum.
func indicatorRules(stageName string, indicators [][2]any, veto bool) Rules {
	r := Rules{
		Stages:    []Stage{{Code: "review", Name: stageName, Weight: 100}},
		Combine:   Combine{Method: "trimmed_mean", TrimMinJudges: 5},
		TieBreaks: []string{"shared"},
		Awards:    Awards{Mode: "shares", First: 10, Second: 20, Third: 30, SharedTop: true},
		Veto:      veto,
	}
	for i, ind := range indicators {
		r.Criteria = append(r.Criteria, Criterion{Code: string(rune('A'+i)) + "1", Name: ind[0].(string), Stage: "review", Max: pts(int64(ind[1].(int))), Kind: "judgement"})
	}
	return r
}

// Templates lists the four kinds of contest the source names.
func Templates() []Template {
	labour := indicatorRules("综合评比", [][2]any{{"比学习", 15}, {"比技术", 20}, {"比安全", 20}, {"比质量", 15}, {"比效益", 20}, {"创一流", 10}}, true)
	innovation := func(category string) EventDraft {
		return EventDraft{Name: category, EntrantType: EntrantIndividual,
			Rules: indicatorRules("专家评审", [][2]any{{"新颖性", 40}, {"实用性", 30}, {"效益", 30}}, false)}
	}
	honourIndicators := [][2]any{{"先进事迹", 40}, {"工作业绩", 40}, {"示范影响", 20}}
	return []Template{
		{Kind: KindSkills, Name: "技术比武 / 职业技能竞赛", Formats: contestFormats, Events: []EventDraft{}, EventDefaults: skillsRules()},
		{Kind: KindLabour, Name: "“五比一创”劳动竞赛", Formats: []string{},
			Events:        []EventDraft{{Name: "五比一创", EntrantType: EntrantOrganisation, QuotaPerEnterprise: 1, Rules: labour}},
			EventDefaults: labour},
		{Kind: KindInnovation, Name: "“五小”创新成果评选", Formats: []string{},
			Events:        []EventDraft{innovation("小发明"), innovation("小创造"), innovation("小革新"), innovation("小设计"), innovation("小建议")},
			EventDefaults: innovation("").Rules},
		{Kind: KindHonour, Name: "荣誉评选（工人先锋号、新时代好工人）", Formats: []string{},
			Events: []EventDraft{
				{Name: "工人先锋号", EntrantType: EntrantOrganisation, QuotaPerEnterprise: 1, Rules: indicatorRules("评审", honourIndicators, false)},
				{Name: "新时代好工人", EntrantType: EntrantIndividual, QuotaPerEnterprise: 2, Rules: indicatorRules("评审", honourIndicators, false)},
			},
			EventDefaults: indicatorRules("评审", honourIndicators, false)},
	}
}

// templateOf finds the template of a contest kind; every kind has one.
func templateOf(kind string) (Template, error) {
	for _, t := range Templates() {
		if t.Kind == kind {
			return t, nil
		}
	}
	return Template{}, fmt.Errorf("no contest template of kind %q", kind)
}

// ContestTemplates lists the templates to those who set up contests.
func (s *Service) ContestTemplates(c Caller) ([]Template, error) {
	if !c.mayBrowseTree() {
		return nil, forbidden()
	}
	return Templates(), nil
}
