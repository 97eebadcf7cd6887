package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type contestRequest struct {
	Name                 *string    `json:"name" validate:"omitnil,max=200"`
	Kind                 *string    `json:"kind"`
	Format               *string    `json:"format"`
	Level                *string    `json:"level"`
	OrganiserID          *uint      `json:"organiser_id"`
	Description          *string    `json:"description" validate:"omitnil,max=10000"`
	RegistrationOpensAt  *time.Time `json:"registration_opens_at"`
	RegistrationClosesAt *time.Time `json:"registration_closes_at"`
	JudgingStartsAt      *time.Time `json:"judging_starts_at"`
	JudgingEndsAt        *time.Time `json:"judging_ends_at"`
	Version              int        `json:"version"`
}

func (r contestRequest) input() service.ContestInput {
	return service.ContestInput{Name: r.Name, Kind: r.Kind, Format: r.Format, Level: r.Level, OrganiserID: r.OrganiserID,
		Description: r.Description, RegistrationOpensAt: r.RegistrationOpensAt, RegistrationClosesAt: r.RegistrationClosesAt,
		JudgingStartsAt: r.JudgingStartsAt, JudgingEndsAt: r.JudgingEndsAt, Version: r.Version}
}

type contestListQuery struct {
	listQuery
	Kind   string `form:"kind" validate:"omitempty,allowed=ContestKind"`
	Status string `form:"status" validate:"omitempty,allowed=ContestStatus"`
}

type stepRequest struct {
	To     string `json:"to" validate:"required,allowed=ContestStatus"`
	Reason string `json:"reason" validate:"max=255"`
}

func (h *handlers) contestTemplates(c *gin.Context) {
	templates, err := h.svc.ContestTemplates(caller(c))
	respond(h, c, http.StatusOK, gin.H{"items": templates}, err)
}

func (h *handlers) listContests(c *gin.Context) {
	var q contestListQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.ListContests(c.Request.Context(), caller(c), service.ContestFilter{Q: q.Q, Kind: q.Kind, Status: q.Status}, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) createContest(c *gin.Context) {
	var req contestRequest
	if !h.bindJSON(c, &req) {
		return
	}
	ct, err := h.svc.CreateContest(c.Request.Context(), caller(c), req.input())
	respond(h, c, http.StatusCreated, ct, err)
}

func (h *handlers) getContest(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	ct, err := h.svc.GetContest(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, ct, err)
}

func (h *handlers) updateContest(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req contestRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if !h.requireVersion(c, req.Version) {
		return
	}
	ct, err := h.svc.UpdateContest(c.Request.Context(), caller(c), id, req.input())
	respond(h, c, http.StatusOK, ct, err)
}

func (h *handlers) deleteContest(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	if err := h.svc.DeleteContest(c.Request.Context(), caller(c), id); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *handlers) moveContest(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req stepRequest
	if !h.bindJSON(c, &req) {
		return
	}
	ct, err := h.svc.MoveContest(c.Request.Context(), caller(c), id, req.To, req.Reason)
	respond(h, c, http.StatusOK, ct, err)
}
