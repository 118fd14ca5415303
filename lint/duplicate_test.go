package lint_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

func TestDuplicateRemovesWholeLine(t *testing.T) {
	src := "# Skills A to Z\n\n## Planning\n\nPlanning is planning.\n\n1. Awareness\n\n" +
		"  - plan ahead\n  - plan ahead\n  - plan later\n"
	doc, err := parse.Parse("skills.md", []byte(src))
	if doc == nil {
		t.Fatal(err)
	}
	diags := lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{lint.Duplicate}})
	if len(diags) != 1 {
		t.Fatalf("got %v, want one finding", diags)
	}
	d := diags[0]
	want := []string{
		`fix skills.md:10:1-1 ""`,
		`related skills.md:9:5: first given here as "plan ahead"`,
	}
	if diff := cmp.Diff(want, details(d)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := d.Suggestions[0].Span.Text(); got != "  - plan ahead\n" {
		t.Errorf("removal covers %q, want the whole line", got)
	}
}
