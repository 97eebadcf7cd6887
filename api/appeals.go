package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type noticeRequest struct {
	NoticeWorkdays int `json:"notice_workdays"`
	AppealHours    int `json:"appeal_hours"`
}

type arbitratorRequest struct {
	AccountID uint `json:"account_id" validate:"required"`
}

type appealRequest struct {
	Reason string `json:"reason"`
}

type appealReviewRequest struct {
	Text string `json:"text"`
}

type appealRulingRequest struct {
	Outcome string `json:"outcome"`
	Text    string `json:"text"`
}

func (h *handlers) setNotice(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req noticeRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.SetNotice(c.Request.Context(), caller(c), id, service.NoticeInput{Workdays: req.NoticeWorkdays, AppealHours: req.AppealHours})
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) listArbitrators(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.ListArbitrators(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) nameArbitrator(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req arbitratorRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.NameArbitrator(c.Request.Context(), caller(c), id, req.AccountID)
	respond(h, c, http.StatusCreated, out, err)
}

func (h *handlers) removeArbitrator(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	if err := h.svc.RemoveArbitrator(c.Request.Context(), caller(c), id); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *handlers) arbitratedContests(c *gin.Context) {
	out, err := h.svc.ArbitratedContests(c.Request.Context(), caller(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) listAppeals(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.ListAppeals(c.Request.Context(), caller(c), id, langOf(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) appealableResults(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.AppealableResults(c.Request.Context(), caller(c), id, langOf(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) fileAppeal(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req appealRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.FileAppeal(c.Request.Context(), caller(c), id, req.Reason, langOf(c))
	respond(h, c, http.StatusCreated, out, err)
}

func (h *handlers) reviewAppeal(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req appealReviewRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.ReviewAppeal(c.Request.Context(), caller(c), id, req.Text, langOf(c))
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) ruleOnAppeal(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req appealRulingRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.RuleOnAppeal(c.Request.Context(), caller(c), id, req.Outcome, req.Text, langOf(c))
	respond(h, c, http.StatusOK, out, err)
}
