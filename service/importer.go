package service

import (
	"context"
	"strings"

	"leitai/model"
	"leitai/service/workbook"
)

// importer is whom an import enters workers for: an enterprise for itself,
// or, for a contest's organisers, the enterprises of their own subtree that
// enter the contest, each row naming its enterprise by name or by unified
// social credit code.
type importer struct {
	// own is the enterprise importing for itself; nil for organisers.
	own *model.Organisation
	// byName and byCode are the enterprises an organiser's rows may name;
	// byID has every enterprise an import may enter workers for.
	byName map[string][]*model.Organisation
	byCode map[string]*model.Organisation
	byID   map[uint]*model.Organisation
}

// importerFor finds whom the caller imports for into a contest, or refuses
// a caller who may not import into it at all.
func (s *Service) importerFor(ctx context.Context, c Caller, ct model.Contest) (importer, error) {
	switch {
	case c.mayRegister() && c.entersInto(ct) && ct.Status != model.StepDraft:
		own := &model.Organisation{ID: c.OrganisationID, Name: c.OrganisationName}
		return importer{own: own, byID: map[uint]*model.Organisation{own.ID: own}}, nil
	case !c.runs(ct):
		return importer{}, forbidden()
	}
	var orgs []model.Organisation
	q := s.conn(ctx).Model(&model.Organisation{}).Where("kind = ?", model.KindEnterprise)
	if err := c.organisationScope(q).Order("id").Find(&orgs).Error; err != nil {
		return importer{}, err
	}
	im := importer{byName: map[string][]*model.Organisation{}, byCode: map[string]*model.Organisation{}, byID: map[uint]*model.Organisation{}}
	for i := range orgs {
		o := &orgs[i]
		if !c.registersFor(ct, *o) {
			continue
		}
		im.byID[o.ID] = o
		im.byName[workbook.HeaderKey(o.Name)] = append(im.byName[workbook.HeaderKey(o.Name)], o)
		if o.CreditCode != nil {
			im.byCode[*o.CreditCode] = o
		}
	}
	return im, nil
}

// forOrganisers tells whether rows name their enterprise.
func (im importer) forOrganisers() bool { return im.own == nil }

// enterpriseOf finds the enterprise a row names.
func (im importer) enterpriseOf(cell string, bad func(string, Text)) (*model.Organisation, bool) {
	if im.own != nil {
		return im.own, true
	}
	if cell == "" {
		bad(colEnterprise, T("required"))
		return nil, false
	}
	if o, ok := im.byCode[strings.ToUpper(cell)]; ok {
		return o, true
	}
	switch named := im.byName[workbook.HeaderKey(cell)]; len(named) {
	case 0:
		bad(colEnterprise, T("enterprise_unknown", cell))
	case 1:
		return named[0], true
	default:
		bad(colEnterprise, T("enterprise_ambiguous", cell))
	}
	return nil, false
}

// enterprises lists the enterprises an organiser's rows may name, by name.
func (im importer) enterprises() []string {
	var out []string
	for _, o := range im.byID {
		out = append(out, o.Name)
	}
	return out
}
