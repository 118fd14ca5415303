package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// copySeeds copies the framework documents of the module's testdata/
// (the seeds) into a new temporary folder and returns it.
func copySeeds(t *testing.T) string {
	return copyDocs(t, filepath.Join(repoRoot(t), "testdata"))
}

// copyDocs copies the framework documents of the folder src into a new
// temporary folder and returns it.
func copyDocs(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	paths, err := filepath.Glob(filepath.Join(src, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if parse.Detect(src) == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lintDir lints dir as ddat lint does and returns the findings.
func lintDir(t *testing.T, dir string) []lint.Diagnostic {
	t.Helper()
	in, err := readInputs(testEnv(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := parse.Published()
	fw := framework.Merge(in.docs...)
	return lint.Run(fw, lint.Options{Catalogue: pub, Vocabulary: pub, Problems: in.problems, MaxFindings: defaultMaxFindings})
}

func hasSafe(d lint.Diagnostic) bool {
	for _, s := range d.Suggestions {
		if s.Safe {
			return true
		}
	}
	return false
}

// TestFixSeeds fixes a copy of the seeds, and one of the embedded
// published documents: afterwards no finding with a safe fix is left,
// each file has as many lines as before, and every line that differs is
// one that a safe fix of the first lint covered (at the finding, at a
// place its repeats list, or on a line identical to one of these): the
// bytes outside the edits are unchanged.
func TestFixSeeds(t *testing.T) {
	for _, src := range []string{"testdata", filepath.Join("parse", "published")} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			testFix(t, copyDocs(t, filepath.Join(repoRoot(t), src)))
		})
	}
}

func testFix(t *testing.T, dir string) {
	before := map[string]string{}
	fixable := map[string]map[string]bool{} // file base name -> the lines a safe fix covers, by text
	cover := func(sp framework.Span) {
		if !sp.IsValid() {
			return
		}
		name := filepath.Base(sp.File.Name)
		if fixable[name] == nil {
			fixable[name] = map[string]bool{}
			before[name] = sp.File.Src
		}
		lines := strings.Split(sp.File.Src, "\n")
		for l := sp.Pos().Line; l <= sp.EndPos().Line; l++ {
			fixable[name][lines[l-1]] = true
		}
	}
	n := 0
	for _, d := range lintDir(t, dir) {
		if !hasSafe(d) {
			continue
		}
		n++
		for _, s := range d.Suggestions {
			cover(s.Span)
		}
		for _, r := range d.Related {
			cover(r.Span)
		}
	}
	if n < 10 {
		t.Fatalf("only %d findings with a safe fix", n)
	}

	var stdout, stderr bytes.Buffer
	st := run([]string{"lint", "--fix", "--fail-on", "none", "--format", "json", dir}, nil, &stdout, &stderr)
	if st != exitOK {
		t.Fatalf("exit %d: %s", st, stderr.String())
	}
	if !strings.Contains(stderr.String(), "applied ") {
		t.Errorf("stderr does not say what was applied:\n%s", stderr.String())
	}
	// The report is of what is left: no finding with a safe fix.
	var rep struct {
		Diagnostics []struct{ Rule, Message string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	left := lintDir(t, dir)
	if len(rep.Diagnostics) != len(left) {
		t.Errorf("the report after --fix has %d findings; linting the fixed files again gives %d", len(rep.Diagnostics), len(left))
	}
	for _, d := range left {
		if hasSafe(d) {
			t.Errorf("a fixable finding is left: %v", d)
		}
	}
	changedLines := 0
	for name, old := range before {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		ol, nl := strings.Split(old, "\n"), strings.Split(string(data), "\n")
		if len(ol) != len(nl) {
			t.Errorf("%s: %d lines before the fixes, %d after", name, len(ol), len(nl))
			continue
		}
		for i := range ol {
			if ol[i] != nl[i] {
				changedLines++
				if !fixable[name][ol[i]] {
					t.Errorf("%s:%d changed where no safe fix was:\n-%q\n+%q", name, i+1, ol[i], nl[i])
				}
			}
		}
	}
	if changedLines < 20 {
		t.Errorf("only %d lines changed", changedLines)
	}
	// A second --fix has nothing left to do.
	stderr.Reset()
	if st := run([]string{"lint", "--fix", "--fail-on", "none", dir}, nil, &stdout, &stderr); st != exitOK || !strings.Contains(stderr.String(), "applied 0 fixes in 0 files") {
		t.Errorf("second --fix: exit %d, stderr:\n%s", st, stderr.String())
	}
}

// TestFixDiff checks that --fix --diff writes nothing and prints a
// unified diff of the fixes.
func TestFixDiff(t *testing.T) {
	dir := copySeeds(t)
	name := filepath.Join(dir, "role-page-digital-portfolio-manager-2024.txt")
	old, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if st := run([]string{"lint", "--fix", "--diff", "--fail-on", "none", name}, nil, &stdout, &stderr); st != exitOK {
		t.Fatalf("exit %d: %s", st, stderr.String())
	}
	now, _ := os.ReadFile(name)
	if !bytes.Equal(old, now) {
		t.Error("--fix --diff changed the file")
	}
	out := stdout.String()
	for _, want := range []string{"--- a/", "+++ b/", "@@ ", "-There are 4 digital portfolio manager role levels, from digital portfolio analyst to head of portolio.", "+There are 4 digital portfolio manager role levels, from digital portfolio analyst to head of portfolio."} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
}

// TestFixRefuses checks what --fix never writes: the embedded snapshot,
// and an input also read as another file.
func TestFixRefuses(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if st := run([]string{"lint", "--fix"}, nil, &stdout, &stderr); st != exitUsage || !strings.Contains(stderr.String(), "embedded") {
		t.Errorf("--fix with no path: exit %d, stderr %q", st, stderr.String())
	}
	dir := copySeeds(t)
	name := filepath.Join(dir, "role-page-digital-portfolio-manager-2024.txt")
	link := filepath.Join(dir, "sub", "link.txt")
	os.Mkdir(filepath.Dir(link), 0o755)
	if err := os.Link(name, link); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(name)
	stderr.Reset()
	if st := run([]string{"lint", "--fix", "--fail-on", "none", name, link}, nil, &stdout, &stderr); st != exitUsage || !strings.Contains(stderr.String(), "also read as another file") {
		t.Errorf("--fix on two hard links: exit %d, stderr %q", st, stderr.String())
	}
	if now, _ := os.ReadFile(name); !bytes.Equal(old, now) {
		t.Error("the hard-linked input was written")
	}
}
