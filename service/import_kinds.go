package service

import (
	"context"

	"leitai/model"
)

// mayImport checks, as a job is imported, that the caller may still import
// it now: registration still open for a registration sheet, the sheet still
// open to the caller for a score sheet.
func (s *Service) mayImport(ctx context.Context, c Caller, j model.ImportJob) error {
	if j.Kind != ImportRegistrations {
		_, err := s.scoreTarget(ctx, c, j, *j.EventID)
		return err
	}
	ct, err := s.loadContest(ctx, j.ContestID)
	if err != nil {
		return err
	}
	if _, err := s.importerFor(ctx, c, ct); err != nil {
		return err
	}
	return s.registrationOpen(ct)
}

// runImport writes a claimed job by its kind.
func (s *Service) runImport(ctx context.Context, c Caller, j model.ImportJob, p *importProgress) error {
	if j.Kind != ImportRegistrations {
		return s.importScores(ctx, c, j, p)
	}
	return s.importRegistrations(ctx, c, j, p)
}
