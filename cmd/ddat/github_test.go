package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

// manyFindings returns findings of several rules and severities in a file
// whose name Markdown would read: 30 encoding warnings first, then 3
// spelling warnings, 12 errors and 15 infos.
func manyFindings() []lint.Diagnostic {
	f := framework.NewFile("pages/a|b*_[x](y)`.txt", strings.Repeat("some text here\n", 100))
	var diags []lint.Diagnostic
	add := func(n int, rule string, sev lint.Severity, msg string) {
		for i := 0; i < n; i++ {
			at := len(diags) * 15
			diags = append(diags, lint.Diagnostic{Rule: rule, Severity: sev, Span: f.Span(at, at+4), Message: msg})
		}
	}
	add(30, "encoding", lint.Warning, "zero-width character U+200B")
	add(3, "spelling", lint.Warning, `"teh" is not a word; did you mean "the"?`)
	add(12, "parse", lint.Error, "unreadable <b>level</b> | @team $x$")
	add(15, "level-order", lint.Info, "placed by inference")
	return diags
}

// TestGitHubAnnotations checks that the github format annotates no more
// than GitHub shows (10 of each type, the notice for the remainder
// among the notices), chooses by what matters (errors, then warnings by
// rule priority: every spelling finding before the encoding ones), and
// counts the remainder exactly; and that the step summary is appended
// with counts by rule and file, and the file's text escaped.
func TestGitHubAnnotations(t *testing.T) {
	diags := manyFindings()
	summaryFile := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summaryFile, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", summaryFile)
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	r := &report{e: testEnv(), out: w, diags: diags, files: 1}
	if err := writeGitHub(r); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	count := map[string]int{}
	titles := map[string]int{}
	plain := 0
	var remainder string
	cmdRE := regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		m := cmdRE.FindStringSubmatch(line)
		if m == nil {
			if strings.HasPrefix(line, "::") {
				t.Errorf("malformed command %q", line)
			}
			plain++
			continue
		}
		count[m[1]]++
		if m[2] == "title=ddat" {
			remainder = m[3]
			continue
		}
		titles[regexp.MustCompile(`title=([a-z-]+)`).FindStringSubmatch(m[2])[1]]++
	}
	if count["error"] != 10 || count["warning"] != 10 || count["notice"] != 10 {
		t.Errorf("annotations by type: %v, want 10 of each (the remainder's notice among the notices)", count)
	}
	if titles["spelling"] != 3 || titles["encoding"] != 7 || titles["parse"] != 10 || titles["level-order"] != 9 {
		t.Errorf("annotations by rule: %v", titles)
	}
	if n := len(diags) - 29; plain != n || !strings.HasPrefix(remainder, "31 more findings not annotated") {
		t.Errorf("%d plain lines, remainder %q; want %d and 31 more", plain, remainder, n)
	}
	if strings.Contains(out.String(), "a|b*") && !strings.Contains(out.String(), "file=pages/a|b*_[x](y)`.txt") {
		t.Errorf("file property escaped wrongly:\n%s", out.String())
	}

	data, err := os.ReadFile(summaryFile)
	if err != nil {
		t.Fatal(err)
	}
	sum := string(data)
	for _, want := range []string{
		"earlier step\n## ddat lint\n\n12 errors, 33 warnings, 15 infos in 1 file\n",
		"| `parse` | 12 | 0 | 0 |\n| `spelling` | 0 | 3 | 0 |",
		"| `encoding` | 0 | 30 | 0 |",
		"| pages/a\\|b\\*\\_\\[x\\]\\(y\\)\\`.txt | 12 | 33 | 15 |",
		"unreadable \\<b\\>level\\</b\\> \\| \\@team \\$x\\$",
		"- and 25 more\n",
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("step summary lacks %q:\n%s", want, sum)
		}
	}
	// What a step summary must not hold from a file: raw HTML, a
	// mention, a table cell break.
	for _, bad := range []string{"<b>", " @team", "a|b"} {
		if strings.Contains(sum, bad) {
			t.Errorf("step summary holds %q unescaped", bad)
		}
	}
}

// TestGitHubFewFindings checks that findings within GitHub's limits are
// all annotated, with no remainder notice, in their order.
func TestGitHubFewFindings(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	diags := manyFindings()[28:35] // 2 encoding, 3 spelling, 2 errors
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	if err := writeGitHub(&report{e: testEnv(), out: w, diags: diags, files: 1}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(diags) || strings.Contains(out.String(), "title=ddat") {
		t.Fatalf("got:\n%s", out.String())
	}
	for i, l := range lines {
		if !strings.Contains(l, "title="+diags[i].Rule) {
			t.Errorf("line %d: %q, want rule %s", i, l, diags[i].Rule)
		}
	}
}

// TestRulePriority checks the ranks of the annotations' order: every
// listed ID is a rule, each rule has a rank of its own, and a rule the
// list does not name (a new rule) ranks after the findings of wrong
// content and before spacing, encoding and the cap.
func TestRulePriority(t *testing.T) {
	ids := map[string]bool{lint.MaxFindingsRule: true}
	for _, r := range lint.All {
		ids[r.ID] = true
	}
	for _, id := range rulePriority {
		if id != otherRules && !ids[id] {
			t.Errorf("rulePriority lists %q, which is not a rule", id)
		}
	}
	rank := map[int]string{}
	for id := range ids {
		p := priorityOf(id)
		if other, ok := rank[p]; ok {
			t.Errorf("%s and %s have the same rank %d", id, other, p)
		}
		rank[p] = id
	}
	listed := func(id string) bool { return slices.Contains(rulePriority, id) }
	for _, r := range lint.All {
		if listed(r.ID) {
			continue
		}
		if p := priorityOf(r.ID); p <= priorityOf("undefined-level") || p >= priorityOf("punctuation") {
			t.Errorf("unlisted rule %s ranks %d, not between undefined-level (%d) and punctuation (%d)",
				r.ID, p, priorityOf("undefined-level"), priorityOf("punctuation"))
		}
	}
	if priorityOf("no-such-rule") >= priorityOf("punctuation") || priorityOf(lint.ParseError.ID) != 0 {
		t.Errorf("ranks: unknown %d, punctuation %d, parse %d", priorityOf("no-such-rule"), priorityOf("punctuation"), priorityOf(lint.ParseError.ID))
	}
}
