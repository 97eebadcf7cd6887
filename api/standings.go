package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (h *handlers) getStandings(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.GetStandings(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}
