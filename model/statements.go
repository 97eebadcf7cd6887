package model

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"

	sqlitedriver "github.com/ncruces/go-sqlite3/driver"
)

// SQLite parses and plans a statement each time it is prepared, and
// database/sql prepares, runs and closes every statement that carries values:
// for the short statements a request runs, the parsing costs more than the
// running. Each SQLite connection therefore keeps the statements it has
// prepared and runs them again. A statement is lent to one user at a time:
// one still in use (its rows not yet closed) is prepared afresh for another.

// keptStatements is how many distinct statements a connection keeps prepared;
// beyond it, a statement not in use gives its place to the new one (lists of
// ids of different lengths make different statements).
const keptStatements = 256

// openSQLite opens the SQLite database at dsn with connections that keep
// their prepared statements.
func openSQLite(dsn string) (*sql.DB, error) {
	base, err := (&sqlitedriver.SQLite{}).OpenConnector(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(keepingConnector{base}), nil
}

type keepingConnector struct{ driver.Connector }

func (k keepingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := k.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	sc, ok := c.(sqliteConn)
	if !ok {
		c.Close()
		return nil, errors.New("the SQLite driver's connection lacks the methods it is known by")
	}
	return &keepingConn{sqliteConn: sc, kept: map[string]*keptStmt{}}, nil
}

// sqliteConn is what the SQLite driver's connections do that database/sql asks for.
type sqliteConn interface {
	sqlitedriver.Conn
	driver.ExecerContext
	driver.NamedValueChecker
}

// keepingConn is a connection with its prepared statements. database/sql
// uses a connection from one goroutine at a time, so it needs no lock.
type keepingConn struct {
	sqliteConn
	kept map[string]*keptStmt
}

func (c *keepingConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *keepingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if s, ok := c.kept[query]; ok && !s.lent {
		s.lent = true
		return s, nil
	}
	st, err := c.sqliteConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if _, ok := c.kept[query]; ok || !c.makeRoom() {
		return st, nil // used once, closed by its user
	}
	s := &keptStmt{stmt: st.(sqliteStmt), lent: true}
	c.kept[query] = s
	return s, nil
}

// makeRoom tells whether a statement may be kept, closing one not in use
// when the connection keeps as many as it may.
func (c *keepingConn) makeRoom() bool {
	if len(c.kept) < keptStatements {
		return true
	}
	for q, s := range c.kept {
		if !s.lent {
			s.stmt.Close()
			delete(c.kept, q)
			return true
		}
	}
	return false
}

func (c *keepingConn) Close() error {
	var errs []error
	for q, s := range c.kept {
		errs = append(errs, s.stmt.Close())
		delete(c.kept, q)
	}
	return errors.Join(append(errs, c.sqliteConn.Close())...)
}

// sqliteStmt is what the SQLite driver's statements do that database/sql asks for.
type sqliteStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
	driver.NamedValueChecker
}

// keptStmt is a statement its connection keeps; closing it returns it.
type keptStmt struct {
	stmt sqliteStmt
	lent bool
}

func (s *keptStmt) Close() error  { s.lent = false; return nil }
func (s *keptStmt) NumInput() int { return s.stmt.NumInput() }

func (s *keptStmt) Exec(args []driver.Value) (driver.Result, error) { return s.stmt.Exec(args) }

func (s *keptStmt) Query(args []driver.Value) (driver.Rows, error) { return s.stmt.Query(args) }

func (s *keptStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.stmt.ExecContext(ctx, args)
}

func (s *keptStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.stmt.QueryContext(ctx, args)
}

func (s *keptStmt) CheckNamedValue(v *driver.NamedValue) error { return s.stmt.CheckNamedValue(v) }
