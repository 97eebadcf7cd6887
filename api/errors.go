package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

// errorBody is the one shape of every error answer.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string       `json:"code"`
	Message   string       `json:"message"`
	RequestID string       `json:"request_id"`
	Fields    []fieldError `json:"fields,omitempty"`
	// Current is the stored value a conflicting write would have replaced.
	Current any `json:"current,omitempty"`
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// statusClientClosed is logged for a request whose client went away before the
// answer, as nginx logs it; nobody receives it.
const statusClientClosed = 499

var statusOf = map[service.Kind]int{
	service.KindInvalid:         http.StatusUnprocessableEntity,
	service.KindBadRequest:      http.StatusBadRequest,
	service.KindUnauthenticated: http.StatusUnauthorized,
	service.KindForbidden:       http.StatusForbidden,
	service.KindNotFound:        http.StatusNotFound,
	service.KindConflict:        http.StatusConflict,
	service.KindTooLarge:        http.StatusRequestEntityTooLarge,
	service.KindTooMany:         http.StatusTooManyRequests,
	service.KindMediaType:       http.StatusUnsupportedMediaType,
	service.KindBusy:            http.StatusServiceUnavailable,
}

// fail answers an error: a service error with its status and message in the
// caller's language, anything else as 500 with only the request id.
func (h *handlers) fail(c *gin.Context, err error) {
	lang := langOf(c)
	rid := c.GetString(requestIDKey)
	se, ok := service.AsError(err)
	if !ok {
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			se = &service.Error{Kind: service.KindTooLarge, Code: "too_large", Text: service.T("too_large", tooLarge.Limit/1024)}
		case c.Request.Context().Err() != nil:
			// The client hung up, and the work stopped with it: nothing went wrong here.
			h.log.InfoContext(c, "client closed the request", "request_id", rid, "error", err)
			c.AbortWithStatus(statusClientClosed)
			return
		default:
			h.log.ErrorContext(c, "internal error", "request_id", rid, "error", err)
			c.AbortWithStatusJSON(http.StatusInternalServerError, errorBody{Error: errorDetail{
				Code: "internal", Message: service.T("internal", rid).In(lang), RequestID: rid}})
			return
		}
	}
	if se.RetryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(int(se.RetryAfter.Seconds())))
	}
	status, ok := statusOf[se.Kind]
	if !ok {
		status = http.StatusInternalServerError
	}
	c.AbortWithStatusJSON(status, bodyOf(c, se))
}

// bodyOf renders a service error in the caller's language.
func bodyOf(c *gin.Context, se *service.Error) errorBody {
	lang := langOf(c)
	body := errorBody{Error: errorDetail{Code: se.Code, Message: se.Text.In(lang), RequestID: c.GetString(requestIDKey), Current: se.Current}}
	for _, f := range se.Fields {
		body.Error.Fields = append(body.Error.Fields, fieldError{Field: f.Field, Message: f.Text.In(lang)})
	}
	return body
}

func langOf(c *gin.Context) service.Lang {
	if q := c.Query("lang"); q != "" {
		return service.ParseLang(q)
	}
	return service.ParseLang(c.GetHeader("Accept-Language"))
}
