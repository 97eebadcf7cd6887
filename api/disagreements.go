package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (h *handlers) eventDisagreements(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	d, err := h.svc.EventDisagreements(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, d, err)
}
