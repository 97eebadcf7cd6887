package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type remarkRequest struct {
	Stage     string `json:"stage" validate:"required,max=64"`
	Number    string `json:"number" validate:"required,max=16"`
	Criterion string `json:"criterion" validate:"required,max=64"`
	JudgeIDs  []uint `json:"judge_ids" validate:"required,min=1,max=100"`
	Reason    string `json:"reason" validate:"required,max=255"`
}

type confirmMarkRequest struct {
	Number    string          `json:"number" validate:"required,max=16"`
	Criterion string          `json:"criterion" validate:"required,max=64"`
	Points    *service.Points `json:"points" validate:"required"`
}

func (h *handlers) requestRemarks(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req remarkRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.RequestRemarks(c.Request.Context(), caller(c), id, service.RemarkInput{Stage: req.Stage, Number: req.Number, Criterion: req.Criterion,
		JudgeIDs: req.JudgeIDs, Reason: req.Reason})
	respond(h, c, http.StatusCreated, out, err)
}

func (h *handlers) confirmMark(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req confirmMarkRequest
	if !h.bindJSON(c, &req) {
		return
	}
	sheet, err := h.svc.ConfirmMark(c.Request.Context(), caller(c), id, c.Param("stage"), service.MarkInput{Number: req.Number, Criterion: req.Criterion, Points: *req.Points})
	respond(h, c, http.StatusOK, sheet, err)
}
