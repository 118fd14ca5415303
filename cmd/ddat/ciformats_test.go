package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

// formatCase returns findings that exercise the formats: a line with
// multibyte characters before a finding with a fix, a message with
// characters XML cannot hold and markup, an info, a finding with no
// place.
func formatCase() ([]lint.Diagnostic, []string) {
	f := framework.NewFile("pages/role <a>.txt", "first line\n‘Café’ – teh end\n")
	at := strings.Index(f.Src, "teh")
	diags := []lint.Diagnostic{
		{Rule: "spelling", Severity: lint.Warning, Span: f.Span(at, at+3), Message: `"teh" is not a word; did you mean "the"?`,
			Suggestions: []lint.Suggestion{{Message: `replace with "the"`, Span: f.Span(at, at+3), NewText: "the", Safe: true}}},
		{Rule: "encoding", Severity: lint.Error, Span: f.Span(0, 5), Message: "control character U+001B \x1b in <b>text</b> & more\xff"},
		{Rule: "level-order", Severity: lint.Info, Span: f.Span(11, 11), Message: "placed by inference"},
		{Rule: "parse", Severity: lint.Error, Message: "no place"},
	}
	return diags, []string{"fp1", "fp2", "fp3", "fp4"}
}

// TestCIFormatsGolden checks the checkstyle, rdjson, gitlab and junit
// formats on formatCase against testdata/golden/formats.*. Run with
// -update to rewrite them.
func TestCIFormatsGolden(t *testing.T) {
	goldenDir, err := filepath.Abs(filepath.Join("testdata", "golden"))
	if err != nil {
		t.Fatal(err)
	}
	// From the root of a repository, so that GitLab's paths are the
	// names as given.
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	for _, c := range []struct{ format, ext string }{
		{"checkstyle", "xml"}, {"rdjson", "json"}, {"gitlab", "json"}, {"junit", "xml"},
	} {
		diags, fps := formatCase()
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		if err := formats[c.format](&report{e: testEnv(), out: w, diags: diags, files: 1, fingerprints: fps}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		golden := filepath.Join(goldenDir, "formats."+c.format+"."+c.ext)
		if *update {
			if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("--format %s differs from %s:\n%s", c.format, golden, out.String())
		}
	}
}

// TestCIFormatsOnSeeds runs each format on the seeds and checks what its
// consumers rely on: well-formed XML or JSON, one entry a finding,
// checkstyle and junit in their elements, GitLab's required fields with
// unique fingerprints and its severities, rdjson's byte columns
// pointing at the bytes each suggestion replaces.
func TestCIFormatsOnSeeds(t *testing.T) {
	t.Chdir(repoRoot(t))
	lintWith := func(format string) []byte {
		var stdout, stderr bytes.Buffer
		if st := run([]string{"lint", "--fail-on", "none", "--format", format, "testdata"}, nil, &stdout, &stderr); st != exitOK {
			t.Fatalf("--format %s: exit %d: %s", format, st, stderr.String())
		}
		return stdout.Bytes()
	}
	var js jsonReport
	if err := json.Unmarshal(lintWith("json"), &js); err != nil {
		t.Fatal(err)
	}
	n := len(js.Diagnostics)
	if n < 100 {
		t.Fatalf("only %d findings on the seeds", n)
	}

	var cs checkstyleReport
	if err := xml.Unmarshal(lintWith("checkstyle"), &cs); err != nil {
		t.Fatalf("checkstyle: %v", err)
	}
	got := 0
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			got++
			if e.Line < 1 || !strings.HasPrefix(e.Source, "ddat.") || (e.Severity != "error" && e.Severity != "warning" && e.Severity != "info") {
				t.Errorf("checkstyle: bad error %+v", e)
			}
		}
	}
	if got != n {
		t.Errorf("checkstyle: %d errors, want %d", got, n)
	}

	var ju junitSuites
	if err := xml.Unmarshal(lintWith("junit"), &ju); err != nil {
		t.Fatalf("junit: %v", err)
	}
	cases := 0
	for _, s := range ju.Suites {
		cases += len(s.Cases)
		if s.Tests != len(s.Cases) || s.Failures != len(s.Cases) {
			t.Errorf("junit: suite %s counts %d tests, %d failures for %d cases", s.Name, s.Tests, s.Failures, len(s.Cases))
		}
	}
	if cases != n || ju.Tests != n || ju.Failures != n {
		t.Errorf("junit: %d cases, tests=%d failures=%d; want %d", cases, ju.Tests, ju.Failures, n)
	}

	var gl []map[string]any
	if err := json.Unmarshal(lintWith("gitlab"), &gl); err != nil {
		t.Fatalf("gitlab: %v", err)
	}
	seen := map[string]bool{}
	for _, issue := range gl {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity", "location"} {
			if issue[k] == nil || issue[k] == "" {
				t.Errorf("gitlab: issue lacks %s: %v", k, issue)
			}
		}
		fp, _ := issue["fingerprint"].(string)
		if seen[fp] {
			t.Errorf("gitlab: fingerprint %s twice", fp)
		}
		seen[fp] = true
		switch issue["severity"] {
		case "info", "minor", "major", "critical", "blocker":
		default:
			t.Errorf("gitlab: severity %v", issue["severity"])
		}
		loc := issue["location"].(map[string]any)
		if p, _ := loc["path"].(string); !strings.HasPrefix(p, "testdata/") {
			t.Errorf("gitlab: path %q not relative to the repository", p)
		}
		begin := loc["positions"].(map[string]any)["begin"].(map[string]any)
		if begin["line"].(float64) < 1 {
			t.Errorf("gitlab: begin %v", begin)
		}
	}
	if len(gl) != n {
		t.Errorf("gitlab: %d issues, want %d", len(gl), n)
	}

	var rd rdResult
	if err := json.Unmarshal(lintWith("rdjson"), &rd); err != nil {
		t.Fatalf("rdjson: %v", err)
	}
	if len(rd.Diagnostics) != n {
		t.Errorf("rdjson: %d diagnostics, want %d", len(rd.Diagnostics), n)
	}
	files := map[string]*framework.File{}
	suggestions := 0
	for _, d := range rd.Diagnostics {
		f := files[d.Location.Path]
		if f == nil {
			src, err := os.ReadFile(d.Location.Path)
			if err != nil {
				t.Fatal(err)
			}
			f = framework.NewFile(d.Location.Path, string(src))
			files[d.Location.Path] = f
		}
		for _, s := range d.Suggestions {
			suggestions++
			start := f.LineStart(s.Range.Start.Line) + s.Range.Start.Column - 1
			end := f.LineStart(s.Range.End.Line) + s.Range.End.Column - 1
			old := f.Src[start:end]
			// A suggestion on the finding's own range replaces the text
			// its message quotes (or names, for an invisible character
			// or mojibake).
			if old == s.Text {
				t.Errorf("rdjson: suggestion at %v replaces %q by itself", s.Range, old)
			}
			if d.Location.Range != nil && s.Range == *d.Location.Range && strings.TrimSpace(old) != "" && !strings.Contains(d.Message, strings.TrimSpace(old)) && len(old) < 40 && !strings.Contains(d.Message, "U+") && !strings.Contains(d.Message, "mojibake") {
				t.Errorf("rdjson: suggestion at %v replaces %q, which %q does not quote", s.Range, old, d.Message)
			}
		}
	}
	if suggestions < 50 {
		t.Errorf("rdjson: only %d suggestions", suggestions)
	}
}
