package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (h *handlers) compareMarks(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	cmp, err := h.svc.CompareMarks(c.Request.Context(), caller(c), id, c.Param("stage"))
	respond(h, c, http.StatusOK, cmp, err)
}
