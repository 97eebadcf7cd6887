package scoring

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// roundTrip decodes a rule set strictly and encodes it again.
func roundTrip(t *testing.T, in string) (Rules, map[string]any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(in)))
	dec.DisallowUnknownFields()
	var r Rules
	if err := dec.Decode(&r); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	return r, back
}

func asMap(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// Rules stored by events before results existed read and write unchanged.
func TestRules_TheStoredJSONShapeIsUnchanged(t *testing.T) {
	stored := `{"stages":[{"code":"theory","name":"理论","weight":30,"timed":false,"time_limit":0,"encrypted":false},
		{"code":"practical","name":"实操","weight":70,"timed":true,"time_limit":120,"encrypted":true}],
	"criteria":[{"code":"T1","name":"理论知识考试","stage":"theory","max":100,"kind":"measurement","levels":false},
		{"code":"P1","name":"实操作业","stage":"practical","max":37.5,"kind":"judgement","levels":true}],
	"combine":{"method":"trimmed_mean","trim_min_judges":5},
	"tie_breaks":["stage:practical","time","stage:theory","shared"],
	"awards":{"mode":"shares","first":10,"second":20,"third":30,"min_total":60,"shared_top":true},
	"veto":false,"disagreement":15}`
	r, back := roundTrip(t, stored)
	if !reflect.DeepEqual(back, asMap(t, stored)) {
		t.Errorf("written back as %v", back)
	}
	if r.Criteria[1].Max != p("37.5") || r.Team != (TeamRule{}) || r.Titles != nil {
		t.Errorf("read as %+v", r)
	}
}

func TestRules_TheFieldsResultsAddInJSON(t *testing.T) {
	withResults := `{"stages":[],"criteria":[],"combine":{"method":"mean","trim_min_judges":0},"tie_breaks":[],
	"awards":{"mode":"counts","first":1,"second":1,"third":1,"min_total":0,"shared_top":false,
		"honourable":50,"no_shared_medals":true},
	"veto":false,"disagreement":0,
	"titles":[{"name":"技术能手","from":1,"to":3},{"name":"推荐技师","from":1,"to":5},{"name":"推荐高级工","from":6,"to":20}],
	"team":{"method":"best","best":3}}`
	r, back := roundTrip(t, withResults)
	if !reflect.DeepEqual(back, asMap(t, withResults)) {
		t.Errorf("written back as %v", back)
	}
	if r.Awards.Honourable != 50 || !r.Awards.NoSharedMedals || len(r.Titles) != 3 || r.Titles[2] != (Title{"推荐高级工", 6, 20}) || r.Team != (TeamRule{TeamBest, 3}) {
		t.Errorf("read as %+v", r)
	}
}
