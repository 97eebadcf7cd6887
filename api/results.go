package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type tieDecisionRequest struct {
	Entrants []uint `json:"entrants" validate:"required,min=2,max=100"`
	Reason   string `json:"reason" validate:"required,max=255"`
}

func (h *handlers) getResults(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.GetEventResults(c.Request.Context(), caller(c), id, langOf(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) computeResults(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.ComputeResults(c.Request.Context(), caller(c), id, langOf(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) getResultVersion(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	version, err := strconv.ParseUint(c.Param("version"), 10, 31)
	if err != nil || version == 0 {
		h.fail(c, &service.Error{Kind: service.KindNotFound, Code: "not_found", Text: service.T("not_found", c.Param("version"))})
		return
	}
	out, err := h.svc.GetResultVersion(c.Request.Context(), caller(c), id, int(version), langOf(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) resultTies(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.ResultTies(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) decideTie(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req tieDecisionRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if err := h.svc.DecideTie(c.Request.Context(), caller(c), id, service.TieDecisionInput{Entrants: req.Entrants, Reason: req.Reason}); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *handlers) decodeResults(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.DecodeResults(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}
