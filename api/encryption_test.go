package api_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

// Second encryption (二次加密): these tests run on judgingFixture with 钳工's
// practical stage encrypted; its judges are judge (all numbers) and recused
// (enterprise C's only).

type encryptionState struct {
	Stages []struct {
		Code        string  `json:"code"`
		SignedOffAt *string `json:"signed_off_at"`
	} `json:"stages"`
	Present      int     `json:"present"`
	Absent       int     `json:"absent"`
	NotCheckedIn int     `json:"not_checked_in"`
	Runs         int     `json:"runs"`
	RunBy        string  `json:"run_by"`
	Coded        int     `json:"coded"`
	Withdrawn    bool    `json:"withdrawn"`
	Marked       bool    `json:"marked"`
	DecodedAt    *string `json:"decoded_at"`
	DecodedBy    string  `json:"decoded_by"`
	MayRun       bool    `json:"may_run"`
	MayDecode    bool    `json:"may_decode"`
	MayReadCodes bool    `json:"may_read_codes"`
}

type encryptionCodes struct {
	Seed    string `json:"seed"`
	Run     int    `json:"run"`
	RunBy   string `json:"run_by"`
	Decoded bool   `json:"decoded"`
	Codes   []struct {
		DrawNumber string `json:"draw_number"`
		Code       string `json:"code"`
	} `json:"codes"`
}

// codeOf is the work code of a draw number, "" for none.
func (e encryptionCodes) codeOf(number string) string {
	for _, r := range e.Codes {
		if r.DrawNumber == number {
			return r.Code
		}
	}
	return ""
}

// encryptStages marks stages of an event encrypted in its rules.
func (s *server) encryptStages(org *client, ev event, codes []string) {
	s.t.Helper()
	var cur event
	org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d", ev.ID), nil, &cur)
	for _, st := range cur.Rules["stages"].([]any) {
		stage := st.(map[string]any)
		if slices.Contains(codes, stage["code"].(string)) {
			stage["encrypted"] = true
		}
	}
	org.must(200, "PATCH", fmt.Sprintf("/api/v1/events/%d", ev.ID), map[string]any{"rules": cur.Rules, "version": cur.Version}, nil)
}

func encryptionPath(ev event, tail ...string) string {
	return fmt.Sprintf("/api/v1/events/%d/encryption", ev.ID) + strings.Join(tail, "")
}

// attend marks the entrant with a number of 钳工 present or absent.
func (f judgingFixture) attend(org *client, number, attendance string) {
	var list struct {
		Items []checkInRow `json:"items"`
	}
	org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/check-in?number=%s", f.fitter.ID, number), nil, &list)
	if len(list.Items) != 1 {
		org.s.t.Fatalf("check-in of %s: %+v", number, list.Items)
	}
	org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", list.Items[0].EntrantID),
		map[string]any{"attendance": attendance, "version": list.Items[0].Version}, nil)
}

// encryptedFixture is judgingFixture with 钳工's practical stage encrypted,
// enterprise A's first entrant and C's present and A's second absent.
func (s *server) encryptedFixture() (judgingFixture, *client) {
	f := s.judgingFixture("practical")
	org := s.login(f.organiser.Username, fixturePwd)
	f.attend(org, f.numbersA[0], "present")
	f.attend(org, f.numberC, "present")
	f.attend(org, f.numbersA[1], "absent")
	return f, org
}

var workCodeFormat = regexp.MustCompile(`^J[1-9][0-9]{2,}$`)

func TestEncryption_WaitsForCheckInAndGivesCodesToThePresentOnly(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture("practical")
		org, enc := s.login(f.organiser.Username, fixturePwd), s.login(f.encryption.Username, fixturePwd)
		judge := s.login(f.judge.Username, fixturePwd)
		// Before the draw, the sheets of the encrypted stage are closed; the others are not.
		judge.mustFail(409, "conflict", "", "GET", sheetPath(f.fitter, "practical"), nil)
		judge.mustFail(409, "conflict", "", "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 80, 0))
		s.login(f.chief.Username, fixturePwd).mustFail(409, "conflict", "", "GET", sheetPath(f.fitter, "practical", fmt.Sprintf("/judges/%d", f.judge.ID)), nil)
		judge.must(200, "GET", sheetPath(f.fitter, "theory"), nil, nil)

		var st encryptionState
		enc.must(200, "GET", encryptionPath(f.fitter), nil, &st)
		if st.NotCheckedIn != 3 || st.MayRun || len(st.Stages) != 1 || st.Stages[0].Code != "practical" {
			t.Errorf("state before check-in: %+v", st)
		}
		// Every entrant must be checked in, present or absent, first.
		f.attend(org, f.numbersA[0], "present")
		f.attend(org, f.numberC, "present")
		e := enc.mustFail(409, "conflict", "", "POST", encryptionPath(f.fitter), map[string]any{})
		if !strings.Contains(e.Error.Message, "1") {
			t.Errorf("the refusal does not count who is not checked in: %s", e.Error.Message)
		}
		f.attend(org, f.numbersA[1], "absent")
		enc.must(200, "GET", encryptionPath(f.fitter), nil, &st)
		if !st.MayRun || st.Present != 2 || st.Absent != 1 {
			t.Errorf("state after check-in: %+v", st)
		}
		var codes encryptionCodes
		enc.must(200, "POST", encryptionPath(f.fitter), map[string]any{"seed": "c0de"}, &codes)
		if len(codes.Codes) != 2 || codes.codeOf(f.numbersA[1]) != "" || codes.Seed != "000000000000c0de" || codes.RunBy != f.encryption.Username {
			t.Fatalf("codes: %+v; the absent %s must have none", codes, f.numbersA[1])
		}
		for _, r := range codes.Codes {
			if !workCodeFormat.MatchString(r.Code) {
				t.Errorf("work code %q of %s", r.Code, r.DrawNumber)
			}
		}
		// A change of check-in after the draw, before any mark on the
		// encrypted stage, takes the codes back: the sheets wait for a new draw.
		var list struct {
			Items []checkInRow `json:"items"`
		}
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/check-in?number=%s", f.fitter.ID, f.numbersA[1]), nil, &list)
		var changed struct {
			CodesWithdrawn bool `json:"codes_withdrawn"`
		}
		org.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", list.Items[0].EntrantID),
			map[string]any{"attendance": "present", "version": list.Items[0].Version}, &changed)
		if !changed.CodesWithdrawn {
			t.Errorf("a change of check-in after the draw does not say the codes were taken back")
		}
		enc.must(200, "GET", encryptionPath(f.fitter), nil, &st)
		if !st.Withdrawn || st.Coded != 0 || !st.MayRun || st.MayReadCodes || st.Present != 3 {
			t.Errorf("state after the codes were taken back: %+v", st)
		}
		judge.mustFail(409, "conflict", "", "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 80, 0))
		enc.must(200, "POST", encryptionPath(f.fitter), map[string]any{"seed": "c0de2"}, &codes)
		if len(codes.Codes) != 3 || codes.codeOf(f.numbersA[1]) == "" {
			t.Fatalf("codes after the second run: %+v", codes)
		}
		// The draw's seed, which the organisers know, is refused.
		enc.mustFail(422, "validation_failed", "seed", "POST", encryptionPath(f.fitter), map[string]any{"seed": "5eed"})
		// Once a mark stands on the encrypted stage, check-in is final.
		judge.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(codes.codeOf(f.numberC), "P1", 80, 0), nil)
		org.must(200, "GET", fmt.Sprintf("/api/v1/events/%d/check-in?number=%s", f.fitter.ID, f.numbersA[1]), nil, &list)
		org.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/entrants/%d/attendance", list.Items[0].EntrantID),
			map[string]any{"attendance": "absent", "version": list.Items[0].Version})
		// The draw runs only while judging lasts.
		org.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", f.judgingContest.ID), map[string]any{"to": "public_notice"}, nil)
		enc.mustFail(409, "wrong_step", "", "POST", encryptionPath(f.fitter), map[string]any{})
	})
}

func TestEncryption_SameSeedSameCodes(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f, _ := s.encryptedFixture()
		enc := s.login(f.encryption.Username, fixturePwd)
		var first, again, other encryptionCodes
		enc.must(200, "POST", encryptionPath(f.fitter), map[string]any{"seed": "abc123"}, &first)
		enc.must(200, "POST", encryptionPath(f.fitter), map[string]any{"seed": "abc123"}, &again)
		if fmt.Sprint(first.Codes) != fmt.Sprint(again.Codes) || again.Run != 2 {
			t.Errorf("the same seed gave %+v, then %+v", first, again)
		}
		// Anyone holding the seed and the numbers finds the same codes.
		var numbers []string
		for _, r := range first.Codes {
			numbers = append(numbers, r.DrawNumber)
		}
		if got := fmt.Sprint(service.WorkCodes(numbers, 0xabc123)); got != fmt.Sprint(first.Codes) {
			t.Errorf("WorkCodes gives %s, the run %s", got, fmt.Sprint(first.Codes))
		}
		// Without a seed the server draws one, and shows it to the encryption judge.
		enc.must(200, "POST", encryptionPath(f.fitter), nil, &other)
		if len(other.Seed) != 16 || other.Seed == first.Seed || other.Run != 3 {
			t.Errorf("a run without a seed: %+v", other)
		}
		// Every run is recorded and audited, without its seed.
		var runs, audits int64
		db.Model(&model.EncryptionRun{}).Count(&runs)
		db.Model(&model.AuditEntry{}).Where("action = ? AND entity_id = ?", "event.encrypt", f.fitter.ID).Count(&audits)
		if runs != 3 || audits != 3 {
			t.Errorf("%d runs recorded, %d audited; want 3 and 3", runs, audits)
		}
		var leaks int64
		db.Model(&model.AuditEntry{}).Where("after_value LIKE ? OR after_value LIKE ?", "%abc123%", "%"+other.Seed+"%").Count(&leaks)
		if leaks > 0 {
			t.Error("the audit log holds a seed of the encryption draw")
		}
	})
}

func TestWorkCodes_AreUniqueAndTellNothingOfTheDrawOrder(t *testing.T) {
	for _, n := range []int{1, 3, 225, 226, 2000} {
		numbers := make([]string, n)
		for i := range numbers {
			numbers[i] = fmt.Sprintf("%04d", i+1)
		}
		rows := service.WorkCodes(numbers, 42)
		seen := map[string]bool{}
		increasing := true
		for i, r := range rows {
			if seen[r.Code] || !workCodeFormat.MatchString(r.Code) || r.DrawNumber != numbers[i] {
				t.Fatalf("%d numbers: row %d is %+v", n, i, r)
			}
			seen[r.Code] = true
			if i > 0 {
				prev, _ := strconv.Atoi(rows[i-1].Code[1:])
				cur, _ := strconv.Atoi(r.Code[1:])
				increasing = increasing && cur > prev
			}
		}
		if n > 2 && increasing {
			t.Errorf("%d numbers: the codes follow the draw order", n)
		}
		// Codes use at most a quarter of their space: three digits up to 225 entrants.
		if digits := len(rows[0].Code) - 1; (n <= 225) != (digits == 3) {
			t.Errorf("%d numbers: %d digits", n, digits)
		}
	}
}

func TestEncryption_TheMappingIsSealedUntilDecoding(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f, org := s.encryptedFixture()
		var codes encryptionCodes
		s.login(f.encryption.Username, fixturePwd).must(200, "POST", encryptionPath(f.fitter), map[string]any{}, &codes)
		// Before decoding, nobody but the encryption judge reads the mapping,
		// and the state that the others read holds neither codes nor seed.
		for j := range judgeCount {
			c := s.judgingClient(j, f)
			want := map[juror]int{jAnonymous: 401, jEncryption: 200}[j]
			if want == 0 {
				want = 403
			}
			res := c.do("GET", encryptionPath(f.fitter, "/codes"), nil)
			if res.Code != want {
				t.Errorf("the mapping for %s before decoding: %d, want %d: %s", j, res.Code, want, res.Body)
			}
			res = c.do("GET", encryptionPath(f.fitter), nil)
			for _, secret := range []string{codes.Seed, codes.Codes[0].Code, codes.Codes[1].Code} {
				if strings.Contains(res.Body.String(), secret) {
					t.Errorf("the state for %s holds %s: %s", j, secret, res.Body)
				}
			}
		}
		var st encryptionState
		org.must(200, "GET", encryptionPath(f.fitter), nil, &st)
		if st.MayReadCodes || st.MayDecode || st.Runs != 1 || st.Coded != 2 || st.RunBy != f.encryption.Username {
			t.Errorf("the organiser's state before decoding: %+v", st)
		}
	})
}

func TestEncryption_AJudgeOfAnEncryptedStageSeesWorkCodesOnly(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f, _ := s.encryptedFixture()
		var codes encryptionCodes
		enc := s.login(f.encryption.Username, fixturePwd)
		enc.must(200, "POST", encryptionPath(f.fitter), map[string]any{}, &codes)
		numbers := append(slices.Clone(f.numbersA), f.numberC)
		// noNumber fails when an answer to a judge names a draw number.
		noNumber := func(what, body string) {
			t.Helper()
			for _, n := range numbers {
				if strings.Contains(body, `"`+n+`"`) {
					t.Errorf("%s names the draw number %s: %s", what, n, body)
				}
			}
		}
		judge, recused := s.login(f.judge.Username, fixturePwd), s.login(f.recused.Username, fixturePwd)
		practical := sheetPath(f.fitter, "practical")
		res := judge.do("GET", practical, nil)
		noNumber("the judge's sheet", res.Body.String())
		var own sheet
		judge.must(200, "GET", practical, nil, &own)
		want := []string{codes.codeOf(f.numbersA[0]), codes.codeOf(f.numberC)}
		slices.Sort(want)
		if !slices.Equal(own.numbers(), want) {
			t.Errorf("the judge's rows %v, want the codes %v in code order", own.numbers(), want)
		}
		var theirs sheet
		recused.must(200, "GET", practical, nil, &theirs)
		if !slices.Equal(theirs.numbers(), []string{codes.codeOf(f.numberC)}) {
			t.Errorf("the recused judge's rows %v, want only enterprise C's code", theirs.numbers())
		}
		// A draw number is unknown on the sheet; a mark goes by work code.
		e := judge.mustFail(422, "validation_failed", "number", "PUT", practical+"/marks", mark(f.numberC, "P1", 80, 0))
		noNumber("the refusal", fmt.Sprint(e))
		res = judge.do("PUT", practical+"/marks", mark(codes.codeOf(f.numberC), "P1", 80, 0))
		noNumber("the saved mark", res.Body.String())
		var saved sheetMark
		judge.must(200, "PUT", practical+"/marks", mark(codes.codeOf(f.numberC), "P1", 80, 0), &saved)
		if saved.Number != codes.codeOf(f.numberC) || saved.Points != 80 {
			t.Errorf("saved mark %+v", saved)
		}
		// A conflicting change and an incomplete submission name work codes too.
		judge.must(200, "PUT", practical+"/marks", mark(codes.codeOf(f.numberC), "P1", 81, 1), nil)
		res = judge.do("PUT", practical+"/marks", mark(codes.codeOf(f.numberC), "P1", 82, 1))
		noNumber("a conflicting mark", res.Body.String())
		if res.Code != 409 || !strings.Contains(res.Body.String(), codes.codeOf(f.numberC)) {
			t.Errorf("a conflicting mark: %d %s", res.Code, res.Body)
		}
		res = judge.do("POST", practical+"/submit", map[string]any{"version": 1})
		noNumber("an incomplete submission", res.Body.String())
		if res.Code != 422 || !strings.Contains(res.Body.String(), codes.codeOf(f.numbersA[0])) {
			t.Errorf("an incomplete submission: %d %s", res.Code, res.Body)
		}
		// Stepping aside now would show which code leaves the sheet: refused.
		judge.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/events/%d/conflicts", f.fitter.ID), map[string]any{"number": f.numberC, "reason": "亲属"})
		// The judge's home page and its other answers name no number either.
		res = judge.do("GET", "/api/v1/judging", nil)
		noNumber("the judge's duties", res.Body.String())
		for _, path := range []string{encryptionPath(f.fitter), encryptionPath(f.fitter, "/codes")} {
			if res := judge.do("GET", path, nil); res.Code != 403 {
				t.Errorf("GET %s as a judge: %d", path, res.Code)
			}
		}
		// The chief judge's view of the judge's sheet shows work codes; the board flags the stage.
		var viewed sheet
		chief := s.login(f.chief.Username, fixturePwd)
		chief.must(200, "GET", sheetPath(f.fitter, "practical", fmt.Sprintf("/judges/%d", f.judge.ID)), nil, &viewed)
		if !slices.Equal(viewed.numbers(), want) {
			t.Errorf("the chief judge's view of the sheet: rows %v, want %v", viewed.numbers(), want)
		}
		var board struct {
			Events []struct {
				EventID uint `json:"event_id"`
				Stages  []struct {
					Stage     string `json:"stage"`
					Encrypted bool   `json:"encrypted"`
				} `json:"stages"`
			} `json:"events"`
		}
		chief.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/progress", f.judgingContest.ID), nil, &board)
		for _, st := range board.Events[0].Stages {
			if st.Encrypted != (st.Stage == "practical") {
				t.Errorf("the board's stage %s: encrypted %v", st.Stage, st.Encrypted)
			}
		}
		// The draw cannot run again once a mark exists on an encrypted stage.
		enc.mustFail(409, "conflict", "", "POST", encryptionPath(f.fitter), map[string]any{})
		var st encryptionState
		enc.must(200, "GET", encryptionPath(f.fitter), nil, &st)
		if !st.Marked || st.MayRun {
			t.Errorf("state after a mark: %+v", st)
		}
	})
}

func TestEncryption_DecodingWaitsForSignOffAndIsRecorded(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f, org := s.encryptedFixture()
		enc, chief := s.login(f.encryption.Username, fixturePwd), s.login(f.chief.Username, fixturePwd)
		decode := encryptionPath(f.fitter, "/decode")
		org.mustFail(409, "conflict", "", "POST", decode, nil)
		var codes encryptionCodes
		enc.must(200, "POST", encryptionPath(f.fitter), map[string]any{}, &codes)
		// Not before every encrypted stage is signed off; and only an organiser.
		e := org.mustFail(409, "conflict", "", "POST", decode, nil)
		if !strings.Contains(e.Error.Message, "实操") {
			t.Errorf("the refusal does not name the stage: %s", e.Error.Message)
		}
		chief.mustFail(403, "forbidden", "", "POST", decode, nil)
		practical := sheetPath(f.fitter, "practical")
		for _, j := range []struct {
			c       *client
			numbers []string
		}{{s.login(f.judge.Username, fixturePwd), []string{f.numbersA[0], f.numberC}}, {s.login(f.recused.Username, fixturePwd), []string{f.numberC}}} {
			for _, n := range j.numbers {
				j.c.must(200, "PUT", practical+"/marks", mark(codes.codeOf(n), "P1", 70, 0), nil)
			}
			j.c.must(200, "POST", practical+"/submit", map[string]any{"version": 1}, nil)
		}
		chief.must(204, "POST", fmt.Sprintf("/api/v1/events/%d/stages/practical/sign-off", f.fitter.ID), nil, nil)
		var st encryptionState
		org.must(200, "GET", encryptionPath(f.fitter), nil, &st)
		if !st.MayDecode || st.Stages[0].SignedOffAt == nil {
			t.Errorf("state after sign-off: %+v", st)
		}
		// Still sealed, up to the decoding.
		org.mustFail(403, "forbidden", "", "GET", encryptionPath(f.fitter, "/codes"), nil)
		org.must(200, "POST", decode, nil, &st)
		if st.DecodedAt == nil || st.DecodedBy != f.organiser.Username || !st.MayReadCodes || st.MayDecode {
			t.Errorf("state after decoding: %+v", st)
		}
		var rows []model.EncryptionDecoding
		db.Find(&rows)
		if len(rows) != 1 || rows[0].EventID != f.fitter.ID || rows[0].DecodedBy != f.organiser.ID {
			t.Errorf("decodings recorded: %+v", rows)
		}
		var audit model.AuditEntry
		if err := db.Where("action = ?", "event.decode").Take(&audit).Error; err != nil || audit.AccountID == nil || *audit.AccountID != f.organiser.ID {
			t.Errorf("decoding's audit: %+v (%v)", audit, err)
		}
		// The organisers and the chief judge now read the mapping the encryption judge drew.
		for _, c := range []*client{org, chief} {
			var got encryptionCodes
			c.must(200, "GET", encryptionPath(f.fitter, "/codes"), nil, &got)
			if fmt.Sprint(got.Codes) != fmt.Sprint(codes.Codes) || !got.Decoded {
				t.Errorf("the decoded mapping %+v, want %+v", got, codes)
			}
		}
		// Others still do not; the decoding is done once, no draw follows, and the stage stays final.
		for _, j := range []juror{jOtherOrganiser, jEnterprise, jJudge, jRecused, jOtherJudge, jCheckIn} {
			if res := s.judgingClient(j, f).do("GET", encryptionPath(f.fitter, "/codes"), nil); res.Code != 403 {
				t.Errorf("the decoded mapping for %s: %d", j, res.Code)
			}
		}
		org.mustFail(409, "conflict", "", "POST", decode, nil)
		enc.mustFail(409, "conflict", "", "POST", encryptionPath(f.fitter), map[string]any{})
		org.mustFail(409, "conflict", "", "POST", fmt.Sprintf("/api/v1/events/%d/stages/practical/reopen", f.fitter.ID), map[string]any{"reason": "复核"})
	})
}
