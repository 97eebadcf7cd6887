package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type vetoRequest struct {
	EntrantID uint   `json:"entrant_id" validate:"required"`
	Reason    string `json:"reason"`
}

type vetoWithdrawalRequest struct {
	Reason string `json:"reason"`
}

func (h *handlers) listVetoes(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.ListVetoes(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) recordVeto(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req vetoRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.RecordVeto(c.Request.Context(), caller(c), id, req.EntrantID, req.Reason)
	respond(h, c, http.StatusCreated, out, err)
}

func (h *handlers) withdrawVeto(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req vetoWithdrawalRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if err := h.svc.RemoveVeto(c.Request.Context(), caller(c), id, req.Reason); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
