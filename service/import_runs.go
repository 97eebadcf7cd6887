package service

import (
	"context"
	"encoding/json"
	"sync"

	"leitai/model"
)

// A large file is checked, and imported, in the background: the upload and
// the go-ahead answer at once with the job, which the web app then follows
// with its progress until it ends. The job is in the database throughout; its
// progress is kept by the process that runs it. A job that a server restart
// cut short is failed when the server starts again: an import writes in one
// transaction, so it wrote nothing.

// Stages of a running job.
const (
	StageReading  = "reading"
	StageChecking = "checking"
	StageWriting  = "writing"
)

// importRuns are the jobs this process runs in the background.
type importRuns struct {
	mu      sync.Mutex
	running map[uint]*importProgress
	wg      sync.WaitGroup
}

// importProgress is how far a running job has come: its stage, and the rows
// done of the total (0 while the total is not known yet).
type importProgress struct {
	mu          sync.Mutex
	stage       string
	done, total int
}

// set moves a job to a stage; nil (a job run while its request waits) keeps no progress.
func (p *importProgress) set(stage string, done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.done, p.total = stage, done, total
}

// add counts rows done.
func (p *importProgress) add(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
}

func (p *importProgress) get() (stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stage, p.done, p.total
}

// startImport runs fn in the background as the import job id, with its progress.
func (s *Service) startImport(id uint, fn func(ctx context.Context, p *importProgress) error) {
	s.imports.start(id, fn, s.failImport)
}

// start runs fn in the background as the job id, with its progress; fail
// records why, when it stops with an error. Import and export jobs each have
// their own runs, as their ids are of two tables.
func (r *importRuns) start(id uint, fn func(ctx context.Context, p *importProgress) error,
	fail func(ctx context.Context, id uint, err error)) {
	p := &importProgress{}
	r.mu.Lock()
	r.running[id] = p
	r.mu.Unlock()
	r.wg.Add(1)
	// The job goes on after the request that started it has been answered,
	// so it starts from a context of its own: none of the request's end, of a
	// transaction the request may carry, or of the web framework's request
	// object, which serves other requests once this one is answered.
	bg := context.Background()
	go func() {
		defer r.wg.Done()
		defer func() {
			r.mu.Lock()
			delete(r.running, id)
			r.mu.Unlock()
		}()
		if err := fn(bg, p); err != nil {
			fail(bg, id, err)
		}
	}()
}

// progressOf is the progress of a job this process runs, if it runs it.
func (s *Service) progressOf(id uint) (*importProgress, bool) { return s.imports.progressOf(id) }

func (r *importRuns) progressOf(id uint) (*importProgress, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.running[id]
	return p, ok
}

// WaitForImports waits until the import and export jobs running in the
// background have ended.
func (s *Service) WaitForImports() {
	s.imports.wg.Wait()
	s.exports.wg.Wait()
}

// failImport records why a job stopped. Its writes, in one transaction, were
// rolled back with it. A job whose version moved on meanwhile (failed by a
// restart of another server) is left as it is.
func (s *Service) failImport(ctx context.Context, id uint, cause error) {
	why := T("import_internal")
	if se, ok := AsError(cause); ok {
		why = se.Text
	} else {
		s.log.ErrorContext(ctx, "import failed", "import_id", id, "error", cause)
	}
	err := s.tx(ctx, func(ctx context.Context) error {
		var j model.ImportJob
		if err := s.conn(ctx).Omit("content", "checked_rows").Take(&j, id).Error; err != nil {
			return err
		}
		if j.Status != ImportChecking && j.Status != ImportImporting {
			return nil
		}
		return s.markFailed(ctx, j, why)
	})
	if err != nil {
		s.log.ErrorContext(ctx, "recording a failed import", "import_id", id, "error", err)
	}
}

// markFailed sets a job failed, with why in its result.
func (s *Service) markFailed(ctx context.Context, j model.ImportJob, why Text) error {
	r, err := resultOf(j)
	if err != nil {
		return err
	}
	reason := bothOf(why)
	r.Error = &reason
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := s.updateVersioned(ctx, &model.ImportJob{}, j.ID, j.Version, map[string]any{"status": ImportFailed, "result": string(raw),
		"finished_at": s.now()}); err != nil {
		return err
	}
	return s.audit(ctx, Caller{}, "import.fail", "import_job", j.ID, map[string]string{"status": j.Status},
		map[string]string{"status": ImportFailed, "reason": reason.EN})
}

// FailInterruptedImports fails the jobs a stop of the server cut short; the
// server calls it as it starts. With several app servers on one database, a
// job another server is running then fails too, and that server's import,
// which finds its job moved on, writes nothing.
func (s *Service) FailInterruptedImports(ctx context.Context) error {
	var jobs []model.ImportJob
	if err := s.conn(ctx).Omit("content", "checked_rows").Where("status IN ?", []string{ImportChecking, ImportImporting}).Find(&jobs).Error; err != nil {
		return err
	}
	for _, j := range jobs {
		err := s.tx(ctx, func(ctx context.Context) error { return s.markFailed(ctx, j, T("import_interrupted")) })
		if err != nil {
			return err
		}
		s.log.WarnContext(ctx, "an import was cut short by a restart and is failed", "import_id", j.ID)
	}
	return nil
}
