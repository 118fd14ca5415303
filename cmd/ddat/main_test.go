package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files, scripts' cmp files and the README rule table")

func TestMain(m *testing.M) {
	if os.Getenv("DDAT_TEST_MAIN") == "1" {
		// This binary run as ddat by a test (TestInterruptedWrite).
		if ready := os.Getenv("DDAT_TEST_PAUSE_BEFORE_RENAME"); ready != "" {
			testHookBeforeRename = func(string) {
				os.WriteFile(ready, nil, 0o644)
				time.Sleep(time.Minute)
			}
		}
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(cleaningM{m}, map[string]func(){
		"ddat": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// cleaningM runs the tests and then removes the command that
// builtCommand built for them.
type cleaningM struct{ m *testing.M }

func (c cleaningM) Run() int {
	defer removeBuilt()
	return c.m.Run()
}

// repoRoot returns the module's root folder.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestScripts runs the command's testscript files, in
// testdata/script. $SEEDS is the module's testdata folder of real
// published documents.
func TestScripts(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "testdata")
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			e.Setenv("SEEDS", seeds)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": cmdExits,
		},
	})
}

// cmdExits is the script command "exits N COMMAND [ARG...]": it runs
// COMMAND, keeping its stdout and stderr for the commands that follow,
// and fails unless it exits with status N. testscript's "!" accepts
// any status but 0; the README promises which (1 failing findings, 2
// usage or input error).
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: exits N COMMAND [ARG...] (no !: N says what is expected)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits N COMMAND [ARG...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want < 0 {
		ts.Fatalf("exits: status %q is not a number", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// TestSeedsGolden checks every finding on the real seed documents,
// "ddat lint testdata" run from the module root, against
// testdata/golden/seeds.txt. Run with -update to rewrite it.
func TestSeedsGolden(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "golden", "seeds.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(repoRoot(t))
	var stdout, stderr bytes.Buffer
	status := run([]string{"lint", "--fail-on", "none", "--format", "text", "testdata"}, strings.NewReader(""), &stdout, &stderr)
	if status != exitOK {
		t.Fatalf("ddat lint testdata: exit %d\n%s", status, stderr.String())
	}
	got := stdout.String() + "-- stderr --\n" + stderr.String()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("ddat lint testdata (-want +got); run go test -update to accept:\n%s", diff)
	}
}

const (
	rulesStart = "<!-- rules -->\n"
	rulesEnd   = "<!-- /rules -->"
)

// TestREADMERules checks that the README's rule table, between its
// "<!-- rules -->" markers, is what ddat rules --markdown prints. Run
// with -update to rewrite it.
func TestREADMERules(t *testing.T) {
	name := filepath.Join(repoRoot(t), "README.md")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(src)
	i := strings.Index(readme, rulesStart)
	j := strings.Index(readme, rulesEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", strings.TrimSpace(rulesStart), rulesEnd)
	}
	i += len(rulesStart)
	want := rulesMarkdown()
	if got := readme[i:j]; got != want {
		if *update {
			if err := os.WriteFile(name, []byte(readme[:i]+want+readme[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README rule table differs from lint.All (-want +got); run go test -update to rewrite it:\n%s", cmp.Diff(want, got))
	}
}
