package lint_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/lint"
)

func TestStructureSeeds(t *testing.T) {
	diags := lintSeeds(t, lint.Structure)
	var notes int
	var rest []lint.Diagnostic
	for _, d := range diags {
		if strings.HasPrefix(d.Message, "glued-heading: ") || strings.HasPrefix(d.Message, "stray-heading: ") {
			notes++
			continue
		}
		rest = append(rest, d)
	}
	if notes != 23 {
		t.Errorf("got %d parser notes, want the catalogue's 22 glued headings and 1 stray heading", notes)
	}
	want := []string{`role-page-digital-portfolio-manager-2024.txt:278:12: role level heading "Head of portolio" disagrees with its description "A head of portfolio…": "portolio" against "portfolio"`}
	if diff := cmp.Diff(want, lines(rest)); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	d := rest[0]
	if d.Span.Text() != "portolio" {
		t.Errorf("span %q, want the misspelt word", d.Span.Text())
	}
	wantDetails := []string{
		`fix role-page-digital-portfolio-manager-2024.txt:278:12-20 "portfolio"`,
		`related role-page-digital-portfolio-manager-2024.txt:280:11: the description writes "portfolio"`,
	}
	if diff := cmp.Diff(wantDetails, details(d)); diff != "" {
		t.Errorf("details (-want +got):\n%s", diff)
	}
}

func TestStructureHeadingMisspeltInDescription(t *testing.T) {
	src := "Digital portfolio manager\n\nPublished 28 February 2024\n\n" +
		"Digital portfolio manager role levels\n\n" +
		"1. Head of portfolio\n\nA head of portolio leads.\n\nSkill Description\n\n" +
		"Planning\n\nLevel: working\n\nYou can:\n\n  • plan\n\nUpdates\n"
	diags := lintPage(t, lint.Structure, src)
	if len(diags) != 1 {
		t.Fatalf("got %v, want one finding", diags)
	}
	d := diags[0]
	if d.Span.Text() != "portolio" || d.Span.Pos().Line != 9 {
		t.Errorf("finding at %v %q, want the description's misspelt word", d.Span.Pos(), d.Span.Text())
	}
	if len(d.Suggestions) != 1 || d.Suggestions[0].NewText != "portfolio" {
		t.Errorf("suggestions %+v", d.Suggestions)
	}
}

func TestStructureLevelCountFix(t *testing.T) {
	src := "Digital portfolio manager\n\nPublished 28 February 2024\n\n" +
		"Digital portfolio manager role levels\n\n" +
		"There are three digital portfolio manager role levels.\n\n" +
		"1. Digital portfolio manager\n\nA digital portfolio manager manages.\n\nSkill Description\n\n" +
		"Planning\n\nLevel: working\n\nYou can:\n\n  • plan\n\nUpdates\n"
	diags := lintPage(t, lint.Structure, src)
	if len(diags) != 1 {
		t.Fatalf("got %v, want one finding", diags)
	}
	d := diags[0]
	if d.Span.Text() != "three" || len(d.Suggestions) != 1 || d.Suggestions[0].NewText != "one" {
		t.Errorf("got %v at %q with %+v, want \"three\" replaced by \"one\"", d, d.Span.Text(), d.Suggestions)
	}
}
