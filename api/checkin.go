package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type checkInQuery struct {
	listQuery
	Number string `form:"number" validate:"max=16"`
}

type attendanceRequest struct {
	Attendance string `json:"attendance" validate:"omitempty,allowed=Attendance"`
	Version    int    `json:"version" validate:"required,gte=1"`
}

func (h *handlers) checkInList(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var q checkInQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.CheckInList(c.Request.Context(), caller(c), id, q.Number, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) setAttendance(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req attendanceRequest
	if !h.bindJSON(c, &req) {
		return
	}
	row, err := h.svc.SetAttendance(c.Request.Context(), caller(c), id, req.Attendance, req.Version)
	respond(h, c, http.StatusOK, row, err)
}
