package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type replaceRequest struct {
	JudgeID   uint   `json:"judge_id" validate:"required"`
	AccountID uint   `json:"account_id" validate:"required"`
	Reason    string `json:"reason" validate:"required,max=255"`
}

func (h *handlers) replaceJudge(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req replaceRequest
	if !h.bindJSON(c, &req) {
		return
	}
	r, err := h.svc.ReplaceJudge(c.Request.Context(), caller(c), id, c.Param("stage"), service.ReplaceInput{JudgeID: req.JudgeID, AccountID: req.AccountID, Reason: req.Reason})
	respond(h, c, http.StatusCreated, r, err)
}

func (h *handlers) listReplacements(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	list, err := h.svc.ListReplacements(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, list, err)
}
