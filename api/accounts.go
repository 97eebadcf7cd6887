package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type accountCreateRequest struct {
	Username       string `json:"username" validate:"required,max=32"`
	DisplayName    string `json:"display_name" validate:"required,max=64"`
	Role           string `json:"role" validate:"required,allowed=Role"`
	OrganisationID uint   `json:"organisation_id" validate:"required"`
	Password       string `json:"password" validate:"required,max=128"`
}

type accountUpdateRequest struct {
	Version     int     `json:"version" validate:"required,gte=1"`
	DisplayName *string `json:"display_name" validate:"omitnil,max=64"`
	Disabled    *bool   `json:"disabled"`
}

type passwordResetRequest struct {
	Password string `json:"password" validate:"required,max=128"`
}

type accountListQuery struct {
	listQuery
	Role           string `form:"role" validate:"omitempty,allowed=Role"`
	OrganisationID uint   `form:"organisation_id"`
}

func (h *handlers) listAccounts(c *gin.Context) {
	var q accountListQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.ListAccounts(c.Request.Context(), caller(c), service.AccountFilter{Q: q.Q, Role: q.Role, OrganisationID: q.OrganisationID}, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) createAccount(c *gin.Context) {
	var req accountCreateRequest
	if !h.bindJSON(c, &req) {
		return
	}
	acc, err := h.svc.CreateAccount(c.Request.Context(), caller(c), service.NewAccount{Username: req.Username, DisplayName: req.DisplayName,
		Role: req.Role, OrganisationID: req.OrganisationID, Password: req.Password})
	respond(h, c, http.StatusCreated, acc, err)
}

func (h *handlers) getAccount(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	acc, err := h.svc.GetAccount(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, acc, err)
}

func (h *handlers) updateAccount(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req accountUpdateRequest
	if !h.bindJSON(c, &req) {
		return
	}
	acc, err := h.svc.UpdateAccount(c.Request.Context(), caller(c), id, service.AccountChange{Version: req.Version, DisplayName: req.DisplayName, Disabled: req.Disabled})
	respond(h, c, http.StatusOK, acc, err)
}

func (h *handlers) resetPassword(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req passwordResetRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if err := h.svc.ResetPassword(c.Request.Context(), caller(c), id, req.Password); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
