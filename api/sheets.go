package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type markRequest struct {
	Number    string          `json:"number" validate:"required,max=16"`
	Criterion string          `json:"criterion" validate:"required,max=64"`
	Points    *service.Points `json:"points" validate:"required"`
	Note      string          `json:"note" validate:"max=100"`
	Version   int             `json:"version" validate:"gte=0"`
}

type submitRequest struct {
	Version int `json:"version" validate:"required,gte=1"`
}

type reopenRequest struct {
	JudgeID uint   `json:"judge_id" validate:"required"`
	Reason  string `json:"reason" validate:"required,max=255"`
}

func (h *handlers) myDuties(c *gin.Context) {
	duties, err := h.svc.MyDuties(c.Request.Context(), caller(c))
	respond(h, c, http.StatusOK, duties, err)
}

func (h *handlers) getSheet(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	sheet, err := h.svc.GetSheet(c.Request.Context(), caller(c), id, c.Param("stage"))
	respond(h, c, http.StatusOK, sheet, err)
}

func (h *handlers) saveMark(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	in, ok := h.markInput(c)
	if !ok {
		return
	}
	m, err := h.svc.SaveMark(c.Request.Context(), caller(c), id, c.Param("stage"), in)
	respond(h, c, http.StatusOK, m, err)
}

func (h *handlers) submitSheet(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req submitRequest
	if !h.bindJSON(c, &req) {
		return
	}
	sheet, err := h.svc.SubmitSheet(c.Request.Context(), caller(c), id, c.Param("stage"), req.Version)
	respond(h, c, http.StatusOK, sheet, err)
}

func (h *handlers) reopenSheet(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req reopenRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if err := h.svc.ReopenSheet(c.Request.Context(), caller(c), id, c.Param("stage"), req.JudgeID, req.Reason); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type conflictRequest struct {
	Number string `json:"number" validate:"required,max=16"`
	Reason string `json:"reason" validate:"required,max=255"`
}

func (h *handlers) declareConflict(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req conflictRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.DeclareConflict(c.Request.Context(), caller(c), id, req.Number, req.Reason)
	respond(h, c, http.StatusCreated, out, err)
}

func (h *handlers) judgeSheet(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	sheet, err := h.svc.JudgeSheet(c.Request.Context(), caller(c), id, c.Param("stage"), judge)
	respond(h, c, http.StatusOK, sheet, err)
}
