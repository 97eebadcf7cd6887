package service

import "testing"

func TestTemplates_EveryRuleSetIsReadyToOpen(t *testing.T) {
	for _, tpl := range Templates() {
		if fe := rulesReadiness(tpl.EventDefaults, "rules"); len(fe) > 0 {
			t.Errorf("%s defaults: %v", tpl.Kind, fe)
		}
		for _, ev := range tpl.Events {
			if fe := rulesReadiness(ev.Rules, "rules"); len(fe) > 0 {
				t.Errorf("%s / %s: %v", tpl.Kind, ev.Name, fe)
			}
		}
	}
}

func TestTemplates_LabourHasTheSixIndicatorsAndVeto(t *testing.T) {
	tpl, _ := templateOf(KindLabour)
	r := tpl.Events[0].Rules
	var total Points
	names := ""
	for _, c := range r.Criteria {
		total += c.Max
		names += c.Name
	}
	if names != "比学习比技术比安全比质量比效益创一流" || total != 10000 || !r.Veto {
		t.Errorf("labour template: %s, total %s, veto %v", names, total, r.Veto)
	}
}

func TestRules_ReadinessNamesWhatIsMissing(t *testing.T) {
	r := skillsRules()
	r.Stages[1].Weight = 60
	r.Criteria = r.Criteria[:1]
	fe := rulesReadiness(r, "events[0].rules")
	got := map[string]string{}
	for _, f := range fe {
		got[f.Field] = f.Text.Key
	}
	if got["events[0].rules.stages"] != "weights_not_100" || got["events[0].rules.stages[1]"] != "stage_without_criteria" {
		t.Errorf("readiness: %v", got)
	}
	r = skillsRules()
	r.TieBreaks = []string{"shared", "time", "stage:nope"}
	r.Criteria[0].Max = 0
	r.Awards.First = 90
	fe = checkRules(r, "rules")
	if len(fe) != 4 {
		t.Errorf("check found %d problems, want 4: %v", len(fe), fe)
	}
}
