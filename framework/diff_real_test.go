package framework_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// readFW parses files into a merged framework.
func readFW(t testing.TB, names ...string) *framework.Framework {
	t.Helper()
	var docs []*framework.Document
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, parseDoc(t, n, src))
	}
	return framework.Merge(docs...)
}

func parseDoc(t testing.TB, name string, src []byte) *framework.Document {
	t.Helper()
	d, err := parse.Parse(name, src)
	if d == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// roleRows returns the header and the rows of the roles download for one
// role, as a CSV document of their own.
func roleRows(t testing.TB, role string) []byte {
	t.Helper()
	src, err := os.ReadFile("../parse/published/roles-2025-09.csv")
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(recs[0])
	n := 0
	for _, rec := range recs[1:] {
		if len(rec) > 1 && rec[1] == role {
			w.Write(rec)
			n++
		}
	}
	w.Flush()
	if n == 0 {
		t.Fatalf("no rows for %q", role)
	}
	return b.Bytes()
}

// summary renders differences one a line, for comparing with what a test
// expects.
func summary(ds []framework.Difference) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s page=%q", d.Kind, d.Page)
		for _, kv := range [][2]string{{"role", d.Role}, {"level", d.Level}, {"skill", d.Skill}, {"from", d.From}, {"to", d.To}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, " %s=%q", kv[0], kv[1])
			}
		}
		if d.SkillLevel != 0 {
			fmt.Fprintf(&b, " at=%s", d.SkillLevel)
		}
		if d.Score != 0 {
			fmt.Fprintf(&b, " score=%.2f", d.Score)
		}
		if len(d.Added) > 0 {
			fmt.Fprintf(&b, " added=%q", d.Added)
		}
		if len(d.Removed) > 0 {
			fmt.Fprintf(&b, " removed=%q", d.Removed)
		}
		b.WriteString("\n")
		for _, l := range d.Lines {
			fmt.Fprintf(&b, "  %s %q -> %q\n", l.Op, l.Old, l.New)
			for _, w := range l.Words {
				if w.Op != framework.EditKept {
					fmt.Fprintf(&b, "    %s %q\n", w.Op, w.Text)
				}
			}
		}
	}
	return b.String()
}

var update = flag.Bool("update", false, "rewrite the golden files under framework/testdata/diff")

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "diff", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s (-want +got):\n%s", path, d)
	}
}

func kinds(ds []framework.Difference) map[framework.DiffKind]int {
	n := map[framework.DiffKind]int{}
	for _, d := range ds {
		n[d.Kind]++
	}
	return n
}

// The 2024 Digital portfolio manager page against the September 2025
// download's rows for the role: the page's misspelt "Head of portolio" is
// the download's "Head of portfolio" renamed, and the 2025 rows do not
// give the analyst's responsibilities; the skills and their levels are
// the same.
func TestDiffRolePage2024(t *testing.T) {
	old := readFW(t, "../testdata/role-page-digital-portfolio-manager-2024.txt")
	new := framework.Merge(parseDoc(t, "rows.csv", roleRows(t, "Digital portfolio manager")))
	ds := framework.Diff(old, new)
	golden(t, "role-page-2024.txt", summary(ds))
	want := map[framework.DiffKind]int{framework.LevelRenamed: 1, framework.LevelResponsibilitiesChanged: 1}
	if d := cmp.Diff(want, kinds(ds)); d != "" {
		t.Errorf("kinds (-want +got):\n%s", d)
	}
	for _, d := range ds {
		if !d.Old.IsValid() || !d.New.IsValid() {
			t.Errorf("%s: want places in both editions, got %v and %v", d.Kind, d.Old, d.New)
		}
		if d.Kind == framework.LevelRenamed && (d.From != "Head of portolio" || d.To != "Head of portfolio" || d.Old.Text() != "Head of portolio" || d.Score < 0.9) {
			t.Errorf("rename: %+v (old span %q)", d, d.Old.Text())
		}
	}
}

// The 2020 Product manager guidance against the September 2025 rows:
// levels kept, descriptions rewritten, skills retired and new ones
// required, "Life-cycle perspective" renamed "Life cycle management"
// (the 2025 skill its requirements' texts are closest to); no rename is
// a removal and an addition.
func TestDiffLegacy2020(t *testing.T) {
	old := readFW(t, "../testdata/legacy-guidance-product-manager-2020.txt")
	new := framework.Merge(parseDoc(t, "rows.csv", roleRows(t, "Product manager")))
	ds := framework.Diff(old, new)
	golden(t, "legacy-2020.txt", summary(ds))
	var renamed []string
	for _, d := range ds {
		switch d.Kind {
		case framework.SkillRenamed:
			renamed = append(renamed, d.From+" -> "+d.To)
		case framework.LevelAdded, framework.LevelRemoved, framework.RoleAdded, framework.RoleRemoved:
			t.Errorf("unexpected %s %q", d.Kind, d.Level)
		case framework.RequirementAdded, framework.RequirementRemoved:
			if d.Skill == "Life cycle management" || d.Skill == "Life-cycle perspective" {
				t.Errorf("renamed skill reported as %s", d.Kind)
			}
		}
	}
	if d := cmp.Diff([]string{"Life-cycle perspective -> Life cycle management"}, renamed); d != "" {
		t.Errorf("renames (-want +got):\n%s", d)
	}
}

// The Markdown catalogue against the skills CSV of the same edition:
// nothing but encoding repairs (the Markdown's "&nbsp;" written as an
// entity, which the CSV does not have).
func TestDiffMarkdownAgainstCSV(t *testing.T) {
	old := readFW(t, "../parse/published/skills-a-to-z-2025-09.md")
	new := readFW(t, "../parse/testdata/published/skills-2025-09.csv")
	ds := framework.Diff(old, new)
	golden(t, "markdown-csv.txt", summary(ds))
	for _, d := range ds {
		if d.Kind != framework.SkillDescriptorsChanged && d.Kind != framework.SkillDescriptionChanged {
			t.Errorf("unexpected %s on %q", d.Kind, d.Page)
		}
		for _, l := range d.Lines {
			if l.Op != framework.EditReworded || !strings.Contains(l.Old+l.New, "&") {
				t.Errorf("%s: %s %q -> %q is not an encoding repair", d.Page, l.Op, l.Old, l.New)
			}
		}
	}
	if len(ds) == 0 {
		t.Error("the encoding repair was not found")
	}
	// And the other way round, the same differences.
	if got, want := len(framework.Diff(new, old)), len(ds); got != want {
		t.Errorf("reversed: %d differences, want %d", got, want)
	}
}

// A roles download written again by encoding/csv (other quoting, rows
// reordered, a row repeated) and a JSON export of the published
// framework are the same edition: no differences.
func TestDiffFormatOnly(t *testing.T) {
	pub, _ := parse.Published()
	src, err := os.ReadFile("../parse/published/roles-2025-09.csv")
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(src))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	body := recs[1:]
	slices.Reverse(body)
	body = append(body, body[len(body)/2])
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(recs[0])
	w.WriteAll(body)
	md, err := os.ReadFile("../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	copy := framework.Merge(parseDoc(t, "roles.csv", b.Bytes()), parseDoc(t, "skills.md", md))
	if ds := framework.Diff(pub, copy); len(ds) != 0 {
		t.Errorf("rewritten CSV: %d differences, want none:\n%s", len(ds), summary(ds[:min(len(ds), 10)]))
	}
	js, err := framework.Export(pub, framework.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fromJSON := framework.Merge(parseDoc(t, "export.json", js))
	if ds := framework.Diff(pub, fromJSON); len(ds) != 0 {
		t.Errorf("JSON export: %d differences, want none:\n%s", len(ds), summary(ds[:min(len(ds), 10)]))
	}
}

// Every document of the repository against itself, and read twice:
// nothing; against an edition of no documents: only additions.
func TestDiffSelf(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*")
	files = append(files, "../parse/published/roles-2025-09.csv", "../parse/published/skills-a-to-z-2025-09.md", "../parse/testdata/published/skills-2025-09.csv")
	read := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parse.Parse(f, src)
		if d == nil {
			continue // not a framework document
		}
		read++
		again, _ := parse.Parse(f, src)
		a, b := framework.Merge(d), framework.Merge(again)
		if ds := framework.Diff(a, a); len(ds) != 0 {
			t.Errorf("%s against itself: %d differences", f, len(ds))
		}
		if ds := framework.Diff(a, b); len(ds) != 0 {
			t.Errorf("%s read twice: %d differences", f, len(ds))
		}
		for _, x := range framework.Diff(framework.Merge(), a) {
			if !strings.HasSuffix(string(x.Kind), "-added") || x.Old.IsValid() || !x.New.IsValid() {
				t.Errorf("%s against nothing: %s %q, old %v", f, x.Kind, x.Page, x.Old)
			}
		}
	}
	if read < 10 {
		t.Errorf("read %d documents, want the repository's 10 or more", read)
	}
}
