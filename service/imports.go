package service

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"leitai/model"
	"leitai/service/workbook"
)

// An import is checked first and written afterwards: uploading a file makes
// a job that reads it, checks every row by the rules of the API and says
// what importing would do (a dry run), writing nothing; importing the job
// then checks the file again and writes all of it, or nothing at all.

// Statuses of an import job.
const (
	ImportChecking  = "checking"  // being read and checked, in the background
	ImportChecked   = "checked"   // every row passed; ready to import
	ImportInvalid   = "invalid"   // some rows have problems; nothing can be imported
	ImportImporting = "importing" // being written, in the background
	ImportImported  = "imported"  // written
	ImportFailed    = "failed"    // stopped by an error, nothing written
)

// ImportRegistrations is the kind of job that enters workers into events.
const ImportRegistrations = "registration"

// Bounds of an import. MaxImportBytes bounds the upload itself; the limits
// bound what reading it may unpack.
const (
	MaxImportBytes = 10 << 20
	// maxProblemsKept and maxActionsKept bound the lists a job keeps; the
	// totals count them all.
	maxProblemsKept = 10000
	maxActionsKept  = 1000
	// importJobsKept is how long a job and its file are kept.
	importJobsKept = 30 * 24 * time.Hour
)

// importLimits bound reading an uploaded file: a zip bomb fails before it is
// inflated, a large worksheet is streamed from a temporary file.
func importLimits() workbook.Limits {
	return workbook.Limits{UnzipSize: 256 << 20, UnzipXML: 16 << 20, Rows: MaxImportRows + headerSearch + 2, Columns: 64}
}

// ImportJob is what the API shows of an import.
type ImportJob struct {
	ID        uint   `json:"id"`
	Kind      string `json:"kind"`
	ContestID uint   `json:"contest_id"`
	EventID   *uint  `json:"event_id"`
	FileName  string `json:"file_name"`
	Status    string `json:"status"`
	// Stage is how far a running job has come: reading, checking or writing.
	Stage         string          `json:"stage"`
	Rows          int             `json:"rows"`
	RowsDone      int             `json:"rows_done"`
	Created       int             `json:"created"`
	Updated       int             `json:"updated"`
	Unchanged     int             `json:"unchanged"`
	Problems      []ImportProblem `json:"problems"`
	ProblemsTotal int             `json:"problems_total"`
	Actions       []ImportAction  `json:"actions"`
	ActionsTotal  int             `json:"actions_total"`
	Error         string          `json:"error"`
	Version       int             `json:"version"`
	CreatedAt     time.Time       `json:"created_at"`
	FinishedAt    *time.Time      `json:"finished_at"`
}

// ImportProblem is one problem of a file: where it is and what is wrong.
// Column is the column's letters, empty for the row as a whole.
type ImportProblem struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Header  string `json:"header"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

// ImportAction is what importing does with one row: create, update or
// nothing (unchanged); Fields are what an update changes.
type ImportAction struct {
	Row        int      `json:"row"`
	Event      string   `json:"event"`
	Enterprise string   `json:"enterprise"`
	Name       string   `json:"name"`
	Action     string   `json:"action"`
	Fields     []string `json:"fields"`
}

// What importing a row does.
const (
	ActionCreate    = "create"
	ActionUpdate    = "update"
	ActionUnchanged = "unchanged"
)

// importResult is what checking a file found, kept with its job as JSON.
type importResult struct {
	Sheet string `json:"sheet"`
	// HeaderRow is the header's row number; Width the rightmost column in use.
	HeaderRow     int            `json:"header_row"`
	Width         int            `json:"width"`
	Rows          int            `json:"rows"`
	Problems      []sheetProblem `json:"problems"`
	ProblemsTotal int            `json:"problems_total"`
	Actions       []ImportAction `json:"actions"`
	ActionsTotal  int            `json:"actions_total"`
	// Error is why a job failed.
	Error *bothText `json:"error,omitempty"`
}

// sheetProblem is a problem at a cell (Column from 1), or at a row as a
// whole (Column 0), in both languages.
type sheetProblem struct {
	Row    int      `json:"row"`
	Column int      `json:"column"`
	Header string   `json:"header"`
	Value  string   `json:"value"`
	Text   bothText `json:"text"`
}

// bothText is a message in both languages, kept for whoever reads it later.
type bothText struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

func bothOf(t Text) bothText { return bothText{ZH: t.In(LangZH), EN: t.In(LangEN)} }

func (b bothText) in(lang Lang) string {
	if lang == LangEN {
		return b.EN
	}
	return b.ZH
}

// add keeps a problem, up to maxProblemsKept of them, and counts every one.
func (r *importResult) add(p sheetProblem) {
	r.ProblemsTotal++
	if len(r.Problems) < maxProblemsKept {
		r.Problems = append(r.Problems, p)
	}
}

// addAction keeps what a row does, up to maxActionsKept of them.
func (r *importResult) addAction(a ImportAction) {
	r.ActionsTotal++
	if len(r.Actions) < maxActionsKept {
		r.Actions = append(r.Actions, a)
	}
}

// fileError turns a problem of a file as a whole into the answer it gets at once.
func fileError(err error) error {
	fe, ok := workbook.AsError(err)
	if !ok {
		return err
	}
	switch fe.Problem {
	case workbook.NotSpreadsheet:
		return &Error{Kind: KindMediaType, Code: "not_spreadsheet", Text: T("file_not_spreadsheet")}
	case workbook.LegacyXLS:
		return &Error{Kind: KindMediaType, Code: "legacy_xls", Text: T("file_legacy_xls")}
	case workbook.Encrypted:
		return &Error{Kind: KindBadRequest, Code: "encrypted_file", Text: T("file_encrypted")}
	case workbook.TooBig:
		return &Error{Kind: KindTooLarge, Code: "too_large", Text: T("file_too_big", fe.Limit>>20)}
	case workbook.TooManyRows:
		return &Error{Kind: KindTooLarge, Code: "too_large", Text: T("file_too_many_rows", MaxImportRows)}
	case workbook.TooManyColumns:
		return &Error{Kind: KindTooLarge, Code: "too_large", Text: T("file_too_many_columns", fe.Limit)}
	case workbook.NoSheet:
		return &Error{Kind: KindBadRequest, Code: "corrupt_file", Text: T("file_no_sheet")}
	}
	return &Error{Kind: KindBadRequest, Code: "corrupt_file", Text: T("file_corrupt")}
}

// importJobView shows a job in a language.
func importJobView(j model.ImportJob, lang Lang) (ImportJob, error) {
	v := ImportJob{ID: j.ID, Kind: j.Kind, ContestID: j.ContestID, EventID: j.EventID, FileName: j.FileName, Status: j.Status,
		Rows: j.RowsTotal, RowsDone: j.RowsDone, Created: j.CreatedCount, Updated: j.UpdatedCount, Unchanged: j.UnchangedCount,
		Problems: []ImportProblem{}, Actions: []ImportAction{}, Version: j.Version, CreatedAt: j.CreatedAt, FinishedAt: j.FinishedAt}
	r, err := resultOf(j)
	if err != nil {
		return v, err
	}
	for _, p := range r.Problems {
		v.Problems = append(v.Problems, ImportProblem{Sheet: r.Sheet, Row: p.Row, Column: workbook.ColumnName(p.Column), Header: p.Header,
			Value: p.Value, Message: p.Text.in(lang)})
	}
	if r.Actions != nil {
		v.Actions = r.Actions
	}
	v.ProblemsTotal, v.ActionsTotal = r.ProblemsTotal, r.ActionsTotal
	if r.Error != nil {
		v.Error = r.Error.in(lang)
	}
	return v, nil
}

func resultOf(j model.ImportJob) (importResult, error) {
	var r importResult
	if j.Result == "" {
		return r, nil
	}
	err := json.Unmarshal([]byte(j.Result), &r)
	return r, err
}

// importFileName keeps the base of an uploaded file's name, within the column.
func importFileName(name string) string {
	name = path.Base(strings.ReplaceAll(strings.TrimSpace(name), `\`, "/"))
	if name == "." || name == "/" {
		return ""
	}
	for utf8.RuneCountInString(name) > 200 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}

// loadImportJob loads a job without its file.
func (s *Service) loadImportJob(ctx context.Context, c Caller, id uint) (model.ImportJob, error) {
	var j model.ImportJob
	if err := s.conn(ctx).Omit("content", "checked_rows").Take(&j, id).Error; err != nil {
		return j, notFoundOr(err, "import")
	}
	if !c.ownsImport(j) {
		return j, forbidden()
	}
	return j, nil
}

// GetImport shows a job to the organisation that made it.
func (s *Service) GetImport(ctx context.Context, c Caller, id uint, lang Lang) (ImportJob, error) {
	j, err := s.loadImportJob(ctx, c, id)
	if err != nil {
		return ImportJob{}, err
	}
	return s.showImport(j, lang)
}

// showImport shows a job with its progress, when this process runs it.
func (s *Service) showImport(j model.ImportJob, lang Lang) (ImportJob, error) {
	v, err := importJobView(j, lang)
	if p, ok := s.progressOf(j.ID); ok && (j.Status == ImportChecking || j.Status == ImportImporting) {
		v.Stage, v.RowsDone, v.Rows = p.get()
	}
	return v, err
}

// ImportReport is a copy of a job's file with each problem marked: the bad
// cells filled red with a comment, and a column listing every problem of
// each row.
func (s *Service) ImportReport(ctx context.Context, c Caller, id uint, lang Lang) (File, error) {
	j, err := s.loadImportJob(ctx, c, id)
	if err != nil {
		return File{}, err
	}
	r, err := resultOf(j)
	if err != nil {
		return File{}, err
	}
	if len(r.Problems) == 0 {
		return File{}, conflict("import_no_problems")
	}
	if err := s.conn(ctx).Model(&model.ImportJob{}).Select("content").Where("id = ?", j.ID).Take(&j).Error; err != nil {
		return File{}, err
	}
	marks := make([]workbook.Mark, len(r.Problems))
	for i, p := range r.Problems {
		marks[i] = workbook.Mark{Row: p.Row, Column: p.Column, Text: p.Text.in(lang)}
	}
	sheet := r.Sheet
	if sheet == "" && j.Kind == ImportRegistrations {
		sheet = T("sheet_registration").In(lang)
	} else if sheet == "" {
		sheet = T("sheet_scores").In(lang)
	}
	report := workbook.Report{Sheet: sheet, HeaderRow: max(r.HeaderRow, 1), ProblemColumn: r.Width + 1,
		ProblemHeader: T("col_problems").In(lang), Author: T("app_name").In(lang)}
	var buf bytes.Buffer
	if err := workbook.WriteReport(&buf, j.Content, importLimits(), report, marks); err != nil {
		return File{}, fileError(err)
	}
	base := strings.TrimSuffix(j.FileName, path.Ext(j.FileName))
	if base == "" {
		base = fmt.Sprint(j.ID)
	}
	return File{Name: T("report_file", base).In(lang), Content: buf.Bytes()}, nil
}

// saveImportJob records a new job (checked, or to be checked in the
// background when r is nil), and lets go of the organisation's
// jobs older than importJobsKept, with their files.
func (s *Service) saveImportJob(ctx context.Context, c Caller, j *model.ImportJob, r *importResult) error {
	if r != nil {
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		j.Result = string(raw)
	}
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := tx.Where("organisation_id = ? AND created_at < ?", j.OrganisationID, s.now().Add(-importJobsKept)).
			Delete(&model.ImportJob{}).Error; err != nil {
			return err
		}
		if err := tx.Create(j).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "import.check", "import_job", j.ID, nil, map[string]any{"kind": j.Kind, "contest_id": j.ContestID,
			"status": j.Status, "rows": j.RowsTotal})
	})
}
