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

// TestUnknownSkillSeeds checks the skills of the 2020 product manager
// page that the catalogue no longer has: each reported once, at its first
// use, with sensible suggestions or none.
func TestUnknownSkillSeeds(t *testing.T) {
	diags := lintSeeds(t, lint.UnknownSkill)
	type finding struct {
		At, Skill string
		Fixes     []string
		Related   int
	}
	var got []finding
	for _, d := range diags {
		f := finding{At: d.Span.Pos().String(), Skill: d.Span.Text(), Related: len(d.Related)}
		for _, s := range d.Suggestions {
			if s.Span != d.Span {
				t.Errorf("%v: suggestion span %v, want the finding's", d, s.Span)
			}
			f.Fixes = append(f.Fixes, s.NewText)
		}
		if d.Severity != lint.Error || !strings.Contains(d.Message, fmt.Sprintf("%q", f.Skill)) {
			t.Errorf("unexpected finding %v", d)
		}
		got = append(got, f)
	}
	const legacy = "legacy-guidance-product-manager-2020.txt"
	want := []finding{
		{legacy + ":128:1", "DDaT perspective", nil, 5},
		{legacy + ":130:1", "Experience of working within constraints", []string{"Working within constraints (performance analyst)"}, 5},
		{legacy + ":134:1", "Life-cycle perspective", []string{"Life cycle management"}, 5},
		{legacy + ":138:1", "Problem ownership", nil, 5},
		{legacy + ":140:1", "Product ownership", []string{"Product leadership", "Product management", "Product ownership (data ethics)"}, 5},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(diags) > 0 {
		if m := diags[0].Message; !strings.Contains(m, "used 5 more times in this document") || !strings.Contains(m, "older guidance") {
			t.Errorf("message %q", m)
		}
	}
}

func TestUnknownSkillNeedsCatalogue(t *testing.T) {
	doc := readSeed(t, "legacy-guidance-product-manager-2020.txt")
	if diags := lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{lint.UnknownSkill}}); len(diags) > 0 {
		t.Errorf("findings without a catalogue: %v", diags)
	}
}

func TestRoleBacklinkSeeds(t *testing.T) {
	diags := lintSeeds(t, lint.RoleBacklink)
	const page = "role-page-digital-portfolio-manager-2024.txt"
	want := []string{
		page + `:402:1: the shared-skills table says "Graphic designer" shares "Agile working" with "Digital portfolio manager", but the catalogue's "Agile working" does not list "Graphic designer"`,
		page + `:404:1: the shared-skills table says "Graphic designer" shares "Strategic thinking" with "Digital portfolio manager", but the catalogue's "Strategic thinking" does not list "Graphic designer"`,
	}
	if diff := cmp.Diff(want, lines(diags)); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	wantRel := []string{`related skills-a-to-z.md:230:4: the catalogue's roles for "Agile working"`}
	if diff := cmp.Diff(wantRel, details(diags[0])); diff != "" {
		t.Errorf("related (-want +got):\n%s", diff)
	}
	if got := diags[0].Related[0].Span.Text(); !strings.HasPrefix(got, "Content strategist](") || !strings.HasSuffix(got, "Technical writer") {
		t.Errorf("related span %q, want the catalogue's list of roles", got)
	}
}

// TestCrossDocumentRulesPerSeed checks that linting each page alone
// against the published catalogue finds what linting all the seeds
// together finds on that page.
func TestCrossDocumentRulesPerSeed(t *testing.T) {
	rules := []*lint.Rule{lint.UnknownSkill, lint.RoleBacklink, lint.UndefinedLevel, lint.LevelRegression, lint.Structure}
	together := map[string][]string{}
	for _, d := range lintSeeds(t, rules...) {
		f := d.Span.Pos().Filename
		together[f] = append(together[f], d.String())
	}
	pub, _ := parse.Published()
	for _, name := range realSeeds[1:] {
		doc := readSeed(t, name)
		var alone []string
		for _, d := range lint.Run(framework.Merge(doc), lint.Options{Rules: rules, Catalogue: pub}) {
			alone = append(alone, d.String())
		}
		if diff := cmp.Diff(together[name], alone); diff != "" {
			t.Errorf("%s: together vs alone (-together +alone):\n%s", name, diff)
		}
	}
}
