package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type panelMemberRequest struct {
	AccountID uint     `json:"account_id" validate:"required"`
	Duty      string   `json:"duty" validate:"required,allowed=Duty"`
	Stages    []string `json:"stages" validate:"max=20,dive,max=64"`
}

func (h *handlers) listPanel(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	members, err := h.svc.ListPanel(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, members, err)
}

func (h *handlers) addPanelMember(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req panelMemberRequest
	if !h.bindJSON(c, &req) {
		return
	}
	m, err := h.svc.AddPanelMember(c.Request.Context(), caller(c), id, service.PanelInput{AccountID: req.AccountID, Duty: req.Duty, Stages: req.Stages})
	respond(h, c, http.StatusCreated, m, err)
}

func (h *handlers) removePanelMember(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	if err := h.svc.RemovePanelMember(c.Request.Context(), caller(c), id); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *handlers) eventCoverage(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	cov, err := h.svc.EventCoverage(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, cov, err)
}
