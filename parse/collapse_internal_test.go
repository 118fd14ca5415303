package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCollapse compares collapse, which returns a collapsed line itself,
// with strings.Fields and strings.Join on lines of every kind of space.
func TestCollapse(t *testing.T) {
	pieces := []string{"a", "Skills", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u2028", "\u3000", "\xff", "\x85", "\xc2", "é", ""}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
		for _, want := range []string{"Skills", "Skills a", "a Skills", "a é", ""} {
			if got := collapsesTo(s, want); got != (collapse(s) == want) {
				t.Fatalf("collapsesTo(%q, %q) = %v, but collapse gives %q", s, want, got, collapse(s))
			}
		}
	}
	if n := testing.AllocsPerRun(100, func() { collapsesTo("Agile\tworking  (tabs)", skillTableHeading) }); n != 0 {
		t.Errorf("collapsesTo of a line not starting with the first word allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { collapse("Skills needed for this role") }); n != 0 {
		t.Errorf("collapse of a collapsed line allocates %v times", n)
	}
}

// TestTrim compares trim, which steps over ASCII without decoding it,
// with trimming rune by rune, on strings of every kind of space.
func TestTrim(t *testing.T) {
	slow := func(s string) string { return strings.TrimFunc(s, isSpace) }
	pieces := []string{"a", "é", " ", "\t", "\n", "\r", "\v", "\f", "\x1c", "\u00a0", "\u0085", "\u200b", "\ufeff", "\u2028", "\u3000", "\xff", "\x85", "\xc2", "\xe2\x80", ""}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if i, j := trim(s, 0, len(s)); s[i:j] != slow(s) {
			t.Fatalf("trim(%q) = %q, want %q", s, s[i:j], slow(s))
		}
	}
}
