package lint_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// TestSlipsDoNotCascade makes one format slip in a copy of a real
// document and lints it with every rule, the published framework as the
// reference, as `ddat lint FILE` does: the slip gives one finding more
// than the document had, at the slip, and nothing else changes (the
// parser reads on as if it were written right). The finding's fix,
// applied, gives back the document as published.
func TestSlipsDoNotCascade(t *testing.T) {
	pub, _ := parse.Published()
	for _, tc := range []struct {
		name, file string
		old, new   string // the first old after at is replaced with new
		at         string
		rule       string
	}{
		{"you-can-in-skills-csv", "../parse/testdata/published/skills-2025-09.csv", "You can:", "You can", "Agile working", "structure"},
		{"you-can-on-role-page", "../testdata/role-page-digital-portfolio-manager-2024.txt", "\nYou can:\n", "\nYou can\n", "", "structure"},
		{"level-dash-on-role-page", "../testdata/role-page-digital-portfolio-manager-2024.txt", "Level: working", "Level - working", "", "structure"},
		{"level-spaced-on-role-page", "../testdata/role-page-digital-portfolio-manager-2024.txt", "Level: working", "Level working", "", "structure"},
		{"level-misspelt-on-role-page", "../testdata/role-page-digital-portfolio-manager-2024.txt", "Level: awareness", "Level: awarness", "", "unknown-level"},
		{"level-heading-misspelt-in-markdown", "../testdata/skills-a-to-z.md", "2. Working", "2. Wroking", "", "structure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			src := string(data)
			from := strings.Index(src, tc.at)
			i := strings.Index(src[from:], tc.old)
			if from < 0 || i < 0 {
				t.Fatalf("%q not in %s", tc.old, tc.file)
			}
			i += from
			slipped := src[:i] + tc.new + src[i+len(tc.old):]
			name := tc.file[strings.LastIndexByte(tc.file, '/')+1:]
			before := lintAll(t, pub, name, src)
			after := lintAll(t, pub, name, slipped)
			// Findings are compared by line, rule and message: the slip
			// moves columns on its own line only.
			d := oneNewFinding(t, before, after, findingKey)
			if d.Rule != tc.rule {
				t.Errorf("finding of rule %s, want %s: %v", d.Rule, tc.rule, d)
			}
			if s := d.Span; s.Start > i+len(tc.new) || s.End < i {
				t.Errorf("finding at %d-%d, the slip is at %d-%d: %v", s.Start, s.End, i, i+len(tc.new), d)
			}
			if len(d.Suggestions) != 1 {
				t.Fatalf("%d suggestions, want 1: %v", len(d.Suggestions), d)
			}
			s := d.Suggestions[0]
			if fixed := slipped[:s.Span.Start] + s.NewText + slipped[s.Span.End:]; fixed != src {
				t.Errorf("the fix %q at %d-%d does not give back the document", s.NewText, s.Span.Start, s.Span.End)
			}
		})
	}
}

func lintAll(t *testing.T, pub *framework.Framework, name, src string) []lint.Diagnostic {
	t.Helper()
	doc, err := parse.Parse(name, []byte(src))
	if doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	fw := framework.Merge(doc)
	opts := lint.Options{Vocabulary: pub}
	if len(fw.Skills) == 0 {
		opts.Catalogue = pub
	}
	return lint.Run(fw, opts)
}

// oneNewFinding returns the one finding that after has and before has
// not, compared by key, failing the test unless there is exactly one and
// none of before is gone.
func oneNewFinding(t *testing.T, before, after []lint.Diagnostic, key func(lint.Diagnostic) string) lint.Diagnostic {
	t.Helper()
	count := map[string]int{}
	for _, d := range before {
		count[key(d)]++
	}
	var added []lint.Diagnostic
	for _, d := range after {
		if k := key(d); count[k] > 0 {
			count[k]--
		} else {
			added = append(added, d)
		}
	}
	for k, n := range count {
		if n > 0 {
			t.Errorf("finding gone with the slip: %s", k)
		}
	}
	if len(added) != 1 {
		for _, d := range added {
			t.Errorf("new finding: %v", d)
		}
		t.Fatalf("%d new findings, want 1", len(added))
	}
	return added[0]
}

func findingKey(d lint.Diagnostic) string {
	return fmt.Sprintf("%d %s %s", d.Span.Pos().Line, d.Rule, d.Message)
}
