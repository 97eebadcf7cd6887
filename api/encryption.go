package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (h *handlers) getEncryption(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.GetEncryption(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) runEncryption(c *gin.Context) {
	id, seed, ok := h.seeded(c)
	if !ok {
		return
	}
	out, err := h.svc.RunEncryption(c.Request.Context(), caller(c), id, seed)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) encryptionCodes(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.EncryptionCodes(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) decodeEncryption(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.DecodeEncryption(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}
