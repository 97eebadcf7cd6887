package api_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"leitai/model/modeltest"
)

// TestOpenAPI_DescribesExactlyTheRoutes keeps docs/openapi.yaml equal to the
// router: a route the spec lacks, or a spec path with no route, fails.
func TestOpenAPI_DescribesExactlyTheRoutes(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatalf("docs/openapi.yaml is not valid OpenAPI: %v", err)
	}
	spec := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			spec[method+" "+path] = true
		}
	}
	routes := map[string]bool{}
	s := newServer(t, modeltest.SQLite(t))
	for _, r := range s.handler.Routes() {
		routes[r.Method+" "+ginToOpenAPI(r.Path)] = true
	}
	for _, k := range sortedKeys(routes) {
		if !spec[k] {
			t.Errorf("route %s is missing from docs/openapi.yaml", k)
		}
	}
	for _, k := range sortedKeys(spec) {
		if !routes[k] {
			t.Errorf("docs/openapi.yaml describes %s, which the router does not have", k)
		}
	}
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
