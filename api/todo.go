package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (h *handlers) myTodo(c *gin.Context) {
	todo, err := h.svc.MyTodo(c.Request.Context(), caller(c))
	respond(h, c, http.StatusOK, todo, err)
}
