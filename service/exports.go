package service

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"time"

	"leitai/model"
	"leitai/service/workbook"
)

// An export is a print-ready workbook written by streaming, kept as a job
// for the account that asked for it: written while the request waits when
// it is small, in the background otherwise, with its progress, and
// downloaded afterwards. Who may export what, and whether ID numbers are
// shown in full, is decided here when the export is asked for.

// Kinds of export.
const (
	ExportRegistrations = "registrations" // a contest's or an event's entries
	ExportScores        = "scores"        // every judge's marks of an event's stage
	ExportPeople        = "people"        // the register of workers
	ExportResults       = "results"       // an event's newest results
	ExportStandings     = "standings"     // a contest's enterprise ranking
	ExportMedals        = "medals"        // a contest's medal tables
	ExportTalents       = "talents"       // the talent pool, filtered as its list is
)

// Statuses of an export job.
const (
	ExportRunning = "running" // being written, in the background
	ExportDone    = "done"    // written; the workbook can be downloaded
	ExportFailed  = "failed"  // stopped by an error
)

var (
	exportKinds    = []string{ExportRegistrations, ExportScores, ExportPeople, ExportResults, ExportStandings, ExportMedals, ExportTalents}
	exportStatuses = []string{ExportRunning, ExportDone, ExportFailed}
)

// exportJobsKept is how long a job and its workbook are kept.
const exportJobsKept = 7 * 24 * time.Hour

// ExportRequest is what is to be exported. ContestID (with EventID for one
// event) names registrations; EventID and Stage name score sheets; people
// need neither. FullIDs asks for ID numbers and mobiles unmasked.
type ExportRequest struct {
	Kind      string
	ContestID uint
	EventID   uint
	Stage     string
	FullIDs   bool
	// Pool filters the talent pool's export as its list.
	Pool PoolFilter
}

// ExportJob is what the API shows of an export.
type ExportJob struct {
	ID        uint   `json:"id"`
	Kind      string `json:"kind"`
	ContestID *uint  `json:"contest_id"`
	EventID   *uint  `json:"event_id"`
	Stage     string `json:"stage"`
	FullIDs   bool   `json:"full_ids"`
	Status    string `json:"status"`
	// Rows is how many rows (entries, entrants or workers) the workbook has;
	// RowsDone how many are written yet.
	Rows       int        `json:"rows"`
	RowsDone   int        `json:"rows_done"`
	FileName   string     `json:"file_name"`
	Error      string     `json:"error"`
	Version    int        `json:"version"`
	CreatedAt  time.Time  `json:"created_at"`
	FinishedAt *time.Time `json:"finished_at"`
}

// exportPlan is an export the caller may have: the table to write, how many
// rows it has, and how to write them. Each kind makes one, after checking
// access, in a file of its own (export_registrations.go …); a new kind, such
// as an event's results or a medal table, is one more such function and one
// more case in StartExport: the jobs, the progress, the download, the frame
// of the workbook and its guard against formulas are shared.
type exportPlan struct {
	table    workbook.Table
	rows     int
	fileName string
	// write writes the rows, counting them in p.
	write func(ctx context.Context, w *workbook.TableWriter, p *importProgress) error
}

// StartExport checks that the caller may have the export, and writes it:
// at once when it is small, in the background otherwise.
func (s *Service) StartExport(ctx context.Context, c Caller, req ExportRequest, lang Lang) (ExportJob, error) {
	var plan exportPlan
	var err error
	switch req.Kind {
	case ExportRegistrations:
		plan, err = s.registrationsExport(ctx, c, req, lang)
	case ExportScores:
		req.FullIDs = false // a score sheet names no ID number
		plan, err = s.scoresExport(ctx, c, req, lang)
	case ExportPeople:
		plan, err = s.peopleExport(ctx, c, req, lang)
	case ExportResults:
		req.FullIDs, req.Stage = false, "" // results name no ID number
		plan, err = s.resultsExport(ctx, c, req, lang)
	case ExportStandings:
		req.FullIDs, req.Stage = false, ""
		plan, err = s.standingsExport(ctx, c, req, lang)
	case ExportMedals:
		req.FullIDs, req.Stage = false, ""
		plan, err = s.medalsExport(ctx, c, req, lang)
	case ExportTalents:
		req.FullIDs, req.Stage = false, "" // the pool keeps no ID number
		plan, err = s.talentsExport(ctx, c, req, lang)
	default:
		return ExportJob{}, invalid(field("kind", "one_of", strings.Join(exportKinds, ", ")))
	}
	if err != nil {
		return ExportJob{}, err
	}
	job := model.ExportJob{Kind: req.Kind, Stage: req.Stage, FullIDs: req.FullIDs, OrganisationID: c.OrganisationID, AccountID: c.AccountID,
		Status: ExportRunning, RowsTotal: plan.rows, FileName: plan.fileName, Version: 1, CreatedAt: s.now(), UpdatedAt: s.now()}
	if req.ContestID != 0 {
		job.ContestID = &req.ContestID
	}
	if req.EventID != 0 {
		job.EventID = &req.EventID
	}
	if plan.rows <= s.backgroundExportRows {
		content, err := writeExport(ctx, plan, nil)
		if err != nil {
			return ExportJob{}, err
		}
		now := s.now()
		job.Status, job.Content, job.FinishedAt = ExportDone, content, &now
		if err := s.saveExportJob(ctx, c, &job); err != nil {
			return ExportJob{}, err
		}
		return s.showExport(job, lang), nil
	}
	if err := s.saveExportJob(ctx, c, &job); err != nil {
		return ExportJob{}, err
	}
	s.exports.start(job.ID, func(ctx context.Context, p *importProgress) error {
		content, err := writeExport(ctx, plan, p)
		if err != nil {
			return err
		}
		return s.tx(ctx, func(ctx context.Context) error {
			return s.updateVersioned(ctx, &model.ExportJob{}, job.ID, job.Version, map[string]any{"status": ExportDone, "content": content,
				"finished_at": s.now()})
		})
	}, s.failExport)
	return s.showExport(job, lang), nil
}

// writeExport writes a plan's workbook. The rows are streamed to a
// temporary file as they are written; only the finished workbook is held.
func writeExport(ctx context.Context, plan exportPlan, p *importProgress) ([]byte, error) {
	w, err := workbook.NewTableWriter(plan.table)
	if err != nil {
		return nil, err
	}
	defer func() { _ = w.Close() }()
	p.set(StageWriting, 0, plan.rows)
	if err := plan.write(ctx, w, p); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// saveExportJob records a new job, and lets go of the account's jobs older
// than exportJobsKept, with their workbooks.
func (s *Service) saveExportJob(ctx context.Context, c Caller, j *model.ExportJob) error {
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := tx.Where("account_id = ? AND created_at < ?", j.AccountID, s.now().Add(-exportJobsKept)).Delete(&model.ExportJob{}).Error; err != nil {
			return err
		}
		if err := tx.Create(j).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "export.start", "export_job", j.ID, nil, map[string]any{"kind": j.Kind, "contest_id": j.ContestID,
			"event_id": j.EventID, "stage": j.Stage, "full_ids": j.FullIDs, "rows": j.RowsTotal})
	})
}

// loadExportJob loads a job, without its workbook, for the account that
// asked for it: it may hold ID numbers in full, which nobody else sees.
func (s *Service) loadExportJob(ctx context.Context, c Caller, id uint) (model.ExportJob, error) {
	var j model.ExportJob
	if err := s.conn(ctx).Omit("content").Take(&j, id).Error; err != nil {
		return j, notFoundOr(err, "export")
	}
	if !c.ownsExport(j) {
		return j, forbidden()
	}
	return j, nil
}

// GetExport shows a job, with its progress while this process writes it.
func (s *Service) GetExport(ctx context.Context, c Caller, id uint, lang Lang) (ExportJob, error) {
	j, err := s.loadExportJob(ctx, c, id)
	if err != nil {
		return ExportJob{}, err
	}
	return s.showExport(j, lang), nil
}

func (s *Service) showExport(j model.ExportJob, lang Lang) ExportJob {
	v := ExportJob{ID: j.ID, Kind: j.Kind, ContestID: j.ContestID, EventID: j.EventID, Stage: j.Stage, FullIDs: j.FullIDs, Status: j.Status,
		Rows: j.RowsTotal, FileName: j.FileName, Version: j.Version, CreatedAt: j.CreatedAt, FinishedAt: j.FinishedAt}
	switch j.Status {
	case ExportDone:
		v.RowsDone = j.RowsTotal
	case ExportRunning:
		if p, ok := s.exports.progressOf(j.ID); ok {
			_, v.RowsDone, _ = p.get()
		}
	case ExportFailed:
		var why bothText
		if json.Unmarshal([]byte(j.Error), &why) == nil {
			v.Error = why.in(lang)
		}
	}
	return v
}

// ExportFile is a finished job's workbook.
func (s *Service) ExportFile(ctx context.Context, c Caller, id uint) (File, error) {
	j, err := s.loadExportJob(ctx, c, id)
	if err != nil {
		return File{}, err
	}
	switch j.Status {
	case ExportRunning:
		return File{}, conflict("export_running")
	case ExportFailed:
		return File{}, conflict("export_failed")
	}
	if err := s.conn(ctx).Model(&model.ExportJob{}).Select("content").Where("id = ?", j.ID).Take(&j).Error; err != nil {
		return File{}, err
	}
	return File{Name: j.FileName, Content: j.Content}, nil
}

// failExport records why a job stopped.
func (s *Service) failExport(ctx context.Context, id uint, cause error) {
	why := T("export_internal")
	if se, ok := AsError(cause); ok {
		why = se.Text
	} else {
		s.log.ErrorContext(ctx, "export failed", "export_id", id, "error", cause)
	}
	err := s.tx(ctx, func(ctx context.Context) error {
		var j model.ExportJob
		if err := s.conn(ctx).Omit("content").Take(&j, id).Error; err != nil {
			return err
		}
		if j.Status != ExportRunning {
			return nil
		}
		return s.markExportFailed(ctx, j, why)
	})
	if err != nil {
		s.log.ErrorContext(ctx, "recording a failed export", "export_id", id, "error", err)
	}
}

func (s *Service) markExportFailed(ctx context.Context, j model.ExportJob, why Text) error {
	raw, err := json.Marshal(bothOf(why))
	if err != nil {
		return err
	}
	return s.updateVersioned(ctx, &model.ExportJob{}, j.ID, j.Version, map[string]any{"status": ExportFailed, "error": string(raw),
		"finished_at": s.now()})
}

// FailInterruptedExports fails the jobs a stop of the server cut short; the
// server calls it as it starts. Exporting again writes the workbook anew.
func (s *Service) FailInterruptedExports(ctx context.Context) error {
	var jobs []model.ExportJob
	if err := s.conn(ctx).Omit("content").Where("status = ?", ExportRunning).Find(&jobs).Error; err != nil {
		return err
	}
	for _, j := range jobs {
		if err := s.tx(ctx, func(ctx context.Context) error { return s.markExportFailed(ctx, j, T("export_interrupted")) }); err != nil {
			return err
		}
		s.log.WarnContext(ctx, "an export was cut short by a restart and is failed", "export_id", j.ID)
	}
	return nil
}

// exportTable is the frame every export shares: its title, who made it and
// when, and the printed footer.
func (s *Service) exportTable(c Caller, sheet, title string, lang Lang) workbook.Table {
	return workbook.Table{Sheet: sheet, Title: title, Issuer: T("export_issuer", c.OrganisationName).In(lang),
		Dated: T("export_dated", s.now().In(beijing).Format("2006-01-02")).In(lang), Footer: T("export_footer").In(lang)}
}

// exportBatch is how many rows an export reads from the database at once.
const exportBatch = 500

// fileNamed keeps a file's name free of the characters file systems refuse.
func fileNamed(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}
