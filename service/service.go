// Package service holds Leitai's rules: accounts and access, the organisation
// tree, people. It knows no HTTP; every method takes the caller and plain values.
package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/model"
)

// Service is the one entry point for the HTTP layer and the command line.
type Service struct {
	// base is the connection pool; requests reach it through conn and tx.
	base   *gorm.DB
	secret []byte
	log    *slog.Logger
	now    func() time.Time
	// bcryptCost is bcrypt's default except in tests, which lower it for speed.
	bcryptCost int
	// commonPasswords are refused as passwords (commonpasswords.txt).
	commonPasswords map[string]bool
	// writeTurn lets one transaction at a time write to an SQLite database:
	// writers wait here, in the process, instead of spinning on the file's
	// lock until its busy timeout. Nil on MySQL, whose rows lock one by one.
	writeTurn chan struct{}
	// hashSlots bounds the password hashes computed at once (see passwords.go).
	hashSlots chan struct{}
	hashWait  time.Duration
	// imports are the import jobs this process runs in the background;
	// files larger than backgroundImportBytes run there.
	imports               importRuns
	backgroundImportBytes int
	// exports are the export jobs this process writes in the background;
	// exports of more than backgroundExportRows rows are written there.
	exports              importRuns
	backgroundExportRows int
	// public keeps the rendered public results of contests (public_cache.go).
	public *publicCache
	// boards keeps what the progress boards are drawn from, briefly (board_cache.go).
	boards *boardCache
}

// Options configure a Service. Now defaults to the wall clock.
type Options struct {
	Secret []byte
	Logger *slog.Logger
	Now    func() time.Time
	// BcryptCost defaults to bcrypt.DefaultCost.
	BcryptCost int
	// HashSlots is how many password hashes may run at once, by default one
	// per processor but one; HashWait how long a login waits for a slot before
	// it is answered busy, by default 3 seconds.
	HashSlots int
	HashWait  time.Duration
	// BackgroundImportBytes is the size above which an uploaded file is
	// checked and imported in the background, as a job the web app follows
	// with a progress bar; by default 64 KB, about a thousand rows.
	BackgroundImportBytes int
	// BackgroundExportRows is the number of rows above which an export is
	// written in the background, as a job the web app follows with a
	// progress bar; by default 2,000.
	BackgroundExportRows int
	// BoardFreshness is how long what a progress board shows may be reused
	// for the next board that asks: the boards open on a contest day then
	// cost the judges saving marks a build every so often, not one each. By
	// default nothing is reused.
	BoardFreshness time.Duration
}

// New makes a Service over an opened, migrated database.
func New(db *gorm.DB, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.BcryptCost == 0 {
		opts.BcryptCost = bcrypt.DefaultCost
	}
	if opts.HashSlots == 0 {
		// One processor stays free for everything else: judges, registrations, lists.
		opts.HashSlots = max(1, runtime.GOMAXPROCS(0)-1)
	}
	if opts.HashWait == 0 {
		opts.HashWait = 3 * time.Second
	}
	if opts.BackgroundImportBytes == 0 {
		opts.BackgroundImportBytes = 64 << 10
	}
	if opts.BackgroundExportRows == 0 {
		opts.BackgroundExportRows = 2000
	}
	s := &Service{
		base: db, secret: opts.Secret, log: opts.Logger, bcryptCost: opts.BcryptCost, commonPasswords: commonPasswords(),
		now:       func() time.Time { return opts.Now().UTC().Truncate(time.Millisecond) },
		hashSlots: make(chan struct{}, opts.HashSlots), hashWait: opts.HashWait,
		imports: importRuns{running: map[uint]*importProgress{}}, backgroundImportBytes: opts.BackgroundImportBytes,
		exports: importRuns{running: map[uint]*importProgress{}}, backgroundExportRows: opts.BackgroundExportRows,
		public: newPublicCache(), boards: newBoardCache(opts.BoardFreshness),
	}
	if db != nil && db.Dialector.Name() != "mysql" {
		s.writeTurn = make(chan struct{}, 1)
	}
	return s
}

// Ping tells whether the database answers.
func (s *Service) Ping(ctx context.Context) error {
	sqlDB, err := s.base.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Caller is the account a request acts for, read from its session.
type Caller struct {
	AccountID        uint
	SessionID        uint
	Username         string
	Role             string
	OrganisationID   uint
	OrganisationName string
	// OrgPath is the caller organisation's tree path, as "/1/4/".
	OrgPath   string
	CSRFToken string
	// MustChangePassword is set until the account chooses its own password.
	MustChangePassword bool
}

// txKey is the context key of the transaction a service method opened.
type txKey struct{}

// conn is the database as ctx sees it: the transaction ctx carries, or the pool.
func (s *Service) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	return s.base.WithContext(ctx)
}

// tx runs fn in one transaction. When ctx already carries one, fn joins it, so
// that a service method calling others commits all of their work or none of it.
// Every write of the service goes through here.
func (s *Service) tx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	if s.writeTurn != nil {
		select {
		case s.writeTurn <- struct{}{}:
			defer func() { <-s.writeTurn }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	run := func() error {
		return s.base.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			return fn(context.WithValue(ctx, txKey{}, tx))
		})
	}
	err := run()
	// MySQL ends one transaction of a deadlock, which then simply runs again.
	for retry := 1; retry <= 3 && model.Deadlock(err); retry++ {
		s.log.WarnContext(ctx, "deadlock: running the transaction again", "retry", retry, "error", err)
		time.Sleep(time.Duration(retry*rand.IntN(20)) * time.Millisecond)
		err = run()
	}
	if err == nil && ctx.Value(marksOnlyKey{}) == nil {
		s.boards.forget()
	}
	return constraintError(err)
}

// audit records a change inside the transaction that makes it.
func (s *Service) audit(ctx context.Context, c Caller, action, entity string, id uint, before, after any) error {
	return s.auditWithReason(ctx, c, action, entity, id, before, after, "")
}

// auditWithReason records a change and why it was made.
func (s *Service) auditWithReason(ctx context.Context, c Caller, action, entity string, id uint, before, after any, reason string) error {
	b, err := jsonOf(before)
	if err != nil {
		return fmt.Errorf("audit %s of %s %d, before: %w", action, entity, id, err)
	}
	a, err := jsonOf(after)
	if err != nil {
		return fmt.Errorf("audit %s of %s %d, after: %w", action, entity, id, err)
	}
	entry := model.AuditEntry{Action: action, Entity: entity, EntityID: id, BeforeValue: b, AfterValue: a, Reason: reason}
	if c.AccountID != 0 {
		entry.AccountID = &c.AccountID
	}
	return s.conn(ctx).Create(&entry).Error
}

func jsonOf(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

// notFoundOr turns gorm's record-not-found into a not_found error for what.
func notFoundOr(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return notFound(what)
	}
	return err
}

// Page is one page of a list with the total number of matches.
type Page[T any] struct {
	Items    []T   `json:"items"`
	Total    int64 `json:"total"`
	Page     int   `json:"page"`
	PageSize int   `json:"page_size"`
}

// PageRequest says which page to return; the HTTP layer bounds the numbers.
type PageRequest struct {
	Page     int
	PageSize int
}

func (p PageRequest) apply(q *gorm.DB) *gorm.DB {
	offset := int64(p.Page-1) * int64(p.PageSize)
	return q.Offset(int(offset)).Limit(p.PageSize)
}

func paged[M any, T any](q *gorm.DB, p PageRequest, order string, convert func(M) T) (Page[T], error) {
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return Page[T]{}, err
	}
	var rows []M
	if err := p.apply(q).Order(order).Find(&rows).Error; err != nil {
		return Page[T]{}, err
	}
	items := make([]T, len(rows))
	for i, r := range rows {
		items[i] = convert(r)
	}
	return Page[T]{Items: items, Total: total, Page: p.Page, PageSize: p.PageSize}, nil
}
