package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm/clause"

	"leitai/model"
	"leitai/scoring"
)

// Appeals (申诉): an entrant's enterprise appeals in writing against a
// result of one of its own entrants, while the contest's public notice lasts
// or, where the contest takes appeals while judging (appeal_hours), within
// that many hours after the event's results are computed. An entrant has
// one open appeal at a time, and none again on a results version already
// ruled on. The arbitration panel records its review (复核) and then its
// ruling, upheld or dismissed, which is final. An upheld appeal is corrected
// through the recorded reopening of a stage and a new computation, whose
// version shows what changed; during the notice the organisers take the
// contest back to judging for it (noticeForStep).

// maxAppealText bounds an appeal's reason, review and ruling.
const maxAppealText = 2000

// Appeal is an appeal as its enterprise, the panel and the organisers see it.
type Appeal struct {
	ID             uint          `json:"id"`
	ContestID      uint          `json:"contest_id"`
	EventID        uint          `json:"event_id"`
	EventName      string        `json:"event_name"`
	EntrantID      uint          `json:"entrant_id"`
	EntrantName    string        `json:"entrant_name"`
	DrawNumber     string        `json:"draw_number"`
	EnterpriseName string        `json:"enterprise_name"`
	ResultVersion  int           `json:"result_version"`
	Status         string        `json:"status"`
	Reason         string        `json:"reason"`
	FiledBy        string        `json:"filed_by"`
	FiledAt        time.Time     `json:"filed_at"`
	Review         *string       `json:"review"`
	ReviewedBy     *string       `json:"reviewed_by"`
	ReviewedAt     *time.Time    `json:"reviewed_at"`
	RulingText     *string       `json:"ruling_text"`
	RuledBy        *string       `json:"ruled_by"`
	RuledAt        *time.Time    `json:"ruled_at"`
	Result         *AppealedLine `json:"result"`
}

// AppealedLine is the entrant's line in the appealed results version.
type AppealedLine struct {
	Status scoring.Status `json:"status"`
	Rank   int            `json:"rank"`
	Total  Points         `json:"total"`
	Award  scoring.Award  `json:"award"`
	Notes  []string       `json:"notes"`
}

// Appeals is a contest's appeals as the caller sees them: an enterprise its
// own; the panel and the organisers all. MayRule tells a panel member.
type Appeals struct {
	ContestName   string   `json:"contest_name"`
	ContestStatus string   `json:"contest_status"`
	NoticeEndsOn  *string  `json:"notice_ends_on"`
	Items         []Appeal `json:"items"`
	MayRule       bool     `json:"may_rule"`
}

// AppealableResult is one line of an enterprise's own entrants in the newest
// results it may appeal against, and whether it may now.
type AppealableResult struct {
	EventID       uint   `json:"event_id"`
	EventName     string `json:"event_name"`
	EntrantID     uint   `json:"entrant_id"`
	EntrantName   string `json:"entrant_name"`
	DrawNumber    string `json:"draw_number"`
	ResultVersion int    `json:"result_version"`
	AppealedLine
	WindowClosesAt *time.Time `json:"window_closes_at"`
	MayAppeal      bool       `json:"may_appeal"`
	// Refusal says why an appeal cannot be made now, when it cannot.
	Refusal string `json:"refusal"`
}

// appealWindow is when appeals on an event close: the end of the notice, or,
// while the contest judges and takes appeals then, appeal_hours after the
// newest results are computed; an error says why none is taken now.
func (s *Service) appealWindow(ct model.Contest, snap *model.ResultSnapshot) (time.Time, error) {
	switch {
	case stepOrder(ct.Status, model.StepFinal) >= 0:
		return time.Time{}, wrongStep(ct.Status)
	case ct.Status == model.StepPublicNotice && ct.NoticeWorkdays == 0:
		return time.Time{}, &Error{Kind: KindConflict, Code: "appeal_window_closed", Text: T("appeal_no_notice")}
	case ct.Status == model.StepPublicNotice && ct.NoticeStartedAt != nil:
		day, over, err := noticeEnd(*ct.NoticeStartedAt, ct.NoticeWorkdays)
		if err != nil {
			return time.Time{}, calendarError(err)
		}
		if !s.now().Before(over) {
			return over, &Error{Kind: KindConflict, Code: "appeal_window_closed", Text: T("appeal_notice_over", day)}
		}
		return over, nil
	case ct.Status == model.StepJudging && ct.AppealHours > 0 && snap != nil:
		closes := snap.ComputedAt.Add(time.Duration(ct.AppealHours) * time.Hour)
		if !s.now().Before(closes) {
			return closes, &Error{Kind: KindConflict, Code: "appeal_window_closed",
				Text: T("appeal_hours_over", ct.AppealHours, closes.In(beijing).Format("2006-01-02 15:04"))}
		}
		return closes, nil
	}
	return time.Time{}, &Error{Kind: KindConflict, Code: "appeal_window_closed", Text: T("appeal_not_open", T("step_"+ct.Status))}
}

// appealedSnapshot is the newest results of an event an enterprise may see
// and appeal against: published ones, or, while the contest judges and
// takes appeals then, the newest computed.
func (s *Service) appealedSnapshot(ctx context.Context, ct model.Contest, eventID uint) (*model.ResultSnapshot, error) {
	last, err := s.latestSnapshot(ctx, eventID)
	if err != nil || last == nil {
		return nil, err
	}
	if last.PublishedAt != nil || (ct.Status == model.StepJudging && ct.AppealHours > 0) {
		return last, nil
	}
	var rows []model.ResultSnapshot
	if err := s.conn(ctx).Where("event_id = ? AND published_at IS NOT NULL", eventID).Order("version DESC").Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// lineOf finds an entrant's line in a stored result, in the caller's language.
func lineOf(r storedResult, entrantID uint, lang Lang) (AppealedLine, bool) {
	for _, l := range r.Lines {
		if l.Entrant == entrantID {
			out := AppealedLine{Status: l.Status, Rank: l.Rank, Total: l.Total, Award: l.Award, Notes: make([]string, len(l.Notes))}
			for i, n := range l.Notes {
				out.Notes[i] = n.in(lang)
			}
			return out, true
		}
	}
	return AppealedLine{}, false
}

// AppealableResults lists an enterprise's own entrants in a contest's newest
// results it may see, each with whether it may be appealed against now.
func (s *Service) AppealableResults(ctx context.Context, c Caller, contestID uint, lang Lang) ([]AppealableResult, error) {
	ct, err := s.visibleContest(ctx, c, contestID)
	if err != nil {
		return nil, err
	}
	if !c.mayRegister() {
		return nil, forbidden()
	}
	var events []model.Event
	if err := s.conn(ctx).Where("contest_id = ?", ct.ID).Order("id").Find(&events).Error; err != nil {
		return nil, err
	}
	out := []AppealableResult{}
	for _, ev := range events {
		snap, err := s.appealedSnapshot(ctx, ct, ev.ID)
		if err != nil {
			return nil, err
		}
		if snap == nil {
			continue
		}
		_, res, err := s.snapshot(ctx, ev.ID, snap.Version)
		if err != nil {
			return nil, err
		}
		var entrants []model.Entrant
		if err := entrantsWithPeople(s.conn(ctx)).Where("event_id = ? AND enterprise_id = ? AND status = ?", ev.ID, c.OrganisationID, EntrantApproved).
			Order("id").Find(&entrants).Error; err != nil {
			return nil, err
		}
		closes, werr := s.appealWindow(ct, snap)
		for _, e := range entrants {
			line, ok := lineOf(res, e.ID, lang)
			if !ok {
				continue
			}
			r := AppealableResult{EventID: ev.ID, EventName: ev.Name, EntrantID: e.ID, EntrantName: entrantName(e), DrawNumber: e.DrawNumber,
				ResultVersion: snap.Version, AppealedLine: line}
			if !closes.IsZero() {
				r.WindowClosesAt = &closes
			}
			refusal := werr
			if refusal == nil {
				refusal = s.appealTaken(ctx, e.ID, snap.Version)
			}
			if se, ok := AsError(refusal); ok {
				r.Refusal = se.Text.In(lang)
			} else if refusal != nil {
				return nil, refusal
			}
			r.MayAppeal = refusal == nil
			out = append(out, r)
		}
	}
	return out, nil
}

// appealTaken refuses a second appeal for an entrant while one is open, and
// any on a results version already ruled on for it.
func (s *Service) appealTaken(ctx context.Context, entrantID uint, version int) error {
	var rows []model.Appeal
	if err := s.conn(ctx).Where("entrant_id = ? AND (open_key IS NOT NULL OR result_version = ?)", entrantID, version).Limit(1).Find(&rows).Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	if rows[0].OpenKey != nil {
		return &Error{Kind: KindConflict, Code: "appeal_open", Text: T("appeal_open_exists")}
	}
	return &Error{Kind: KindConflict, Code: "appeal_ruled", Text: T("appeal_ruled_final", version)}
}

// FileAppeal files an enterprise's written appeal against the result of one
// of its own entrants.
func (s *Service) FileAppeal(ctx context.Context, c Caller, entrantID uint, reason string, lang Lang) (Appeal, error) {
	var id uint
	err := s.tx(ctx, func(ctx context.Context) error {
		q := s.conn(ctx)
		if s.onMySQL(ctx) {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		var e model.Entrant
		if err := q.Take(&e, entrantID).Error; err != nil {
			return notFoundOr(err, "entrant")
		}
		if !c.withdraws(e) {
			return forbidden()
		}
		ct, err := s.loadContest(ctx, e.ContestID)
		if err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return invalid(field("reason", "required"))
		}
		if len([]rune(reason)) > maxAppealText {
			return invalid(field("reason", "appeal_text_long", maxAppealText))
		}
		snap, err := s.appealedSnapshot(ctx, ct, e.EventID)
		if err != nil {
			return err
		}
		if _, err := s.appealWindow(ct, snap); err != nil {
			return err
		}
		if snap == nil {
			return conflict("appeal_no_results")
		}
		_, res, err := s.snapshot(ctx, e.EventID, snap.Version)
		if err != nil {
			return err
		}
		if _, ok := lineOf(res, e.ID, lang); !ok {
			return conflict("appeal_no_results")
		}
		if err := s.appealTaken(ctx, e.ID, snap.Version); err != nil {
			return err
		}
		key := e.ID
		row := model.Appeal{ContestID: ct.ID, EventID: e.EventID, EntrantID: e.ID, EnterpriseID: e.EnterpriseID, ResultVersion: snap.Version,
			Reason: reason, Status: model.AppealFiled, OpenKey: &key, FiledBy: c.AccountID, FiledAt: s.now(), Version: 1}
		if err := s.conn(ctx).Create(&row).Error; err != nil {
			return err
		}
		id = row.ID
		return s.audit(ctx, c, "appeal.file", "appeal", row.ID, nil,
			map[string]any{"entrant_id": e.ID, "event_id": e.EventID, "result_version": snap.Version, "reason": reason})
	})
	if err != nil {
		return Appeal{}, err
	}
	return s.appealByID(ctx, id, lang)
}

// ListAppeals lists a contest's appeals: an enterprise entering it sees its
// own, its organisers and its arbitration panel all of them.
func (s *Service) ListAppeals(ctx context.Context, c Caller, contestID uint, lang Lang) (Appeals, error) {
	ct, err := s.loadContest(ctx, contestID)
	if err != nil {
		return Appeals{}, err
	}
	member, err := s.arbitrates(ctx, c, ct.ID)
	if err != nil {
		return Appeals{}, err
	}
	q := s.conn(ctx).Where("contest_id = ?", ct.ID)
	switch {
	case member || c.runs(ct):
	case c.mayRegister() && c.entersInto(ct) && ct.Status != model.StepDraft:
		q = q.Where("enterprise_id = ?", c.OrganisationID)
	default:
		return Appeals{}, forbidden()
	}
	var rows []model.Appeal
	if err := q.Order("id DESC").Find(&rows).Error; err != nil {
		return Appeals{}, err
	}
	out := Appeals{ContestName: ct.Name, ContestStatus: ct.Status, NoticeEndsOn: noticeOf(ct).EndsOn, Items: make([]Appeal, 0, len(rows)),
		MayRule: member && stepOrder(ct.Status, model.StepFinal) < 0}
	for _, r := range rows {
		v, err := s.appealView(ctx, r, lang)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, v)
	}
	return out, nil
}

func (s *Service) appealByID(ctx context.Context, id uint, lang Lang) (Appeal, error) {
	var row model.Appeal
	if err := s.conn(ctx).Take(&row, id).Error; err != nil {
		return Appeal{}, notFoundOr(err, "appeal")
	}
	return s.appealView(ctx, row, lang)
}

// appealView shows an appeal with its entrant, its event and the appealed line.
func (s *Service) appealView(ctx context.Context, r model.Appeal, lang Lang) (Appeal, error) {
	var e model.Entrant
	if err := entrantsWithPeople(s.conn(ctx)).Take(&e, r.EntrantID).Error; err != nil {
		return Appeal{}, err
	}
	var ev model.Event
	if err := s.conn(ctx).Select("id, name").Take(&ev, r.EventID).Error; err != nil {
		return Appeal{}, err
	}
	ids := []uint{r.FiledBy}
	for _, p := range []*uint{r.ReviewedBy, r.RuledBy} {
		if p != nil {
			ids = append(ids, *p)
		}
	}
	var accounts []model.Account
	if err := s.conn(ctx).Select("id, display_name").Where("id IN ?", ids).Find(&accounts).Error; err != nil {
		return Appeal{}, err
	}
	name := func(id *uint) *string {
		if id == nil {
			return nil
		}
		for _, a := range accounts {
			if a.ID == *id {
				return &a.DisplayName
			}
		}
		return nil
	}
	out := Appeal{ID: r.ID, ContestID: r.ContestID, EventID: r.EventID, EventName: ev.Name, EntrantID: e.ID, EntrantName: entrantName(e),
		DrawNumber: e.DrawNumber, EnterpriseName: e.EnterpriseName, ResultVersion: r.ResultVersion, Status: r.Status, Reason: r.Reason,
		FiledAt: r.FiledAt, Review: r.Review, ReviewedBy: name(r.ReviewedBy), ReviewedAt: r.ReviewedAt, RulingText: r.RulingText,
		RuledBy: name(r.RuledBy), RuledAt: r.RuledAt}
	if n := name(&r.FiledBy); n != nil {
		out.FiledBy = *n
	}
	if _, res, err := s.snapshot(ctx, r.EventID, r.ResultVersion); err == nil {
		if line, ok := lineOf(res, r.EntrantID, lang); ok {
			out.Result = &line
		}
	}
	return out, nil
}

// ruledAppeal loads and holds an appeal the caller, a member of its
// contest's arbitration panel, reviews or rules on, before the contest is
// final and while the appeal waits for its ruling.
func (s *Service) ruledAppeal(ctx context.Context, c Caller, id uint) (model.Appeal, error) {
	q := s.conn(ctx)
	if s.onMySQL(ctx) {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var row model.Appeal
	if err := q.Take(&row, id).Error; err != nil {
		return row, notFoundOr(err, "appeal")
	}
	member, err := s.arbitrates(ctx, c, row.ContestID)
	if err != nil {
		return row, err
	}
	if !member {
		return row, forbidden()
	}
	ct, err := s.loadContest(ctx, row.ContestID)
	if err != nil {
		return row, err
	}
	if stepOrder(ct.Status, model.StepFinal) >= 0 {
		return row, wrongStep(ct.Status)
	}
	if row.OpenKey == nil {
		return row, &Error{Kind: KindConflict, Code: "appeal_ruled", Text: T("appeal_already_ruled")}
	}
	return row, nil
}

// appealText checks the text of a review or a ruling.
func appealText(name, text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", invalid(field(name, "required"))
	}
	if len([]rune(text)) > maxAppealText {
		return "", invalid(field(name, "appeal_text_long", maxAppealText))
	}
	return text, nil
}

// ReviewAppeal records the panel's review (复核) of an appeal; a later
// review before the ruling replaces it.
func (s *Service) ReviewAppeal(ctx context.Context, c Caller, id uint, text string, lang Lang) (Appeal, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		row, err := s.ruledAppeal(ctx, c, id)
		if err != nil {
			return err
		}
		if text, err = appealText("review", text); err != nil {
			return err
		}
		if err := s.updateVersioned(ctx, &model.Appeal{}, row.ID, row.Version, map[string]any{"status": model.AppealReviewed, "review": text,
			"reviewed_by": c.AccountID, "reviewed_at": s.now()}); err != nil {
			return err
		}
		return s.audit(ctx, c, "appeal.review", "appeal", row.ID, map[string]any{"status": row.Status, "review": row.Review},
			map[string]any{"status": model.AppealReviewed, "review": text})
	})
	if err != nil {
		return Appeal{}, err
	}
	return s.appealByID(ctx, id, lang)
}

// RuleOnAppeal records the panel's final ruling on a reviewed appeal:
// upheld or dismissed, with its text.
func (s *Service) RuleOnAppeal(ctx context.Context, c Caller, id uint, outcome, text string, lang Lang) (Appeal, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		row, err := s.ruledAppeal(ctx, c, id)
		if err != nil {
			return err
		}
		if !slices.Contains(appealOutcomes, outcome) {
			return invalid(field("outcome", "appeal_outcome"))
		}
		if text, err = appealText("text", text); err != nil {
			return err
		}
		if row.Status != model.AppealReviewed {
			return &Error{Kind: KindConflict, Code: "appeal_not_reviewed", Text: T("appeal_not_reviewed")}
		}
		if err := s.updateVersioned(ctx, &model.Appeal{}, row.ID, row.Version, map[string]any{"status": outcome, "ruling_text": text,
			"ruled_by": c.AccountID, "ruled_at": s.now(), "open_key": nil}); err != nil {
			return err
		}
		return s.auditWithReason(ctx, c, "appeal.rule", "appeal", row.ID, map[string]any{"status": row.Status},
			map[string]any{"status": outcome}, text)
	})
	if err != nil {
		return Appeal{}, err
	}
	return s.appealByID(ctx, id, lang)
}
