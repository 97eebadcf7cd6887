package api_test

import (
	"fmt"
	"strings"
	"time"
)

// judgingFixture is a contest of district A at its judging step with two
// drawn events: 钳工, with two entrants of enterprise A and one of enterprise
// C (清河电力), and 焊工, with one of enterprise C; and a panel. Every judge
// account belongs to the district union, except recused, which belongs to
// enterprise A and so never sees A's entrants. 钳工 shows the chief judge the
// cells whose judges' marks differ by more than 10 points.
type judgingFixture struct {
	fixture
	power          org
	powerAcc       account
	judgingContest contest
	// fitter and welder are the events 钳工 and 焊工; 焊工's practical stage
	// records the time used and has a criterion P2 marked on the 0–3 scale.
	fitter, welder event
	// chief, judge, checkIn and encryption have those duties in 钳工; judge
	// marks both stages, recused the practical one; otherJudge marks 焊工's
	// practical stage; spare and reserve have no duty.
	chief, judge, recused, otherJudge, checkIn, encryption, spare, reserve account
	// clerks are 钳工's three score clerks (录分员), who key paper sheets.
	clerks [3]account
	// encryptionMember is the encryption judge's place on 钳工's panel.
	encryptionMember uint
	// numbersA are the draw numbers of enterprise A's entrants in 钳工, numberC enterprise C's.
	numbersA []string
	numberC  string
	// entrantC is enterprise C's entrant in 钳工, as the check-in list shows it.
	entrantC checkInRow
}

type checkInRow struct {
	EntrantID      uint   `json:"entrant_id"`
	DrawNumber     string `json:"draw_number"`
	EnterpriseName string `json:"enterprise_name"`
	Attendance     string `json:"attendance"`
	Version        int    `json:"version"`
}

type panelMember struct {
	ID        uint     `json:"id"`
	AccountID uint     `json:"account_id"`
	Duty      string   `json:"duty"`
	Stages    []string `json:"stages"`
}

// judgingFixture builds the fixture; the stages named in encrypted are
// marked encrypted (二次加密) in 钳工's rules while the contest is a draft.
func (s *server) judgingFixture(encrypted ...string) judgingFixture {
	s.t.Helper()
	f := judgingFixture{fixture: s.fixture()}
	a := s.admin()
	org := s.login(f.organiser.Username, fixturePwd)
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "清河电力",
		"credit_code": creditCode("91320102MA1QH0003")}, &f.power)
	f.powerAcc = s.newAccount(a, "ent_qh_power", "enterprise", f.power.ID)

	org.must(201, "POST", "/api/v1/contests", map[string]any{"name": "全区钳工焊工比武", "kind": "skills", "format": "trade", "level": "district",
		"organiser_id": f.district.ID, "registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(7 * 24 * time.Hour)}, &f.judgingContest)
	events := fmt.Sprintf("/api/v1/contests/%d/events", f.judgingContest.ID)
	org.must(201, "POST", events, map[string]any{"name": "钳工", "trade": "钳工", "entrant_type": "individual"}, &f.fitter)
	org.must(201, "POST", events, map[string]any{"name": "焊工", "trade": "焊工", "entrant_type": "individual"}, &f.welder)
	// 钳工 does not time its practical stage, so its sheets are marks only; 焊工 keeps the template's time used.
	rules := f.fitter.Rules
	rules["stages"].([]any)[1].(map[string]any)["timed"] = false
	rules["stages"].([]any)[1].(map[string]any)["time_limit"] = 0
	rules["tie_breaks"] = []string{"stage:practical", "stage:theory", "shared"}
	rules["disagreement"] = 10
	org.must(200, "PATCH", fmt.Sprintf("/api/v1/events/%d", f.fitter.ID), map[string]any{"version": f.fitter.Version, "rules": rules}, &f.fitter)
	// 焊工 also has a judgement criterion entered on the 0–3 scale, worth 9 points.
	rules = f.welder.Rules
	rules["criteria"] = append(rules["criteria"].([]any), map[string]any{"code": "P2", "name": "工艺评价", "stage": "practical", "max": 9, "kind": "judgement", "levels": true})
	org.must(200, "PATCH", fmt.Sprintf("/api/v1/events/%d", f.welder.ID), map[string]any{"version": f.welder.Version, "rules": rules}, &f.welder)
	if len(encrypted) > 0 {
		s.encryptStages(org, f.fitter, encrypted)
	}
	steps := fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID)
	org.must(200, "POST", steps, map[string]any{"to": "registration_open"}, nil)

	entA, entC := s.login(f.enterpriseAcc.Username, fixturePwd), s.login(f.powerAcc.Username, fixturePwd)
	ids := map[uint][]uint{}
	enter := func(by *client, ev event, name, first17 string) {
		var e entrant
		by.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/entrants", ev.ID), worker(name, idNumber(first17), "male"), &e)
		ids[ev.ID] = append(ids[ev.ID], e.ID)
	}
	enter(entA, f.fitter, "赵强", "11010519800101011")
	enter(entA, f.fitter, "钱进", "11010519800101021")
	enter(entC, f.fitter, "孙立", "11010519800101031")
	enter(entC, f.welder, "李焊", "11010519800101041")
	for _, ev := range []event{f.fitter, f.welder} {
		org.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/entrants/approve", ev.ID), map[string]any{"ids": ids[ev.ID]}, nil)
	}
	org.must(200, "POST", steps, map[string]any{"to": "registration_closed"}, nil)
	for _, ev := range []event{f.fitter, f.welder} {
		org.must(200, "POST", fmt.Sprintf("/api/v1/events/%d/draw", ev.ID), map[string]any{"seed": "5eed"}, nil)
	}

	f.chief = s.newAccount(a, "judge_chief", "judge", f.district.ID)
	f.judge = s.newAccount(a, "judge_a", "judge", f.district.ID)
	f.recused = s.newAccount(a, "judge_recused", "judge", f.enterprise.ID)
	f.otherJudge = s.newAccount(a, "judge_welder", "judge", f.district.ID)
	f.checkIn = s.newAccount(a, "clerk_checkin", "judge", f.district.ID)
	f.encryption = s.newAccount(a, "judge_crypto", "judge", f.district.ID)
	f.spare = s.newAccount(a, "judge_spare", "judge", f.district.ID)
	for i := range f.clerks {
		f.clerks[i] = s.newAccount(a, fmt.Sprintf("clerk_%c", 'a'+i), "judge", f.district.ID)
	}
	f.reserve = s.newAccount(a, "judge_reserve", "judge", f.district.ID)
	panel := func(ev event, acc account, duty string, stages ...string) panelMember {
		var m panelMember
		org.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/panel", ev.ID), map[string]any{"account_id": acc.ID, "duty": duty, "stages": stages}, &m)
		return m
	}
	panel(f.fitter, f.chief, "chief")
	panel(f.fitter, f.judge, "judge", "theory", "practical")
	panel(f.fitter, f.recused, "judge", "practical")
	panel(f.welder, f.otherJudge, "judge", "practical")
	panel(f.fitter, f.checkIn, "checkin")
	f.encryptionMember = panel(f.fitter, f.encryption, "encryption").ID
	for _, clerk := range f.clerks {
		panel(f.fitter, clerk, "clerk")
	}
	org.must(200, "POST", steps, map[string]any{"to": "judging"}, nil)

	var list struct {
		Items []checkInRow `json:"items"`
	}
	org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/check-in", f.fitter.ID), nil, &list)
	for _, r := range list.Items {
		if r.EnterpriseName == "清河电力" {
			f.numberC, f.entrantC = r.DrawNumber, r
		} else {
			f.numbersA = append(f.numbersA, r.DrawNumber)
		}
	}
	if len(f.numbersA) != 2 || f.numberC == "" {
		s.t.Fatalf("check-in list of 钳工: %+v", list.Items)
	}
	return f
}

// sheetPath is the path of a stage's sheet of an event, with an optional tail.
func sheetPath(ev event, stage string, tail ...string) string {
	return fmt.Sprintf("/api/v1/events/%d/sheets/%s", ev.ID, stage) + strings.Join(tail, "")
}

// keyingPath is the path of the keying of a judge's sheet of a stage of 钳工, with an optional tail.
func (f judgingFixture) keyingPath(stage string, judge account, tail ...string) string {
	return sheetPath(f.fitter, stage, fmt.Sprintf("/judges/%d/keying", judge.ID)) + strings.Join(tail, "")
}

// keyOnPaper has the first two clerks key a judge's sheet of a stage of 钳工
// and submit it: the first keys values, the second the same but where
// second names other values by number.
func (s *server) keyOnPaper(f judgingFixture, stage, criterion string, judge account, values map[string]float64, second map[string]float64) {
	s.t.Helper()
	for i, differ := range []map[string]float64{nil, second} {
		c := s.login(f.clerks[i].Username, fixturePwd)
		c.must(200, "POST", f.keyingPath(stage, judge), nil, nil)
		for number, points := range values {
			if v, ok := differ[number]; ok {
				points = v
			}
			c.must(200, "PUT", f.keyingPath(stage, judge, "/marks"), mark(number, criterion, points, 0), nil)
		}
		c.must(200, "POST", f.keyingPath(stage, judge, "/submit"), map[string]any{"version": 1}, nil)
	}
}
