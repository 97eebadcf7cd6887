package api

import (
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

// A spreadsheet to import is the request body itself, as the file was (an
// .xlsx workbook or a CSV text, told apart by its bytes, whatever its
// Content-Type says), within service.MaxImportBytes; its name comes in the
// query string.

type templateQuery struct {
	EventID uint `form:"event_id"`
	// Enterprises asks for the organisers' workbook, with a column for each worker's enterprise.
	Enterprises bool `form:"enterprises"`
}

type importQuery struct {
	EventID  uint   `form:"event_id"`
	FileName string `form:"file_name" validate:"max=255"`
}

type commitRequest struct {
	Version int `json:"version" validate:"required,gte=1"`
}

func (h *handlers) registrationTemplate(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var q templateQuery
	if !h.bindQuery(c, &q) {
		return
	}
	f, err := h.svc.RegistrationTemplate(c.Request.Context(), caller(c), id, q.EventID, q.Enterprises, langOf(c))
	sendFile(h, c, f, err)
}

func (h *handlers) checkRegistrationImport(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var q importQuery
	if !h.bindQuery(c, &q) {
		return
	}
	content, ok := h.uploaded(c)
	if !ok {
		return
	}
	job, err := h.svc.CheckRegistrationImport(c.Request.Context(), caller(c), id, q.EventID, q.FileName, content, langOf(c))
	respond(h, c, http.StatusCreated, job, err)
}

func (h *handlers) getImport(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	job, err := h.svc.GetImport(c.Request.Context(), caller(c), id, langOf(c))
	respond(h, c, http.StatusOK, job, err)
}

func (h *handlers) importReport(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	f, err := h.svc.ImportReport(c.Request.Context(), caller(c), id, langOf(c))
	sendFile(h, c, f, err)
}

func (h *handlers) commitImport(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req commitRequest
	if !h.bindJSON(c, &req) {
		return
	}
	job, err := h.svc.CommitImport(c.Request.Context(), caller(c), id, req.Version, langOf(c))
	respond(h, c, http.StatusOK, job, err)
}

// uploaded reads the file that is the request's body, within its route's bound.
func (h *handlers) uploaded(c *gin.Context) ([]byte, bool) {
	content, err := io.ReadAll(c.Request.Body)
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	return content, true
}

// sendFile answers a workbook to download under its name, or the error.
func sendFile(h *handlers, c *gin.Context, f service.File, err error) {
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	c.Data(http.StatusOK, service.XLSXType, f.Content)
}
