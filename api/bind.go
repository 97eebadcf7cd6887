package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"leitai/service"
)

// newValidator checks request types by their `validate` tags and names fields
// by their JSON names, so errors point at what the client sent. The tag
// `allowed=Name` takes the values of service.ValueSets()["Name"].
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	sets := service.ValueSets()
	err := v.RegisterValidation("allowed", func(fl validator.FieldLevel) bool {
		set, ok := sets[fl.Param()]
		if !ok {
			panic("validate tag names no value set: allowed=" + fl.Param())
		}
		return slices.Contains(set, fl.Field().String())
	})
	if err != nil {
		panic(err) // only a malformed tag name fails, and this one is fixed
	}
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		for _, tag := range []string{"json", "form"} {
			if name, _, _ := strings.Cut(f.Tag.Get(tag), ","); name != "" && name != "-" {
				return name
			}
		}
		return f.Name
	})
	return v
}

// bindJSON decodes the body, one JSON value and nothing after it, into req
// and validates it; on failure it answers and returns false.
func (h *handlers) bindJSON(c *gin.Context, req any) bool {
	if c.Request.ContentLength != 0 && !isJSON(c.GetHeader("Content-Type")) {
		h.fail(c, unsupportedMediaType(c.GetHeader("Content-Type")))
		return false
	}
	dec := json.NewDecoder(c.Request.Body)
	if err := dec.Decode(req); err != nil {
		h.fail(c, decodeError(err))
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.fail(c, err)
		} else {
			h.fail(c, &service.Error{Kind: service.KindBadRequest, Code: "bad_request", Text: service.T("trailing_data")})
		}
		return false
	}
	return h.validateStruct(c, req)
}

// isJSON accepts application/json, with no charset or with UTF-8, the one
// encoding of JSON.
func isJSON(contentType string) bool {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType != "application/json" {
		return false
	}
	charset, ok := params["charset"]
	return !ok || strings.EqualFold(charset, "utf-8")
}

func unsupportedMediaType(contentType string) *service.Error {
	var got any = contentType
	if contentType == "" {
		got = service.T("no_content_type")
	}
	return &service.Error{Kind: service.KindMediaType, Code: "unsupported_media_type", Text: service.T("unsupported_media_type", got)}
}

// validateStruct checks req's `validate` tags; on failure it answers 422 with
// each field and returns false.
func (h *handlers) validateStruct(c *gin.Context, req any) bool {
	err := h.validate.Struct(req)
	if err == nil {
		return true
	}
	var ve validator.ValidationErrors
	if !errors.As(err, &ve) {
		h.fail(c, err)
		return false
	}
	se := &service.Error{Kind: service.KindInvalid, Code: "validation_failed", Text: service.T("validation_failed")}
	for _, fe := range ve {
		se.Fields = append(se.Fields, service.FieldError{Field: fe.Field(), Text: tagText(fe)})
	}
	h.fail(c, se)
	return false
}

func decodeError(err error) error {
	var tooLarge *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooLarge):
		return err
	case errors.As(err, &typeErr):
		return &service.Error{Kind: service.KindInvalid, Code: "validation_failed", Text: service.T("validation_failed"),
			Fields: []service.FieldError{{Field: typeErr.Field, Text: service.T("wrong_type", typeText(typeErr.Type))}}}
	case errors.Is(err, io.EOF):
		return &service.Error{Kind: service.KindBadRequest, Code: "bad_request", Text: service.T("bad_request", "empty body")}
	default:
		return &service.Error{Kind: service.KindBadRequest, Code: "bad_request", Text: service.T("bad_request", err.Error())}
	}
}

// typeText names what a JSON value should have been, in the caller's terms.
func typeText(t reflect.Type) service.Text {
	switch {
	case t == reflect.TypeFor[service.Points]():
		return service.T("type_points")
	case t.Kind() == reflect.String:
		return service.T("type_text")
	case t.Kind() == reflect.Bool:
		return service.T("type_bool")
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return service.T("type_integer")
	case t.Kind() == reflect.Slice:
		return service.T("type_list")
	}
	return service.T("type_object")
}

func tagText(fe validator.FieldError) service.Text {
	isText := fe.Kind() == reflect.String
	switch fe.Tag() {
	case "required":
		return service.T("required")
	case "max", "lte":
		if isText {
			n, _ := strconv.Atoi(fe.Param())
			return service.T("too_long", n)
		}
		return service.T("max_value", fe.Param())
	case "min", "gte":
		if isText {
			n, _ := strconv.Atoi(fe.Param())
			return service.T("too_short", n)
		}
		return service.T("min_value", fe.Param())
	case "allowed":
		return service.T("one_of", strings.Join(service.ValueSets()[fe.Param()], ", "))
	}
	return service.T("validation_failed")
}

// pathID reads the :id parameter; a malformed one is a 404, as no such thing exists.
func (h *handlers) pathID(c *gin.Context) (uint, bool) {
	id, err := strconv.ParseUint(c.Param("id"), 10, 32)
	if err != nil || id == 0 {
		h.fail(c, &service.Error{Kind: service.KindNotFound, Code: "not_found", Text: service.T("not_found", c.Param("id"))})
		return 0, false
	}
	return uint(id), true
}

// listQuery is what every list endpoint reads from the query string.
type listQuery struct {
	Page     int    `form:"page" validate:"gte=0,lte=1000000"`
	PageSize int    `form:"page_size" validate:"gte=0,lte=200"`
	Q        string `form:"q" validate:"max=64"`
}

func (q listQuery) pageRequest() service.PageRequest {
	p := service.PageRequest{Page: q.Page, PageSize: q.PageSize}
	if p.Page < 1 {
		p.Page = 1
	}
	if p.PageSize < 1 {
		p.PageSize = 20
	}
	return p
}

// bindQuery reads query parameters into req and validates them.
func (h *handlers) bindQuery(c *gin.Context, req any) bool {
	if err := c.ShouldBindQuery(req); err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			h.fail(c, &service.Error{Kind: service.KindInvalid, Code: "validation_failed", Text: service.T("validation_failed"),
				Fields: []service.FieldError{{Field: "query", Text: service.T("wrong_type", "integer")}}})
			return false
		}
		h.fail(c, &service.Error{Kind: service.KindBadRequest, Code: "bad_request", Text: service.T("bad_request", err.Error())})
		return false
	}
	return h.validateStruct(c, req)
}

// requireVersion answers 422 when a partial update does not say which version
// it was read at: shared by the PATCH bodies whose create twins have no version.
func (h *handlers) requireVersion(c *gin.Context, version int) bool {
	if version >= 1 {
		return true
	}
	h.fail(c, &service.Error{Kind: service.KindInvalid, Code: "validation_failed", Text: service.T("validation_failed"),
		Fields: []service.FieldError{{Field: "version", Text: service.T("required")}}})
	return false
}
