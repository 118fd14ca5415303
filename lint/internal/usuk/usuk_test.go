package usuk

import (
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// TestPairs checks the embedded list's form (what British's binary search
// relies on) and that every pair is found, and nothing else.
func TestPairs(t *testing.T) {
	if !strings.HasSuffix(pairs, "\n") {
		t.Fatal("us-uk.txt does not end in a newline")
	}
	lines := strings.Split(strings.TrimSuffix(pairs, "\n"), "\n")
	if len(lines) != Len() || len(lines) < 1000 {
		t.Fatalf("%d pairs, Len %d: the list is truncated", len(lines), Len())
	}
	prev := ""
	for i, line := range lines {
		us, uk, ok := strings.Cut(line, " ")
		if !ok || us == "" || uk == "" || strings.Contains(uk, " ") || strings.ToLower(line) != line {
			t.Fatalf("line %d: %q is not \"american british\" in lower case", i+1, line)
		}
		if us <= prev {
			t.Fatalf("line %d: %q is not after %q", i+1, us, prev)
		}
		prev = us
		if wordlist.Has(us) {
			t.Errorf("line %d: %q is in the British word list, so British English accepts it", i+1, us)
		}
		if got, ok := British(us); !ok || got != uk {
			t.Errorf("British(%q) = %q, %v; want %q", us, got, ok, uk)
		}
		// Neighbours that are not in the list: a prefix, an extension.
		for _, near := range []string{us[:len(us)-1], us + "x", uk} {
			if near == prev || strings.Contains(pairs, "\n"+near+" ") || strings.HasPrefix(pairs, near+" ") {
				continue
			}
			if got, ok := British(near); ok {
				t.Errorf("British(%q) = %q, true; it is not in the list", near, got)
			}
		}
	}
	for _, w := range []string{"", " ", "a", "zzzz", "color ", "colour"} {
		if got, ok := British(w); ok {
			t.Errorf("British(%q) = %q, true", w, got)
		}
	}
	if got, _ := British("color"); got != "colour" {
		t.Errorf("British(%q) = %q, want colour", "color", got)
	}
}

func BenchmarkBritish(b *testing.B) {
	for b.Loop() {
		British("organization")
		British("organisation")
	}
}
