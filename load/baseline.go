package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// bare is the baseline: plain Gin + GORM handlers on the same database, with
// the least work each request needs and none of the rules. The real server's
// numbers are read as a share of these. It writes through writes and reads
// through db.
type bare struct{ db, writes *gorm.DB }

// serveBaseline answers at addr on the database named by value (as LEITAI_DB)
// until ctx ends. It opens the database without migrating it, as a bare
// handler would: on SQLite, which has one writer at a time, writes take
// their turn on one connection instead of spinning on the lock; on MySQL one
// pool, with the server's limits, serves both.
func serveBaseline(ctx context.Context, addr, value string) error {
	loc, err := model.ParseLocation(value)
	if err != nil {
		return err
	}
	db, err := model.Connect(loc)
	if err != nil {
		return err
	}
	b := &bare{db: db, writes: db}
	if loc.Dialect == model.SQLite {
		if b.writes, err = model.Connect(loc); err != nil {
			return err
		}
		sqlDB, err := b.writes.DB()
		if err != nil {
			return err
		}
		sqlDB.SetMaxOpenConns(1)
		defer closeDB(b.writes)
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/readyz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.POST("/api/v1/auth/login", b.login)
	r.POST("/api/v1/events/:id/entrants", b.register)
	r.GET("/api/v1/events/:id/entrants", b.entrants)
	r.GET("/api/v1/people", b.people)
	r.PUT("/api/v1/events/:id/sheets/:stage/marks", b.mark)
	r.GET("/api/v1/public/contests/:id/results", b.publicResults)
	srv := &http.Server{Addr: addr, Handler: r, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return errors.Join(srv.Shutdown(shutdownCtx), closeDB(db))
}

func closeDB(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// told reads an id the load client sends in a header (see client.go).
func told(c *gin.Context, header string) uint {
	n, _ := strconv.ParseUint(c.GetHeader(header), 10, 64)
	return uint(n)
}

func pageOf(c *gin.Context) (page, size int) {
	page, _ = strconv.Atoi(c.DefaultQuery("page", "1"))
	size, _ = strconv.Atoi(c.DefaultQuery("page_size", "20"))
	return max(page, 1), min(max(size, 1), 200)
}

func (b *bare) fail(c *gin.Context, err error) {
	c.JSON(http.StatusInternalServerError, gin.H{"code": "internal", "message": err.Error()})
}

// login finds the account and checks the password with bcrypt; no session,
// no throttling.
func (b *bare) login(c *gin.Context) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"code": "bad_request"})
		return
	}
	var acc model.Account
	if err := b.db.WithContext(c).Where("username_key = ?", strings.ToLower(in.Username)).Take(&acc).Error; err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"code": "invalid_credentials"})
		return
	}
	if bcrypt.CompareHashAndPassword([]byte(acc.PasswordHash), []byte(in.Password)) != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"code": "invalid_credentials"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"csrf_token": ""})
}

// register makes the rows a registration makes (the worker, the entry, the
// entry's participant) in one transaction, and answers with the entry.
func (b *bare) register(c *gin.Context) {
	var in registration
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"code": "bad_request"})
		return
	}
	eventID, _ := strconv.ParseUint(c.Param("id"), 10, 64)
	enterprise, contest := told(c, enterpriseHeader), told(c, contestHeader)
	w := in.Person
	var e model.Entrant
	err := b.writes.WithContext(c).Transaction(func(tx *gorm.DB) error {
		p := model.Person{OrganisationID: enterprise, Name: w.Name, Gender: w.Gender, IDNumber: w.IDNumber, Mobile: w.Mobile,
			Trade: w.Trade, SkillLevel: w.SkillLevel, YearsInTrade: w.YearsInTrade, Version: 1}
		if err := tx.Omit("Organisation").Create(&p).Error; err != nil {
			return err
		}
		key := fmt.Sprintf("p:%d", p.ID)
		e = model.Entrant{EventID: uint(eventID), ContestID: contest, EnterpriseID: enterprise, PersonID: &p.ID, NaturalKey: &key,
			Status: "pending", Version: 1}
		if err := tx.Omit("People").Create(&e).Error; err != nil {
			return err
		}
		active := p.ID
		row := model.EventParticipant{EventID: e.EventID, PersonID: p.ID, EntrantID: e.ID, Role: model.ParticipantCompetitor,
			ActiveKey: &active, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade,
			SkillLevel: p.SkillLevel, YearsInTrade: p.YearsInTrade}
		e.People = []model.EventParticipant{row}
		return tx.Create(&e.People[0]).Error
	})
	if err != nil {
		b.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, e)
}

// entrants is one page of an event's entries with their people: a count and
// two SELECTs.
func (b *bare) entrants(c *gin.Context) {
	eventID, _ := strconv.ParseUint(c.Param("id"), 10, 64)
	page, size := pageOf(c)
	db := b.db.WithContext(c)
	var total int64
	if err := db.Model(&model.Entrant{}).Where("event_id = ?", eventID).Count(&total).Error; err != nil {
		b.fail(c, err)
		return
	}
	rows := []model.Entrant{}
	err := db.Preload("People", func(q *gorm.DB) *gorm.DB { return q.Order("position, id") }).Where("event_id = ?", eventID).
		Order("id").Limit(size).Offset((page - 1) * size).Find(&rows).Error
	if err != nil {
		b.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": rows, "total": total, "page": page, "page_size": size})
}

// people is one page of workers with their organisation: an enterprise's own
// when the request names one, everyone's otherwise.
func (b *bare) people(c *gin.Context) {
	page, size := pageOf(c)
	q := b.db.WithContext(c).Model(&model.Person{})
	if enterprise := told(c, enterpriseHeader); enterprise != 0 {
		q = q.Where("organisation_id = ?", enterprise)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		b.fail(c, err)
		return
	}
	rows := []model.Person{}
	if err := q.Preload("Organisation").Order("id").Limit(size).Offset((page - 1) * size).Find(&rows).Error; err != nil {
		b.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": rows, "total": total, "page": page, "page_size": size})
}

// mark stores one judge's mark on one entrant and criterion: one upsert of
// the row, as told by the load client; no session, no checks, no history.
func (b *bare) mark(c *gin.Context) {
	var in struct {
		SheetID   uint   `json:"sheet_id"`
		EntrantID uint   `json:"entrant_id"`
		JudgeID   uint   `json:"judge_id"`
		Criterion string `json:"criterion"`
		Points    int64  `json:"points"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"code": "bad_request"})
		return
	}
	now := time.Now().UTC()
	m := model.Mark{SheetID: in.SheetID, EntrantID: in.EntrantID, JudgeID: in.JudgeID, Criterion: in.Criterion, Points: in.Points * 100,
		Version: 1, UpdatedBy: in.JudgeID, CreatedAt: now, UpdatedAt: now}
	err := b.writes.WithContext(c).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "entrant_id"}, {Name: "criterion"}, {Name: "judge_id"}},
		DoUpdates: clause.Assignments(map[string]any{"points": m.Points, "version": gorm.Expr("version + 1"), "updated_at": now}),
	}).Create(&m).Error
	if err != nil {
		b.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"criterion": m.Criterion, "points": in.Points})
}
