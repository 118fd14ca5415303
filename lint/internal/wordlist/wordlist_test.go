package wordlist

import (
	"slices"
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

func TestRare(t *testing.T) {
	for _, w := range []string{"influencers", "statehooder"} {
		if !Has(w) || !Rare(w) {
			t.Errorf("Has(%q), Rare(%q) = %v, %v; want true, true", w, w, Has(w), Rare(w))
		}
	}
	for _, w := range []string{"managers", "mangers", "portfolio", "portolio", "then"} {
		if Rare(w) {
			t.Errorf("Rare(%q) = true, want false", w)
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

// split splits the embedded list into its words and their marks, as a
// plain reading of the format.
func split() (words []string, marks []byte) {
	for _, line := range strings.Split(strings.TrimSuffix(embedded, "\n"), "\n") {
		var m byte
		if w, ok := strings.CutSuffix(line, "="); ok {
			line, m = w, '='
		} else if w, ok := strings.CutSuffix(line, "+"); ok {
			line, m = w, '+'
		}
		words, marks = append(words, line), append(marks, m)
	}
	return words, marks
}

func TestWords(t *testing.T) {
	ws := slices.Collect(All())
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

// TestAll checks the walk of the embedded text against a plain split.
func TestAll(t *testing.T) {
	words, marks := split()
	if got := slices.Collect(All()); !slices.Equal(got, words) {
		t.Errorf("All gives %d words, the list has %d", len(got), len(words))
	}
	var usual []string
	for i, w := range words {
		if marks[i] != '+' {
			usual = append(usual, w)
		}
	}
	if got := slices.Collect(Usual()); !slices.Equal(got, usual) {
		t.Errorf("Usual gives %d words, the list has %d not rare", len(got), len(usual))
	}
	if len(usual) < 100000 || len(usual) == len(words) {
		t.Errorf("%d usual words of %d, want over 100,000 and not all", len(usual), len(words))
	}
}

// TestLookup checks the search over the embedded text against the split
// list, for every word and for strings between and around them.
func TestLookup(t *testing.T) {
	words, marks := split()
	for i, w := range words {
		if found, mark := lookup(w); !found || mark != marks[i] {
			t.Fatalf("lookup(%q) = %v, %q; want true, %q", w, found, mark, marks[i])
		}
		for _, x := range []string{w + "\x00", w[:len(w)-1] + "\x7f", "\x00" + w} {
			j := sort.SearchStrings(words, x)
			want := j < len(words) && words[j] == x
			if found, _ := lookup(x); found != want {
				t.Fatalf("lookup(%q) = %v, want %v", x, found, want)
			}
		}
	}
	if found, _ := lookup("\xff\xff"); found {
		t.Error("found a string after every word")
	}
}

// BenchmarkHas measures a lookup, which needs no index but the bytes of
// the words of each pair of first letters (found once).
func BenchmarkHas(b *testing.B) {
	for b.Loop() {
		Has("portfolio")
	}
}

// BenchmarkAll measures a walk of the whole list, which suggestions make
// once a run. Budget: 5 ms.
func BenchmarkAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for range All() {
		}
	}
}

// TestUsualByLength checks that usual-by-length.txt is what genlen.go
// writes from en_GB.txt (it fails when the list changed and `go generate`
// was not run), and UsualOfLengths against a plain filter of Usual.
func TestUsualByLength(t *testing.T) {
	var want []string
	for w := range Usual() {
		want = append(want, w)
	}
	slices.SortFunc(want, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	if got := strings.Join(want, "\n") + "\n"; got != byLength {
		t.Fatal("usual-by-length.txt is stale: run go generate ./lint/internal/wordlist")
	}
	for _, r := range [][2]int{{0, 0}, {0, 1}, {1, 1}, {3, 5}, {7, 7}, {20, 30}, {44, 45}, {45, 60}, {46, 100}, {5, 4}} {
		var plain []string
		for _, w := range want {
			if len(w) >= r[0] && len(w) <= r[1] {
				plain = append(plain, w)
			}
		}
		got := slices.Collect(UsualOfLengths(r[0], r[1]))
		if !slices.Equal(got, plain) {
			t.Errorf("UsualOfLengths(%d, %d): %d words, want %d", r[0], r[1], len(got), len(plain))
		}
	}
	// Stopping early stops.
	n := 0
	for range UsualOfLengths(3, 9) {
		if n++; n == 3 {
			break
		}
	}
}
