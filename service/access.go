package service

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// Every rule of who may do what lives in this file, decided inside the
// service for every request; the HTTP layer only checks the session. In short:
//   - admin (at the root city union): everything;
//   - organiser: the organisations, accounts, workers and contests of its
//     union's subtree; and, read-only, the contests of the unions above it once
//     they leave draft, with only the entries of its subtree's enterprises
//     (follows), so that a district union can follow and chase them;
//   - enterprise: itself, its own account, workers and entries, and the
//     contests of the unions above it once they leave draft; the organisers
//     of a contest enter workers into it only by importing a sheet that names
//     each worker's enterprise (registersFor);
//   - judge: only what its duties in events give it (panels.go): a judge or
//     trainee the sheets of its stages, by number only and never an entrant
//     of its own organisation (回避); a check-in clerk its event's check-in;
//     a chief judge its event's panel, check-in and sheets, and the requests
//     to its judges to mark cells again (remarks.go).

// sees tells whether the caller sees the organisation at path: an admin the
// whole tree, an organiser its own union and everything below it, an
// enterprise only itself, a judge none.
func (c Caller) sees(path string) bool {
	switch c.Role {
	case model.RoleAdmin:
		return true
	case model.RoleOrganiser:
		return strings.HasPrefix(path, c.OrgPath)
	case model.RoleEnterprise:
		return path == c.OrgPath
	}
	return false
}

// manages tells whether the caller may change or delete the organisation at
// path: an admin any, an organiser only what is strictly below its own union.
func (c Caller) manages(path string) bool {
	switch c.Role {
	case model.RoleAdmin:
		return true
	case model.RoleOrganiser:
		return strings.HasPrefix(path, c.OrgPath) && path != c.OrgPath
	}
	return false
}

// mayBrowseTree is true for the roles that see a tree of organisations and
// the accounts in it.
func (c Caller) mayBrowseTree() bool {
	return c.Role == model.RoleAdmin || c.Role == model.RoleOrganiser
}

// seesOnlyAssigned is true for a judge, who sees only what it is assigned to
// judge, and so no list of contests or workers.
func (c Caller) seesOnlyAssigned() bool {
	return c.Role == model.RoleJudge
}

// createsRole tells whether the caller may create and manage accounts of a role:
// an admin any, an organiser only enterprise and judge accounts.
func (c Caller) createsRole(role string) bool {
	switch c.Role {
	case model.RoleAdmin:
		return true
	case model.RoleOrganiser:
		return role == model.RoleEnterprise || role == model.RoleJudge
	}
	return false
}

// seesAccount tells whether the caller may see an account: its own, or, for
// union staff, one of an organisation it sees.
func (c Caller) seesAccount(a model.Account) bool {
	return a.ID == c.AccountID || (c.mayBrowseTree() && c.sees(a.Organisation.Path))
}

// runs tells whether the caller organises a contest: an admin, or an
// organiser whose subtree holds the contest's organising union.
func (c Caller) runs(contest model.Contest) bool {
	return c.Role == model.RoleAdmin || (c.Role == model.RoleOrganiser && c.sees(contest.Organiser.Path))
}

// follows tells whether an organiser may follow a contest of a union above
// its own, read-only: out of draft, with only its own enterprises' entries.
func (c Caller) follows(contest model.Contest) bool {
	return c.Role == model.RoleOrganiser && contest.Status != model.StepDraft &&
		strings.HasPrefix(c.OrgPath, contest.Organiser.Path) && c.OrgPath != contest.Organiser.Path
}

// entersInto tells whether an enterprise may register into a contest: the
// organising union is its own union or one above it.
func (c Caller) entersInto(contest model.Contest) bool {
	return c.Role == model.RoleEnterprise && strings.HasPrefix(c.OrgPath, contest.Organiser.Path)
}

// mayRegister is true for the only role that enters anyone into a contest:
// an enterprise, for its own workers, teams or itself.
func (c Caller) mayRegister() bool {
	return c.Role == model.RoleEnterprise
}

// withdraws tells whether the caller may take an entry back: only the
// enterprise that made it.
func (c Caller) withdraws(e model.Entrant) bool {
	return c.Role == model.RoleEnterprise && e.EnterpriseID == c.OrganisationID
}

// seesEntrantInFull tells whether the caller sees an entrant's ID numbers and
// mobiles unmasked: the contest's organisers and the entrant's own enterprise.
func (c Caller) seesEntrantInFull(ct model.Contest, e model.Entrant) bool {
	return c.runs(ct) || c.OrganisationID == e.EnterpriseID
}

// employs tells whether the caller is the enterprise a worker belongs to.
func (c Caller) employs(p model.Person) bool {
	return c.Role == model.RoleEnterprise && c.OrganisationID == p.OrganisationID
}

// organisationScope limits a query on the organisations table to those the
// caller sees.
func (c Caller) organisationScope(q *gorm.DB) *gorm.DB {
	if c.Role == model.RoleAdmin {
		return q
	}
	if c.Role == model.RoleEnterprise {
		return q.Where("organisations.id = ?", c.OrganisationID)
	}
	return q.Where("organisations.path LIKE ?", c.OrgPath+"%")
}

// scopeByOrganisation limits a query on a table with an organisation column
// to rows of organisations in the caller's subtree, without a join, so that
// paging by the table's own key stays cheap.
func (c Caller) scopeByOrganisation(q *gorm.DB, column string) *gorm.DB {
	switch c.Role {
	case model.RoleAdmin:
		return q
	case model.RoleEnterprise:
		return q.Where(column+" = ?", c.OrganisationID)
	}
	return q.Where(column+" IN (?)", q.Session(&gorm.Session{NewDB: true}).Model(&model.Organisation{}).Select("id").Where("path LIKE ?", c.OrgPath+"%"))
}

// contestScope limits contests to those the caller may see: admins all;
// organisers those run in their subtree and those they follow; enterprises the
// non-draft contests of the unions above them.
func (c Caller) contestScope(q *gorm.DB) *gorm.DB {
	above := "contests.organiser_id IN ? AND contests.status <> ?"
	switch c.Role {
	case model.RoleEnterprise:
		return q.Where(above, ancestorIDs(c.OrgPath), model.StepDraft)
	case model.RoleOrganiser:
		own := c.scopeByOrganisation(q.Session(&gorm.Session{NewDB: true}), "contests.organiser_id")
		return q.Where(own.Or(above, ancestorIDs(c.OrgPath), model.StepDraft))
	}
	return c.scopeByOrganisation(q, "contests.organiser_id")
}

// entrantScope limits the entrants of a contest to those the caller may see:
// all of them for its organisers, those of its subtree's enterprises for a
// union following it, an enterprise's own otherwise.
func (c Caller) entrantScope(q *gorm.DB, ct model.Contest) *gorm.DB {
	if c.runs(ct) {
		return q
	}
	if c.follows(ct) {
		return c.scopeByOrganisation(q, "entrants.enterprise_id")
	}
	return q.Where("entrants.enterprise_id = ?", c.OrganisationID)
}

// visibleContest loads a contest the caller may see.
func (s *Service) visibleContest(ctx context.Context, c Caller, id uint) (model.Contest, error) {
	ct, err := s.loadContest(ctx, id)
	if err != nil {
		return ct, err
	}
	if c.runs(ct) || c.follows(ct) || (c.entersInto(ct) && ct.Status != model.StepDraft) {
		return ct, nil
	}
	return ct, forbidden()
}

// runContest loads a contest the caller organises.
func (s *Service) runContest(ctx context.Context, c Caller, id uint) (model.Contest, error) {
	ct, err := s.loadContest(ctx, id)
	if err != nil {
		return ct, err
	}
	if !c.runs(ct) {
		return ct, forbidden()
	}
	return ct, nil
}

// runLockedEvent loads and locks an event whose contest the caller organises.
func (s *Service) runLockedEvent(ctx context.Context, c Caller, id uint) (model.Event, model.Contest, error) {
	ev, err := s.lockEvent(ctx, id)
	if err != nil {
		return ev, model.Contest{}, err
	}
	ct, err := s.runContest(ctx, c, ev.ContestID)
	return ev, ct, err
}

// editableEvent loads an event of a draft contest the caller organises.
func (s *Service) editableEvent(ctx context.Context, c Caller, id uint) (model.Event, error) {
	e, err := s.loadEvent(ctx, id)
	if err != nil {
		return e, err
	}
	ct, err := s.runContest(ctx, c, e.ContestID)
	if err != nil {
		return e, err
	}
	if ct.Status != model.StepDraft {
		return e, wrongStep(ct.Status)
	}
	return e, nil
}

// reviewableEvent loads an event whose entries the caller may review: its
// contest's organiser, while registration is open or closed and before the draw.
func (s *Service) reviewableEvent(ctx context.Context, c Caller, eventID uint) (model.Event, error) {
	ev, err := s.lockEvent(ctx, eventID)
	if err != nil {
		return ev, err
	}
	ct, err := s.runContest(ctx, c, ev.ContestID)
	if err != nil {
		return ev, err
	}
	if ct.Status != model.StepRegistrationOpen && ct.Status != model.StepRegistrationClosed {
		return ev, wrongStep(ct.Status)
	}
	if ev.DrawnAt != nil {
		return ev, conflict("already_drawn", ev.Name)
	}
	return ev, nil
}

// manageAccount loads an account the caller may change, inside tx.
func (s *Service) manageAccount(ctx context.Context, c Caller, id uint) (model.Account, error) {
	a, err := s.loadAccount(ctx, id)
	if err != nil {
		return a, err
	}
	if !c.mayBrowseTree() || !c.sees(a.Organisation.Path) || !c.createsRole(a.Role) {
		return a, forbidden()
	}
	return a, nil
}

// transfersFrom tells whether the caller may move workers out of, or into, an
// enterprise: an admin anywhere, an organiser within its own subtree, so that
// a move between two enterprises needs a union above both.
func (c Caller) transfersFrom(o model.Organisation) bool {
	return c.Role == model.RoleAdmin || (c.Role == model.RoleOrganiser && c.sees(o.Path))
}

// The searches of the scoped lists share these.

// organisationsNamed is the subquery of organisations whose name contains text.
func organisationsNamed(q *gorm.DB, text string) *gorm.DB {
	return q.Session(&gorm.Session{NewDB: true}).Model(&model.Organisation{}).Select("id").Where(contains("name", text))
}

// contains is the condition "column contains the user's text", ignoring the
// spaces around it: the one way to search user text with LIKE. % and _ in the
// text stand for themselves. The escape character is named, as SQLite has
// none by default, and is not a backslash, which MySQL string literals read too.
func contains(column, text string) clause.Expr {
	escaped := strings.NewReplacer(`!`, `!!`, `%`, `!%`, `_`, `!_`).Replace(strings.TrimSpace(text))
	return gorm.Expr(column+" LIKE ? ESCAPE '!'", "%"+escaped+"%")
}

// leadsEvent loads the contest of an event whose judging the caller leads:
// its organisers, or the event's chief judge.
func (s *Service) leadsEvent(ctx context.Context, c Caller, ev model.Event) (model.Contest, error) {
	return s.eventWithDuty(ctx, c, ev, DutyChief)
}

// chiefOf checks that the caller is the event's chief judge, who alone signs
// its stages off and asks its judges to mark cells again; organisers do not.
func (s *Service) chiefOf(ctx context.Context, c Caller, ev model.Event) error {
	d, ok, err := s.dutyIn(ctx, c, ev.ID)
	if err != nil {
		return err
	}
	if !ok || d.Duty != DutyChief {
		return forbidden()
	}
	return nil
}

// checksIn loads the contest of an event whose check-in the caller may do:
// its organisers, its chief judge, its check-in clerks.
func (s *Service) checksIn(ctx context.Context, c Caller, ev model.Event) (model.Contest, error) {
	return s.eventWithDuty(ctx, c, ev, DutyChief, DutyCheckIn)
}

// eventWithDuty loads an event's contest if the caller organises it or has
// one of the duties in the event.
func (s *Service) eventWithDuty(ctx context.Context, c Caller, ev model.Event, duties ...string) (model.Contest, error) {
	ct, err := s.loadContest(ctx, ev.ContestID)
	if err != nil || c.runs(ct) {
		return ct, err
	}
	d, ok, err := s.dutyIn(ctx, c, ev.ID)
	if err != nil {
		return ct, err
	}
	if !ok || !slices.Contains(duties, d.Duty) {
		return ct, forbidden()
	}
	return ct, nil
}

// marker loads the caller's duty to mark a stage of an event: a judge or
// trainee given that stage.
func (s *Service) marker(ctx context.Context, c Caller, ev model.Event, stage string) (model.PanelMember, error) {
	d, ok, err := s.dutyIn(ctx, c, ev.ID)
	if err != nil {
		return d, err
	}
	return d, marksStage(d, ok, stage)
}

// marksStage refuses a duty, if found, that does not mark the stage.
func marksStage(d model.PanelMember, found bool, stage string) error {
	if !found || !marks(d.Duty) || !slices.Contains(stagesOf(d), stage) {
		return forbidden()
	}
	return nil
}

// notRecused limits entrants to those a judge may see and mark: none of its
// own organisation (执裁回避).
func (c Caller) notRecused(q *gorm.DB) *gorm.DB {
	return q.Where("entrants.enterprise_id <> ?", c.OrganisationID)
}

// registersFor tells whether the caller, organising a contest, may enter the
// workers of an enterprise into it by importing a registration sheet: an
// enterprise of its own subtree that enters the contest. Entering workers one
// by one stays the enterprises' own (mayRegister).
func (c Caller) registersFor(ct model.Contest, o model.Organisation) bool {
	// Who runs the contest sees the enterprises below its organising union.
	return c.runs(ct) && o.Kind == model.KindEnterprise && strings.HasPrefix(o.Path, ct.Organiser.Path)
}

// ownsImport tells whether the caller may see and carry on an import job:
// an account of the enterprise, or of the union, that made it, in a role that
// imports. The job holds workers' details in full, which nobody else sees. A
// score sheet's job is the account's that uploaded it.
func (c Caller) ownsImport(j model.ImportJob) bool {
	if j.Kind != ImportRegistrations {
		// A score sheet is its judge's, or its clerk's, own.
		return c.AccountID == j.AccountID
	}
	importsRole := c.Role == model.RoleEnterprise || c.Role == model.RoleOrganiser || c.Role == model.RoleAdmin
	return importsRole && c.OrganisationID == j.OrganisationID
}

// ownsExport tells whether the caller may see and download an export job:
// only the account that asked for it, as it may hold ID numbers in full.
func (c Caller) ownsExport(j model.ExportJob) bool {
	return c.AccountID == j.AccountID
}

// exportsRegistrations tells whether the caller may export a contest's
// entries: its organisers all of them, an enterprise that enters it its own
// (entrantScope); each of them sees every row it gets in full
// (seesEntrantInFull), so it may also ask for ID numbers in full.
func (c Caller) exportsRegistrations(ct model.Contest) bool {
	return c.runs(ct) || (c.mayRegister() && c.entersInto(ct) && ct.Status != model.StepDraft)
}

// exportsPeopleInFull tells whether the caller may export the register with
// ID numbers in full: only an enterprise, whose register holds only its own
// workers (employs); unions see them masked.
func (c Caller) exportsPeopleInFull() bool {
	return c.Role == model.RoleEnterprise
}
