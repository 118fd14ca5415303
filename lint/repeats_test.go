package lint_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/baseline"
	"github.com/ddat-tools/ddat/parse"
)

// TestRepeatsOnePerSkill lints the two CSV downloads together: the roles
// download repeats a skill's "MISSING" description on every row that
// requires the skill (325 rows for 36 skills), and each skill gets one
// finding per file, at its first row, the other rows related and counted.
func TestRepeatsOnePerSkill(t *testing.T) {
	roles, skills := readPublishedDownload(t, "roles-2025-09.csv"), readPublishedDownload(t, "skills-2025-09.csv")
	got := lint.Run(framework.Merge(roles, skills), lint.Options{Rules: []*lint.Rule{lint.Structure}})
	seen := map[string]bool{}
	placeholders, places := 0, 0
	for _, d := range got {
		if !strings.HasPrefix(d.Message, "missing-description:") {
			continue
		}
		k := d.Span.File.Name + "\x00" + lint.BaseMessage(d)
		if seen[k] {
			t.Errorf("a second finding for %s", d)
		}
		seen[k] = true
		if d.Span.File == roles.File {
			placeholders++
			places += 1 + d.Repeats
		}
		if len(d.Related) != d.Repeats {
			t.Errorf("%d related places, want %d: %s", len(d.Related), d.Repeats, d)
		}
		for _, r := range d.Related {
			if r.Span.File != d.Span.File || r.Span.Text() != d.Span.Text() || r.Span.Start <= d.Span.Start {
				t.Errorf("related place %s (%q) is not a later repeat of %s", r.Span.Pos(), r.Span.Text(), d)
			}
		}
		if want := lint.BaseMessage(d) + suffix(d.Repeats); d.Message != want {
			t.Errorf("message %q, want %q", d.Message, want)
		}
	}
	if placeholders != 36 || places != 325 {
		t.Errorf("%d findings for %d MISSING descriptions in the roles download, want 36 for 325", placeholders, places)
	}
}

// TestRepeatsUntrimmedCellOnce: the roles download writes a role level's
// name with a space after it on 13 rows. The model takes the name from
// the first row only; the other rows' cells are the same bytes, and the
// defect is one finding at the first row, the others related.
func TestRepeatsUntrimmedCellOnce(t *testing.T) {
	roles := readPublishedDownload(t, "roles-2025-09.csv")
	var found []lint.Diagnostic
	for _, d := range lint.Run(framework.Merge(roles), lint.Options{Rules: []*lint.Rule{lint.Structure}}) {
		if strings.HasPrefix(d.Message, "untrimmed-cell:") && strings.Contains(d.Message, `"End user computing engineer"`) {
			found = append(found, d)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d findings for one untrimmed level name, want 1: %v", len(found), found)
	}
	if d := found[0]; d.Repeats+1 != 13 || d.Span.Pos().Line != 10930 {
		t.Errorf("the finding is at line %d for %d rows, want line 10930 for 13: %s", d.Span.Pos().Line, d.Repeats+1, d)
	}
}

func suffix(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "; also on 1 more row"
	}
	return fmt.Sprintf("; also on %d more rows", n)
}

// TestRepeatsFingerprintsStable checks that the fingerprint of a
// repeated finding does not change when rows that repeat it are added,
// removed or moved.
func TestRepeatsFingerprintsStable(t *testing.T) {
	records, err := csv.NewReader(strings.NewReader(readTestdata(t, "roles-sample.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var missing []int // the rows with a MISSING skill description
	for i, r := range records {
		if i > 0 && r[6] == "MISSING" {
			missing = append(missing, i)
		}
	}
	if len(missing) < 3 {
		t.Fatalf("%d MISSING rows in roles-sample.csv, want several", len(missing))
	}
	fingerprints := func(records [][]string) []string {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.WriteAll(records)
		doc, err := parse.Parse("roles.csv", b.Bytes())
		if doc == nil {
			t.Fatal(err)
		}
		ds := lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{lint.Structure}})
		var out []string
		fps := baseline.Fingerprints(ds)
		for i, d := range ds {
			if strings.HasPrefix(d.Message, "missing-description:") {
				out = append(out, fps[i])
			}
		}
		slices.Sort(out)
		return out
	}
	want := fingerprints(records)
	if len(want) == 0 {
		t.Fatal("no missing-description findings")
	}
	first, last := missing[0], missing[len(missing)-1]
	moved := slices.Clone(records)
	moved = append(moved, moved[first]) // the first to the end
	moved = slices.Delete(moved, first, first+1)
	removed := slices.Delete(slices.Clone(records), last, last+1)
	added := slices.Insert(slices.Clone(records), 1, records[last])
	for name, rs := range map[string][][]string{"moved": moved, "removed": removed, "added": added} {
		if got := fingerprints(rs); !slices.Equal(got, want) {
			t.Errorf("a MISSING row %s: fingerprints %v, want %v", name, got, want)
		}
	}
}
