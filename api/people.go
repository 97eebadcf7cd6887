package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type peopleListQuery struct {
	listQuery
	OrganisationID uint   `form:"organisation_id"`
	IDNumber       string `form:"id_number" validate:"max=18"`
	Trade          string `form:"trade" validate:"max=64"`
	SkillLevel     string `form:"skill_level" validate:"omitempty,allowed=SkillLevel"`
}

type transferRequest struct {
	EnterpriseID uint   `json:"enterprise_id" validate:"required"`
	Version      int    `json:"version" validate:"required,gte=1"`
	Reason       string `json:"reason" validate:"required,max=255"`
}

func (h *handlers) listPeople(c *gin.Context) {
	var q peopleListQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.ListPeople(c.Request.Context(), caller(c), service.PersonFilter{Q: q.Q, OrganisationID: q.OrganisationID, IDNumber: q.IDNumber,
		Trade: q.Trade, SkillLevel: q.SkillLevel}, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) personEntries(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	entries, err := h.svc.PersonEntries(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, gin.H{"items": entries}, err)
}

func (h *handlers) transferPerson(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req transferRequest
	if !h.bindJSON(c, &req) {
		return
	}
	p, err := h.svc.TransferPerson(c.Request.Context(), caller(c), id, service.Transfer{EnterpriseID: req.EnterpriseID, Version: req.Version, Reason: req.Reason})
	respond(h, c, http.StatusOK, p, err)
}

func (h *handlers) createPerson(c *gin.Context) {
	var req personRequest
	if !h.bindJSON(c, &req) {
		return
	}
	p, err := h.svc.AddPerson(c.Request.Context(), caller(c), req.input())
	respond(h, c, http.StatusCreated, p, err)
}

func (h *handlers) updatePerson(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req personRequest
	if !h.bindJSON(c, &req) {
		return
	}
	p, err := h.svc.UpdatePerson(c.Request.Context(), caller(c), id, req.input())
	respond(h, c, http.StatusOK, p, err)
}
