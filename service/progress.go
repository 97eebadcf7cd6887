package service

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// The progress board: for each event of a contest, how many entrants are
// checked in, and for each stage and judge how many marks are given and
// whether the sheet is submitted and the stage signed off. It is read by
// organisers and chief judges every few seconds, so it costs a fixed handful
// of grouped queries whatever the size of the contest.

// Progress is a contest's judging as its board shows it.
type Progress struct {
	ContestID     uint            `json:"contest_id"`
	ContestName   string          `json:"contest_name"`
	ContestStatus string          `json:"contest_status"`
	Events        []EventProgress `json:"events"`
}

// EventProgress is one event on the board.
type EventProgress struct {
	EventID   uint            `json:"event_id"`
	EventName string          `json:"event_name"`
	Entrants  int             `json:"entrants"`
	CheckedIn int             `json:"checked_in"`
	Absent    int             `json:"absent"`
	Stages    []StageProgress `json:"stages"`
	// Conflicts are the conflicts its judges declared, with their reasons.
	Conflicts []Conflict `json:"conflicts"`
}

// StageProgress is one stage of an event on the board.
type StageProgress struct {
	Stage       string          `json:"stage"`
	StageName   string          `json:"stage_name"`
	SignedOffAt *time.Time      `json:"signed_off_at"`
	Encrypted   bool            `json:"encrypted"`
	Judges      []JudgeProgress `json:"judges"`
}

// JudgeProgress is one judge's (or trainee's) sheet of a stage.
type JudgeProgress struct {
	AccountID   uint       `json:"account_id"`
	DisplayName string     `json:"display_name"`
	Duty        string     `json:"duty"`
	Cells       int        `json:"cells"`
	Marked      int        `json:"marked"`
	SubmittedAt *time.Time `json:"submitted_at"`
	// Paper is how far the sheet's double entry has come, for a sheet kept on paper.
	Paper *PaperProgress `json:"paper"`
	JudgeOversight
}

// ContestProgress shows the board of a contest: every event to its
// organisers, and to a chief judge the events it leads.
func (s *Service) ContestProgress(ctx context.Context, c Caller, contestID uint) (Progress, error) {
	ct, err := s.loadContest(ctx, contestID)
	if err != nil {
		return Progress{}, err
	}
	db := s.conn(ctx)
	q := db.Where("contest_id = ?", ct.ID)
	if !c.runs(ct) {
		q = q.Where("id IN (?)", db.Model(&model.PanelMember{}).Select("event_id").Where("account_id = ? AND duty = ?", c.AccountID, DutyChief))
	}
	var events []model.Event
	if err := q.Order("id").Find(&events).Error; err != nil {
		return Progress{}, err
	}
	if len(events) == 0 && !c.runs(ct) {
		return Progress{}, forbidden()
	}
	ids := make([]uint, len(events))
	for i, ev := range events {
		ids[i] = ev.ID
	}
	f, err := boardAnswer(s.boards, boardKey{"progress", fmt.Sprint(ids)}, func() (progressFacts, error) { return s.progressFacts(ctx, ids) })
	if err != nil {
		return Progress{}, err
	}
	out := Progress{ContestID: ct.ID, ContestName: ct.Name, ContestStatus: ct.Status, Events: make([]EventProgress, len(events))}
	for i, ev := range events {
		if out.Events[i], err = f.event(ev); err != nil {
			return Progress{}, err
		}
	}
	return out, nil
}

// progressFacts are the grouped counts the board is drawn from.
type progressFacts struct {
	// entrants counts the entrants on sheets (approved, drawn, not absent) by event and enterprise.
	entrants []struct {
		EventID, EnterpriseID uint
		N                     int
	}
	attendance []struct {
		EventID    uint
		Attendance string
		N          int
	}
	members   []model.PanelMember
	sheets    []model.Sheet
	marks     map[uint]int
	signoffs  []model.StageSignoff
	conflicts []model.PanelConflict
	// papers are the paper sheets by their judge's sheet (keying.go).
	papers    map[uint]*PaperProgress
	oversight boardOversight
}

func (s *Service) progressFacts(ctx context.Context, eventIDs []uint) (progressFacts, error) {
	db := s.conn(ctx)
	var f progressFacts
	drawn := db.Model(&model.Entrant{}).Where("event_id IN ? AND status = ? AND draw_number <> ''", eventIDs, EntrantApproved)
	if err := drawn.Session(&gorm.Session{}).Where("attendance <> ?", AttendanceAbsent).Select("event_id, enterprise_id, COUNT(*) AS n").
		Group("event_id, enterprise_id").Scan(&f.entrants).Error; err != nil {
		return f, err
	}
	if err := drawn.Session(&gorm.Session{}).Select("event_id, attendance, COUNT(*) AS n").Group("event_id, attendance").Scan(&f.attendance).Error; err != nil {
		return f, err
	}
	if err := db.Preload("Account").Where("event_id IN ? AND duty IN ?", eventIDs, []string{DutyJudge, DutyTrainee}).Order("id").Find(&f.members).Error; err != nil {
		return f, err
	}
	if err := db.Where("event_id IN ?", eventIDs).Find(&f.sheets).Error; err != nil {
		return f, err
	}
	var counts []struct {
		SheetID uint
		N       int
	}
	if err := db.Model(&model.Mark{}).Select("sheet_id, COUNT(*) AS n").Where("sheet_id IN (?)", db.Model(&model.Sheet{}).Select("id").Where("event_id IN ?", eventIDs)).
		Group("sheet_id").Scan(&counts).Error; err != nil {
		return f, err
	}
	f.marks = map[uint]int{}
	for _, c := range counts {
		f.marks[c.SheetID] = c.N
	}
	if err := db.Where("event_id IN ?", eventIDs).Find(&f.signoffs).Error; err != nil {
		return f, err
	}
	var err error
	if f.papers, err = s.paperProgressOf(ctx, eventIDs); err != nil {
		return f, err
	}
	if f.conflicts, err = s.eventConflicts(ctx, eventIDs, 0); err != nil {
		return f, err
	}
	f.oversight, err = s.boardOversight(ctx, eventIDs, f.members)
	return f, err
}

// event draws one event of the board from the facts.
func (f progressFacts) event(ev model.Event) (EventProgress, error) {
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return EventProgress{}, err
	}
	out := EventProgress{EventID: ev.ID, EventName: ev.Name, Stages: []StageProgress{}, Conflicts: []Conflict{}}
	for _, pc := range f.conflicts {
		if pc.EventID == ev.ID {
			out.Conflicts = append(out.Conflicts, conflictView(pc))
		}
	}
	for _, a := range f.attendance {
		if a.EventID != ev.ID {
			continue
		}
		out.Entrants += a.N
		switch a.Attendance {
		case AttendancePresent:
			out.CheckedIn += a.N
		case AttendanceAbsent:
			out.Absent += a.N
		}
	}
	for _, st := range rules.Stages {
		_, crit, _ := stageOf(rules, st.Code)
		sp := StageProgress{Stage: st.Code, StageName: st.Name, Encrypted: st.Encrypted, Judges: []JudgeProgress{}}
		if i := slices.IndexFunc(f.signoffs, func(so model.StageSignoff) bool { return so.EventID == ev.ID && so.Stage == st.Code }); i >= 0 {
			sp.SignedOffAt = &f.signoffs[i].SignedAt
		}
		for _, m := range f.members {
			if m.EventID != ev.ID || !slices.Contains(stagesOf(m), st.Code) {
				continue
			}
			jp := JudgeProgress{AccountID: m.AccountID, DisplayName: m.Account.DisplayName, Duty: m.Duty, Cells: f.rowsFor(ev.ID, m) * len(crit)}
			if i := slices.IndexFunc(f.sheets, func(sh model.Sheet) bool {
				return sh.EventID == ev.ID && sh.Stage == st.Code && sh.JudgeID == m.AccountID
			}); i >= 0 {
				jp.Marked, jp.SubmittedAt, jp.Paper = f.marks[f.sheets[i].ID], f.sheets[i].SubmittedAt, f.papers[f.sheets[i].ID]
			}
			f.oversight.apply(ev.ID, st.Code, &jp)
			sp.Judges = append(sp.Judges, jp)
		}
		out.Stages = append(out.Stages, sp)
	}
	return out, nil
}

// rowsFor counts the rows of a judge's sheets in an event: its entrants but
// those of the judge's own organisation and those it declared a conflict with.
func (f progressFacts) rowsFor(eventID uint, judge model.PanelMember) int {
	n := 0
	for _, e := range f.entrants {
		if e.EventID == eventID && e.EnterpriseID != judge.Account.OrganisationID {
			n += e.N
		}
	}
	for _, pc := range f.conflicts {
		if pc.EventID == eventID && pc.AccountID == judge.AccountID && pc.Entrant.Attendance != AttendanceAbsent {
			n--
		}
	}
	return n
}
