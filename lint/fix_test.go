package lint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
)

// TestSafeEdits checks that only safe suggestions become edits, that of
// two overlapping edits the first finding's is kept, that a repeat's
// place gets the same edit where the same bytes stand, and that the
// edits apply in order.
func TestSafeEdits(t *testing.T) {
	f := framework.NewFile("x.txt", "the the colour  of teh sky; the the end")
	sug := func(a, b int, text string, safe bool) []Suggestion {
		return []Suggestion{{Span: f.Span(a, b), NewText: text, Safe: safe}}
	}
	diags := []Diagnostic{
		{Span: f.Span(3, 7), Suggestions: sug(3, 7, "", true), Repeats: 1,
			Related: []Related{{Span: f.Span(31, 35), Message: repeatMessage}}}, // " the" twice
		{Span: f.Span(14, 16), Suggestions: sug(14, 16, " ", true)},    // two spaces
		{Span: f.Span(15, 18), Suggestions: sug(15, 18, "X", true)},    // overlaps the one before
		{Span: f.Span(19, 22), Suggestions: sug(19, 22, "the", false)}, // not safe
	}
	got := SafeEdits(diags)[f]
	want := []Edit{{3, 7, ""}, {14, 16, " "}, {31, 35, ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("SafeEdits = %v, want %v", got, want)
	}
	if out := ApplyEdits(f.Src, got); out != "the colour of teh sky; the end" {
		t.Errorf("ApplyEdits = %q", out)
	}
}

// TestSafeEditsIdenticalLines checks that an edit is made on every line
// identical to its own, and only there.
// TestSafeEditsEdges checks where two edits meet: edits that touch end
// to start both apply, of two that overlap or insert at one point the
// one whose finding came first is kept wherever it stands, an edit that
// changes nothing is left out, and a repeat's place whose bytes differ
// is not edited.
func TestSafeEditsEdges(t *testing.T) {
	f := framework.NewFile("x.txt", "abcdefghij\nabXdefghij\n")
	safe := func(a, b int, text string) Diagnostic {
		return Diagnostic{Span: f.Span(a, b), Suggestions: []Suggestion{{Span: f.Span(a, b), NewText: text, Safe: true}}}
	}
	for _, tc := range []struct {
		name  string
		diags []Diagnostic
		want  []Edit
	}{
		{"touching", []Diagnostic{safe(1, 2, ""), safe(2, 3, "")}, []Edit{{1, 2, ""}, {2, 3, ""}}},
		{"touching, reported in reverse", []Diagnostic{safe(2, 3, ""), safe(1, 2, "")}, []Edit{{1, 2, ""}, {2, 3, ""}}},
		{"inner first", []Diagnostic{safe(4, 5, "E"), safe(3, 7, "")}, []Edit{{4, 5, "E"}}},
		{"outer first", []Diagnostic{safe(3, 7, ""), safe(4, 5, "E")}, []Edit{{3, 7, ""}}},
		{"later start first", []Diagnostic{safe(5, 8, "Z"), safe(3, 6, "Y")}, []Edit{{5, 8, "Z"}}},
		{"inserts at one point", []Diagnostic{safe(3, 3, "1"), safe(3, 3, "2")}, []Edit{{3, 3, "1"}}},
		{"no change", []Diagnostic{safe(0, 3, "abc"), safe(4, 5, "E")}, []Edit{{4, 5, "E"}}},
		{"repeat with other bytes", []Diagnostic{{Span: f.Span(2, 3), Repeats: 1,
			Related:     []Related{{Span: f.Span(13, 14), Message: repeatMessage}},
			Suggestions: []Suggestion{{Span: f.Span(2, 3), NewText: "C", Safe: true}}}}, []Edit{{2, 3, "C"}}},
		{"repeat with the same bytes", []Diagnostic{{Span: f.Span(3, 4), Repeats: 1,
			Related:     []Related{{Span: f.Span(14, 15), Message: repeatMessage}},
			Suggestions: []Suggestion{{Span: f.Span(3, 4), NewText: "D", Safe: true}}}}, []Edit{{3, 4, "D"}, {14, 15, "D"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SafeEdits(tc.diags)[f]; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("SafeEdits = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSafeEditsIdenticalLines(t *testing.T) {
	f := framework.NewFile("x.csv", "a  b\nx\na  b\na  b c\na  b")
	d := Diagnostic{Span: f.Span(1, 3), Suggestions: []Suggestion{{Span: f.Span(1, 3), NewText: " ", Safe: true}}}
	got := ApplyEdits(f.Src, SafeEdits([]Diagnostic{d})[f])
	if want := "a b\nx\na b\na  b c\na b"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkSafeEditsLongLine: 10,000 edits on one line of 4 MB. Each
// line's text is hashed once, not once an edit (which took seconds).
func BenchmarkSafeEditsLongLine(b *testing.B) {
	src := strings.Repeat("word  word ", 4<<20/11)
	f := framework.NewFile("x.txt", src)
	var diags []Diagnostic
	for i := 0; i < 10000; i++ {
		at := i*11 + 4
		diags = append(diags, Diagnostic{Span: f.Span(at, at+2), Suggestions: []Suggestion{{Span: f.Span(at, at+2), NewText: " ", Safe: true}}})
	}
	b.ResetTimer()
	for range b.N {
		if n := len(SafeEdits(diags)[f]); n != 10000 {
			b.Fatalf("%d edits", n)
		}
	}
}
