package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (h *handlers) eventCertificates(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.EventCertificates(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

// verifyCertificate answers anyone, without a session: a certificate's QR
// code opens it.
func (h *handlers) verifyCertificate(c *gin.Context) {
	out, err := h.svc.VerifyCertificate(c.Request.Context(), c.Param("code"))
	respond(h, c, http.StatusOK, out, err)
}
