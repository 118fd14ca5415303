package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestReportCommand: ddat report writes ddat-report.html by default,
// --out - writes stdout, the same bytes; it never writes over an input;
// an unknown base is an input error.
func TestReportCommand(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	st, out, errs := runIn(t, dir, "report")
	if st != exitOK || out != "" {
		t.Fatalf("report: exit %d, stdout %d bytes, stderr:\n%s", st, len(out), errs)
	}
	file, err := os.ReadFile(filepath.Join(dir, defaultReportName))
	if err != nil {
		t.Fatal(err)
	}
	st, out, errs = runIn(t, dir, "report", "--out", "-")
	if st != exitOK || out != string(file) {
		t.Fatalf("report --out -: exit %d, same bytes as the file: %v; stderr:\n%s", st, out == string(file), errs)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "Digital portfolio manager") {
		t.Errorf("the report is not the page of the framework: %.200s", out)
	}
	// Never over an input.
	in := filepath.Join(dir, "roles.csv")
	src := mustRead(t, filepath.Join(root, "testdata", "roles-sample.csv"))
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if st, _, errs := runIn(t, dir, "report", "--out", "roles.csv", "roles.csv"); st != exitUsage || !strings.Contains(errs, "one of the inputs") {
		t.Errorf("--out over an input: exit %d, stderr:\n%s", st, errs)
	}
	if got, _ := os.ReadFile(in); string(got) != string(src) {
		t.Error("the input was written over")
	}
	if st, _, errs := runIn(t, dir, "report", "--base", "no-such-edition"); st != exitUsage || !strings.Contains(errs, "no-such-edition") {
		t.Errorf("--base of nothing: exit %d, stderr:\n%s", st, errs)
	}
}

// TestReportBasePlanted: `ddat report --base published COPY`, COPY the
// published framework with planted changes (those of
// TestDiffPlantedCopy), marks each in place: the raised, added and
// removed requirements on their cells, the renamed role and skill on
// their headings, the reworded texts word by word; the removed level
// among the role's changes.
func TestReportBasePlanted(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "copy"), 0o755); err != nil {
		t.Fatal(err)
	}
	changedCopy(t, filepath.Join(dir, "copy"), 14)
	st, page, errs := runIn(t, dir, "report", "--base", "published", "--out", "-", "copy")
	if st != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", st, errs)
	}
	// The diff's own count.
	_, diffOut, _ := runIn(t, dir, "diff", "--format", "json", "published", "copy")
	n := len(regexp.MustCompile(`(?m)^      "kind": `).FindAllString(diffOut, -1))
	if !strings.Contains(page, "Compared with published") || !strings.Contains(page, fmt.Sprintf(": %d changes.", n)) {
		t.Errorf("the page does not say it has the diff's %d changes", n)
	}
	for _, want := range []string{
		`<span class="tag t-raised">raised from awareness</span>`,
		`<span class="tag t-added">added</span>`,
		`<span class="tag t-removed">removed, was`,
		`<span class="tag t-renamed">renamed from Data ethicist</span>`,
		`<span class="tag t-renamed">renamed from Systems analysis</span>`,
		`<span class="tag t-renamed">moved from the family User-centred design</span>`,
		`<span class="tag t-removed">no longer defined</span>`,
		`<ins><span class="vh">added: </span>(a specialist)</ins>`,
		`<del><span class="vh">removed: </span>assessing</del>`,
		`<ins><span class="vh">added: </span>reviewing</ins>`,
		`The level &#39;head of product&#39; has been removed.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// Marked in place: the raised requirement on its cell.
	cell := regexp.MustCompile(`<td id="role-data-analyst-l\d+-s\d+">[^\n]*raised from awareness`).FindString(page)
	if !strings.Contains(cell, "Working") {
		t.Errorf("the raised requirement is not on a cell of Data analyst at working: %q", cell)
	}
	// A base that is not a path is a git revision: with no PATH, an error.
	if st, _, errs := runIn(t, dir, "report", "--base", "HEAD~1"); st != exitUsage || !strings.Contains(errs, "git revision") {
		t.Errorf("--base REV with no PATH: exit %d, stderr:\n%s", st, errs)
	}
}

// BenchmarkReport is the report budget: the whole `ddat report` process
// on the embedded framework, the page on stdout, in 150 ms (the page's
// 3 MB is held by TestPublishedPage in cmd/internal/report).
func BenchmarkReport(b *testing.B) {
	benchProcess(b, budgetReport, 0, "report", "--out", "-")
}

// budgetReport is the report's time budget, as the README states it.
const budgetReport = 150 * time.Millisecond
