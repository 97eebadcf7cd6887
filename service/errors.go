package service

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Kind says what went wrong, in terms the HTTP layer maps to one status each.
type Kind int

const (
	KindInvalid Kind = iota + 1
	KindBadRequest
	KindUnauthenticated
	KindForbidden
	KindNotFound
	KindConflict
	KindTooLarge
	KindTooMany
	KindMediaType // a body in a format other than the one the endpoint reads
	KindBusy      // the server sheds this request for now; retry after RetryAfter
)

// FieldError names the input that is wrong and why.
type FieldError struct {
	Field string
	Text  Text
}

// Error is every failure the service reports on purpose. Code is the machine
// code clients switch on; Text is translated at the edge.
type Error struct {
	Kind       Kind
	Code       string
	Text       Text
	Fields     []FieldError
	RetryAfter time.Duration
	// Current is what is stored now, for a conflict that the client resolves
	// by choosing between its value and this one.
	Current any
}

func (e *Error) Error() string {
	s := e.Code + ": " + e.Text.In(LangEN)
	for _, f := range e.Fields {
		s += fmt.Sprintf("; %s: %s", f.Field, f.Text.In(LangEN))
	}
	return s
}

// AsError finds a service error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

func invalid(fields ...FieldError) *Error {
	return &Error{Kind: KindInvalid, Code: "validation_failed", Text: T("validation_failed"), Fields: fields}
}

func field(name, key string, args ...any) FieldError {
	return FieldError{Field: name, Text: T(key, args...)}
}

func forbidden() *Error {
	return &Error{Kind: KindForbidden, Code: "forbidden", Text: T("forbidden")}
}

// notFound says that a thing is not there, naming it in the caller's
// language: what is the key of its noun among the messages ("thing_" + what).
func notFound(what string) *Error {
	return &Error{Kind: KindNotFound, Code: "not_found", Text: T("not_found", T("thing_"+what))}
}

func conflict(key string, args ...any) *Error {
	return &Error{Kind: KindConflict, Code: "conflict", Text: T(key, args...)}
}

func duplicate(fieldName, key string, args ...any) *Error {
	return &Error{Kind: KindConflict, Code: "duplicate", Text: T(key, args...), Fields: []FieldError{field(fieldName, key, args...)}}
}

func staleVersion() *Error {
	return &Error{Kind: KindConflict, Code: "stale_version", Text: T("stale_version")}
}

// busy is the answer to a request the server cannot take on now.
func busy(retry time.Duration) *Error {
	return &Error{Kind: KindBusy, Code: "busy", Text: T("busy", int(retry.Seconds())), RetryAfter: retry}
}

// Unauthenticated is the answer to a request without a live session.
func Unauthenticated() *Error {
	return &Error{Kind: KindUnauthenticated, Code: "unauthenticated", Text: T("unauthenticated")}
}

// constraintError turns a database constraint that no rule caught first (a row
// still referred to, a natural key taken) into a conflict, so that it is
// answered 409 and never as an internal error. The rules check the common cases
// themselves and name what is in the way; this is the net under them.
func constraintError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := AsError(err); ok {
		return err
	}
	switch {
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return &Error{Kind: KindConflict, Code: "in_use", Text: T("constraint_in_use")}
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return &Error{Kind: KindConflict, Code: "duplicate", Text: T("constraint_duplicate")}
	}
	return err
}
