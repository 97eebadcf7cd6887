package service

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"leitai/model"
)

// Contest is what the API shows of a contest.
type Contest struct {
	ID                   uint       `json:"id"`
	Name                 string     `json:"name"`
	Kind                 string     `json:"kind"`
	Format               string     `json:"format"`
	Level                string     `json:"level"`
	OrganiserID          uint       `json:"organiser_id"`
	OrganiserName        string     `json:"organiser_name"`
	Description          string     `json:"description"`
	RegistrationOpensAt  *time.Time `json:"registration_opens_at"`
	RegistrationClosesAt *time.Time `json:"registration_closes_at"`
	JudgingStartsAt      *time.Time `json:"judging_starts_at"`
	JudgingEndsAt        *time.Time `json:"judging_ends_at"`
	Status               string     `json:"status"`
	Notice
	Version    int   `json:"version"`
	EventCount int64 `json:"event_count"`
	// Organising is true when the caller organises the contest, false when it
	// only follows it (a union above its own runs it) or enters it.
	Organising bool      `json:"organising"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

func contestView(c model.Contest, events int64) Contest {
	return Contest{ID: c.ID, Name: c.Name, Kind: c.Kind, Format: c.Format, Level: c.Level, OrganiserID: c.OrganiserID,
		OrganiserName: c.Organiser.Name, Description: c.Description, RegistrationOpensAt: c.RegistrationOpensAt,
		RegistrationClosesAt: c.RegistrationClosesAt, JudgingStartsAt: c.JudgingStartsAt, JudgingEndsAt: c.JudgingEndsAt,
		Status: c.Status, Notice: noticeOf(c), Version: c.Version, EventCount: events, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

// ContestInput is the editable part of a contest; nil fields stay as they are
// on update. Times are cleared with a zero time.
type ContestInput struct {
	Name                 *string
	Kind                 *string
	Format               *string
	Level                *string
	OrganiserID          *uint
	Description          *string
	RegistrationOpensAt  *time.Time
	RegistrationClosesAt *time.Time
	JudgingStartsAt      *time.Time
	JudgingEndsAt        *time.Time
	Version              int
}

// onlyScheduleChanges is true when an update touches nothing but the windows
// and the description: those may still change until judging starts, so that
// registration can be extended.
func (in ContestInput) onlyScheduleChanges() bool {
	return in.Name == nil && in.Kind == nil && in.Format == nil && in.Level == nil && in.OrganiserID == nil
}

// ContestFilter narrows a list of contests.
type ContestFilter struct {
	Q, Kind, Status string
}

// ancestorIDs reads the ids of an organisation and those above it from its path.
func ancestorIDs(path string) []uint {
	var ids []uint
	for _, part := range strings.Split(strings.Trim(path, "/"), "/") {
		if id, err := strconv.ParseUint(part, 10, 64); err == nil {
			ids = append(ids, uint(id))
		}
	}
	return ids
}

func (s *Service) loadContest(ctx context.Context, id uint) (model.Contest, error) {
	var ct model.Contest
	err := s.conn(ctx).Joins("Organiser").Take(&ct, id).Error
	return ct, notFoundOr(err, "contest")
}

// wrongStep refuses what the contest's step does not allow; once results
// are final (and archived), it says that the contest is frozen.
func wrongStep(status string) *Error {
	if status == model.StepFinal || status == model.StepArchived {
		return &Error{Kind: KindConflict, Code: "contest_final", Text: T("contest_final", T("step_"+status))}
	}
	return &Error{Kind: KindConflict, Code: "wrong_step", Text: T("wrong_step", T("step_"+status))}
}

func (s *Service) countEvents(ctx context.Context, contestID uint) (int64, error) {
	var n int64
	err := s.conn(ctx).Model(&model.Event{}).Where("contest_id = ?", contestID).Count(&n).Error
	return n, err
}

// ListContests pages through the contests the caller may see.
func (s *Service) ListContests(ctx context.Context, c Caller, f ContestFilter, p PageRequest) (Page[Contest], error) {
	if c.seesOnlyAssigned() {
		return Page[Contest]{}, forbidden()
	}
	db := s.conn(ctx)
	q := c.contestScope(db.Model(&model.Contest{}).Preload("Organiser"))
	if f.Q != "" {
		q = q.Where(contains("contests.name", f.Q))
	}
	if f.Kind != "" {
		q = q.Where("contests.kind = ?", f.Kind)
	}
	if f.Status != "" {
		q = q.Where("contests.status = ?", f.Status)
	}
	page, err := paged(q, p, "contests.id DESC", func(ct model.Contest) Contest { return c.contestView(ct, 0) })
	if err != nil {
		return page, err
	}
	ids := make([]uint, len(page.Items))
	for i, it := range page.Items {
		ids[i] = it.ID
	}
	var counts []struct {
		ContestID uint
		N         int64
	}
	if err := db.Model(&model.Event{}).Select("contest_id, COUNT(*) AS n").Where("contest_id IN ?", ids).Group("contest_id").Scan(&counts).Error; err != nil {
		return page, err
	}
	for _, cnt := range counts {
		for i := range page.Items {
			if page.Items[i].ID == cnt.ContestID {
				page.Items[i].EventCount = cnt.N
			}
		}
	}
	return page, nil
}

// GetContest returns one contest the caller may see.
func (s *Service) GetContest(ctx context.Context, c Caller, id uint) (Contest, error) {
	ct, err := s.visibleContest(ctx, c, id)
	if err != nil {
		return Contest{}, err
	}
	n, err := s.countEvents(ctx, ct.ID)
	if err != nil {
		return Contest{}, err
	}
	return c.contestView(ct, n), nil
}

// contestView shows a contest to the caller, saying whether it organises it.
func (c Caller) contestView(ct model.Contest, events int64) Contest {
	v := contestView(ct, events)
	v.Organising = c.runs(ct)
	return v
}

// applyContestInput copies the given fields and checks the result.
func applyContestInput(ct *model.Contest, in ContestInput) error {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = strings.TrimSpace(*src)
		}
	}
	set(&ct.Name, in.Name)
	set(&ct.Kind, in.Kind)
	set(&ct.Format, in.Format)
	set(&ct.Level, in.Level)
	set(&ct.Description, in.Description)
	setTime := func(dst **time.Time, src *time.Time) {
		if src != nil {
			if src.IsZero() {
				*dst = nil
			} else {
				t := src.UTC()
				*dst = &t
			}
		}
	}
	setTime(&ct.RegistrationOpensAt, in.RegistrationOpensAt)
	setTime(&ct.RegistrationClosesAt, in.RegistrationClosesAt)
	setTime(&ct.JudgingStartsAt, in.JudgingStartsAt)
	setTime(&ct.JudgingEndsAt, in.JudgingEndsAt)

	fe := checkName("name", &ct.Name, maxContestName)
	if !slices.Contains(contestKinds, ct.Kind) {
		fe = append(fe, field("kind", "one_of", strings.Join(contestKinds, ", ")))
	}
	if ct.Kind == KindSkills && !slices.Contains(contestFormats, ct.Format) {
		fe = append(fe, field("format", "one_of", strings.Join(contestFormats, ", ")))
	}
	if ct.Kind != KindSkills {
		ct.Format = ""
	}
	if !slices.Contains(contestLevels, ct.Level) {
		fe = append(fe, field("level", "one_of", strings.Join(contestLevels, ", ")))
	}
	if ct.RegistrationOpensAt != nil && ct.RegistrationClosesAt != nil && !ct.RegistrationOpensAt.Before(*ct.RegistrationClosesAt) {
		fe = append(fe, field("registration_closes_at", "window_order"))
	}
	if ct.JudgingStartsAt != nil && ct.JudgingEndsAt != nil && !ct.JudgingStartsAt.Before(*ct.JudgingEndsAt) {
		fe = append(fe, field("judging_ends_at", "window_order"))
	}
	if len(fe) > 0 {
		return invalid(fe...)
	}
	return nil
}

// CreateContest starts a contest in draft, with the events its template brings.
func (s *Service) CreateContest(ctx context.Context, c Caller, in ContestInput) (Contest, error) {
	if !c.mayBrowseTree() {
		return Contest{}, forbidden()
	}
	var created model.Contest
	err := s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		orgID := c.OrganisationID
		if in.OrganiserID != nil && *in.OrganiserID != 0 {
			orgID = *in.OrganiserID
		}
		org, err := s.loadOrganisation(ctx, orgID)
		if err != nil {
			return invalid(field("organiser_id", "not_found", T("organisation_word")))
		}
		if !c.sees(org.Path) {
			return forbidden()
		}
		if !org.IsUnion() {
			return invalid(field("organiser_id", "organiser_not_union"))
		}
		created = model.Contest{OrganiserID: org.ID, Organiser: org, Status: model.StepDraft, Version: 1}
		if err := applyContestInput(&created, in); err != nil {
			return err
		}
		if err := tx.Omit("Organiser").Create(&created).Error; err != nil {
			return err
		}
		tpl, err := templateOf(created.Kind)
		if err != nil {
			return err
		}
		for _, d := range tpl.Events {
			if _, err := s.insertEvent(ctx, created.ID, d); err != nil {
				return err
			}
		}
		return s.audit(ctx, c, "contest.create", "contest", created.ID, nil, contestView(created, int64(len(tpl.Events))))
	})
	if err != nil {
		return Contest{}, err
	}
	return s.GetContest(ctx, c, created.ID)
}

// UpdateContest edits a contest while it is a draft.
func (s *Service) UpdateContest(ctx context.Context, c Caller, id uint, in ContestInput) (Contest, error) {
	err := s.tx(ctx, func(ctx context.Context) error {
		ct, err := s.runContest(ctx, c, id)
		if err != nil {
			return err
		}
		if ct.Version != in.Version {
			return staleVersion()
		}
		if ct.Status != model.StepDraft && !(in.onlyScheduleChanges() && stepOrder(ct.Status, model.StepJudging) < 0) {
			return wrongStep(ct.Status)
		}
		if in.Kind != nil && *in.Kind != ct.Kind {
			return invalid(field("kind", "kind_fixed"))
		}
		if in.OrganiserID != nil && *in.OrganiserID != ct.OrganiserID {
			org, err := s.loadOrganisation(ctx, *in.OrganiserID)
			if err != nil {
				return invalid(field("organiser_id", "not_found", T("organisation_word")))
			}
			if !c.sees(org.Path) {
				return forbidden()
			}
			if !org.IsUnion() {
				return invalid(field("organiser_id", "organiser_not_union"))
			}
			ct.OrganiserID, ct.Organiser = org.ID, org
		}
		before := contestView(ct, 0)
		if err := applyContestInput(&ct, in); err != nil {
			return err
		}
		ct.Version++
		if err := s.saveVersioned(ctx, &ct, ct.Version-1, "Organiser"); err != nil {
			return err
		}
		return s.audit(ctx, c, "contest.update", "contest", ct.ID, before, contestView(ct, 0))
	})
	if err != nil {
		return Contest{}, err
	}
	return s.GetContest(ctx, c, id)
}

// DeleteContest removes a draft contest with its events.
func (s *Service) DeleteContest(ctx context.Context, c Caller, id uint) error {
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		ct, err := s.runContest(ctx, c, id)
		if err != nil {
			return err
		}
		if ct.Status != model.StepDraft {
			return wrongStep(ct.Status)
		}
		if err := tx.Where("event_id IN (?)", tx.Model(&model.Event{}).Select("id").Where("contest_id = ?", ct.ID)).Delete(&model.EventRuleVersion{}).Error; err != nil {
			return err
		}
		if err := tx.Where("contest_id = ?", ct.ID).Delete(&model.Event{}).Error; err != nil {
			return err
		}
		if err := tx.Delete(&model.Contest{}, ct.ID).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "contest.delete", "contest", ct.ID, contestView(ct, 0), nil)
	})
}
