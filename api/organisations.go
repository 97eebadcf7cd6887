package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type organisationCreateRequest struct {
	ParentID   uint   `json:"parent_id" validate:"required"`
	Kind       string `json:"kind" validate:"required,allowed=OrganisationKind"`
	Name       string `json:"name" validate:"required,max=128"`
	CreditCode string `json:"credit_code" validate:"max=18"`
	Region     string `json:"region" validate:"max=64"`
	Industry   string `json:"industry" validate:"max=64"`
}

type organisationUpdateRequest struct {
	Version    int     `json:"version" validate:"required,gte=1"`
	ParentID   *uint   `json:"parent_id"`
	Name       *string `json:"name" validate:"omitnil,max=128"`
	CreditCode *string `json:"credit_code" validate:"omitnil,max=18"`
	Region     *string `json:"region" validate:"omitnil,max=64"`
	Industry   *string `json:"industry" validate:"omitnil,max=64"`
}

type organisationListQuery struct {
	listQuery
	Kind     string `form:"kind" validate:"omitempty,allowed=OrganisationKind"`
	ParentID uint   `form:"parent_id"`
}

func (h *handlers) organisationTree(c *gin.Context) {
	roots, err := h.svc.OrganisationTree(c.Request.Context(), caller(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": roots})
}

func (h *handlers) listOrganisations(c *gin.Context) {
	var q organisationListQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.ListOrganisations(c.Request.Context(), caller(c), service.OrganisationFilter{Q: q.Q, Kind: q.Kind, ParentID: q.ParentID}, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) createOrganisation(c *gin.Context) {
	var req organisationCreateRequest
	if !h.bindJSON(c, &req) {
		return
	}
	org, err := h.svc.CreateOrganisation(c.Request.Context(), caller(c), service.NewOrganisation{ParentID: req.ParentID, Kind: req.Kind,
		Name: req.Name, CreditCode: req.CreditCode, Region: req.Region, Industry: req.Industry})
	respond(h, c, http.StatusCreated, org, err)
}

func (h *handlers) getOrganisation(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	org, err := h.svc.GetOrganisation(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, org, err)
}

func (h *handlers) updateOrganisation(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req organisationUpdateRequest
	if !h.bindJSON(c, &req) {
		return
	}
	org, err := h.svc.UpdateOrganisation(c.Request.Context(), caller(c), id, service.OrganisationChange{Version: req.Version, ParentID: req.ParentID,
		Name: req.Name, CreditCode: req.CreditCode, Region: req.Region, Industry: req.Industry})
	respond(h, c, http.StatusOK, org, err)
}

func (h *handlers) deleteOrganisation(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	if err := h.svc.DeleteOrganisation(c.Request.Context(), caller(c), id); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// respond answers v with status, or the error.
func respond(h *handlers, c *gin.Context, status int, v any, err error) {
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(status, v)
}
