package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type loginRequest struct {
	Username string `json:"username" validate:"required,max=64"`
	Password string `json:"password" validate:"required,max=128"`
}

type sessionResponse struct {
	Account   service.Account `json:"account"`
	CSRFToken string          `json:"csrf_token"`
}

func (h *handlers) login(c *gin.Context) {
	var req loginRequest
	if !h.bindJSON(c, &req) {
		return
	}
	res, err := h.svc.Login(c.Request.Context(), req.Username, req.Password, c.ClientIP())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.setSessionCookie(c, res.Token)
	c.JSON(http.StatusOK, sessionResponse{Account: res.Account, CSRFToken: res.CSRFToken})
}

func (h *handlers) logout(c *gin.Context) {
	if err := h.svc.Logout(c.Request.Context(), caller(c)); err != nil {
		h.fail(c, err)
		return
	}
	h.clearSessionCookie(c)
	c.Status(http.StatusNoContent)
}

func (h *handlers) me(c *gin.Context) {
	acc, err := h.svc.Me(c.Request.Context(), caller(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sessionResponse{Account: acc, CSRFToken: caller(c).CSRFToken})
}

type passwordChangeRequest struct {
	OldPassword string `json:"old_password" validate:"required,max=128"`
	NewPassword string `json:"new_password" validate:"required,max=128"`
}

func (h *handlers) changePassword(c *gin.Context) {
	var req passwordChangeRequest
	if !h.bindJSON(c, &req) {
		return
	}
	if err := h.svc.ChangePassword(c.Request.Context(), caller(c), req.OldPassword, req.NewPassword); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
