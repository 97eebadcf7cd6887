package service

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Statement caps on values: MySQL takes at most 65,535 placeholders in one
// statement, SQLite 32,766.
const (
	mysqlPlaceholders  = 65535
	sqlitePlaceholders = 32766
)

// bulkInsert is a table's rows written with multi-row INSERT statements
// built directly, for the writes of an import: GORM's CreateInBatches finds
// every value by reflection, which costs more than the statement itself.
type bulkInsert struct {
	table   string
	columns []string
}

// insert writes rows, each len(columns) of values one after another, in as
// few statements as the cap on placeholders allows, and gives the ids the
// database assigned them, in order. One statement's rows take consecutive
// ids: SQLite has one writer, and MySQL gives a multi-row INSERT of known
// length one run of auto-increment values (as GORM also counts on).
func (b bulkInsert) insert(ctx context.Context, tx *gorm.DB, values []any) ([]uint, error) {
	width := len(b.columns)
	rows := len(values) / width
	onMySQL := tx.Dialector.Name() == "mysql"
	per := sqlitePlaceholders / width
	if onMySQL {
		per = mysqlPlaceholders / width
	}
	ids := make([]uint, 0, rows)
	for start := 0; start < rows; start += per {
		n := min(per, rows-start)
		res, err := tx.Statement.ConnPool.ExecContext(ctx, b.statement(n), values[start*width:(start+n)*width]...)
		if err != nil {
			return nil, translated(tx, err)
		}
		last, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		if affected, err := res.RowsAffected(); err != nil || affected != int64(n) {
			return nil, fmt.Errorf("insert into %s: %d rows written of %d (%v)", b.table, affected, n, err)
		}
		// MySQL gives the first row's id, SQLite the last's.
		first := uint(last)
		if !onMySQL {
			first = uint(last) - uint(n) + 1
		}
		for i := range n {
			ids = append(ids, first+uint(i))
		}
	}
	return ids, nil
}

// statement is the INSERT of n rows.
func (b bulkInsert) statement(n int) string {
	row := "(" + strings.Repeat("?, ", len(b.columns)-1) + "?)"
	var sb strings.Builder
	sb.Grow(len(b.table) + 64 + n*(len(row)+2))
	sb.WriteString("INSERT INTO " + b.table + " (" + strings.Join(b.columns, ", ") + ") VALUES ")
	for i := range n {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
	}
	return sb.String()
}

// translated turns a driver's error into GORM's, as a statement run
// through GORM would have it (a duplicate key, a missing parent row).
func translated(tx *gorm.DB, err error) error {
	if t, ok := tx.Dialector.(gorm.ErrorTranslator); ok && tx.TranslateError {
		return t.Translate(err)
	}
	return err
}
