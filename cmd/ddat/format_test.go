package main

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/schema"
)

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100% sure", "100%25 sure", "100%25 sure"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"x: y, z", "x: y, z", "x%3A y%2C z"},
		{"%0A", "%250A", "%250A"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestGitHubCap(t *testing.T) {
	f := framework.NewFile("a,b.md", strings.Repeat("x\n", 60))
	var diags []lint.Diagnostic
	for i := range 60 {
		diags = append(diags, lint.Diagnostic{Rule: "spelling", Severity: lint.Warning, Span: f.Span(2*i, 2*i+1), Message: "m"})
	}
	diags = append(diags, lint.Diagnostic{Rule: "encoding", Severity: lint.Error, Span: f.Span(0, 1), Message: "100%\nsure"})
	var out bytes.Buffer
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	if err := writeGitHub(&report{e: testEnv(), out: &out, diags: diags}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	var warnings, errors, plain int
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "::warning "):
			warnings++
		case strings.HasPrefix(l, "::error "):
			errors++
			if want := "::error file=a%2Cb.md,line=1,col=1,endLine=1,endColumn=2,title=encoding::100%25%0Asure"; l != want {
				t.Errorf("got  %s\nwant %s", l, want)
			}
		case strings.HasPrefix(l, "a,b.md:"):
			plain++
		}
	}
	if warnings != maxAnnotationsPerType || errors != 1 || plain != 50 {
		t.Errorf("%d warnings, %d errors, %d plain lines; want %d, 1, 50", warnings, errors, plain, maxAnnotationsPerType)
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "::notice title=ddat::50 more findings not annotated") {
		t.Errorf("last line %q, want the notice", last)
	}
}

func TestSummary(t *testing.T) {
	f := framework.NewFile("f", "x")
	diags := []lint.Diagnostic{
		{Severity: lint.Error, Span: f.Span(0, 0)},
		{Severity: lint.Warning, Span: f.Span(0, 0)},
		{Severity: lint.Warning, Span: f.Span(0, 0)},
	}
	if got, want := summary(diags, 1), "1 error, 2 warnings, 0 infos in 1 file"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestDetectKind(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want schema.Kind
	}{
		{`{"$schema": "` + schema.Export.ID() + `"}`, schema.Export},
		{`{"$schema": "` + schema.Diagnostics.ID() + `"}`, schema.Diagnostics},
		{`{"diagnostics": []}`, schema.Diagnostics},
		{`{"rules": {}}`, schema.Config},
		{`{"skills": []}`, schema.Export},
		{`{"other": 1}`, 0},
		{`[1]`, 0},
	} {
		if got := detectKind([]byte(tc.src)); got != tc.want {
			t.Errorf("detectKind(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestPascalAndParagraph(t *testing.T) {
	if got := pascal("descriptor-mismatch"); got != "DescriptorMismatch" {
		t.Errorf("pascal = %q", got)
	}
	if got := firstParagraph("Finds things\nthat are wrong.\n\nBefore: x"); got != "Finds things that are wrong." {
		t.Errorf("firstParagraph = %q", got)
	}
}

// TestJSONSchema checks ddat lint --format json on the seed documents
// against schema/diagnostics.schema.json.
func TestJSONSchema(t *testing.T) {
	t.Chdir(repoRoot(t))
	var stdout, stderr bytes.Buffer
	if st := run([]string{"lint", "--format", "json", "testdata"}, strings.NewReader(""), &stdout, &stderr); st == exitUsage {
		t.Fatalf("exit %d\n%s", st, stderr.String())
	}
	if err := schema.Validate(schema.Diagnostics, stdout.Bytes()); err != nil {
		t.Errorf("ddat lint --format json testdata: %v", err)
	}
}

// failingWriter accepts nothing: a full disk or a closed pipe.
type failingWriter struct{ writes int }

func (w *failingWriter) Write([]byte) (int, error) {
	w.writes++
	return 0, errors.New("no space left on device")
}

// TestReportWriteError: the report is written through one buffer, and
// a write that fails is reported, in every format, instead of a run that
// looks clean.
func TestReportWriteError(t *testing.T) {
	t.Chdir(repoRoot(t))
	for _, format := range []string{"text", "json", "sarif", "github"} {
		var stderr bytes.Buffer
		w := &failingWriter{}
		status := run([]string{"lint", "--fail-on", "none", "--format", format, "testdata/skills-a-to-z.md"}, strings.NewReader(""), w, &stderr)
		if status != exitUsage || !strings.Contains(stderr.String(), "writing the report: no space left on device") {
			t.Errorf("--format %s: exit %d, stderr %q; want exit %d and the write error", format, status, stderr.String(), exitUsage)
		}
		if w.writes != 1 {
			t.Errorf("--format %s: %d writes, want 1 (writing stops at the first error)", format, w.writes)
		}
	}
}

// TestStepSummaryBounded checks that the step summary stays within what
// GitHub keeps (1 MiB) whatever the run: findings in many files, a
// message quoting a long text.
func TestStepSummaryBounded(t *testing.T) {
	var diags []lint.Diagnostic
	for i := range 300 {
		f := framework.NewFile(fmt.Sprintf("content/page-%03d.txt", i), "text\n")
		diags = append(diags, lint.Diagnostic{Rule: "spelling", Severity: lint.Warning, Span: f.Span(0, 4), Message: "a finding"})
	}
	long := framework.NewFile("long.txt", "x\n")
	diags = append(diags, lint.Diagnostic{Rule: "unknown-skill", Severity: lint.Error, Span: long.Span(0, 1),
		Message: "the catalogue has no skill \"" + strings.Repeat("é", 100_000) + "\""})
	got := stepSummary(&report{diags: diags, files: 301})
	if len(got) > maxSummaryBytes+200 {
		t.Errorf("the summary has %d bytes, more than %d", len(got), maxSummaryBytes)
	}
	if !strings.Contains(got, "\n201 more files are not listed.\n") {
		t.Errorf("the summary does not say that 201 files are not listed:\n%.2000s", got)
	}
	if !strings.Contains(got, strings.Repeat("é", maxSummaryMessage-len("the catalogue has no skill \""))+"…") {
		t.Errorf("the long message is not cut at %d characters", maxSummaryMessage)
	}
	if capped := capSummary(strings.Repeat("line\n", maxSummaryBytes)); len(capped) > maxSummaryBytes+200 || !strings.HasSuffix(capped, "the log has every finding.\n") {
		t.Errorf("capSummary left %d bytes, ending %q", len(capped), capped[max(0, len(capped)-60):])
	}
}

// TestInOrder checks that inOrder gives fn of each index in order, each
// made once, at the sizes around its pieces and at one and two
// processors.
func TestInOrder(t *testing.T) {
	for _, procs := range []int{1, 2} {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		for _, n := range []int{0, 1, orderedChunk - 1, orderedChunk, orderedChunk + 1, 5*orderedChunk + 7} {
			var calls atomic.Int64
			got := inOrder(n, func(i int) string {
				calls.Add(1)
				return fmt.Sprint(i * i)
			})
			if len(got) != n || calls.Load() != int64(n) {
				t.Fatalf("GOMAXPROCS %d, n %d: %d results from %d calls", procs, n, len(got), calls.Load())
			}
			for i, s := range got {
				if s != fmt.Sprint(i*i) {
					t.Fatalf("GOMAXPROCS %d, n %d: result %d is %q, want %d", procs, n, i, s, i*i)
				}
			}
		}
	}
}

// TestTextReportAsSequential checks the text report of many findings,
// printed in pieces at once, against the findings printed one by one,
// byte for byte: findings all along a line of 100 KB with accented
// letters (columns through the file's rune index, made once by whichever
// piece asks first), in two files, with a control character to escape.
func TestTextReportAsSequential(t *testing.T) {
	line := strings.Repeat("é and a word ", 8000)
	var diags []lint.Diagnostic
	for _, name := range []string{"a.csv", "b.csv"} {
		f := framework.NewFile(name, "head\n"+line+"\nend\n")
		for k := 0; k < 3*orderedChunk; k++ {
			at := 5 + k*37%len(line)
			diags = append(diags, lint.Diagnostic{Rule: "r", Severity: lint.Warning, Span: f.Span(at, at+1), Message: fmt.Sprintf("finding %d\x1b", k)})
		}
	}
	e := &env{safe: escapeText}
	var want bytes.Buffer
	for i, d := range diags {
		if i > 0 && d.Span.File != diags[i-1].Span.File {
			want.WriteString("\n")
		}
		want.WriteString(escapeText(d.String()) + "\n")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	var got bytes.Buffer
	if err := writeText(&report{e: e, out: &got, diags: diags}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("the text report differs from the findings printed one by one")
	}
	if !strings.Contains(got.String(), "a.csv:2:") || strings.Contains(got.String(), "\x1b") {
		t.Errorf("report not positioned or not escaped:\n%.300s", got.String())
	}
}
