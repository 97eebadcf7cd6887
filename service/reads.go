package service

import (
	"context"
	"database/sql"
	"sync"

	"gorm.io/gorm"
)

// scanRows runs a query and calls scan on each of its rows.
func (s *Service) scanRows(ctx context.Context, scan func(*sql.Rows) error, query string, args ...any) error {
	rows, err := s.conn(ctx).Raw(query, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// sideBySide runs reads at once, each on a connection of its own, and
// returns the first of their errors. Within a transaction, whose one
// connection reads one query at a time, they run one after another.
func (s *Service) sideBySide(ctx context.Context, reads ...func() error) error {
	errs := make([]error, len(reads))
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		for i, read := range reads {
			if errs[i] = read(); errs[i] != nil {
				break
			}
		}
	} else {
		var wg sync.WaitGroup
		for i, read := range reads {
			wg.Go(func() { errs[i] = read() })
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
