package api_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"leitai/model/modeltest"
	"leitai/service"
)

// contract is docs/openapi.yaml and a router that finds its operations,
// loaded once per test binary.
type contract struct {
	doc    *openapi3.T
	router routers.Router
}

var loadContract = sync.OnceValues(func() (contract, error) {
	// Workbooks are answered as they are, like any other file.
	openapi3filter.RegisterBodyDecoder(service.XLSXType, openapi3filter.FileBodyDecoder)
	doc, err := openapi3.NewLoader().LoadFromFile("../docs/openapi.yaml")
	if err != nil {
		return contract{}, err
	}
	// NewRouter validates the document first.
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return contract{}, err
	}
	return contract{doc: doc, router: router}, nil
})

// checkContract holds an answer to the spec: its status must be one the
// operation lists, and its headers, content type and body must match. Paths
// and methods the spec does not describe (the web app, an unknown route, a
// method a path does not take) are not checked.
func checkContract(req *http.Request, res *httptest.ResponseRecorder) error {
	spec, err := loadContract()
	if err != nil {
		return err
	}
	route, params, err := spec.router.FindRoute(req)
	var notDescribed *routers.RouteError
	if errors.As(err, &notDescribed) {
		return nil
	}
	if err != nil {
		return err
	}
	return openapi3filter.ValidateResponse(req.Context(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 res.Code,
		Header:                 res.Header(),
		Body:                   io.NopCloser(bytes.NewReader(res.Body.Bytes())),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
			SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.EnableFormatValidation()}},
	})
}

// TestOpenAPI_DescribesExactlyTheRoutes keeps docs/openapi.yaml equal to the
// router: a route the spec lacks, or a spec path with no route, fails.
func TestOpenAPI_DescribesExactlyTheRoutes(t *testing.T) {
	spec, err := loadContract()
	if err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	described := map[string]bool{}
	for path, item := range spec.doc.Paths.Map() {
		for method := range item.Operations() {
			described[method+" "+path] = true
		}
	}
	routes := map[string]bool{}
	s := newServer(t, modeltest.SQLite(t))
	for _, r := range s.handler.Routes() {
		routes[r.Method+" "+ginToOpenAPI(r.Path)] = true
	}
	for _, k := range sortedKeys(routes) {
		if !described[k] {
			t.Errorf("route %s is missing from docs/openapi.yaml", k)
		}
	}
	for _, k := range sortedKeys(described) {
		if !routes[k] {
			t.Errorf("docs/openapi.yaml describes %s, which the router does not have", k)
		}
	}
}

// TestOpenAPI_EnumsAreTheGoValueSets holds every enum of docs/openapi.yaml
// equal to its list in service.ValueSets, in the same order: the schema named
// like the set. An enum inside another schema has no Go list to be held to and
// fails, except the server's own codes, which every answer checked by
// checkContract keeps to.
func TestOpenAPI_EnumsAreTheGoValueSets(t *testing.T) {
	spec, err := loadContract()
	if err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	sets := service.ValueSets()
	// These fields may also be empty, which their Go lists leave out: a format
	// only for skills contests, a skill level when it is not known, the outcome
	// of a request to re-mark while it is open, the award of an entrant who has none.
	alsoEmpty := map[string]bool{"ContestFormat": true, "SkillLevel": true, "RemarkOutcome": true, "ResultAward": true, "StandingsPending": true}
	ownCodes := map[string]bool{"Error.error.code": true, "Health.status": true}
	for name, ref := range spec.doc.Components.Schemas {
		if ref.Value.Enum != nil {
			want, ok := sets[name]
			if !ok {
				t.Errorf("schema %s has an enum but service.ValueSets has no list %q", name, name)
				continue
			}
			got, empty := enumStrings(ref.Value.Enum)
			if !slices.Equal(got, want) || empty != alsoEmpty[name] {
				t.Errorf("schema %s: enum %q (with \"\": %v) differs from service.ValueSets()[%q] %q (with \"\": %v)",
					name, got, empty, name, want, alsoEmpty[name])
			}
		}
		for _, at := range innerEnums(name, ref.Value) {
			if !ownCodes[at] {
				t.Errorf("%s has an enum of its own: make it a named schema with its list in service.ValueSets", at)
			}
		}
	}
	for name := range sets {
		if ref := spec.doc.Components.Schemas[name]; ref == nil || ref.Value.Enum == nil {
			t.Errorf("service.ValueSets has %s, which docs/openapi.yaml has no enum schema for", name)
		}
	}
}

// enumStrings lists an enum's values but the empty string, and says whether
// that was there.
func enumStrings(enum []any) (values []string, empty bool) {
	for _, v := range enum {
		s := fmt.Sprint(v)
		if s == "" {
			empty = true
			continue
		}
		values = append(values, s)
	}
	return values, empty
}

// innerEnums finds the enums written inside a schema rather than referred to
// by name, as paths like Error.error.code.
func innerEnums(at string, s *openapi3.Schema) []string {
	var found []string
	inner := func(where string, ref *openapi3.SchemaRef) {
		if ref == nil || ref.Ref != "" {
			return
		}
		if ref.Value.Enum != nil {
			found = append(found, where)
		}
		found = append(found, innerEnums(where, ref.Value)...)
	}
	for name, p := range s.Properties {
		inner(at+"."+name, p)
	}
	inner(at+"[]", s.Items)
	for _, refs := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, r := range refs {
			inner(at, r)
		}
	}
	return found
}

// ginToOpenAPI turns /a/:id into /a/{id}.
func ginToOpenAPI(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, ":") {
			parts[i] = "{" + p[1:] + "}"
		}
	}
	return strings.Join(parts, "/")
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
