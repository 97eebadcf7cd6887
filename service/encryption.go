package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Second encryption (二次加密): after check-in, the event's encryption judge
// runs a second recorded draw that gives each present entrant a secret work
// code (作品编号). The judges of an encrypted stage see and mark work codes
// only. The mapping between draw numbers and work codes is sealed: only the
// encryption judge reads it, until an organiser decodes (解密) the event once
// every encrypted stage is signed off; from then on its organisers and chief
// judge read it too.

// workCodePrefix starts every work code, so that a code is never taken for a
// draw number, which is digits only.
const workCodePrefix = "J"

// WorkCodeRow pairs a draw number with its work code: one line of the sealed mapping.
type WorkCodeRow struct {
	DrawNumber string `json:"draw_number"`
	Code       string `json:"code"`
}

// WorkCodes gives each draw number a work code with the generator of the
// recorded draws seeded by seed, so that the same seed and the same numbers
// always give the same codes. A code is the prefix and random digits, three
// while the event uses at most a quarter of the three-digit codes and more
// beyond, so that a code is hard to guess; codes are unique in the event and,
// drawn at random, tell nothing of the draw order. The rows come in number order.
func WorkCodes(numbers []string, seed uint64) []WorkCodeRow {
	sorted := slices.Clone(numbers)
	slices.Sort(sorted)
	low := 100
	for len(sorted)*4 > 9*low {
		low *= 10
	}
	rng := seededRand(seed)
	used := map[int]bool{}
	out := make([]WorkCodeRow, len(sorted))
	for i, n := range sorted {
		v := low + rng.IntN(9*low)
		for used[v] {
			v = low + rng.IntN(9*low)
		}
		used[v] = true
		out[i] = WorkCodeRow{DrawNumber: n, Code: fmt.Sprintf("%s%d", workCodePrefix, v)}
	}
	return out
}

// EncryptedStage is an encrypted stage of an event, with its sign-off.
type EncryptedStage struct {
	Code        string     `json:"code"`
	Name        string     `json:"name"`
	SignedOffAt *time.Time `json:"signed_off_at"`
}

// Encryption is the state of an event's second encryption, without its seed
// or codes: what the event's organisers, chief judge and encryption judge follow.
type Encryption struct {
	EventID       uint             `json:"event_id"`
	EventName     string           `json:"event_name"`
	ContestID     uint             `json:"contest_id"`
	ContestName   string           `json:"contest_name"`
	ContestStatus string           `json:"contest_status"`
	Stages        []EncryptedStage `json:"stages"`
	// Check-in of the entrants to encrypt (approved and drawn).
	Entrants     int `json:"entrants"`
	Present      int `json:"present"`
	Absent       int `json:"absent"`
	NotCheckedIn int `json:"not_checked_in"`
	// Runs counts the runs of the encryption draw; the last is in force.
	Runs  int        `json:"runs"`
	RunAt *time.Time `json:"run_at"`
	RunBy string     `json:"run_by"`
	Coded int        `json:"coded"`
	// Withdrawn is true when check-in changed after the run in force: its
	// codes are gone and the draw must run again.
	Withdrawn bool `json:"withdrawn"`
	// Marked is true once a mark is saved on an encrypted stage: no run may follow.
	Marked    bool       `json:"marked"`
	DecodedAt *time.Time `json:"decoded_at"`
	DecodedBy string     `json:"decoded_by"`
	// Encrypts is true for the event's encryption judge. MayRun, MayDecode
	// and MayReadCodes say what the caller may do now; the refusal of the
	// action itself says why not.
	Encrypts     bool `json:"encrypts"`
	MayRun       bool `json:"may_run"`
	MayDecode    bool `json:"may_decode"`
	MayReadCodes bool `json:"may_read_codes"`
}

// EncryptionCodes is the mapping in force with its seed: sealed until decoding.
type EncryptionCodes struct {
	EventID   uint          `json:"event_id"`
	EventName string        `json:"event_name"`
	Seed      string        `json:"seed"`
	Run       int           `json:"run"`
	RunAt     time.Time     `json:"run_at"`
	RunBy     string        `json:"run_by"`
	Decoded   bool          `json:"decoded"`
	Codes     []WorkCodeRow `json:"codes"`
}

// encryptionState is what every encryption request reads of an event.
type encryptionState struct {
	stages                                []EncryptedStage
	entrants, present, absent, notChecked int
	runs                                  int
	run                                   *model.EncryptionRun
	coded                                 int
	marked                                bool
	decoding                              *model.EncryptionDecoding
}

func (s *Service) encryptionState(ctx context.Context, ev model.Event) (encryptionState, error) {
	db := s.conn(ctx)
	var st encryptionState
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return st, err
	}
	var signoffs []model.StageSignoff
	if err := db.Where("event_id = ?", ev.ID).Find(&signoffs).Error; err != nil {
		return st, err
	}
	var codes []string
	for _, stage := range rules.Stages {
		if !stage.Encrypted {
			continue
		}
		es := EncryptedStage{Code: stage.Code, Name: stage.Name}
		if i := slices.IndexFunc(signoffs, func(so model.StageSignoff) bool { return so.Stage == stage.Code }); i >= 0 {
			es.SignedOffAt = &signoffs[i].SignedAt
		}
		st.stages = append(st.stages, es)
		codes = append(codes, stage.Code)
	}
	var attendance []struct {
		Attendance string
		N          int
	}
	if err := db.Model(&model.Entrant{}).Select("attendance, COUNT(*) AS n").
		Where("event_id = ? AND status = ? AND draw_number <> ''", ev.ID, EntrantApproved).Group("attendance").Scan(&attendance).Error; err != nil {
		return st, err
	}
	for _, a := range attendance {
		st.entrants += a.N
		switch a.Attendance {
		case AttendancePresent:
			st.present += a.N
		case AttendanceAbsent:
			st.absent += a.N
		default:
			st.notChecked += a.N
		}
	}
	var runs []model.EncryptionRun
	if err := db.Where("event_id = ?", ev.ID).Order("id").Find(&runs).Error; err != nil {
		return st, err
	}
	if st.runs = len(runs); st.runs > 0 {
		st.run = &runs[st.runs-1]
		var n int64
		if err := db.Model(&model.WorkCode{}).Where("run_id = ?", st.run.ID).Count(&n).Error; err != nil {
			return st, err
		}
		st.coded = int(n)
	}
	if len(codes) > 0 {
		var n int64
		err := db.Model(&model.Mark{}).Where("sheet_id IN (?)", db.Model(&model.Sheet{}).Select("id").Where("event_id = ? AND stage IN ?", ev.ID, codes)).
			Count(&n).Error
		if err != nil {
			return st, err
		}
		st.marked = n > 0
	}
	var decodings []model.EncryptionDecoding
	if err := db.Where("event_id = ?", ev.ID).Limit(1).Find(&decodings).Error; err != nil {
		return st, err
	}
	if len(decodings) > 0 {
		st.decoding = &decodings[0]
	}
	return st, nil
}

// withdrawn tells whether check-in changed after the run in force, which
// took its codes back: every run gives at least one.
func (st encryptionState) withdrawn() bool { return st.run != nil && st.coded == 0 }

// runRefusal is why the encryption draw may not run now, or nil.
func (st encryptionState) runRefusal(ct model.Contest, ev model.Event) *Error {
	switch {
	case ct.Status != model.StepJudging:
		return wrongStep(ct.Status)
	case len(st.stages) == 0:
		return conflict("encryption_no_stage", ev.Name)
	case st.decoding != nil:
		return conflict("encryption_decoded", ev.Name)
	case st.marked:
		return conflict("encryption_marked", ev.Name)
	case st.notChecked > 0:
		return conflict("encryption_not_checked_in", st.notChecked)
	case st.present == 0:
		return conflict("encryption_nobody", ev.Name)
	}
	return nil
}

// decodeRefusal is why the event may not be decoded now, or nil.
func (st encryptionState) decodeRefusal(ct model.Contest, ev model.Event) *Error {
	var unsigned []string
	for _, es := range st.stages {
		if es.SignedOffAt == nil {
			unsigned = append(unsigned, es.Name)
		}
	}
	switch {
	case stepOrder(ct.Status, model.StepJudging) < 0:
		return wrongStep(ct.Status)
	case st.run == nil:
		return conflict("encryption_not_run", ev.Name)
	case st.decoding != nil:
		return conflict("encryption_decoded", ev.Name)
	case len(unsigned) > 0:
		return conflict("encryption_not_signed_off", strings.Join(unsigned, "、"))
	}
	return nil
}

// encrypts tells whether the caller is the event's encryption judge.
func (s *Service) encrypts(ctx context.Context, c Caller, eventID uint) (bool, error) {
	d, ok, err := s.dutyIn(ctx, c, eventID)
	return ok && d.Duty == DutyEncryption, err
}

// GetEncryption shows the state of an event's second encryption to its
// organisers, chief judge and encryption judge.
func (s *Service) GetEncryption(ctx context.Context, c Caller, eventID uint) (Encryption, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Encryption{}, err
	}
	ct, err := s.eventWithDuty(ctx, c, ev, DutyChief, DutyEncryption)
	if err != nil {
		return Encryption{}, err
	}
	encrypts, err := s.encrypts(ctx, c, ev.ID)
	if err != nil {
		return Encryption{}, err
	}
	st, err := s.encryptionState(ctx, ev)
	if err != nil {
		return Encryption{}, err
	}
	out := Encryption{EventID: ev.ID, EventName: ev.Name, ContestID: ct.ID, ContestName: ct.Name, ContestStatus: ct.Status,
		Stages: st.stages, Entrants: st.entrants, Present: st.present, Absent: st.absent, NotCheckedIn: st.notChecked,
		Runs: st.runs, Coded: st.coded, Withdrawn: st.withdrawn(), Marked: st.marked, Encrypts: encrypts}
	if out.Stages == nil {
		out.Stages = []EncryptedStage{}
	}
	names, err := s.accountNames(ctx, st)
	if err != nil {
		return out, err
	}
	if st.run != nil {
		out.RunAt, out.RunBy = &st.run.CreatedAt, names[st.run.RunBy]
	}
	if st.decoding != nil {
		out.DecodedAt, out.DecodedBy = &st.decoding.DecodedAt, names[st.decoding.DecodedBy]
	}
	out.MayRun = encrypts && st.runRefusal(ct, ev) == nil
	out.MayDecode = c.runs(ct) && st.decodeRefusal(ct, ev) == nil
	out.MayReadCodes = st.run != nil && !st.withdrawn() && (encrypts || st.decoding != nil)
	return out, nil
}

// accountNames names the accounts that ran the encryption in force and decoded it.
func (s *Service) accountNames(ctx context.Context, st encryptionState) (map[uint]string, error) {
	var ids []uint
	if st.run != nil {
		ids = append(ids, st.run.RunBy)
	}
	if st.decoding != nil {
		ids = append(ids, st.decoding.DecodedBy)
	}
	out := map[uint]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var accounts []model.Account
	if err := s.conn(ctx).Select("id, display_name").Where("id IN ?", ids).Find(&accounts).Error; err != nil {
		return nil, err
	}
	for _, a := range accounts {
		out[a.ID] = a.DisplayName
	}
	return out, nil
}

// RunEncryption runs the encryption draw of an event: its encryption judge,
// while judging lasts, once every entrant is checked in, and again only while
// no mark is saved on an encrypted stage. Every run is recorded; the last is
// in force. The audit names the run and its count, never its seed or codes.
func (s *Service) RunEncryption(ctx context.Context, c Caller, eventID uint, seedInput string) (EncryptionCodes, error) {
	seed, err := parseSeed(seedInput)
	if err != nil {
		return EncryptionCodes{}, err
	}
	err = s.tx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		// The event's row, held exclusively, keeps marks (judgingEvent) and
		// check-in (checkInNotEncrypted) out until the run is in force.
		ev, err := s.lockEvent(ctx, eventID)
		if err != nil {
			return err
		}
		encrypts, err := s.encrypts(ctx, c, ev.ID)
		if err != nil {
			return err
		}
		if !encrypts {
			return forbidden()
		}
		ct, err := s.loadContest(ctx, ev.ContestID)
		if err != nil {
			return err
		}
		st, err := s.encryptionState(ctx, ev)
		if err != nil {
			return err
		}
		if refusal := st.runRefusal(ct, ev); refusal != nil {
			return refusal
		}
		// The organisers know the seed of the draw: with it they would know the codes too.
		var draws int64
		if err := db.Model(&model.Draw{}).Where("event_id = ? AND seed = ?", ev.ID, formatSeed(seed)).Count(&draws).Error; err != nil {
			return err
		}
		if draws > 0 {
			return invalid(field("seed", "encryption_seed_reused"))
		}
		var present []model.Entrant
		if err := db.Select("id, draw_number").Where("event_id = ? AND status = ? AND draw_number <> '' AND attendance = ?",
			ev.ID, EntrantApproved, AttendancePresent).Find(&present).Error; err != nil {
			return err
		}
		byNumber := map[string]uint{}
		numbers := make([]string, len(present))
		for i, e := range present {
			byNumber[e.DrawNumber], numbers[i] = e.ID, e.DrawNumber
		}
		run := model.EncryptionRun{EventID: ev.ID, Seed: formatSeed(seed), RunBy: c.AccountID, EntrantCount: len(present), CreatedAt: s.now()}
		if err := db.Create(&run).Error; err != nil {
			return err
		}
		if err := db.Where("event_id = ?", ev.ID).Delete(&model.WorkCode{}).Error; err != nil {
			return err
		}
		rows := WorkCodes(numbers, seed)
		codes := make([]model.WorkCode, len(rows))
		for i, r := range rows {
			codes[i] = model.WorkCode{EventID: ev.ID, EntrantID: byNumber[r.DrawNumber], RunID: run.ID, Code: r.Code}
		}
		if err := db.CreateInBatches(codes, 500).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "event.encrypt", "event", ev.ID, map[string]any{"runs": st.runs},
			map[string]any{"runs": st.runs + 1, "run_id": run.ID, "entrants": len(present)})
	})
	if err != nil {
		return EncryptionCodes{}, err
	}
	return s.EncryptionCodes(ctx, c, eventID)
}

// sealed is the answer to anyone but the encryption judge who asks for an
// event's codes before it is decoded.
func sealed() *Error {
	return &Error{Kind: KindForbidden, Code: "forbidden", Text: T("encryption_sealed")}
}

// EncryptionCodes shows the mapping in force: to the event's encryption
// judge, and once the event is decoded to its organisers and chief judge.
func (s *Service) EncryptionCodes(ctx context.Context, c Caller, eventID uint) (EncryptionCodes, error) {
	db := s.conn(ctx)
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return EncryptionCodes{}, err
	}
	if _, err := s.eventWithDuty(ctx, c, ev, DutyChief, DutyEncryption); err != nil {
		return EncryptionCodes{}, err
	}
	encrypts, err := s.encrypts(ctx, c, ev.ID)
	if err != nil {
		return EncryptionCodes{}, err
	}
	var decoded int64
	if err := db.Model(&model.EncryptionDecoding{}).Where("event_id = ?", ev.ID).Count(&decoded).Error; err != nil {
		return EncryptionCodes{}, err
	}
	if !encrypts && decoded == 0 {
		return EncryptionCodes{}, sealed()
	}
	var run model.EncryptionRun
	if err := db.Where("event_id = ?", ev.ID).Order("id DESC").Take(&run).Error; err != nil {
		return EncryptionCodes{}, notFoundOr(err, "encryption")
	}
	var runs int64
	if err := db.Model(&model.EncryptionRun{}).Where("event_id = ? AND id <= ?", ev.ID, run.ID).Count(&runs).Error; err != nil {
		return EncryptionCodes{}, err
	}
	var by model.Account
	if err := db.Select("display_name").Take(&by, run.RunBy).Error; err != nil {
		return EncryptionCodes{}, fmt.Errorf("encryption of event %d: who ran it: %w", ev.ID, err)
	}
	out := EncryptionCodes{EventID: ev.ID, EventName: ev.Name, Seed: run.Seed, Run: int(runs), RunAt: run.CreatedAt, RunBy: by.DisplayName,
		Decoded: decoded > 0, Codes: []WorkCodeRow{}}
	err = db.Table("work_codes").Select("entrants.draw_number, work_codes.code").Joins("JOIN entrants ON entrants.id = work_codes.entrant_id").
		Where("work_codes.run_id = ?", run.ID).Order("entrants.draw_number").Scan(&out.Codes).Error
	return out, err
}

// DecodeEncryption unseals an event's codes: its organisers, once every
// encrypted stage is signed off, and once. Who and when are kept with the
// event, and audited.
func (s *Service) DecodeEncryption(ctx context.Context, c Caller, eventID uint) (Encryption, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		ev, ct, err := s.runLockedEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		st, err := s.encryptionState(ctx, ev)
		if err != nil {
			return err
		}
		if refusal := st.decodeRefusal(ct, ev); refusal != nil {
			return refusal
		}
		row := model.EncryptionDecoding{EventID: ev.ID, DecodedBy: c.AccountID, DecodedAt: s.now()}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "event.decode", "event", ev.ID, map[string]any{"decoded": false},
			map[string]any{"decoded": true, "run_id": st.run.ID, "codes": st.coded})
	})
	if err != nil {
		return Encryption{}, err
	}
	return s.GetEncryption(ctx, c, eventID)
}

// stageCodes are the work codes that stand for entrants on the sheets of an
// encrypted stage, by entrant; nil for a stage that is not encrypted. A sheet
// of an encrypted stage waits for the encryption draw.
func (s *Service) stageCodes(ctx context.Context, ev model.Event, st Stage) (map[uint]string, error) {
	if !st.Encrypted {
		return nil, nil
	}
	var rows []model.WorkCode
	if err := s.conn(ctx).Where("event_id = ?", ev.ID).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, conflict("encryption_pending", st.Name)
	}
	out := make(map[uint]string, len(rows))
	for _, r := range rows {
		out[r.EntrantID] = r.Code
	}
	return out, nil
}

// shown is the number an entrant has on the sheet: its work code on an
// encrypted stage, where an entrant without one is not on it, its draw number
// otherwise.
func (sc sheetContext) shown(e model.Entrant) (string, bool) {
	if sc.codes == nil {
		return e.DrawNumber, true
	}
	code, ok := sc.codes[e.ID]
	return code, ok
}

// numbered limits the entrants of a sheet to the one with a number as the
// sheet shows it: a work code on an encrypted stage, where a draw number is
// unknown, a draw number otherwise.
func (sc sheetContext) numbered(q *gorm.DB, number string) *gorm.DB {
	if sc.codes == nil {
		return q.Where("entrants.draw_number = ?", number)
	}
	return q.Where("entrants.id IN (?)", q.Session(&gorm.Session{NewDB: true}).Model(&model.WorkCode{}).Select("entrant_id").
		Where("event_id = ? AND code = ?", sc.ev.ID, number))
}

// checkInAmendsEncryption lets attendance change after the event's
// encryption draw has run only while no mark stands on an encrypted stage:
// the change withdraws the codes given to those present then, and the
// encryption judge runs the draw again. It holds the event's row shared, as
// a judge's write does, so that it waits for a run under way, and then
// exclusively once a run is in force, so that no mark lands while the codes
// go. It tells whether the codes were withdrawn.
func (s *Service) checkInAmendsEncryption(ctx context.Context, c Caller, ev model.Event) (bool, error) {
	if _, _, err := s.judgingEvent(ctx, ev.ID); err != nil {
		return false, err
	}
	q := s.conn(ctx).Model(&model.EncryptionRun{}).Where("event_id = ?", ev.ID)
	if s.onMySQL(ctx) {
		q = q.Clauses(shareLock{})
	}
	var n int64
	if err := q.Count(&n).Error; err != nil || n == 0 {
		return false, err
	}
	if _, err := s.lockEvent(ctx, ev.ID); err != nil {
		return false, err
	}
	st, err := s.encryptionState(ctx, ev)
	if err != nil {
		return false, err
	}
	if st.marked || st.decoding != nil {
		return false, conflict("check_in_encrypted", ev.Name)
	}
	if st.coded == 0 {
		return false, nil
	}
	if err := s.conn(ctx).Where("event_id = ?", ev.ID).Delete(&model.WorkCode{}).Error; err != nil {
		return false, err
	}
	return true, s.audit(ctx, c, "event.encryption_withdrawn", "event", ev.ID,
		map[string]any{"run_id": st.run.ID, "codes": st.coded}, map[string]any{"run_id": st.run.ID, "codes": 0})
}

// conflictBeforeEncryption refuses a declared conflict from a judge of an
// encrypted stage once the encryption draw has run: the work code that would
// leave its sheet would name the entrant behind the number. Declared before
// the draw, a conflict only keeps a code off a sheet that was never open.
func (s *Service) conflictBeforeEncryption(ctx context.Context, ev model.Event, d model.PanelMember) error {
	rules, err := parseRules(ev.Rules)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(rules.Stages, func(st Stage) bool { return st.Encrypted && slices.Contains(stagesOf(d), st.Code) }) {
		return nil
	}
	var n int64
	if err := s.conn(ctx).Model(&model.EncryptionRun{}).Where("event_id = ?", ev.ID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return conflict("conflict_after_encryption")
	}
	return nil
}

// notDecoded refuses to reopen an encrypted stage of a decoded event: its
// marks were final when the codes were unsealed.
func (s *Service) notDecoded(ctx context.Context, ev model.Event, st Stage) error {
	if !st.Encrypted {
		return nil
	}
	var n int64
	if err := s.conn(ctx).Model(&model.EncryptionDecoding{}).Where("event_id = ?", ev.ID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return conflict("encryption_decoded_reopen", st.Name)
	}
	return nil
}
