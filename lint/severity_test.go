package lint_test

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// TestSeveritiesAsDocumented checks that every finding of every rule,
// on the seeds and on every rule's cases in lint/testdata, has its
// rule's default severity, or is an error of a rule that says when it
// raises one (Rule.Raised, shown by ddat rules and ddat explain); and
// that a rule saying so does raise one somewhere, so the docs stay true.
func TestSeveritiesAsDocumented(t *testing.T) {
	pub, _ := parse.Published()
	check := func(name string, fw *framework.Framework, catalogue *framework.Framework) map[string]bool {
		raised := map[string]bool{}
		for _, d := range lint.Run(fw, lint.Options{Catalogue: catalogue}) {
			r := lint.Lookup(d.Rule)
			if r == nil {
				continue // the max-findings pseudo-rule
			}
			switch {
			case d.Severity == r.Severity:
			case d.Severity == lint.Error && r.Raised != "":
				raised[r.ID] = true
			default:
				t.Errorf("%s: %s: severity %s, but %s is documented as %s (Rule.Raised %q)", name, d, d.Severity, r.ID, r.Severity, r.Raised)
			}
		}
		return raised
	}
	raised := map[string]bool{}
	var seeds []*framework.Document
	for _, n := range realSeeds {
		seeds = append(seeds, readSeed(t, n))
	}
	for id := range check("seeds", framework.Merge(seeds...), nil) {
		raised[id] = true
	}
	cases, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txtar"))
	if len(cases) < 20 {
		t.Fatalf("%d rule cases in testdata: want them all", len(cases))
	}
	for _, file := range cases {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var docs []*framework.Document
		for _, f := range ar.Files {
			if f.Name == "want" {
				continue
			}
			if doc, _ := parse.Parse(f.Name, f.Data); doc != nil {
				docs = append(docs, doc)
			}
		}
		for id := range check(file, framework.Merge(docs...), pub) {
			raised[id] = true
		}
	}
	for _, r := range lint.All {
		if r.Raised != "" && !raised[r.ID] {
			t.Errorf("rule %s says it raises errors for %s, but raised none on the seeds or its cases", r.ID, r.Raised)
		}
	}
}
