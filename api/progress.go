package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type reopenStageRequest struct {
	Reason string `json:"reason" validate:"required,max=255"`
}

func (h *handlers) contestProgress(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	p, err := h.svc.ContestProgress(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, p, err)
}

func (h *handlers) signOffStage(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	if err := h.svc.SignOffStage(c.Request.Context(), caller(c), id, c.Param("stage")); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *handlers) reopenStage(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req reopenStageRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if err := h.svc.ReopenStage(c.Request.Context(), caller(c), id, c.Param("stage"), req.Reason); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
