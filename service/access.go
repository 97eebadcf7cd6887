package service

import (
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// Who sees which organisations:
//   - admin: the whole tree;
//   - organiser: its own union and everything below it;
//   - enterprise: only itself;
//   - judge: none, through these endpoints.
// Who manages them: admin everything; organiser only what is strictly below
// its own union.

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

// transfersFrom tells whether the caller may move workers out of, or into, an
// enterprise: an admin anywhere, an organiser within its own subtree, so that
// a move between two enterprises needs a union above both.
func (c Caller) transfersFrom(o model.Organisation) bool {
	return c.Role == model.RoleAdmin || (c.Role == model.RoleOrganiser && c.sees(o.Path))
}
