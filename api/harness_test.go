package api_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"leitai/api"
	"leitai/model"
	"leitai/service"
)

const adminPassword = "Admin-pass-2026"

// proxyAddr is the one reverse proxy the test server trusts to name clients
// in X-Forwarded-For; requests come from 192.0.2.1 unless a client says otherwise.
const proxyAddr = "10.9.9.9"

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// server is the real router over a real database, with a clock tests can move.
type server struct {
	t       testing.TB
	handler *gin.Engine
	svc     *service.Service
	db      *gorm.DB
	now     time.Time
}

// spaFiles stands for a built web app, a script with its gzip-compressed copy.
var spaFiles = fstest.MapFS{
	"index.html":              {Data: []byte("<!doctype html><title>擂台</title>")},
	"assets/index-abc1.js":    {Data: []byte(spaScript)},
	"assets/index-abc1.js.gz": {Data: gzipped(spaScript)},
	"favicon.ico":             {Data: []byte("ico")},
}

const spaScript = "console.log(1)"

func gzipped(text string) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, _ = w.Write([]byte(text))
	_ = w.Close()
	return buf.Bytes()
}

// gunzipped is the text of a gzip-compressed answer's body.
func gunzipped(t testing.TB, body io.Reader) string {
	t.Helper()
	r, err := gzip.NewReader(body)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(plain)
}

func newServer(t testing.TB, db *gorm.DB) *server {
	t.Helper()
	return newServerWith(t, db, func(*service.Options) {})
}

// newServerWith is newServer with the service's options changed by adjust.
func newServerWith(t testing.TB, db *gorm.DB, adjust func(*service.Options)) *server {
	t.Helper()
	s := &server{t: t, db: db, now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	opts := service.Options{Secret: []byte("test-secret-0123456789abcdef-0123456789"), Logger: log,
		Now: func() time.Time { return s.now }, BcryptCost: bcrypt.MinCost}
	adjust(&opts)
	log = opts.Logger
	s.svc = service.New(db, opts)
	// Imports running in the background end before the database closes.
	t.Cleanup(s.svc.WaitForImports)
	if _, err := s.svc.EnsureAdmin(t.Context(), adminPassword); err != nil {
		t.Fatal(err)
	}
	h, err := api.NewRouter(s.svc, log, spaFiles, api.Options{TrustedProxies: []string{proxyAddr}})
	if err != nil {
		t.Fatal(err)
	}
	s.handler = h
	return s
}

// client is one browser: its session cookie and CSRF token, and the address
// it connects from (192.0.2.1 when empty).
type client struct {
	s      *server
	cookie string
	csrf   string
	lang   string
	addr   string
	// forwardedFor, when set, is sent as X-Forwarded-For.
	forwardedFor string
}

func (s *server) anonymous() *client { return &client{s: s} }

// login logs in and fails the test if that does not work.
func (s *server) login(username, password string) *client {
	s.t.Helper()
	c := s.anonymous()
	res := c.do("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": password})
	if res.Code != http.StatusOK {
		s.t.Fatalf("login %s: %d %s", username, res.Code, res.Body)
	}
	return c
}

func (s *server) admin() *client { return s.login("admin", adminPassword) }

// do sends a request as the web app does: cookie, CSRF header, and a JSON body
// with its Content-Type when there is a body; a []byte body is a file.
func (c *client) do(method, path string, body any) *httptest.ResponseRecorder {
	c.s.t.Helper()
	req := c.request(method, path, body)
	res := httptest.NewRecorder()
	c.s.handler.ServeHTTP(res, req)
	if err := checkContract(req, res); err != nil {
		c.s.t.Errorf("%s %s: %d does not keep docs/openapi.yaml: %v", method, path, res.Code, err)
	}
	for _, ck := range res.Result().Cookies() {
		if ck.Name == api.SessionCookie {
			c.cookie = ck.Value
		}
	}
	if res.Code == http.StatusOK && strings.HasSuffix(path, "/auth/login") {
		var out struct {
			CSRFToken string `json:"csrf_token"`
		}
		_ = json.Unmarshal(res.Body.Bytes(), &out)
		c.csrf = out.CSRFToken
	}
	return res
}

// request is the request do sends.
func (c *client) request(method, path string, body any) *http.Request {
	c.s.t.Helper()
	var r io.Reader
	contentType := "application/json"
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		// A file uploaded as it is.
		r, contentType = bytes.NewReader(b), "application/octet-stream"
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			c.s.t.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	if r != nil {
		req.Header.Set("Content-Type", contentType)
	}
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: api.SessionCookie, Value: c.cookie})
	}
	if c.csrf != "" {
		req.Header.Set(api.CSRFHeader, c.csrf)
	}
	if c.addr != "" {
		req.RemoteAddr = net.JoinHostPort(c.addr, "40000")
	}
	if c.forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", c.forwardedFor)
	}
	return req
}

// must sends a request and fails the test unless the status is want; it
// decodes the answer into out when out is not nil.
func (c *client) must(want int, method, path string, body, out any) {
	c.s.t.Helper()
	res := c.do(method, path, body)
	if res.Code != want {
		c.s.t.Fatalf("%s %s: got %d, want %d: %s", method, path, res.Code, want, res.Body)
	}
	if out != nil {
		if err := json.Unmarshal(res.Body.Bytes(), out); err != nil {
			c.s.t.Fatalf("%s %s: decode %s: %v", method, path, res.Body, err)
		}
	}
}

type apiError struct {
	Error struct {
		Code      string `json:"code"`
		Message   string `json:"message"`
		RequestID string `json:"request_id"`
		Fields    []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"fields"`
		Current json.RawMessage `json:"current"`
	} `json:"error"`
}

// mustFail expects an error answer with the given status and code, and, when
// fieldName is not empty, a message for that field.
func (c *client) mustFail(status int, code, fieldName, method, path string, body any) apiError {
	c.s.t.Helper()
	var e apiError
	c.must(status, method, path, body, &e)
	if e.Error.Code != code {
		c.s.t.Fatalf("%s %s: code %q, want %q (%s)", method, path, e.Error.Code, code, e.Error.Message)
	}
	if e.Error.Message == "" || e.Error.RequestID == "" {
		c.s.t.Fatalf("%s %s: error without message or request id: %+v", method, path, e)
	}
	if fieldName != "" {
		found := false
		for _, f := range e.Error.Fields {
			found = found || (f.Field == fieldName && f.Message != "")
		}
		if !found {
			c.s.t.Fatalf("%s %s: no message for field %q in %+v", method, path, fieldName, e.Error.Fields)
		}
	}
	return e
}

type org struct {
	ID         uint   `json:"id"`
	ParentID   *uint  `json:"parent_id"`
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	CreditCode string `json:"credit_code"`
	Version    int    `json:"version"`
}

type account struct {
	ID                 uint   `json:"id"`
	Username           string `json:"username"`
	Role               string `json:"role"`
	OrganisationID     uint   `json:"organisation_id"`
	Disabled           bool   `json:"disabled"`
	MustChangePassword bool   `json:"must_change_password"`
	Version            int    `json:"version"`
}

// fixture is a small tree: root city union → district union (with an
// organiser) → enterprise (with an enterprise account and a worker); a second
// district union with its own organiser, enterprise, enterprise account and
// worker; a judge at the root, assigned to nothing.
type fixture struct {
	root, district, enterprise, otherDistrict, otherEnterprise org
	organiser, enterpriseAcc, judge                            account
	otherOrganiser, otherEnterpriseAcc                         account
	// contest is a technique contest of the district, open for registration,
	// with one event and one pending entrant of the enterprise.
	contest contest
	event   event
	entrant entrant
}

type contest struct {
	ID      uint   `json:"id"`
	Status  string `json:"status"`
	Version int    `json:"version"`
}

type event struct {
	ID           uint           `json:"id"`
	Name         string         `json:"name"`
	Rules        map[string]any `json:"rules"`
	RulesVersion int            `json:"rules_version"`
	Version      int            `json:"version"`
}

type entrant struct {
	ID         uint    `json:"id"`
	Status     string  `json:"status"`
	DrawNumber string  `json:"draw_number"`
	Version    int     `json:"version"`
	Person     *person `json:"person"`
}

// openContest creates a technique contest of a union with one event 电工
// and opens registration, with a window around the server's clock.
func (s *server) openContest(by *client, organiserID uint, quota int) (contest, event) {
	s.t.Helper()
	var ct contest
	by.must(201, "POST", "/api/v1/contests", map[string]any{"name": "全区电工技能竞赛", "kind": "skills", "format": "trade", "level": "district",
		"organiser_id": organiserID, "registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(7 * 24 * time.Hour)}, &ct)
	var ev event
	by.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": "电工", "trade": "电工",
		"entrant_type": "individual", "quota_per_enterprise": quota, "stations": 2}, &ev)
	by.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID), map[string]any{"to": "registration_open"}, &ct)
	return ct, ev
}

// idNumber completes 17 digits with their GB 11643 check character.
func idNumber(first17 string) string {
	check, _ := service.IDNumberCheck(first17)
	return first17 + string(check)
}

// worker is a registration body for one worker with a valid ID number.
func worker(name, idNumber, gender string) map[string]any {
	return map[string]any{"person": map[string]any{"name": name, "gender": gender, "id_number": idNumber, "mobile": "13912345678",
		"trade": "电工", "skill_level": "三级/高级工", "years_in_trade": 8}}
}

const (
	codeA      = "91350100M000100Y43"
	codeB      = "91110000600037341L"
	fixturePwd = "Fixture-pass-1"
)

func (s *server) fixture() fixture {
	s.t.Helper()
	a := s.admin()
	var f fixture
	var tree struct {
		Items []org `json:"items"`
	}
	a.must(200, "GET", "/api/v1/organisations/tree", nil, &tree)
	f.root = tree.Items[0]
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "district_union", "name": "清河区总工会"}, &f.district)
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "清河机床", "credit_code": codeA}, &f.enterprise)
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.root.ID, "kind": "district_union", "name": "江北区总工会"}, &f.otherDistrict)
	a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.otherDistrict.ID, "kind": "enterprise", "name": "江北化工", "credit_code": codeB}, &f.otherEnterprise)
	f.organiser = s.newAccount(a, "org_qh", "organiser", f.district.ID)
	f.enterpriseAcc = s.newAccount(a, "ent_qh", "enterprise", f.enterprise.ID)
	f.judge = s.newAccount(a, "judge_1", "judge", f.root.ID)
	f.otherOrganiser = s.newAccount(a, "org_jiangbei", "organiser", f.otherDistrict.ID)
	f.otherEnterpriseAcc = s.newAccount(a, "ent_jiangbei", "enterprise", f.otherEnterprise.ID)
	for i, o := range []org{f.enterprise, f.otherEnterprise} {
		p := model.Person{OrganisationID: o.ID, Name: []string{"张伟", "李娜"}[i], Gender: "male",
			IDNumber: []string{"11010519491231002X", "110105194912310029"}[i], Mobile: "13812345678", Version: 1}
		if err := s.db.Create(&p).Error; err != nil {
			s.t.Fatal(err)
		}
	}
	f.contest, f.event = s.openContest(a, f.district.ID, 3)
	s.login(f.enterpriseAcc.Username, fixturePwd).must(201, "POST", fmt.Sprintf("/api/v1/events/%d/entrants", f.event.ID),
		worker("王强", idNumber("11010519800101001"), "male"), &f.entrant)
	return f
}

// newAccount creates an account and has it choose its own password, so that it
// can use every endpoint.
func (s *server) newAccount(by *client, username, role string, orgID uint) account {
	s.t.Helper()
	var acc account
	by.must(201, "POST", "/api/v1/accounts", map[string]any{"username": username, "display_name": username, "role": role,
		"organisation_id": orgID, "password": "Initial-pass-1"}, &acc)
	c := s.login(username, "Initial-pass-1")
	c.must(204, "POST", "/api/v1/auth/password", map[string]string{"old_password": "Initial-pass-1", "new_password": fixturePwd}, nil)
	acc.Version++
	acc.MustChangePassword = false
	return acc
}
