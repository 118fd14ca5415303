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

// TestAll checks the walk of the embedded text against the split list.
func TestAll(t *testing.T) {
	ws := Words()
	i := 0
	for w := range All() {
		if i >= len(ws) || w != ws[i] {
			t.Fatalf("All gave %q as word %d, want the list's", w, i)
		}
		i++
	}
	if i != len(ws) {
		t.Errorf("All gave %d words, want %d", i, len(ws))
	}
}

// TestLookup checks the search over the embedded text against the split
// list, for every word and for strings between and around them.
func TestLookup(t *testing.T) {
	l := index(embedded)
	for i, w := range l.words {
		if found, common := lookup(w); !found || common != l.common[i] {
			t.Fatalf("lookup(%q) = %v, %v; want true, %v", w, found, common, l.common[i])
		}
		for _, x := range []string{w + "\x00", w[:len(w)-1] + "\x7f", "\x00" + w} {
			j := sort.SearchStrings(l.words, x)
			want := j < len(l.words) && l.words[j] == x
			if found, _ := lookup(x); found != want {
				t.Fatalf("lookup(%q) = %v, want %v", x, found, want)
			}
		}
	}
	if found, _ := lookup("\xff\xff"); found {
		t.Error("found a string after every word")
	}
}

// BenchmarkHas measures a lookup, which needs no index.
func BenchmarkHas(b *testing.B) {
	for b.Loop() {
		Has("portfolio")
	}
}

// BenchmarkLoad measures the one-off cost of splitting the list, done
// only when suggestions need the whole list. Budget: 10 ms.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		index(embedded)
	}
}
