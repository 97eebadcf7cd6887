package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

// The public pages' API: published results, readable without an account,
// and cached by browsers and proxies for a few seconds; after that a reader
// asks again with the tag it holds and, when nothing changed, is answered
// 304 with no body. Errors are never stored.

const (
	// publicListMaxAge and publicResultsMaxAge are how long, in seconds, a
	// reader may show a public answer without asking again: the big screen
	// follows the reveal within a few seconds.
	publicListMaxAge    = "30"
	publicResultsMaxAge = "5"
)

// publicNoStore keeps a public route's errors out of caches; a public
// answer replaces it with its own Cache-Control.
func publicNoStore() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Cache-Control", "no-store")
		c.Next()
	}
}

// ifNoneMatch reads the tags of an If-None-Match header, weak or strong.
func ifNoneMatch(c *gin.Context) []string {
	var tags []string
	for part := range strings.SplitSeq(c.GetHeader("If-None-Match"), ",") {
		if tag := strings.TrimPrefix(strings.TrimSpace(part), "W/"); tag != "" {
			tags = append(tags, tag)
		}
	}
	return tags
}

// acceptsGzip tells whether the reader takes a gzip-compressed answer.
func acceptsGzip(c *gin.Context) bool {
	for part := range strings.SplitSeq(c.GetHeader("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// answerPublic answers a public JSON body with its tag, compressed when the
// reader takes it so, or 304 when the reader holds it (body nil) already.
// The tag is weak: the plain and the compressed answer are the same
// results, and either one's tag stands for both.
func answerPublic(c *gin.Context, maxAge string, a service.PublicAnswer) {
	c.Header("Cache-Control", "public, max-age="+maxAge)
	c.Header("ETag", "W/"+a.Tag)
	c.Header("Vary", "Accept-Encoding")
	switch {
	case a.Body == nil:
		c.Status(http.StatusNotModified)
	case a.Gzip != nil && acceptsGzip(c):
		c.Header("Content-Encoding", "gzip")
		c.Data(http.StatusOK, "application/json; charset=utf-8", a.Gzip)
	default:
		c.Data(http.StatusOK, "application/json; charset=utf-8", a.Body)
	}
}

func (h *handlers) publicContests(c *gin.Context) {
	out, err := h.svc.ListPublicContests(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	body, err := json.Marshal(out)
	if err != nil {
		h.fail(c, err)
		return
	}
	sum := sha256.Sum256(body)
	a := service.PublicAnswer{Tag: `"` + hex.EncodeToString(sum[:12]) + `"`, Body: body}
	for _, tag := range ifNoneMatch(c) {
		if tag == a.Tag {
			a.Body = nil
		}
	}
	answerPublic(c, publicListMaxAge, a)
}

func (h *handlers) publicResults(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	a, err := h.svc.PublicContestResults(c.Request.Context(), id, ifNoneMatch(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	answerPublic(c, publicResultsMaxAge, a)
}

type revealRequest struct {
	Level   string `json:"level" validate:"required,max=16"`
	Version int    `json:"version" validate:"gte=0"`
}

func (h *handlers) contestReveals(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	out, err := h.svc.ContestReveals(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, out, err)
}

func (h *handlers) setReveal(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req revealRequest
	if !h.bindJSON(c, &req) {
		return
	}
	out, err := h.svc.SetReveal(c.Request.Context(), caller(c), id, service.RevealInput{Level: req.Level, Version: req.Version})
	respond(h, c, http.StatusOK, out, err)
}
