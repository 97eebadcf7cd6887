package api_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// juror is who a judging request comes from: the columns of judgingCases.
// They act on judgingFixture's 钳工: its organiser (and district B's, who
// does not run it), enterprise A, whose entrants are in it, and the judge
// accounts with their duties there; recused belongs to enterprise A, and
// otherJudge marks 焊工 only.
type juror int

const (
	jAnonymous juror = iota
	jAdmin
	jOrganiser
	jOtherOrganiser
	jEnterprise
	jChief
	jJudge
	jRecused
	jOtherJudge
	jCheckIn
	jEncryption
	jClerk
	jClerk2
	jClerk3
	judgeCount
)

func (j juror) String() string {
	return [...]string{"anonymous", "admin", "organiser", "otherOrganiser", "enterprise", "chief", "judge", "recused", "otherJudge",
		"checkIn", "encryption", "clerk", "clerk2", "clerk3"}[j]
}

type judgingCase struct {
	route string
	path  string
	body  func(f judgingFixture) any
	want  [judgeCount]int
	// setup, when set, brings the actor's fixture to the state the case
	// needs, acting as whoever must, before the request.
	setup func(s *server, f judgingFixture)
}

// judgingCases run top to bottom, each actor on its own fresh fixture.
var judgingCases = []judgingCase{
	// want, in the actors' order: anonymous, admin, organiser, otherOrganiser,
	// enterprise, chief, judge, recused, otherJudge, checkIn, encryption,
	// clerk, clerk2, clerk3. judge's theory sheet is on paper, keyed by
	// clerk and clerk2 with one difference (paperTheory).
	{route: "GET /api/v1/judging", path: "/api/v1/judging",
		want: [judgeCount]int{401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
	{route: "GET /api/v1/events/:id/panel", path: "/api/v1/events/{fitter}/panel",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/panel/coverage", path: "/api/v1/events/{fitter}/panel/coverage",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/check-in", path: "/api/v1/events/{fitter}/check-in",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/sheets/:stage", path: "/api/v1/events/{fitter}/sheets/practical",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/sheets/:stage", path: "/api/v1/events/{fitter}/sheets/theory",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403}},
	// A judge's sheet, read-only, for those who lead the event.
	{route: "GET /api/v1/events/:id/sheets/:stage/judges/:judge", path: "/api/v1/events/{fitter}/sheets/practical/judges/{judge}",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	// Score sheets as workbooks: a judge's own, and any judge's for those who lead the event and its clerks …
	{route: "GET /api/v1/events/:id/sheets/:stage/workbook", path: "/api/v1/events/{fitter}/sheets/practical/workbook",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/sheets/:stage/judges/:judge/workbook", path: "/api/v1/events/{fitter}/sheets/practical/judges/{judge}/workbook",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 200, 200}},
	// … the check-in list for the check-in desk, the draw list for the organisers alone …
	{route: "GET /api/v1/events/:id/check-in/workbook", path: "/api/v1/events/{fitter}/check-in/workbook",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/draw/workbook", path: "/api/v1/events/{fitter}/draw/workbook",
		want: [judgeCount]int{401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	// … a judge imports its own sheet; a clerk its round of a paper sheet, here submitted
	// already (paperTheory), or not started by the third clerk.
	{route: "POST /api/v1/events/:id/sheets/:stage/imports", path: "/api/v1/events/{fitter}/sheets/practical/imports",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return []byte("参赛号,实操作业\n" + f.numberC + ",80\n") }},
	{route: "POST /api/v1/events/:id/sheets/:stage/judges/:judge/keying/imports", path: "/api/v1/events/{fitter}/sheets/theory/judges/{judge}/keying/imports",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409, 409, 404},
		body: func(f judgingFixture) any { return []byte("参赛号,理论知识考试\n" + f.numberC + ",72\n") }},
	// Enterprise C's entrant is on every practical sheet of 钳工 …
	{route: "PUT /api/v1/events/:id/sheets/:stage/marks", path: "/api/v1/events/{fitter}/sheets/practical/marks",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return mark(f.numberC, "P1", 80, 0) }},
	// … enterprise A's is not on the sheet of A's own judge.
	{route: "PUT /api/v1/events/:id/sheets/:stage/marks", path: "/api/v1/events/{fitter}/sheets/practical/marks",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 422, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return mark(f.numbersA[0], "P1", 80, 0) }},
	// Oversight: the chief judge and, read-only, the organisers see where the judges' marks disagree …
	{route: "GET /api/v1/events/:id/disagreements", path: "/api/v1/events/{fitter}/disagreements",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	// … and only the chief judge asks for a re-mark: judge_a gave 60, the recused judge 90.
	{route: "POST /api/v1/events/:id/remarks", path: "/api/v1/events/{fitter}/remarks", setup: disagreeOnC,
		want: [judgeCount]int{401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"stage": "practical", "number": f.numberC, "criterion": "P1", "judge_ids": []uint{f.judge.ID}, "reason": "差异较大"}
		}},
	// The judge asked confirms its mark; the recused judge was not asked.
	{route: "POST /api/v1/events/:id/sheets/:stage/marks/confirm", path: "/api/v1/events/{fitter}/sheets/practical/marks/confirm", setup: askJudgeOnC,
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 409, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"number": f.numberC, "criterion": "P1", "points": 60}
		}},
	// A judge compares its marks with the panel's once the stage is signed off; here it is not.
	{route: "GET /api/v1/events/:id/sheets/:stage/comparison", path: "/api/v1/events/{fitter}/sheets/practical/comparison",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 409, 409, 403, 403, 403, 403, 403, 403}},
	// A judge steps aside from a number on its sheets; the recused judge's sheets lack it.
	{route: "POST /api/v1/events/:id/conflicts", path: "/api/v1/events/{fitter}/conflicts",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 201, 422, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return map[string]any{"number": f.numbersA[1], "reason": "亲属"} }},
	// Both sheets are complete: the judge stepped aside from the number it had not marked.
	{route: "POST /api/v1/events/:id/sheets/:stage/submit", path: "/api/v1/events/{fitter}/sheets/practical/submit",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403},
		body: func(judgingFixture) any { return map[string]any{"version": 1} }},
	// Reopening is for those who lead the event; only the recused judge's own
	// run submitted that sheet, so the others find it not submitted.
	{route: "POST /api/v1/events/:id/sheets/:stage/reopen", path: "/api/v1/events/{fitter}/sheets/practical/reopen",
		want: [judgeCount]int{401, 409, 409, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return map[string]any{"judge_id": f.recused.ID, "reason": "复核"} }},
	{route: "POST /api/v1/entrants/:id/attendance", path: "/api/v1/entrants/{entrantC}/attendance",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"attendance": "present", "version": f.entrantC.Version}
		}},
	{route: "POST /api/v1/events/:id/panel", path: "/api/v1/events/{fitter}/panel",
		want: [judgeCount]int{401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"account_id": f.spare.ID, "duty": "trainee", "stages": []string{"theory"}}
		}},
	{route: "GET /api/v1/contests/:id/progress", path: "/api/v1/contests/{judgingContest}/progress",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	// Every judge's marks of a stage, for those who lead the event.
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: [judgeCount]int{401, 201, 201, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"kind": "scores", "event_id": f.fitter.ID, "stage": "practical"}
		}},
	// Only the chief judge signs off; here the judges have not submitted yet.
	{route: "POST /api/v1/events/:id/stages/:stage/sign-off", path: "/api/v1/events/{fitter}/stages/practical/sign-off",
		want: [judgeCount]int{401, 403, 403, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403, 403}},
	// Only organisers take a sign-off back; here there is none to take back.
	{route: "POST /api/v1/events/:id/stages/:stage/reopen", path: "/api/v1/events/{fitter}/stages/practical/reopen",
		want: [judgeCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(judgingFixture) any { return map[string]any{"reason": "复核"} }},
	// Second encryption: its state for those who lead the event and its encryption judge …
	{route: "GET /api/v1/events/:id/encryption", path: "/api/v1/events/{fitter}/encryption",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403, 403}},
	// … the draw for the encryption judge alone (钳工 has no encrypted stage here) …
	{route: "POST /api/v1/events/:id/encryption", path: "/api/v1/events/{fitter}/encryption",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409, 403, 403, 403},
		body: func(judgingFixture) any { return map[string]any{} }},
	// … the sealed mapping for the encryption judge alone (there is none yet) …
	{route: "GET /api/v1/events/:id/encryption/codes", path: "/api/v1/events/{fitter}/encryption/codes",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403, 403}},
	// … and decoding for the organisers (nothing to decode yet).
	{route: "POST /api/v1/events/:id/encryption/decode", path: "/api/v1/events/{fitter}/encryption/decode",
		want: [judgeCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	// Only organisers replace a judge who drops out; the chief judge sees who replaced whom.
	{route: "POST /api/v1/events/:id/stages/:stage/replacements", path: "/api/v1/events/{fitter}/stages/practical/replacements",
		want: [judgeCount]int{401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"judge_id": f.recused.ID, "account_id": f.reserve.ID, "reason": "突发疾病"}
		}},
	{route: "GET /api/v1/events/:id/replacements", path: "/api/v1/events/{fitter}/replacements",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "DELETE /api/v1/panel-members/:id", path: "/api/v1/panel-members/{encryptionMember}",
		want: [judgeCount]int{401, 204, 204, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	// Blind double entry: the keying desk is for those who lead the event and its clerks …
	{route: "GET /api/v1/events/:id/keying", path: "/api/v1/events/{fitter}/keying",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 200, 200}},
	// … only clerks key; the recused judge has marked its practical sheet online by now (disagreeOnC),
	// so a clerk passes the rights and meets the rule that such a sheet is not put on paper
	// (keying_test.go keys a blank one).
	{route: "POST /api/v1/events/:id/sheets/:stage/judges/:judge/keying", path: "/api/v1/events/{fitter}/sheets/practical/judges/{recused}/keying",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409, 409, 409}},
	{route: "GET /api/v1/events/:id/sheets/:stage/judges/:judge/keying", path: "/api/v1/events/{fitter}/sheets/practical/judges/{recused}/keying",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 404, 404}},
	// A clerk reads its own round, and has none to read of a sheet it did not key.
	{route: "GET /api/v1/events/:id/sheets/:stage/judges/:judge/keying", path: "/api/v1/events/{fitter}/sheets/theory/judges/{judge}/keying",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 404}},
	{route: "PUT /api/v1/events/:id/sheets/:stage/judges/:judge/keying/marks", path: "/api/v1/events/{fitter}/sheets/practical/judges/{recused}/keying/marks",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 404, 404},
		body: func(f judgingFixture) any { return mark(f.numberC, "P1", 80, 0) }},
	{route: "POST /api/v1/events/:id/sheets/:stage/judges/:judge/keying/submit", path: "/api/v1/events/{fitter}/sheets/practical/judges/{recused}/keying/submit",
		want: [judgeCount]int{401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, 404, 404},
		body: func(judgingFixture) any { return map[string]any{"version": 1} }},
	// The differences go to the chief judge and the clerk who keyed neither round: nobody confirms their own entry.
	{route: "GET /api/v1/events/:id/sheets/:stage/judges/:judge/keying/differences", path: "/api/v1/events/{fitter}/sheets/theory/judges/{judge}/keying/differences",
		want: [judgeCount]int{401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200}},
	{route: "PUT /api/v1/events/:id/sheets/:stage/judges/:judge/keying/differences", path: "/api/v1/events/{fitter}/sheets/theory/judges/{judge}/keying/differences",
		want: [judgeCount]int{401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200},
		body: func(f judgingFixture) any { return mark(f.numberC, "T1", 72.5, 0) }},
	// Results: those who lead the event read them; no stage is signed off here, so there is no version yet …
	{route: "GET /api/v1/events/:id/results", path: "/api/v1/events/{fitter}/results",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/results/versions/:version", path: "/api/v1/events/{fitter}/results/versions/1",
		want: [judgeCount]int{401, 404, 404, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "GET /api/v1/events/:id/results/ties", path: "/api/v1/events/{fitter}/results/ties",
		want: [judgeCount]int{401, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403}},
	// … the organisers compute and decode them (not before sign-off) …
	{route: "POST /api/v1/events/:id/results", path: "/api/v1/events/{fitter}/results",
		want: [judgeCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "POST /api/v1/events/:id/results/decode", path: "/api/v1/events/{fitter}/results/decode",
		want: [judgeCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	// … and the chief judge alone decides a tie.
	{route: "POST /api/v1/events/:id/results/decisions", path: "/api/v1/events/{fitter}/results/decisions",
		want: [judgeCount]int{401, 403, 403, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(judgingFixture) any { return map[string]any{"entrants": []uint{1, 2}, "reason": "加赛裁定"} }},

	// Standings: the organisers, and the enterprises entering the contest (their own lines, as published); no judge.
	{route: "GET /api/v1/contests/:id/standings", path: "/api/v1/contests/{judgingContest}/standings",
		want: [judgeCount]int{401, 200, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	// Exports of results: those who read the event's results, once computed (none is yet) …
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: [judgeCount]int{401, 409, 409, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return map[string]any{"kind": "results", "event_id": f.fitter.ID} }},
	// … and of standings and medal tables: whoever sees the standings.
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: [judgeCount]int{401, 201, 201, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any {
			return map[string]any{"kind": "standings", "contest_id": f.judgingContest.ID}
		}},
	{route: "POST /api/v1/exports", path: "/api/v1/exports",
		want: [judgeCount]int{401, 201, 201, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(f judgingFixture) any { return map[string]any{"kind": "medals", "contest_id": f.judgingContest.ID} }},

	// Published results are everybody's, a session or none; a contest still judging is nobody's there.
	{route: "GET /api/v1/public/contests", path: "/api/v1/public/contests",
		want: [judgeCount]int{200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
	{route: "GET /api/v1/public/contests/:id/results", path: "/api/v1/public/contests/{judgingContest}/results",
		want: [judgeCount]int{404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404}},
	// The reveal at the ceremony: the contest's organisers alone see and step it, once 钳工 is published.
	{route: "GET /api/v1/contests/:id/reveals", path: "/api/v1/contests/{judgingContest}/reveals",
		want: [judgeCount]int{401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
	{route: "PUT /api/v1/events/:id/reveal", path: "/api/v1/events/{fitter}/reveal",
		want: [judgeCount]int{401, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(judgingFixture) any { return map[string]any{"level": "none", "version": 0} }},
	{route: "PUT /api/v1/events/:id/reveal", path: "/api/v1/events/{fitter}/reveal", setup: publishOnDB,
		want: [judgeCount]int{401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403},
		body: func(judgingFixture) any { return map[string]any{"level": "none", "version": 0} }},
	{route: "GET /api/v1/public/contests/:id/results", path: "/api/v1/public/contests/{judgingContest}/results",
		want: [judgeCount]int{200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
}

// publishOnDB puts 钳工's results straight into public notice, on the
// database: one published version ranking its entrants first, second and
// third in the order of their ids.
func publishOnDB(s *server, f judgingFixture) {
	s.t.Helper()
	var ids []uint
	if err := s.db.Model(&model.Entrant{}).Where("event_id = ? AND status = ?", f.fitter.ID, "approved").Order("id").Pluck("id", &ids).Error; err != nil {
		s.t.Fatal(err)
	}
	awards := []string{"first", "second", "third"}
	var lines []map[string]any
	for i, id := range ids {
		lines = append(lines, map[string]any{"entrant": id, "status": "ranked", "rank": i + 1, "total": 90 - 10*i, "award": awards[i%3]})
	}
	raw, err := json.Marshal(map[string]any{"field": len(ids), "lines": lines})
	if err != nil {
		s.t.Fatal(err)
	}
	at := s.now
	if err := s.db.Create(&model.ResultSnapshot{EventID: f.fitter.ID, Version: 1, RulesVersion: 1, Result: string(raw), ComputedBy: f.organiser.ID,
		ComputedAt: at, PublishedAt: &at}).Error; err != nil {
		s.t.Fatal(err)
	}
	if err := s.db.Model(&model.Contest{}).Where("id = ?", f.judgingContest.ID).Update("status", "public_notice").Error; err != nil {
		s.t.Fatal(err)
	}
}

// paperTheory puts judge's theory sheet of 钳工 on paper: clerk and clerk2
// key it, and differ on enterprise C's number.
func (s *server) paperTheory(f judgingFixture) {
	s.keyOnPaper(f, "theory", "T1", f.judge, map[string]float64{f.numbersA[0]: 70, f.numbersA[1]: 71, f.numberC: 72},
		map[string]float64{f.numberC: 73})
}

func (f judgingFixture) expand(path string) string {
	id := func(n uint) string { return fmt.Sprint(n) }
	return strings.NewReplacer("{fitter}", id(f.fitter.ID), "{judgingContest}", id(f.judgingContest.ID), "{entrantC}", id(f.entrantC.EntrantID),
		"{encryptionMember}", id(f.encryptionMember), "{judge}", id(f.judge.ID), "{recused}", id(f.recused.ID)).Replace(path)
}

func (s *server) judgingClient(j juror, f judgingFixture) *client {
	acc := map[juror]account{jOrganiser: f.organiser, jOtherOrganiser: f.otherOrganiser, jEnterprise: f.enterpriseAcc, jChief: f.chief,
		jJudge: f.judge, jRecused: f.recused, jOtherJudge: f.otherJudge, jCheckIn: f.checkIn, jEncryption: f.encryption,
		jClerk: f.clerks[0], jClerk2: f.clerks[1], jClerk3: f.clerks[2]}
	switch {
	case j == jAdmin:
		return s.admin()
	case j == jAnonymous:
		return s.anonymous()
	}
	return s.login(acc[j].Username, fixturePwd)
}

// TestJudgingAccess_EachDutyGetsItsAnswerOnEveryJudgingRoute is the access
// table of judging: a duty in one event gives nothing in another, and a
// judge never reaches an entrant of its own organisation.
func TestJudgingAccess_EachDutyGetsItsAnswerOnEveryJudgingRoute(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		for j := range judgeCount {
			t.Run(j.String(), func(t *testing.T) {
				first := db
				if j > 0 {
					first = dbFor(t, db, organiser)
				}
				s := newServer(t, first)
				f := s.judgingFixture()
				s.paperTheory(f)
				for _, tc := range judgingCases {
					if tc.setup != nil {
						tc.setup(s, f)
					}
					var body any
					if tc.body != nil {
						body = tc.body(f)
					}
					s.expectAnswer(t, s.judgingClient(j, f), tc.route, tc.path, f.expand(tc.path), body, tc.want[j], j.String())
				}
			})
		}
	})
}
