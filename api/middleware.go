package api

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

const (
	requestIDKey = "request_id"
	callerKey    = "caller"
)

var errCSRF = &service.Error{Kind: service.KindForbidden, Code: "csrf_failed", Text: service.T("csrf_failed")}

var incomingRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID keeps a sane X-Request-ID from a proxy or makes one, and echoes it.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-ID")
		if !incomingRequestID.MatchString(id) {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		c.Set(requestIDKey, id)
		c.Header("X-Request-ID", id)
		c.Next()
	}
}

// accessLog writes one line per request. It logs the route pattern and the
// path, never the query string or the body, which may hold personal data.
func (h *handlers) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		attrs := []any{
			"request_id", c.GetString(requestIDKey),
			"method", c.Request.Method,
			"path", c.Request.URL.Path,
			"route", c.FullPath(),
			"status", c.Writer.Status(),
			"bytes", c.Writer.Size(),
			"duration_ms", time.Since(start).Milliseconds(),
		}
		if caller, ok := callerOf(c); ok {
			attrs = append(attrs, "account_id", caller.AccountID)
		}
		h.log.InfoContext(c, "request", attrs...)
	}
}

// recovery turns a panic into a 500 with the request id, and logs the stack.
func (h *handlers) recovery() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				h.fail(c, fmt.Errorf("panic: %v\n%s", r, debug.Stack()))
			}
		}()
		c.Next()
	}
}

// contentSecurityPolicy lets the web app load scripts, styles and images from
// this server only and talk to nothing else. No inline script or style runs:
// Vue and Element Plus set styles through the CSSOM, which the policy does not
// restrict. data: images are the favicon and a few Element Plus icons.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Content-Security-Policy", contentSecurityPolicy)
		c.Header("X-Content-Type-Options", "nosniff")
		c.Header("X-Frame-Options", "DENY")
		c.Header("Referrer-Policy", "same-origin")
		c.Next()
	}
}

// publicPrefix is the API group of published results, which anybody reads
// and caches may keep (public.go).
const publicPrefix = "/public"

// noStore keeps every API answer, errors included, out of browser and proxy
// caches: they carry personal data. The public group alone is left out: it
// carries only published results, and sets its own Cache-Control.
func noStore() gin.HandlerFunc {
	return func(c *gin.Context) {
		p := c.Request.URL.Path
		if strings.HasPrefix(p, "/api/v1"+publicPrefix+"/") {
			c.Next()
			return
		}
		if p == "/api" || strings.HasPrefix(p, "/api/") {
			c.Header("Cache-Control", "no-store")
		}
		c.Next()
	}
}

// limitBody makes reading more than n bytes of a body fail with 413.
func limitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

func isSafeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// sameOrigin refuses a change sent by a page of another site, login included.
func (h *handlers) sameOrigin() gin.HandlerFunc {
	return func(c *gin.Context) {
		if origin := c.GetHeader("Origin"); origin != "" && !isSafeMethod(c.Request.Method) {
			u, err := url.Parse(origin)
			if err != nil || u.Host != c.Request.Host {
				h.fail(c, errCSRF)
				return
			}
		}
		c.Next()
	}
}
