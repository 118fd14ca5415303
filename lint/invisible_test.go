package lint_test

import (
	"os"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// encodingFindings lints src alone with the encoding rule.
func encodingFindings(t *testing.T, name, src string) []lint.Diagnostic {
	t.Helper()
	doc, err := parse.Parse(name, []byte(src))
	if doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return lint.Run(framework.Merge(doc), lint.Options{Rules: []*lint.Rule{lint.Encoding}})
}

// TestZeroWidthOncePerLine: the roles download repeats a cell on every
// row of its role level, and with it the cell's zero-width spaces; each
// distinct line and character is one defect and one finding.
func TestZeroWidthOncePerLine(t *testing.T) {
	src, err := os.ReadFile("../parse/published/roles-2025-09.csv")
	if err != nil {
		t.Fatal(err)
	}
	all, distinct := 0, map[string]bool{}
	for _, line := range strings.Split(string(src), "\n") {
		if n := strings.Count(line, "\u200b"); n > 0 {
			all += n
			distinct[line] = true
		}
	}
	var got []lint.Diagnostic
	for _, d := range encodingFindings(t, "roles.csv", string(src)) {
		if strings.HasPrefix(d.Message, "zero-width character") {
			got = append(got, d)
		}
	}
	if len(got) != len(distinct) || len(got) >= all {
		t.Errorf("%d zero-width findings for %d zero-width spaces on %d distinct lines", len(got), all, len(distinct))
	}
	for _, d := range got {
		if d.Span.Text() != "\u200b" || len(d.Suggestions) != 1 || d.Suggestions[0].NewText != "" {
			t.Errorf("%v: span %q, suggestions %v", d, d.Span.Text(), d.Suggestions)
		}
	}
}

// TestControlColumns: C0 and C1 control characters after a CSV "" escape
// are reported at their exact column, and removing them leaves no
// finding.
func TestControlColumns(t *testing.T) {
	roles, err := os.ReadFile("../testdata/roles-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	header := string(roles[:strings.IndexByte(string(roles), '\n')+1])
	row := "Data,Data scientist,\"Runs the \"\"data\"\"\x01 work.\",Data scientist,\"Works \"\"on\"\" the\u0085 team.\",Planning,Plans.,Working,\"You can:\n- plan\x7f\",\n"
	src := header + row
	got := encodingFindings(t, "r.csv", src)
	want := []string{"\x01", "\u0085", "\x7f"}
	if len(got) != len(want) {
		t.Fatalf("findings %v, want %d", got, len(want))
	}
	fixed := src
	for i := len(got) - 1; i >= 0; i-- {
		d := got[i]
		if d.Span.Text() != want[i] {
			t.Errorf("%v covers %q, want %q", d, d.Span.Text(), want[i])
		}
		p := d.Span.Pos()
		line := strings.Split(src, "\n")[p.Line-1]
		if col := strings.Index(line, want[i]) + 1; p.Column != col {
			t.Errorf("%v at column %d, want %d", d, p.Column, col)
		}
		s := d.Suggestions[0]
		fixed = fixed[:s.Span.Start] + s.NewText + fixed[s.Span.End:]
	}
	if again := encodingFindings(t, "r.csv", fixed); len(again) != 0 {
		t.Errorf("after the fixes: %v", again)
	}
	if wantFixed := strings.NewReplacer("\x01", "", "\u0085", "", "\x7f", "").Replace(src); fixed != wantFixed {
		t.Errorf("fixed:\n%q\nwant\n%q", fixed, wantFixed)
	}
}
