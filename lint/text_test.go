package lint_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

func TestEncodingCatalogue(t *testing.T) {
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := &framework.Document{File: framework.NewFile("skills-a-to-z.md", string(src))}
	fw := &framework.Framework{Documents: []*framework.Document{doc}}
	diags := lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.Encoding}})
	moj := 0
	for _, d := range diags {
		if strings.HasPrefix(d.Message, "mojibake") {
			moj++
			if len(d.Suggestions) != 1 || strings.Contains(d.Suggestions[0].NewText, "â€") {
				t.Errorf("%v: bad suggestion %+v", d.Span, d.Suggestions)
			}
		}
	}
	if moj < 40 {
		t.Errorf("got %d mojibake findings, want at least 40", moj)
	}
	for _, d := range diags {
		if !strings.HasPrefix(d.Message, "mojibake") {
			t.Log(d)
		}
	}
}

func TestEncodingOtherFixtures(t *testing.T) {
	for _, name := range []string{
		"role-page-digital-portfolio-manager-2024.txt",
		"role-level-digital-portfolio-manager.txt",
		"legacy-guidance-product-manager-2020.txt",
	} {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		doc := &framework.Document{File: framework.NewFile(name, string(src))}
		fw := &framework.Framework{Documents: []*framework.Document{doc}}
		for _, d := range lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.Encoding}}) {
			t.Errorf("unexpected finding: %v", d)
		}
	}
}

func TestPunctuationFixtures(t *testing.T) {
	var got []string
	for _, name := range realSeeds {
		doc := readSeed(t, name)
		fw := &framework.Framework{Documents: []*framework.Document{doc}}
		for _, d := range lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.Punctuation}}) {
			got = append(got, d.String())
		}
	}
	for _, w := range []string{`"group , or"`, `"users.You"`} {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("no finding quoting %s in:\n%s", w, strings.Join(got, "\n"))
		}
	}
	t.Log(strings.Join(got, "\n"))
}

// TestPunctuationSeeds lists every punctuation finding on the seeds: the
// two known slips, a doubled space and a doubled word in the catalogue,
// and nothing else (no false alarms on indentation or real repeats).
func TestPunctuationSeeds(t *testing.T) {
	var got []string
	for _, d := range lintSeeds(t, lint.Punctuation) {
		got = append(got, d.Span.Pos().String()+": "+d.Message)
		got = append(got, details(d)...)
	}
	want := []string{
		`legacy-guidance-product-manager-2020.txt:144:273: no space after the full stop in "users.You"; add one`,
		`fix legacy-guidance-product-manager-2020.txt:144:273-274 ". "`,
		`role-level-digital-portfolio-manager.txt:2:63: space before "," in "group , or"; remove the space`,
		`fix role-level-digital-portfolio-manager.txt:2:63-65 ","`,
		`role-page-digital-portfolio-manager-2024.txt:13:61: space before "," in "group , or"; remove the space`,
		`fix role-page-digital-portfolio-manager-2024.txt:13:61-63 ","`,
		`skills-a-to-z.md:2732:69: 2 spaces in "and  environmentally"; use one`,
		`fix skills-a-to-z.md:2732:69-71 " "`,
		`skills-a-to-z.md:4424:10: word repeated in "apply apply"; remove one "apply"`,
		`fix skills-a-to-z.md:4424:10-16 ""`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
