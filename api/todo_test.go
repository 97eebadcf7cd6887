package api_test

import (
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// todo is the answer of GET /api/v1/todo, as the tests compare it.
type todo struct {
	Reviews  []todoEvent   `json:"reviews"`
	Closing  []todoContest `json:"closing"`
	Undrawn  []todoEvent   `json:"undrawn"`
	Rejected []struct {
		EntrantID    uint   `json:"entrant_id"`
		ContestName  string `json:"contest_name"`
		EventName    string `json:"event_name"`
		EntrantName  string `json:"entrant_name"`
		RejectReason string `json:"reject_reason"`
	} `json:"rejected"`
	Windows []todoContest `json:"windows"`
	Sheets  []struct {
		EventName   string `json:"event_name"`
		Stage       string `json:"stage"`
		Remaining   int    `json:"remaining"`
		OpenRemarks int    `json:"open_remarks"`
	} `json:"sheets"`
}

type todoEvent struct {
	ContestName string `json:"contest_name"`
	EventID     uint   `json:"event_id"`
	EventName   string `json:"event_name"`
	Entries     int    `json:"entries"`
}

type todoContest struct {
	ContestID   uint   `json:"contest_id"`
	ContestName string `json:"contest_name"`
	Entries     int    `json:"entries"`
}

// counts is how many items each list of a to-do has, in the answer's order.
func (t todo) counts() [6]int {
	return [6]int{len(t.Reviews), len(t.Closing), len(t.Undrawn), len(t.Rejected), len(t.Windows), len(t.Sheets)}
}

func (s *server) todoOf(c *client) todo {
	s.t.Helper()
	var t todo
	c.must(200, "GET", "/api/v1/todo", nil, &t)
	return t
}

func TestTodo_EachRoleGetsWhatWaitsForItInItsOwnScope(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		org := s.login(f.organiser.Username, fixturePwd)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)

		// The fixture's contest is open, closes in seven days, and 王强 waits for review.
		for who, c := range map[string]*client{"admin": s.admin(), "organiser": org} {
			got := s.todoOf(c)
			if got.counts() != [6]int{1, 1, 0, 0, 0, 0} {
				t.Fatalf("%s's to-do: %+v", who, got)
			}
			if r := got.Reviews[0]; r.ContestName != "全区电工技能竞赛" || r.EventID != f.event.ID || r.Entries != 1 {
				t.Errorf("%s's reviews: %+v", who, got.Reviews)
			}
			if got.Closing[0].ContestID != f.contest.ID || got.Closing[0].Entries != 1 {
				t.Errorf("%s's closing contests: %+v", who, got.Closing)
			}
		}
		got := s.todoOf(ent)
		if got.counts() != [6]int{0, 0, 0, 0, 1, 0} || got.Windows[0].ContestID != f.contest.ID || got.Windows[0].Entries != 1 {
			t.Fatalf("enterprise's to-do: %+v", got)
		}
		// Neither the other district's organiser nor its enterprise has anything to do here.
		for who, name := range map[string]string{"otherOrganiser": f.otherOrganiser.Username, "otherEnterprise": f.otherEnterpriseAcc.Username, "judge": f.judge.Username} {
			if got := s.todoOf(s.login(name, fixturePwd)); got.counts() != [6]int{} {
				t.Errorf("%s's to-do: %+v", who, got)
			}
		}

		// Rejected, the entry leaves the review queue and waits for the enterprise to correct it.
		org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", f.entrant.ID), map[string]any{"decision": "reject", "reason": "工龄不足", "version": f.entrant.Version}, nil)
		if got := s.todoOf(org); got.counts() != [6]int{0, 1, 0, 0, 0, 0} || got.Closing[0].Entries != 0 {
			t.Errorf("organiser's to-do after the rejection: %+v", got)
		}
		got = s.todoOf(ent)
		if got.counts() != [6]int{0, 0, 0, 1, 1, 0} || got.Windows[0].Entries != 0 {
			t.Fatalf("enterprise's to-do after the rejection: %+v", got)
		}
		if r := got.Rejected[0]; r.EntrantID != f.entrant.ID || r.EntrantName != "王强" || r.EventName != "电工" || r.RejectReason != "工龄不足" {
			t.Errorf("rejected entry: %+v", r)
		}
		if got := s.todoOf(s.login(f.otherEnterpriseAcc.Username, fixturePwd)); got.counts() != [6]int{} {
			t.Errorf("the other enterprise sees another's rejection: %+v", got)
		}

		// Registration closed: the event waits for its draw, and nothing is left to correct.
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.contest.ID), map[string]any{"to": "registration_closed"}, nil)
		got = s.todoOf(org)
		if got.counts() != [6]int{0, 0, 1, 0, 0, 0} || got.Undrawn[0].EventID != f.event.ID || got.Undrawn[0].Entries != 0 {
			t.Errorf("organiser's to-do after registration closed: %+v", got)
		}
		if got := s.todoOf(ent); got.counts() != [6]int{} {
			t.Errorf("enterprise's to-do after registration closed: %+v", got)
		}
		if got := s.todoOf(s.login(f.otherOrganiser.Username, fixturePwd)); got.counts() != [6]int{} {
			t.Errorf("the other organiser sees another's draw: %+v", got)
		}
	})
}

func TestTodo_ClosingSoonIsTheNextSevenDays(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		org := s.login(f.organiser.Username, fixturePwd)
		// In another zone than the server's clock, eight days ahead: not closing soon, still open to the enterprise.
		far := s.now.Add(8 * 24 * time.Hour).In(time.FixedZone("UTC+8", 8*3600))
		var ct contest
		org.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d", f.contest.ID), nil, &ct)
		org.must(200, "PATCH", fmt.Sprintf("/api/v1/contests/%d", f.contest.ID), map[string]any{"registration_closes_at": far, "version": ct.Version}, nil)
		if got := s.todoOf(org); len(got.Closing) != 0 {
			t.Errorf("a window closing in eight days is listed as closing soon: %+v", got.Closing)
		}
		if got := s.todoOf(s.login(f.enterpriseAcc.Username, fixturePwd)); len(got.Windows) != 1 {
			t.Errorf("enterprise's windows: %+v", got.Windows)
		}
	})
}

func TestTodo_AJudgeSeesItsSheetsWithTheMarksTheyNeed(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		judge := s.login(f.judge.Username, fixturePwd)
		var duties []struct {
			Sheets []struct {
				Stage string `json:"stage"`
				Cells int    `json:"cells"`
			} `json:"sheets"`
		}
		judge.must(200, "GET", "/api/v1/judging", nil, &duties)
		cells := map[string]int{}
		for _, d := range duties {
			for _, sh := range d.Sheets {
				cells[sh.Stage] = sh.Cells
			}
		}
		got := s.todoOf(judge)
		if got.counts() != [6]int{0, 0, 0, 0, 0, 2} {
			t.Fatalf("judge's to-do: %+v", got)
		}
		for _, sh := range got.Sheets {
			if sh.EventName != "钳工" || sh.Remaining != cells[sh.Stage] || sh.Remaining == 0 {
				t.Errorf("sheet %+v, want all of its %d cells remaining", sh, cells[sh.Stage])
			}
		}
		judge.must(200, "PUT", fmt.Sprintf("/api/v1/events/%d/sheets/practical/marks", f.fitter.ID), mark(f.numberC, "P1", 80, 0), nil)
		for _, sh := range s.todoOf(judge).Sheets {
			if sh.Stage == "practical" && sh.Remaining != cells["practical"]-1 {
				t.Errorf("after one mark the practical sheet needs %d, want %d", sh.Remaining, cells["practical"]-1)
			}
		}
		// The check-in clerk marks nothing: its to-do has no sheets.
		if got := s.todoOf(s.login(f.checkIn.Username, fixturePwd)); got.counts() != [6]int{} {
			t.Errorf("check-in clerk's to-do: %+v", got)
		}
	})
}
