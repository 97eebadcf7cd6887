package service

import (
	"context"
	"encoding/json"

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

// markImported records that a job was written, with what each row did.
func (s *Service) markImported(ctx context.Context, j model.ImportJob, result *importResult, counts map[string]int) error {
	raw, err := json.Marshal(result)
	if err != nil {
		return err
	}
	return s.updateVersioned(ctx, &model.ImportJob{}, j.ID, j.Version, map[string]any{"status": ImportImported, "rows_done": result.Rows,
		"created_count": counts[ActionCreate], "updated_count": counts[ActionUpdate],
		"unchanged_count": counts[ActionUnchanged], "result": string(raw), "finished_at": s.now()})
}
