// Package workbooktest writes workbooks for tests with another writer than
// excelize: Debian's python3-openpyxl, which writes its strings inline.
package workbooktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireEnv, when set (CI sets it), makes a missing openpyxl fail the tests
// that need it instead of skipping them.
const RequireEnv = "LEITAI_TEST_REQUIRE_OPENPYXL"

// python finds an interpreter with openpyxl: Debian's first, as other
// Pythons on PATH (pyenv's) may lack it.
func python() (string, bool) {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p, true
		}
	}
	return "", false
}

// Openpyxl runs a Python script that builds a workbook `wb` with openpyxl
// (imported as openpyxl, with datetime) and returns the saved file.
func Openpyxl(t testing.TB, script string) []byte {
	t.Helper()
	py, ok := python()
	if !ok {
		if os.Getenv(RequireEnv) != "" {
			t.Fatalf("openpyxl is missing (apt-get install python3-openpyxl) and %s is set", RequireEnv)
		}
		t.Skip("openpyxl is missing: apt-get install python3-openpyxl")
	}
	out := filepath.Join(t.TempDir(), "book.xlsx")
	prog := "import sys, datetime, openpyxl\n" + script + "\nwb.save(sys.argv[1])\n"
	if msg, err := exec.Command(py, "-c", prog, out).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// OpenpyxlRead opens content with openpyxl as `wb` (openpyxl and json
// imported) and runs a script over it, returning what the script prints.
func OpenpyxlRead(t testing.TB, content []byte, script string) []byte {
	t.Helper()
	py, ok := python()
	if !ok {
		if os.Getenv(RequireEnv) != "" {
			t.Fatalf("openpyxl is missing (apt-get install python3-openpyxl) and %s is set", RequireEnv)
		}
		t.Skip("openpyxl is missing: apt-get install python3-openpyxl")
	}
	in := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(in, content, 0o600); err != nil {
		t.Fatal(err)
	}
	prog := "import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n" + script + "\n"
	out, err := exec.Command(py, "-c", prog, in).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
	return out
}
