package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type peopleListQuery struct {
	listQuery
	OrganisationID uint `form:"organisation_id"`
}

func (h *handlers) listPeople(c *gin.Context) {
	var q peopleListQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.ListPeople(c, caller(c), service.PersonFilter{Q: q.Q, OrganisationID: q.OrganisationID}, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) personEntries(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	entries, err := h.svc.PersonEntries(c, caller(c), id)
	respond(h, c, http.StatusOK, gin.H{"items": entries}, err)
}
