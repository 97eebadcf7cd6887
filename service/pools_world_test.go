package service

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
)

// poolsWorld is what the pools' tests start from: a started service, its
// admin and the root union.
type poolsWorld struct {
	t      *testing.T
	db     *gorm.DB
	s      *Service
	ctx    context.Context
	admin  model.Account
	root   model.Organisation
	caller Caller
}

func newPoolsWorld(t *testing.T, db *gorm.DB) *poolsWorld {
	s, ctx := startedService(t, db)
	w := &poolsWorld{t: t, db: db, s: s, ctx: ctx}
	w.check(db.Preload("Organisation").Where("role = ?", model.RoleAdmin).Take(&w.admin).Error)
	w.root = w.admin.Organisation
	w.caller = Caller{AccountID: w.admin.ID, Role: model.RoleAdmin, OrganisationID: w.root.ID, OrgPath: w.root.Path}
	return w
}

func (w *poolsWorld) check(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// enterprise adds an enterprise below the root union.
func (w *poolsWorld) enterprise(name string) model.Organisation {
	o := model.Organisation{ParentID: &w.root.ID, Kind: model.KindEnterprise, Name: name, Path: w.root.Path, Version: 1}
	w.check(w.db.Create(&o).Error)
	w.check(w.db.Model(&o).Update("path", fmt.Sprintf("%s%d/", w.root.Path, o.ID)).Error)
	return o
}

// contest adds a contest of the root union, in its notice period, with
// one event.
func (w *poolsWorld) contest(name, kind string, ev model.Event) (model.Contest, model.Event) {
	ct := model.Contest{OrganiserID: w.root.ID, Name: name, Kind: kind, Level: "city", Status: model.StepPublicNotice, Version: 1}
	w.check(w.db.Omit("Organiser").Create(&ct).Error)
	ev.ContestID, ev.Rules, ev.RulesVersion, ev.Version = ct.ID, "{}", 1, 1
	w.check(w.db.Create(&ev).Error)
	return ct, ev
}

// entry enters the named workers of an enterprise (none: the enterprise
// itself) into an event.
func (w *poolsWorld) entry(ev model.Event, ent model.Organisation, team, statement string, names ...string) model.Entrant {
	e := model.Entrant{EventID: ev.ID, ContestID: ev.ContestID, EnterpriseID: ent.ID, EnterpriseName: ent.Name, TeamName: team, Statement: statement,
		Status: EntrantApproved, Version: 1}
	w.check(w.db.Omit("People").Create(&e).Error)
	for i, name := range names {
		p := model.Person{OrganisationID: ent.ID, Name: name, Gender: "male", IDNumber: fmt.Sprintf("11010519800101%03d%d", e.ID, i), Version: 1}
		w.check(w.db.Omit("Organisation").Create(&p).Error)
		w.check(w.db.Create(&model.EventParticipant{EventID: ev.ID, PersonID: p.ID, EntrantID: e.ID, Role: model.ParticipantCompetitor,
			Position: i + 1, Name: name, IDNumber: p.IDNumber}).Error)
	}
	return e
}

// results stores an event's results, names decoded, ready to be made final.
func (w *poolsWorld) results(ev model.Event, lines ...storedLine) {
	raw, err := json.Marshal(storedResult{Field: len(lines), Lines: lines})
	w.check(err)
	w.check(w.db.Create(&model.ResultSnapshot{EventID: ev.ID, Version: 1, RulesVersion: 1, Result: string(raw), ComputedBy: w.admin.ID, ComputedAt: w.s.now()}).Error)
	w.check(w.db.Create(&model.NameDecoding{EventID: ev.ID, DecodedBy: w.admin.ID, DecodedAt: w.s.now()}).Error)
}

// final makes a contest's results final.
func (w *poolsWorld) final(ct model.Contest) {
	_, err := w.s.MoveContest(w.ctx, w.caller, ct.ID, model.StepFinal, "")
	w.check(err)
}
