package api

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

func (h *handlers) noMethod(c *gin.Context) {
	c.AbortWithStatusJSON(http.StatusMethodNotAllowed, bodyOf(c, &service.Error{Code: "method_not_allowed", Text: service.T("method_not_allowed")}))
}

// noRoute answers unknown /api paths with the JSON 404 and everything else with
// the single-page app: a built file if one matches, index.html otherwise, so
// that deep links load the app and its router takes over.
func (h *handlers) noRoute(spa fs.FS) gin.HandlerFunc {
	files := http.FS(spa)
	return func(c *gin.Context) {
		p := c.Request.URL.Path
		if p == "/api" || strings.HasPrefix(p, "/api/") {
			h.fail(c, &service.Error{Kind: service.KindNotFound, Code: "not_found", Text: service.T("route_not_found")})
			return
		}
		if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
			h.noMethod(c)
			return
		}
		name := strings.TrimPrefix(path.Clean(p), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(spa, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					// Vite puts a content hash in every asset's name.
					c.Header("Cache-Control", "public, max-age=31536000, immutable")
				} else {
					c.Header("Cache-Control", "no-cache")
				}
				if !servePacked(c, spa, name) {
					c.FileFromFS(name, files)
				}
				return
			}
		}
		index, err := fs.ReadFile(spa, "index.html")
		if err != nil {
			c.String(http.StatusServiceUnavailable, "The web app is not built: run `make build`.\n")
			return
		}
		c.Header("Cache-Control", "no-cache")
		c.Data(http.StatusOK, "text/html; charset=utf-8", index)
	}
}

// servePacked sends the gzip-compressed copy of a built file, which the build
// writes beside it as name.gz, to a browser that takes gzip, and tells
// whether it did. Where there is such a copy, the answer says that it
// depends on Accept-Encoding, so that no cache gives one form for the other.
func servePacked(c *gin.Context, spa fs.FS, name string) bool {
	f, err := spa.Open(name + ".gz")
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	c.Header("Vary", "Accept-Encoding")
	packed, ok := f.(io.ReadSeeker)
	if !ok || !acceptsGzip(c) {
		return false
	}
	c.Header("Content-Encoding", "gzip")
	// The type is the plain file's, from its name; the modification time of
	// a built file says nothing, and its name changes with its content.
	http.ServeContent(c.Writer, c.Request, name, time.Time{}, packed)
	return true
}
