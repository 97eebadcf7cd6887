package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"leitai/model"
)

// publicClients read the published results at once: the phones in a hall
// and the big screen's polls.
const publicClients = 100

// 9. Published results read by many at once, logged out: the listed event's
// entrants approved, drawn, ranked, published and decoded on the database,
// the real server's kept answer beside the bare handler answering the
// stored snapshot as it is. It runs last: it takes the contest to public
// notice.
func (r *run) publicResults(ctx context.Context) error {
	if err := r.fill(ctx, r.fed.register, r.cfg.listed); err != nil {
		return fmt.Errorf("entering %d workers to publish: %w", r.cfg.listed, err)
	}
	contest, n, err := publishOnStore(r.store, r.fed.register)
	if err != nil {
		return fmt.Errorf("publishing results on the database: %w", err)
	}
	path := fmt.Sprintf("/api/v1/public/contests/%d/results", contest)
	q, _, err := r.both(comparison{scenario: "public results", load: fmt.Sprintf("%d readers, %d entrants", publicClients, n),
		allowed: []int{http.StatusOK}, ratio: throughputRatio,
		drive: func(p *process) *tally {
			reader := &session{http: r.hc, base: p.base}
			return closedLoop(ctx, publicClients, r.cfg.duration, func(ctx context.Context, _ int) (answer, error) {
				return reader.do(ctx, http.MethodGet, path, nil)
			})
		}})
	if err != nil {
		return err
	}
	r.goals = append(r.goals, goal{"public results, 100 readers", fmt.Sprintf("%.2f of the bare stored snapshot", q), "≥ 0.50", q >= 0.5})
	return nil
}

// publishOnStore approves and numbers an event's entrants, writes a
// published snapshot ranking them (10 % first, 20 % second, 30 % third),
// decodes it to names and takes the contest to public notice. It answers
// the contest and the number of entrants.
func publishOnStore(db *gorm.DB, eventID uint) (uint, int, error) {
	var ev model.Event
	if err := db.Take(&ev, eventID).Error; err != nil {
		return 0, 0, err
	}
	var admin model.Account
	if err := db.Where("username = ?", "admin").Take(&admin).Error; err != nil {
		return 0, 0, err
	}
	var entrants []model.Entrant
	if err := db.Select("id, enterprise_id").Where("event_id = ? AND natural_key IS NOT NULL", eventID).Order("id").Find(&entrants).Error; err != nil {
		return 0, 0, err
	}
	type stage struct {
		Code  string `json:"code"`
		Score int    `json:"score"`
		Time  int    `json:"time"`
	}
	type line struct {
		Entrant    uint    `json:"entrant"`
		Enterprise uint    `json:"enterprise"`
		Status     string  `json:"status"`
		Rank       int     `json:"rank"`
		Total      float64 `json:"total"`
		Stages     []stage `json:"stages"`
		Award      string  `json:"award"`
	}
	lines := make([]line, len(entrants))
	for i, e := range entrants {
		award := ""
		switch n := len(entrants); {
		case i < n/10:
			award = "first"
		case i < n*3/10:
			award = "second"
		case i < n*6/10:
			award = "third"
		}
		lines[i] = line{Entrant: e.ID, Enterprise: e.EnterpriseID, Status: "ranked", Rank: i + 1, Total: float64(10000-i) / 100,
			Stages: []stage{{Code: "theory", Score: 90}, {Code: "practical", Score: 80}}, Award: award}
	}
	raw, err := json.Marshal(map[string]any{"field": len(lines), "lines": lines})
	if err != nil {
		return 0, 0, err
	}
	now := time.Now().UTC()
	err = db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("UPDATE entrants SET status = 'approved', draw_number = CAST(id AS CHAR) WHERE event_id = ? AND natural_key IS NOT NULL", eventID).Error; err != nil {
			return err
		}
		if err := tx.Create(&model.ResultSnapshot{EventID: eventID, Version: 1, RulesVersion: ev.RulesVersion, Result: string(raw), ComputedBy: admin.ID,
			ComputedAt: now, PublishedAt: &now}).Error; err != nil {
			return err
		}
		if err := tx.Create(&model.NameDecoding{EventID: eventID, DecodedBy: admin.ID, DecodedAt: now}).Error; err != nil {
			return err
		}
		return tx.Model(&model.Contest{}).Where("id = ?", ev.ContestID).Update("status", model.StepPublicNotice).Error
	})
	return ev.ContestID, len(entrants), err
}

// publicResults answers a contest's newest published snapshot as it is
// stored: no access to check, no names to look up, nothing kept.
func (b *bare) publicResults(c *gin.Context) {
	var raw string
	err := b.db.WithContext(c).Raw("SELECT s.result FROM result_snapshots s JOIN events e ON e.id = s.event_id "+
		"WHERE e.contest_id = ? AND s.published_at IS NOT NULL ORDER BY s.version DESC LIMIT 1", c.Param("id")).Row().Scan(&raw)
	if err != nil {
		c.Status(http.StatusNotFound)
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", []byte(raw))
}
