package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

// Blind double entry of paper sheets (service/keying.go): a judge's sheet of
// a stage, /events/:id/sheets/:stage/judges/:judge, keyed by clerks.

// judgeParam reads the judge's account id of a path.
func (h *handlers) judgeParam(c *gin.Context) (uint, bool) {
	judge, err := strconv.ParseUint(c.Param("judge"), 10, 32)
	if err != nil || judge == 0 {
		h.fail(c, &service.Error{Kind: service.KindNotFound, Code: "not_found", Text: service.T("not_found", c.Param("judge"))})
		return 0, false
	}
	return uint(judge), true
}

// judgeSheetParams reads an event's id and a judge's id from a path.
func (h *handlers) judgeSheetParams(c *gin.Context) (uint, uint, bool) {
	id, ok := h.pathID(c)
	if !ok {
		return 0, 0, false
	}
	judge, ok := h.judgeParam(c)
	return id, judge, ok
}

func (h *handlers) keyingBoard(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	board, err := h.svc.KeyingBoard(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, board, err)
}

func (h *handlers) startKeying(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	k, err := h.svc.StartKeying(c.Request.Context(), caller(c), id, c.Param("stage"), judge)
	respond(h, c, http.StatusOK, k, err)
}

func (h *handlers) getKeying(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	k, err := h.svc.GetKeying(c.Request.Context(), caller(c), id, c.Param("stage"), judge)
	respond(h, c, http.StatusOK, k, err)
}

// markInput reads a mark (a judge's, a clerk's keyed value, a settled value) from a request.
func (h *handlers) markInput(c *gin.Context) (service.MarkInput, bool) {
	var req markRequest
	if !h.bindJSON(c, &req) {
		return service.MarkInput{}, false
	}
	return service.MarkInput{Number: req.Number, Criterion: req.Criterion, Points: *req.Points, Note: req.Note, Version: req.Version}, true
}

func (h *handlers) saveKeyedCell(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	in, ok := h.markInput(c)
	if !ok {
		return
	}
	m, err := h.svc.SaveKeyedCell(c.Request.Context(), caller(c), id, c.Param("stage"), judge, in)
	respond(h, c, http.StatusOK, m, err)
}

func (h *handlers) submitKeying(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	var req submitRequest
	if !h.bindJSON(c, &req) {
		return
	}
	k, err := h.svc.SubmitKeying(c.Request.Context(), caller(c), id, c.Param("stage"), judge, req.Version)
	respond(h, c, http.StatusOK, k, err)
}

func (h *handlers) keyingDifferences(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	cmp, err := h.svc.Differences(c.Request.Context(), caller(c), id, c.Param("stage"), judge)
	respond(h, c, http.StatusOK, cmp, err)
}

func (h *handlers) settleDifference(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	in, ok := h.markInput(c)
	if !ok {
		return
	}
	cmp, err := h.svc.SettleDifference(c.Request.Context(), caller(c), id, c.Param("stage"), judge, in)
	respond(h, c, http.StatusOK, cmp, err)
}
