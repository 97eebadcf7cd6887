package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type exportRequest struct {
	Kind      string `json:"kind" validate:"required,oneof=registrations scores people results standings medals talents"`
	ContestID uint   `json:"contest_id"`
	EventID   uint   `json:"event_id"`
	Stage     string `json:"stage" validate:"max=64"`
	// FullIDs asks for ID numbers and mobiles unmasked, which only callers
	// allowed to see them get.
	FullIDs bool `json:"full_ids"`
	// Filter narrows the talent pool's export as its list.
	Filter poolFilter `json:"filter"`
}

// poolFilter is a pool's filter in a request body, as poolQuery in a list's query.
type poolFilter struct {
	Q       string `json:"q" validate:"max=64"`
	Trade   string `json:"trade" validate:"max=64"`
	Year    int    `json:"year" validate:"omitempty,gte=2000,lte=2999"`
	Award   string `json:"award" validate:"omitempty,allowed=ResultAward"`
	UnionID uint   `json:"union_id"`
}

func (h *handlers) startExport(c *gin.Context) {
	var req exportRequest
	if !h.bindJSON(c, &req) {
		return
	}
	job, err := h.svc.StartExport(c.Request.Context(), caller(c), service.ExportRequest{Kind: req.Kind, ContestID: req.ContestID, EventID: req.EventID,
		Stage: req.Stage, FullIDs: req.FullIDs, Pool: service.PoolFilter(req.Filter)}, langOf(c))
	respond(h, c, http.StatusCreated, job, err)
}

func (h *handlers) getExport(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	job, err := h.svc.GetExport(c.Request.Context(), caller(c), id, langOf(c))
	respond(h, c, http.StatusOK, job, err)
}

func (h *handlers) exportFile(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	f, err := h.svc.ExportFile(c.Request.Context(), caller(c), id)
	sendFile(h, c, f, err)
}
