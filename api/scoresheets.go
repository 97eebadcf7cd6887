package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Score sheets, check-in lists and draw lists as workbooks to print, and
// filled-in score sheets uploaded for import (service/scoresheet_*.go).

type fileNameQuery struct {
	FileName string `form:"file_name" validate:"max=255"`
}

func (h *handlers) scoreSheetWorkbook(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	f, err := h.svc.ScoreSheetWorkbook(c.Request.Context(), caller(c), id, c.Param("stage"), langOf(c))
	sendFile(h, c, f, err)
}

func (h *handlers) judgeSheetWorkbook(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	f, err := h.svc.JudgeSheetWorkbook(c.Request.Context(), caller(c), id, c.Param("stage"), judge, langOf(c))
	sendFile(h, c, f, err)
}

func (h *handlers) checkInWorkbook(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	f, err := h.svc.CheckInWorkbook(c.Request.Context(), caller(c), id, langOf(c))
	sendFile(h, c, f, err)
}

func (h *handlers) drawWorkbook(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	f, err := h.svc.DrawWorkbook(c.Request.Context(), caller(c), id, langOf(c))
	sendFile(h, c, f, err)
}

// checkScoreImport takes the caller's own filled-in sheet of a stage.
func (h *handlers) checkScoreImport(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	h.uploadScores(c, id, 0)
}

// checkKeyingImport takes a judge's paper sheet as the calling clerk keyed it.
func (h *handlers) checkKeyingImport(c *gin.Context) {
	id, judge, ok := h.judgeSheetParams(c)
	if !ok {
		return
	}
	h.uploadScores(c, id, judge)
}

func (h *handlers) uploadScores(c *gin.Context, eventID, judgeID uint) {
	var q fileNameQuery
	if !h.bindQuery(c, &q) {
		return
	}
	content, ok := h.uploaded(c)
	if !ok {
		return
	}
	job, err := h.svc.CheckScoreImport(c.Request.Context(), caller(c), eventID, c.Param("stage"), judgeID, q.FileName, content, langOf(c))
	respond(h, c, http.StatusCreated, job, err)
}
