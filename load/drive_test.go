package main

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

// TestExpect_FailsOnAnyAnswerOutsideTheScenariosAndOnNoAnswer: what fails
// the run is decided here, so each kind of answer is tried.
func TestExpect_FailsOnAnyAnswerOutsideTheScenariosAndOnNoAnswer(t *testing.T) {
	for _, tc := range []struct {
		name    string
		logins  bool
		answers []answer
		err     error
		fails   string
	}{
		{"created", false, []answer{{status: 201, body: []byte(`{"id":7}`)}}, nil, ""},
		{"a login shed with Retry-After", true, []answer{{status: 503, retryAfter: "1"}, {status: 201}}, nil, ""},
		{"a registration shed with Retry-After", false, []answer{{status: 503, retryAfter: "1"}}, nil, "only logins may be shed"},
		{"a login answered 503 without Retry-After", true, []answer{{status: 503}}, nil, "answers 503"},
		{"database is locked", false, []answer{{status: 500}}, nil, "answers 500"},
		{"a valid registration refused", false, []answer{{status: 422}}, nil, "answers 422"},
		{"no answer", false, nil, errors.New("connection reset"), "no answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := newTally()
			for _, a := range tc.answers {
				tl.add(a, nil, 0)
			}
			if tc.err != nil {
				tl.add(answer{}, tc.err, 0)
			}
			r := &run{}
			r.expect(row{scenario: "s", server: "leitai", t: tl, logins: tc.logins}, http.StatusCreated)
			got := strings.Join(r.failures, "; ")
			if (tc.fails == "") != (got == "") || !strings.Contains(got, tc.fails) {
				t.Errorf("failures %q, want one saying %q", got, tc.fails)
			}
		})
	}
}

func TestTally_KeepsTheIDsOfCreatedEntries(t *testing.T) {
	tl := newTally()
	tl.add(answer{status: 201, body: []byte(`{"id":7,"status":"pending"}`)}, nil, 0)
	tl.add(answer{status: 201, body: []byte(`{"ID":8}`)}, nil, 0) // the bare handler's model struct
	tl.add(answer{status: 409, body: []byte(`{"code":"quota_reached"}`)}, nil, 0)
	if len(tl.created) != 2 || tl.created[0] != 7 || tl.created[1] != 8 {
		t.Errorf("created %v, want [7 8]", tl.created)
	}
}
