package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer lets the test read what the server prints while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestRun_FirstStartCreatesTheDatabaseAndPrintsTheAdminPassword starts the
// real binary's entry point on a fresh SQLite file, then stops it as SIGTERM would.
func TestRun_FirstStartCreatesTheDatabaseAndPrintsTheAdminPassword(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	env := envOf(map[string]string{"LEITAI_DB": "sqlite:" + filepath.Join(dir, "data", "leitai.db"), "LEITAI_ADDR": addr})
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"--demo"}, env, &stdout, &stderr) }()

	var res *http.Response
	for i := 0; i < 200; i++ {
		var err error
		if res, err = http.Get("http://" + addr + "/readyz"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if res == nil || res.StatusCode != 200 {
		cancel()
		t.Fatalf("server did not become ready: %v\n%s", res, stderr.String())
	}
	res.Body.Close()
	login, err := http.Post("http://"+addr+"/api/v1/auth/login", "application/json", strings.NewReader(`{"username":"ent_1","password":"Demo2026!"}`))
	if err != nil || login.StatusCode != 200 {
		t.Errorf("demo login: %v %v", login, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v", err)
	}
	if !strings.Contains(stderr.String(), "username: admin") || !strings.Contains(stderr.String(), "password: ") {
		t.Errorf("first start did not print the admin password:\n%s", stderr.String())
	}
	if !strings.Contains(stdout.String(), `"msg":"request"`) {
		t.Errorf("no access log lines:\n%s", stdout.String())
	}
	if strings.Contains(stdout.String(), "Demo2026!") {
		t.Error("the access log holds a password")
	}
}
