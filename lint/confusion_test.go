package lint_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// TestConfusionsOnPublished puts one form of a noun and verb pair in the
// other's place in a copy of a published document and lints it with
// every rule, the published framework as the reference: the slip gives
// one spelling finding more than the document had, at the slip, naming
// its evidence, and its fix gives back the document as published.
func TestConfusionsOnPublished(t *testing.T) {
	pub, _ := parse.Published()
	const md, roles = "../parse/published/skills-a-to-z-2025-09.md", "../parse/published/roles-2025-09.csv"
	for _, tc := range []struct {
		file, old, new string
		evidence       string // in the finding's message
	}{
		{md, "assure best practice", "assure best practise", `here it follows "best", a noun's place`},
		{md, "the practice", "the practise", `here it follows "the", a noun's place`},
		{md, "into practice", "into practise", `here it follows "into", a noun's place`},
		{md, "provide technical advice", "provide technical advise", `these documents have "technical advice"`},
		{roles, "they can advise", "they can advice", `here it follows "can", a verb's place`},
	} {
		t.Run(tc.new, func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			src := string(data)
			i := strings.Index(src, tc.old)
			if i < 0 {
				t.Fatalf("%q not in %s", tc.old, tc.file)
			}
			slipped := src[:i] + tc.new + src[i+len(tc.old):]
			name := tc.file[strings.LastIndexByte(tc.file, '/')+1:]
			// Findings are compared by line, rule and the text they are on:
			// the copy is no longer the published document, whose counts
			// then add to the corpus and may reorder a suggestion list.
			key := func(d lint.Diagnostic) string {
				return fmt.Sprintf("%d %s %q", d.Span.Pos().Line, d.Rule, d.Span.Text())
			}
			d := oneNewFinding(t, lintAll(t, pub, name, src), lintAll(t, pub, name, slipped), key)
			if d.Rule != "spelling" || !strings.Contains(d.Message, tc.evidence) {
				t.Errorf("finding %s %q, want spelling naming %q", d.Rule, d.Message, tc.evidence)
			}
			if s := d.Span; s.Start < i || s.End > i+len(tc.new) {
				t.Errorf("finding at %d-%d, the slip is at %d-%d", s.Start, s.End, i, i+len(tc.new))
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
