package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type eventRequest struct {
	Name               *string        `json:"name" validate:"omitnil,max=100"`
	Trade              *string        `json:"trade" validate:"omitnil,max=64"`
	EntrantType        *string        `json:"entrant_type"`
	TeamSize           *int           `json:"team_size"`
	QuotaPerEnterprise *int           `json:"quota_per_enterprise"`
	Stations           *int           `json:"stations" validate:"omitnil,gte=0,lte=1000"`
	Rules              *service.Rules `json:"rules"`
	Version            int            `json:"version"`
}

func (r eventRequest) input() service.EventInput {
	return service.EventInput{Name: r.Name, Trade: r.Trade, EntrantType: r.EntrantType, TeamSize: r.TeamSize,
		QuotaPerEnterprise: r.QuotaPerEnterprise, Stations: r.Stations, Rules: r.Rules, Version: r.Version}
}

type drawRequest struct {
	Seed string `json:"seed" validate:"max=16"`
}

func (h *handlers) listEvents(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	events, err := h.svc.ListEvents(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, gin.H{"items": events}, err)
}

func (h *handlers) createEvent(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req eventRequest
	if !h.bindJSON(c, &req) {
		return
	}
	ev, err := h.svc.CreateEvent(c.Request.Context(), caller(c), id, req.input())
	respond(h, c, http.StatusCreated, ev, err)
}

func (h *handlers) getEvent(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	ev, err := h.svc.GetEvent(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, ev, err)
}

func (h *handlers) updateEvent(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req eventRequest
	if !h.bindJSON(c, &req) || !h.requireVersion(c, req.Version) {
		return
	}
	ev, err := h.svc.UpdateEvent(c.Request.Context(), caller(c), id, req.input())
	respond(h, c, http.StatusOK, ev, err)
}

func (h *handlers) deleteEvent(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	if err := h.svc.DeleteEvent(c.Request.Context(), caller(c), id); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// seeded reads the path's id and the seed of a recorded draw (the draw, the
// encryption draw): the seed is optional, and so is the whole body.
func (h *handlers) seeded(c *gin.Context) (uint, string, bool) {
	id, ok := h.pathID(c)
	if !ok {
		return 0, "", false
	}
	var req drawRequest
	if c.Request.ContentLength != 0 && !h.bindJSON(c, &req) {
		return 0, "", false
	}
	return id, req.Seed, true
}

func (h *handlers) runDraw(c *gin.Context) {
	id, seed, ok := h.seeded(c)
	if !ok {
		return
	}
	d, err := h.svc.RunDraw(c.Request.Context(), caller(c), id, seed)
	respond(h, c, http.StatusOK, d, err)
}

func (h *handlers) getDraw(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	d, err := h.svc.GetDraw(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, d, err)
}
