package model

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// openKept opens a new SQLite file with a table of ten numbers, on one connection.
func openKept(t *testing.T) (*sql.DB, *sql.Conn) {
	t.Helper()
	loc, err := ParseLocation("sqlite:" + filepath.Join(t.TempDir(), "kept.db"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := openSQLite(loc.DSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(ctx, "CREATE TABLE numbers (n INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 10; n++ {
		if _, err := conn.ExecContext(ctx, "INSERT INTO numbers (n) VALUES (?)", n); err != nil {
			t.Fatal(err)
		}
	}
	return db, conn
}

// kept is what the connection keeps prepared, by statement, with whether each is lent.
func kept(t *testing.T, conn *sql.Conn) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := conn.Raw(func(dc any) error {
		kc, ok := dc.(*keepingConn)
		if !ok {
			return fmt.Errorf("the connection is a %T, not one that keeps its statements", dc)
		}
		for q, s := range kc.kept {
			out[q] = s.lent
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func countAbove(t *testing.T, ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, above int) int {
	t.Helper()
	rows, err := q.QueryContext(ctx, "SELECT n FROM numbers WHERE n > ?", above)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	count := 0
	for rows.Next() {
		count++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return count
}

func TestSQLite_AStatementWithValuesIsPreparedOnceAConnection(t *testing.T) {
	_, conn := openKept(t)
	ctx := context.Background()
	if got := countAbove(t, ctx, conn, 7); got != 3 {
		t.Fatalf("numbers above 7: %d", got)
	}
	if got := countAbove(t, ctx, conn, 2); got != 8 {
		t.Fatalf("numbers above 2 with the kept statement: %d", got)
	}
	k := kept(t, conn)
	if lent, ok := k["SELECT n FROM numbers WHERE n > ?"]; !ok || lent {
		t.Errorf("kept statements %v: want the query kept and returned", k)
	}
	if lent, ok := k["INSERT INTO numbers (n) VALUES (?)"]; !ok || lent {
		t.Errorf("kept statements %v: want the insert kept and returned", k)
	}
}

func TestSQLite_AKeptStatementStillInUseIsNotLentTwice(t *testing.T) {
	db, _ := openKept(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT n FROM numbers WHERE n > ?", 0)
	if err != nil {
		t.Fatal(err)
	}
	outer, inner := 0, 0
	for rows.Next() {
		outer++
		// The same statement again while its rows are open, on the same connection.
		inner += countAbove(t, ctx, tx, 5)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if outer != 10 || inner != 50 {
		t.Errorf("outer rows %d (want 10), inner rows %d (want 50)", outer, inner)
	}
}

func TestSQLite_AFailedStatementRunsAgainAndOldStatementsMakeRoom(t *testing.T) {
	_, conn := openKept(t)
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, "INSERT INTO numbers (n) VALUES (?)", 3); err == nil {
		t.Fatal("a second 3 was stored")
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO numbers (n) VALUES (?)", 11); err != nil {
		t.Fatalf("the insert after a failed one: %v", err)
	}
	for i := range keptStatements + 20 {
		var n int
		if err := conn.QueryRowContext(ctx, fmt.Sprintf("SELECT n + %d FROM numbers WHERE n = ?", i), 1).Scan(&n); err != nil || n != i+1 {
			t.Fatalf("statement %d: %d, %v", i, n, err)
		}
	}
	if k := kept(t, conn); len(k) != keptStatements {
		t.Errorf("the connection keeps %d statements, want at most and at last %d", len(k), keptStatements)
	}
}
