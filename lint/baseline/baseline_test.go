package baseline

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

func TestBaseline(t *testing.T) {
	before := framework.NewFile("a.md", "one typo\ntwo typo typo\n")
	diags := []lint.Diagnostic{
		{Rule: "spelling", Severity: lint.Warning, Span: before.Span(4, 8), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: lint.Warning, Span: before.Span(13, 17), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: lint.Warning, Span: before.Span(18, 22), Message: `unknown word "typo"`},
	}
	var buf bytes.Buffer
	if err := Write(&buf, diags); err != nil {
		t.Fatal(err)
	}
	// Deterministic whatever the order.
	var again bytes.Buffer
	if err := Write(&again, []lint.Diagnostic{diags[2], diags[0], diags[1]}); err != nil {
		t.Fatal(err)
	}
	b, err := Read("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 3 {
		t.Fatalf("%d entries, want 3", len(b.Entries))
	}

	// Lines inserted above: same findings, other lines.
	after := framework.NewFile("a.md", "new line\n\none typo\ntwo typo typo\n")
	moved := []lint.Diagnostic{
		{Rule: "spelling", Severity: lint.Warning, Span: after.Span(14, 18), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: lint.Warning, Span: after.Span(23, 27), Message: `unknown word "typo"`},
		{Rule: "spelling", Severity: lint.Warning, Span: after.Span(28, 32), Message: `unknown word "typo"`},
		{Rule: "encoding", Severity: lint.Warning, Span: after.Span(0, 1), Message: "new finding"},
	}
	kept, stale := b.Filter(Fingerprints(moved))
	if len(kept) != 1 || moved[kept[0]].Rule != "encoding" || len(stale) != 0 {
		t.Errorf("Filter after moving: kept %v, stale %v; want the new finding only", kept, stale)
	}

	// One typo fixed: one entry is stale.
	kept, stale = b.Filter(Fingerprints(moved[:2]))
	if len(kept) != 0 || len(stale) != 1 {
		t.Errorf("Filter after a fix: kept %v, stale %v; want nothing kept, 1 stale", kept, stale)
	}
}

func TestFingerprintsIgnoreLineNumbers(t *testing.T) {
	f := framework.NewFile("a.md", "x")
	a := Fingerprints([]lint.Diagnostic{{Rule: "r", Span: f.Span(0, 0), Message: "differs from the catalogue at line 12"}})
	b := Fingerprints([]lint.Diagnostic{{Rule: "r", Span: f.Span(0, 0), Message: "differs from the catalogue at line 14"}})
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("fingerprints differ by line number (-a +b):\n%s", diff)
	}
	c := Fingerprints([]lint.Diagnostic{{Rule: "r", Span: f.Span(0, 0), Message: "another message"}})
	if a[0] == c[0] {
		t.Errorf("different messages have the same fingerprint")
	}
}

// TestReadBaselineErrors asserts the first problem of broken baselines,
// at its exact line and column (issue 16: positions were one byte late,
// and an empty or truncated file had none).
func TestReadBaselineErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", `b.json:1:1: bad baseline: unexpected end of file`},
		{"space", "\n  \n", `b.json:3:1: bad baseline: unexpected end of file`},
		{"truncated", "{\n  \"version\": 1,\n  \"findings\": [\n    {\"fingerprint\": \"ab", `b.json:4:24: bad baseline: unexpected end of file`},
		{"truncated after comma", `{"version": 1,`, `b.json:1:15: bad baseline: unexpected end of file`},
		{"off by one", `{"version": 1,}`, `b.json:1:15: bad baseline: invalid character '}' looking for beginning of object key string`},
		{"nested syntax", `{"version": 1, "findings": [{"fingerprint": "a", "rule": x}]}`,
			`b.json:1:58: bad baseline: invalid character 'x' looking for beginning of value`},
		{"version type", "{\n  \"version\": \"1\"}", `b.json:2:14: bad baseline: "version" must be a number, not a string`},
		{"version", "{\"findings\": [],\n \"version\": 2}", `b.json:2:13: bad baseline: version 2, want 1`},
		{"version float", `{"version": 1.0}`, `b.json:1:13: bad baseline: version 1.0, want 1`},
		{"version long", `{"version": 1` + strings.Repeat("0", 30) + `}`, `b.json:1:13: bad baseline: version 10000000000000000000…, want 1`},
		{"no version", "\n {\"findings\": []}", `b.json:2:2: bad baseline: no "version": want 1`},
		{"unknown key", `{"version": 1, "findings": [], "extra": 1}`, `b.json:1:32: bad baseline: unknown key "extra": want "version" or "findings"`},
		{"no fingerprint", "{\"version\": 1, \"findings\": [\n  {\"fingerprint\": \"a\"},\n  {\"rule\": \"x\", \"fingerprint\": \"\"}]}",
			`b.json:3:3: bad baseline: finding 2 has no fingerprint`},
		{"finding key", `{"version": 1, "findings": [{"fingerprint": "a", "line": 3}]}`,
			`b.json:1:50: bad baseline: unknown key "line" in a finding: want "fingerprint", "rule", "file" or "message"`},
		{"finding type", `{"version": 1, "findings": [{"fingerprint": "a", "rule": null}]}`, `b.json:1:58: bad baseline: "rule" must be a string, not null`},
		{"finding not object", `{"version": 1, "findings": [["a"]]}`, `b.json:1:29: bad baseline: a finding must be an object, not an array`},
		{"findings type", `{"version": 1, "findings": {}}`, `b.json:1:28: bad baseline: "findings" must be an array, not an object`},
		{"not object", ` []`, `b.json:1:2: bad baseline: the baseline must be an object, not an array`},
		{"nonsense", `nonsense`, `b.json:1:2: bad baseline: invalid character 'o' in literal null (expecting 'u')`},
		{"trailing", "{\"version\": 1}\n{}", `b.json:2:1: bad baseline: unexpected text after the baseline object`},
		{"duplicate", `{"version": 1, "version": 1}`, `b.json:1:16: bad baseline: duplicate key "version"`},
		{"first of several", "{\"version\": 3, \"findings\": [{}],\n \"extra\": 1}", `b.json:1:13: bad baseline: version 3, want 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read("b.json", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; read %+v", b)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			var fe *framework.Error
			if !errors.As(err, &fe) || !fe.Pos.IsValid() {
				t.Errorf("error has no position: %#v", err)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestReadBaseline reads what Write writes, and what it may be
// edited into.
func TestReadBaseline(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      *Baseline
	}{
		{"no findings", `{"version": 1}`, &Baseline{Version: 1}},
		{"null findings", `{"version": 1, "findings": null}`, &Baseline{Version: 1}},
		{"empty findings", "{\"version\": 1, \"findings\": []}\n\n", &Baseline{Version: 1, Entries: []Entry{}}},
		{"fingerprint only", `{"findings": [{"fingerprint": "ab"}], "version": 1}`, &Baseline{Version: 1, Entries: []Entry{{Fingerprint: "ab"}}}},
		{"escapes", `{"version": 1, "findings": [{"fingerprint": "ab", "rule": "r", "file": "a\\b.md", "message": "\"x\"\u00e9"}]}`,
			&Baseline{Version: 1, Entries: []Entry{{Fingerprint: "ab", Rule: "r", File: `a\b.md`, Message: `"x"é`}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read("b.json", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b); diff != "" {
				t.Errorf("baseline (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFingerprintsStable holds the fingerprints of a few findings to
// their values: a baseline written by one version of ddat must keep
// accepting the same findings in the next, so the hash, and the
// occurrence index that tells repeats of one message apart, must never
// change.
func TestFingerprintsStable(t *testing.T) {
	a := framework.NewFile("docs/a.md", "one typo\ntwo typo\n")
	b := framework.NewFile(`docs\b.md`, "typo\n")
	diags := []lint.Diagnostic{
		{Rule: "spelling", Span: a.Span(4, 8), Message: `unknown word "typo"`},
		{Rule: "spelling", Span: a.Span(13, 17), Message: `unknown word "typo"`},
		{Rule: "spelling", Span: a.Span(13, 17), Message: `unknown word "typo" at line 2`},
		{Rule: "spelling", Span: b.Span(0, 4), Message: `unknown word "typo"`},
		{Rule: "punctuation", Span: a.Span(4, 8), Message: `unknown word "typo"`},
	}
	got := Fingerprints(diags)
	want := []string{
		"6ed0f3c3298774849f32db1323d63c23",
		"9ef2e49685d14eba0210b39947c14388",
		"7cfdc464da6b5fd3eb70448344f1a6f3",
		"c68743005fbb261ca722c397a43e6581",
		"bd2af6594d20aa1a97d820756078bd35",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fingerprints changed (-want +got): baselines written before no longer match:\n%s", diff)
	}
}

// TestNewOrder checks the order of a new baseline's entries: by file,
// then rule, then message, then fingerprint, whatever the findings'
// order.
func TestNewOrder(t *testing.T) {
	a, b := framework.NewFile("a.md", "x x x"), framework.NewFile("b.md", "x x x")
	diags := []lint.Diagnostic{
		{Rule: "spelling", Span: b.Span(0, 1), Message: "m1"},
		{Rule: "encoding", Span: b.Span(0, 1), Message: "m2"},
		{Rule: "spelling", Span: a.Span(2, 3), Message: "m2"},
		{Rule: "spelling", Span: a.Span(0, 1), Message: "m1"},
		{Rule: "spelling", Span: a.Span(4, 5), Message: "m1"},
		{Rule: "encoding", Span: a.Span(0, 1), Message: "m9"},
	}
	var got []string
	for _, e := range New(diags).Entries {
		got = append(got, e.File+" "+e.Rule+" "+e.Message)
	}
	want := []string{"a.md encoding m9", "a.md spelling m1", "a.md spelling m1", "a.md spelling m2", "b.md encoding m2", "b.md spelling m1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries out of order (-want +got):\n%s", diff)
	}
	es := New(diags).Entries
	if es[1].Fingerprint > es[2].Fingerprint {
		t.Errorf("entries with the same file, rule and message are not in fingerprint order: %s, %s", es[1].Fingerprint, es[2].Fingerprint)
	}
}

// TestFilterDuplicateEntries checks that an entry accepts one finding
// only, when a baseline (edited by hand) lists a fingerprint twice.
func TestFilterDuplicateEntries(t *testing.T) {
	b := &Baseline{Version: Version, Entries: []Entry{{Fingerprint: "f1"}, {Fingerprint: "f1"}, {Fingerprint: "f2"}}}
	kept, stale := b.Filter([]string{"f1", "f3"})
	if diff := cmp.Diff([]int{1}, kept); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Entry{{Fingerprint: "f1"}, {Fingerprint: "f2"}}, stale); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
	kept, stale = b.Filter([]string{"f1", "f1", "f1"})
	if diff := cmp.Diff([]int{2}, kept); diff != "" {
		t.Errorf("a third f1: kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Entry{{Fingerprint: "f2"}}, stale); diff != "" {
		t.Errorf("a third f1: stale (-want +got):\n%s", diff)
	}
}

// TestReadBaselineEdges: a version of 0 is a wrong version, not a
// missing one, and a value of exactly 20 bytes is quoted whole.
func TestReadBaselineEdges(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"version": 0}`, `b.json:1:13: bad baseline: version 0, want 1`},
		{`{"version": 12345678901234567890}`, `b.json:1:13: bad baseline: version 12345678901234567890, want 1`},
		{`{"version": 123456789012345678901}`, `b.json:1:13: bad baseline: version 12345678901234567890…, want 1`},
	} {
		_, err := Read("b.json", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Read(%s) = %v, want %s", tc.src, err, tc.want)
		}
	}
}
