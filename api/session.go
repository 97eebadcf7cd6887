package api

import (
	"crypto/subtle"
	"net/http"
	"net/netip"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

// SessionCookie carries the session token; JavaScript never reads it.
const SessionCookie = "leitai_session"

// CSRFHeader carries the token the page got at login, on every change.
const CSRFHeader = "X-CSRF-Token"

func callerOf(c *gin.Context) (service.Caller, bool) {
	v, ok := c.Get(callerKey)
	if !ok {
		return service.Caller{}, false
	}
	caller, ok := v.(service.Caller)
	return caller, ok
}

// caller is the account of an authenticated request (requireSession ran).
func caller(c *gin.Context) service.Caller {
	cl, _ := callerOf(c)
	return cl
}

func (h *handlers) requireSession() gin.HandlerFunc {
	return func(c *gin.Context) {
		token, _ := c.Cookie(SessionCookie)
		cl, err := h.svc.Authenticate(c.Request.Context(), token)
		if err != nil {
			if se, ok := service.AsError(err); ok && se.Kind == service.KindUnauthenticated && token != "" {
				h.clearSessionCookie(c)
			}
			h.fail(c, err)
			return
		}
		c.Set(callerKey, cl)
		c.Next()
	}
}

// requireCSRF checks the token of the session on every request that changes something.
func (h *handlers) requireCSRF() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !isSafeMethod(c.Request.Method) {
			got := c.GetHeader(CSRFHeader)
			if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(caller(c).CSRFToken)) != 1 {
				h.fail(c, errCSRF)
				return
			}
		}
		c.Next()
	}
}

// requireOwnPassword keeps an account whose password someone else set to the
// auth endpoints until it has chosen its own.
func (h *handlers) requireOwnPassword() gin.HandlerFunc {
	return func(c *gin.Context) {
		if caller(c).MustChangePassword {
			h.fail(c, &service.Error{Kind: service.KindForbidden, Code: "password_change_required", Text: service.T("password_change_required")})
			return
		}
		c.Next()
	}
}

func (h *handlers) setSessionCookie(c *gin.Context, token string) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", MaxAge: int(service.SessionMax.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.isHTTPS(c),
	})
}

func (h *handlers) clearSessionCookie(c *gin.Context) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.isHTTPS(c),
	})
}

// isHTTPS is true behind TLS, directly or at a trusted proxy that says so.
func (h *handlers) isHTTPS(c *gin.Context) bool {
	return c.Request.TLS != nil || (h.fromProxy(c) && c.GetHeader("X-Forwarded-Proto") == "https")
}

// fromProxy tells whether the request comes straight from a trusted proxy.
func (h *handlers) fromProxy(c *gin.Context) bool {
	addr, err := netip.ParseAddr(c.RemoteIP())
	if err != nil {
		return false
	}
	addr = addr.Unmap()
	for _, p := range h.proxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}
