package service

import (
	"context"

	"gorm.io/gorm"
)

// Optimistic locking: every write of a versioned row names the version it was
// read at, so that a writer who came in between turns it into stale_version
// instead of being silently overwritten. (A plain read inside a MySQL
// transaction may see an older snapshot; the conditional write does not.)

// saveVersioned writes every column of row, a model whose Version the caller
// has already moved on from readVersion. omit names associations to leave alone.
func (s *Service) saveVersioned(ctx context.Context, row any, readVersion int, omit ...string) error {
	tx := s.conn(ctx)
	res := tx.Model(row).Where("version = ?", readVersion).Select("*").Omit(append(omit, "id", "created_at")...).Updates(row)
	return versionedResult(res)
}

// updateVersioned writes changes to one row and moves its version on.
func (s *Service) updateVersioned(ctx context.Context, table any, id uint, readVersion int, changes map[string]any) error {
	tx := s.conn(ctx)
	changes["version"] = readVersion + 1
	res := tx.Model(table).Where("id = ? AND version = ?", id, readVersion).Updates(changes)
	return versionedResult(res)
}

func versionedResult(res *gorm.DB) error {
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return staleVersion()
	}
	return nil
}
