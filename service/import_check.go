package service

import (
	"context"
	"encoding/json"
	"time"

	"leitai/model"
	"leitai/service/workbook"
)

// checkOutcome is what checking an import's file found: its problems, or
// what importing would do (counts by action, and a digest of it that the
// import must find again), with the rows that passed packed for the import.
type checkOutcome struct {
	result *importResult
	digest string
	counts map[string]int
	packed []byte
}

// checkFunc reads and checks an opened file; p is nil when the check runs
// while its request waits.
type checkFunc func(ctx context.Context, book *workbook.Book, p *importProgress) (checkOutcome, error)

// checkImportFile opens an uploaded file within the bounds of an import and
// checks it as job: a file that cannot be read is refused at once; a small
// one is checked while the request waits, a large one in the background, the
// job answered while it is still being checked. Nothing but the job is written.
func (s *Service) checkImportFile(ctx context.Context, c Caller, job model.ImportJob, content []byte, lang Lang, check checkFunc) (ImportJob, error) {
	if len(content) > MaxImportBytes {
		return ImportJob{}, &Error{Kind: KindTooLarge, Code: "too_large", Text: T("too_large", MaxImportBytes/1024)}
	}
	book, err := workbook.Open(content, importLimits())
	if err != nil {
		return ImportJob{}, fileError(err)
	}
	if len(content) <= s.backgroundImportBytes {
		defer func() { _ = book.Close() }()
		o, err := check(ctx, book, nil)
		if err != nil {
			return ImportJob{}, err
		}
		settleCheck(&job, o, s.now())
		if err := s.saveImportJob(ctx, c, &job, o.result); err != nil {
			return ImportJob{}, err
		}
		return s.showImport(job, lang)
	}
	if err := s.saveImportJob(ctx, c, &job, nil); err != nil {
		_ = book.Close()
		return ImportJob{}, err
	}
	s.startImport(job.ID, func(ctx context.Context, p *importProgress) error {
		defer func() { _ = book.Close() }()
		o, err := check(ctx, book, p)
		if err != nil {
			return err
		}
		checked := job
		settleCheck(&checked, o, s.now())
		raw, err := json.Marshal(o.result)
		if err != nil {
			return err
		}
		return s.tx(ctx, func(ctx context.Context) error {
			return s.updateVersioned(ctx, &model.ImportJob{}, job.ID, job.Version, map[string]any{"status": checked.Status,
				"rows_total": o.result.Rows, "digest": checked.Digest, "created_count": checked.CreatedCount, "updated_count": checked.UpdatedCount,
				"unchanged_count": checked.UnchangedCount, "checked_rows": checked.CheckedRows, "result": string(raw), "finished_at": checked.FinishedAt})
		})
	})
	return s.showImport(job, lang)
}

// settleCheck records in a job what checking its file found, with the rows
// that passed when they all did.
func settleCheck(job *model.ImportJob, o checkOutcome, now time.Time) {
	job.Status = ImportChecked
	if o.result.ProblemsTotal > 0 {
		job.Status = ImportInvalid
	} else {
		job.Digest, job.CheckedRows = o.digest, o.packed
		job.CreatedCount, job.UpdatedCount, job.UnchangedCount = o.counts[ActionCreate], o.counts[ActionUpdate], o.counts[ActionUnchanged]
	}
	job.RowsTotal = o.result.Rows
	job.FinishedAt = &now
}
