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
	}
	if n := testing.AllocsPerRun(100, func() { collapse("Skills needed for this role") }); n != 0 {
		t.Errorf("collapse of a collapsed line allocates %v times", n)
	}
}
