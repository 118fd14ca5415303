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

// TestTwoCatalogues lints the two published catalogues (the skills CSV
// download and the Skills A to Z Markdown), with and without the roles
// download, as published and with one line reworded in one of them: an
// info finding says which is the reference, the catalogues are compared
// with each other and a difference is reported once, at the file that has
// it, and the levels both leave undefined are reported once. As
// published, the catalogues differ only by an "&nbsp;" in the Markdown,
// which is the encoding rule's finding, and no role page is blamed for it.
func TestTwoCatalogues(t *testing.T) {
	pub, _ := parse.Published()
	csv := readPublishedDownload(t, "skills-2025-09.csv")
	md := readPublishedDownload(t, "skills-a-to-z-2025-09.md")
	roles := readPublishedDownload(t, "roles-2025-09.csv")
	const line, reworded = "help fix accessibility issues under the direction of others", "help to fix accessibility issues under the direction of others"
	rewordedCopy := func(d *framework.Document) *framework.Document {
		src := strings.Replace(d.File.Src, line, reworded, 1)
		if src == d.File.Src {
			t.Fatalf("%q not in %s", line, d.File.Name)
		}
		doc, err := parse.Parse(d.File.Name, []byte(src))
		if doc == nil {
			t.Fatal(err)
		}
		return doc
	}
	csv2, md2 := rewordedCopy(csv), rewordedCopy(md)
	rules := []*lint.Rule{lint.DescriptorMismatch, lint.UndefinedLevel}
	// The levels the Markdown leaves undefined, linted alone.
	undefined := 0
	for _, d := range lint.Run(framework.Merge(md), lint.Options{Rules: []*lint.Rule{lint.UndefinedLevel}}) {
		if d.Severity == lint.Warning {
			undefined++
		}
	}
	if undefined < 50 {
		t.Fatalf("%d undefined levels in the Markdown, want about 60", undefined)
	}
	const (
		note  = `skills-2025-09.csv: info: two skills catalogues among the inputs: skills-a-to-z-2025-09.md is the reference (a Markdown catalogue comes before a CSV one, then by file name); this one is compared with it`
		skill = `skill "Accessibility" (awareness): descriptors differ from `
	)
	for _, tc := range []struct {
		name     string
		docs     []*framework.Document
		mismatch []string // file: severity: message
	}{
		{"as published", []*framework.Document{csv, md}, []string{note}},
		{"as published, with the roles", []*framework.Document{csv, md, roles}, []string{note}},
		{"the Markdown and the roles", []*framework.Document{md, roles}, nil},
		{"reworded in the CSV", []*framework.Document{csv2, md}, []string{
			note,
			`skills-2025-09.csv: warning: ` + skill + `skills-a-to-z-2025-09.md: minor drift, 1 line of 2 reworded: reworded "help {+to+} fix accessibility issues under the direction of others"`,
		}},
		{"reworded in the CSV, with the roles", []*framework.Document{csv2, md, roles}, []string{
			note,
			`skills-2025-09.csv: warning: ` + skill + `skills-a-to-z-2025-09.md: minor drift, 1 line of 2 reworded: reworded "help {+to+} fix accessibility issues under the direction of others"`,
		}},
		// The roles download gives the CSV's descriptors: the difference
		// is the Markdown's, and the roles download is not blamed for it.
		{"reworded in the Markdown, with the roles", []*framework.Document{csv, md2, roles}, []string{
			note,
			`skills-a-to-z-2025-09.md: warning: ` + skill + `skills-2025-09.csv: minor drift, 1 line of 2 reworded: reworded "help {+to+} fix accessibility issues under the direction of others"; role pages give skills-2025-09.csv's descriptors once, the reference's 0 times`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mismatch []string
			perLevel := map[string]int{}
			levels := 0
			for _, d := range lint.Run(framework.Merge(tc.docs...), lint.Options{Rules: rules, Vocabulary: pub}) {
				switch {
				case d.Rule == lint.DescriptorMismatch.ID:
					mismatch = append(mismatch, fmt.Sprintf("%s: %s: %s", d.Span.File.Name, d.Severity, d.Message))
					if len(d.Related) == 0 {
						t.Errorf("no related place: %v", d)
					}
				case d.Severity == lint.Warning: // a catalogue's undefined level
					levels++
					perLevel[d.Message]++
				}
			}
			if diff := cmp.Diff(tc.mismatch, mismatch); diff != "" {
				t.Errorf("descriptor-mismatch findings (-want +got):\n%s", diff)
			}
			if levels != undefined {
				t.Errorf("%d undefined-level warnings, the Markdown alone has %d", levels, undefined)
			}
			for msg, n := range perLevel {
				if n > 1 {
					t.Errorf("%d times: %s", n, msg)
				}
			}
		})
	}
}
