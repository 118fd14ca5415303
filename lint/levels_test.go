package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// realSeeds are the published documents of the repository's testdata.

// lintSeeds lints the four seeds together (the catalogue among them) with
// the given rules.
func lintSeeds(t *testing.T, rules ...*lint.Rule) []lint.Diagnostic {
	t.Helper()
	var docs []*framework.Document
	for _, n := range realSeeds {
		docs = append(docs, readSeed(t, n))
	}
	return lint.Run(framework.Merge(docs...), lint.Options{Rules: rules})
}

// lines renders findings as "file:line:col: message".
func lines(diags []lint.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s: %s", d.Span.Pos(), d.Message))
	}
	return out
}

// details renders a finding's suggestions and related positions.
func details(d lint.Diagnostic) []string {
	var out []string
	for _, s := range d.Suggestions {
		out = append(out, fmt.Sprintf("fix %s-%d %q", s.Span.Pos(), s.Span.EndPos().Column, s.NewText))
	}
	for _, r := range d.Related {
		out = append(out, fmt.Sprintf("related %s: %s", r.Span.Pos(), r.Message))
	}
	return out
}

func TestUndefinedLevelSeeds(t *testing.T) {
	diags := lintSeeds(t, lint.UndefinedLevel)
	if len(diags) != 60 {
		t.Errorf("got %d findings, want the catalogue's 60 undefined levels:\n%s", len(diags), strings.Join(lines(diags), "\n"))
	}
	for _, d := range diags {
		if d.Severity != lint.Warning || d.Span.Pos().Filename != "skills-a-to-z.md" ||
			d.Span.Text() != "This skill level is currently not defined." ||
			!strings.HasSuffix(d.Message, `: "This skill level is currently not defined."`) {
			t.Errorf("unexpected finding %v (span %q)", d, d.Span.Text())
		}
	}
	want := []string{
		`skills-a-to-z.md:240:5: skill "Agile working (content design)" leaves level awareness undefined: "This skill level is currently not defined."`,
		`skills-a-to-z.md:288:5: skill "Analysis" leaves level awareness undefined: "This skill level is currently not defined."`,
	}
	if diff := cmp.Diff(want, lines(diags)[:2]); diff != "" {
		t.Errorf("first findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`related skills-a-to-z.md:238:1: level heading "1. Awareness"`}, details(diags[0])); diff != "" {
		t.Errorf("related (-want +got):\n%s", diff)
	}
}

func TestUndefinedLevelRequirement(t *testing.T) {
	page := `Content designer

Published 28 February 2024

Content designer role levels

There are 1 content designer role levels.

1. Junior content designer

A junior content designer writes content.

Skill Description

Agile working (content design)

Level: awareness

Awareness is the first of 4 ascending skill levels

You can:

  • iterate
`
	doc, err := parse.Parse("page.txt", []byte(page))
	if doc == nil {
		t.Fatal(err)
	}
	pub, _ := parse.Published()
	diags := lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{lint.UndefinedLevel}, Catalogue: pub})
	if len(diags) != 1 {
		t.Fatalf("got %v, want one finding", diags)
	}
	d := diags[0]
	if d.Severity != lint.Error || d.Span.Text() != "awareness" {
		t.Errorf("got %v at %q, want an error at the level text", d, d.Span.Text())
	}
	if len(d.Related) != 1 || !strings.HasPrefix(d.Related[0].Span.Text(), "1. Awareness") ||
		d.Related[0].Span.Pos().Filename != "published/skills-a-to-z-2025-09.md" {
		t.Errorf("related %+v, want the catalogue's awareness level", d.Related)
	}
}

func TestLevelRulesSeedsClean(t *testing.T) {
	for _, r := range []*lint.Rule{lint.UnknownLevel, lint.LevelScale, lint.Duplicate} {
		if diags := lintSeeds(t, r); len(diags) > 0 {
			t.Errorf("%s: unexpected findings on the seeds:\n%s", r.ID, strings.Join(lines(diags), "\n"))
		}
	}
}

func TestLevelRegressionSeeds(t *testing.T) {
	diags := lintSeeds(t, lint.LevelRegression)
	want := []string{`legacy-guidance-product-manager-2020.txt:278:471: skill "Life-cycle perspective" drops from expert at role level "Senior product manager" to practitioner at "Lead product manager"; leadership levels may drop day-to-day skills, but check the level is meant`}
	if diff := cmp.Diff(want, lines(diags)); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
	d := diags[0]
	if d.Span.Text() != "practitioner" || d.Severity != lint.Warning {
		t.Errorf("span %q severity %v, want the level text and a warning", d.Span.Text(), d.Severity)
	}
	wantRel := []string{`related legacy-guidance-product-manager-2020.txt:240:519: "Life-cycle perspective" requires expert at role level "Senior product manager"`}
	if diff := cmp.Diff(wantRel, details(d)); diff != "" {
		t.Errorf("related (-want +got):\n%s", diff)
	}
}

// rolePage builds a one-level role page holding the given skill blocks.
func rolePage(blocks ...string) string {
	return "Digital portfolio manager\n\nPublished 28 February 2024\n\n" +
		"Digital portfolio manager role levels\n\n" +
		"1. Digital portfolio manager\n\nA digital portfolio manager manages.\n\nSkill Description\n\n" +
		strings.Join(blocks, "\n") + "\nUpdates\n"
}

func lintPage(t *testing.T, r *lint.Rule, src string) []lint.Diagnostic {
	t.Helper()
	doc, err := parse.Parse("page.txt", []byte(src))
	if doc == nil {
		t.Fatal(err)
	}
	pub, _ := parse.Published()
	return lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{r}, Catalogue: pub})
}

func TestLevelScaleFixes(t *testing.T) {
	src := rolePage(
		"Planning\n\nLevel: practitioner\n\nWorking is the second of 4 ascending skill levels\n\nYou can:\n\n  • plan\n",
		"Strategic thinking\n\nLevel: expert\n\nExpert is the third of four ascending skill levels\n\nYou can:\n\n  • think\n",
	)
	var got []string
	for _, d := range lintPage(t, lint.LevelScale, src) {
		got = append(got, fmt.Sprintf("%q", d.Span.Text()))
		got = append(got, details(d)...)
	}
	want := []string{
		`"Working is the second"`,
		`fix page.txt:17:1-22 "Practitioner is the third"`,
		`related page.txt:15:8: the level is stated as "practitioner" here`,
		`"third"`,
		`fix page.txt:27:15-20 "fourth"`,
		`related page.txt:25:8: the level is stated as "expert" here`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestUnknownLevelSuggestions(t *testing.T) {
	for _, c := range []struct{ level, scale, want string }{
		{"practicioner", "", "practitioner"},
		{"Practicioner", "", "Practitioner"},
		{"wrking", "", "working"},
		{"level 2", "Working is the second of 4 ascending skill levels", "working"},
		{"expert level", "", "expert"},
		{"senior", "", ""},
	} {
		block := "Planning\n\nLevel: " + c.level + "\n\n"
		if c.scale != "" {
			block += c.scale + "\n\n"
		}
		block += "You can:\n\n  • plan\n"
		diags := lintPage(t, lint.UnknownLevel, rolePage(block))
		if len(diags) != 1 {
			t.Errorf("%q: got %v, want one finding", c.level, diags)
			continue
		}
		d := diags[0]
		if d.Span.Text() != c.level {
			t.Errorf("%q: span %q", c.level, d.Span.Text())
		}
		var fix string
		if len(d.Suggestions) > 0 {
			fix = d.Suggestions[0].NewText
		}
		if fix != c.want {
			t.Errorf("%q: suggestion %q, want %q (%s)", c.level, fix, c.want, d.Message)
		}
	}
	// The role-level export states no levels: nothing to report.
	doc := readSeed(t, "role-level-digital-portfolio-manager.txt")
	pub, _ := parse.Published()
	if diags := lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{lint.UnknownLevel}, Catalogue: pub}); len(diags) > 0 {
		t.Errorf("role-level export: %v", diags)
	}
}
