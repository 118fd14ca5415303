package wordlist

import (
	"sort"
	"strings"
	"testing"
)

func TestHas(t *testing.T) {
	for _, w := range []string{"organisation", "prioritise", "centred", "portfolio", "managers", "mangers", "don't", "underrepresented"} {
		if !Has(w) {
			t.Errorf("Has(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"organization", "prioritize", "centered", "portolio", "implemation", "Portfolio", "aaron's", ""} {
		if Has(w) {
			t.Errorf("Has(%q) = true, want false", w)
		}
	}
}

func TestCommon(t *testing.T) {
	for _, w := range []string{"then", "there", "feed", "managers"} {
		if !Common(w) {
			t.Errorf("Common(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"mangers", "portfolio", "kanban", "portolio"} {
		if Common(w) {
			t.Errorf("Common(%q) = true, want false", w)
		}
	}
}

func TestWords(t *testing.T) {
	ws := Words()
	if len(ws) < 100000 {
		t.Errorf("%d words, want over 100,000", len(ws))
	}
	if !sort.StringsAreSorted(ws) {
		t.Error("list is not sorted")
	}
	for i, w := range ws {
		if w == "" || w != strings.ToLower(w) || strings.HasSuffix(w, "'s") || i > 0 && ws[i-1] == w {
			t.Fatalf("bad entry %d: %q", i, w)
		}
	}
}

// BenchmarkDecompress measures the one-off cost of the first lookup in a
// process. Budget: 30ms and 10MB.
func BenchmarkDecompress(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		decompress()
	}
}
