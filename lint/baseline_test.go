package lint

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

func TestBaseline(t *testing.T) {
	before := framework.NewFile("a.md", "one typo\ntwo typo typo\n")
	diags := []Diagnostic{
		{Rule: "spelling", Severity: Warning, Span: before.Span(4, 8), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: Warning, Span: before.Span(13, 17), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: Warning, Span: before.Span(18, 22), Message: `unknown word "typo"`},
	}
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, diags); err != nil {
		t.Fatal(err)
	}
	// Deterministic whatever the order.
	var again bytes.Buffer
	if err := WriteBaseline(&again, []Diagnostic{diags[2], diags[0], diags[1]}); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 3 {
		t.Fatalf("%d entries, want 3", len(b.Entries))
	}

	// Lines inserted above: same findings, other lines.
	after := framework.NewFile("a.md", "new line\n\none typo\ntwo typo typo\n")
	moved := []Diagnostic{
		{Rule: "spelling", Severity: Warning, Span: after.Span(14, 18), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: Warning, Span: after.Span(23, 27), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: Warning, Span: after.Span(28, 32), Message: `unknown word "typo"`},
		{Rule: "encoding", Severity: Warning, Span: after.Span(0, 1), Message: "new finding"},
	}
	kept, stale := b.Filter(moved)
	if len(kept) != 1 || kept[0].Rule != "encoding" || len(stale) != 0 {
		t.Errorf("Filter after moving: kept %v, stale %v; want the new finding only", kept, stale)
	}

	// One typo fixed: one entry is stale.
	kept, stale = b.Filter(moved[:2])
	if len(kept) != 0 || len(stale) != 1 {
		t.Errorf("Filter after a fix: kept %v, stale %v; want nothing kept, 1 stale", kept, stale)
	}
}

func TestFingerprintsIgnoreLineNumbers(t *testing.T) {
	f := framework.NewFile("a.md", "x")
	a := Fingerprints([]Diagnostic{{Rule: "r", Span: f.Span(0, 0), Message: "differs from the catalogue at line 12"}})
	b := Fingerprints([]Diagnostic{{Rule: "r", Span: f.Span(0, 0), Message: "differs from the catalogue at line 14"}})
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("fingerprints differ by line number (-a +b):\n%s", diff)
	}
	c := Fingerprints([]Diagnostic{{Rule: "r", Span: f.Span(0, 0), Message: "another message"}})
	if a[0] == c[0] {
		t.Errorf("different messages have the same fingerprint")
	}
}

func TestReadBaselineErrors(t *testing.T) {
	for _, src := range []string{
		`{"version": 2, "findings": []}`,
		`{"version": 1, "findings": [{"rule": "x"}]}`,
		`{"version": 1, "findings": [], "extra": 1}`,
		"{\n  \"version\": \"1\"}",
		`nonsense`,
	} {
		if _, err := ReadBaseline("b.json", []byte(src)); err == nil {
			t.Errorf("ReadBaseline(%s): no error", src)
		}
	}
}
