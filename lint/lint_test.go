package lint_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

var update = flag.Bool("update", false, "rewrite the want sections of lint/testdata/*/*.txtar")

func TestAllValid(t *testing.T) {
	if err := lint.Validate(lint.All); err != nil {
		t.Fatal(err)
	}
}

func TestValidateCatchesMistakes(t *testing.T) {
	bad := []*lint.Rule{
		{ID: "Bad_ID", Title: "x", Doc: "Before: a After: b", Since: "v0.1.0", Severity: lint.Warning, Category: "writing", Run: func(*lint.Pass) {}},
		{ID: "no-severity", Title: "x", Doc: "Before: a After: b", Since: "v0.1.0", Category: "writing", Run: func(*lint.Pass) {}},
		{ID: "no-example", Title: "x", Doc: "nothing", Since: "v0.1.0", Severity: lint.Info, Category: "writing", Run: func(*lint.Pass) {}},
		{ID: "no-category", Title: "x", Doc: "Before: a After: b", Since: "v0.1.0", Severity: lint.Info, Run: func(*lint.Pass) {}},
		{ID: "bad-category", Title: "x", Doc: "Before: a After: b", Since: "v0.1.0", Severity: lint.Info, Category: "misc", Run: func(*lint.Pass) {}},
	}
	for _, r := range bad {
		if err := lint.Validate([]*lint.Rule{r}); err == nil {
			t.Errorf("Validate accepted rule %q", r.ID)
		}
	}
}

// TestRules runs each rule on the cases in lint/testdata/<rule-id>/*.txtar.
// A case's files are parsed as framework documents (in archive order) and
// linted with the rule alone; its "want" file lists the findings, one
// "file:line:col: severity: message (rule)" a line. Where a case has no
// catalogue, the embedded published one is the reference. Run with
// -update to rewrite the want files.
func TestRules(t *testing.T) {
	for _, r := range lint.All {
		files, _ := filepath.Glob(filepath.Join("testdata", r.ID, "*.txtar"))
		for _, file := range files {
			t.Run(r.ID+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
				runCase(t, r, file)
			})
		}
	}
}

func runCase(t *testing.T, r *lint.Rule, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*framework.Document
	wantAt := -1
	for i, f := range ar.Files {
		if f.Name == "want" {
			wantAt = i
			continue
		}
		doc, err := parse.Parse(f.Name, f.Data)
		if doc == nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		docs = append(docs, doc)
	}
	pub, _ := parse.Published()
	diags := lint.Run(framework.Merge(docs...), lint.Options{Rules: []*lint.Rule{r}, Catalogue: pub})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if *update {
		data := []byte(strings.Join(got, "\n") + "\n")
		if len(got) == 0 {
			data = nil
		}
		if wantAt < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: "want"})
			wantAt = len(ar.Files) - 1
		}
		ar.Files[wantAt].Data = data
		if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	if wantAt < 0 {
		t.Fatalf("%s has no want file; run with -update", file)
	}
	want := strings.Split(strings.TrimSpace(string(ar.Files[wantAt].Data)), "\n")
	if len(want) == 1 && want[0] == "" {
		want = nil
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: findings mismatch (-want +got):\n%s", file, diff)
	}
}
