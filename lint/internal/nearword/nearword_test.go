package nearword

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// TestByLengthFindsWhatAScanFinds checks the index against measuring
// every word: Near calls fn for every word of the index that the optimal
// string alignment distance puts within d edits, transpositions included.
func TestByLengthFindsWhatAScanFinds(t *testing.T) {
	all := slices.Collect(wordlist.All())
	var words []string
	for i := 0; i < len(all); i += 37 { // a spread of about 3,500 words
		words = append(words, all[i])
	}
	x := NewByLength(words, 67)
	var b Buf
	for _, q := range []string{"portolio", "mangers", "implemation", "mnaager", "teh", "centred", "stakholder", "aproach", "recieve", "ab"} {
		for d := 1; d <= 3; d++ {
			var want, got []string
			for _, w := range words {
				if b.Bytes(q, w, d) <= d {
					want = append(want, w)
				}
			}
			x.Near(q, d, func(w string) {
				if b.Bytes(q, w, d) <= d {
					got = append(got, w)
				}
			})
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Near(%q, %d) = %v, scan finds %v", q, d, got, want)
			}
		}
	}
}

// frequentWords returns the lower-case words used at least five times in
// the published skills catalogue, sorted.
func frequentWords(t *testing.T) []string {
	src, err := os.ReadFile("../../../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(string(src)), func(r rune) bool { return !unicode.IsLetter(r) }) {
		n[w]++
	}
	var frequent []string
	for w, k := range n {
		if k >= 5 {
			frequent = append(frequent, w)
		}
	}
	slices.Sort(frequent)
	return frequent
}

// TestNeighboursFindWhatAScanFinds checks the deletion index against
// measuring every word: Neighbours finds exactly the words one edit
// away, shorter first, then bytewise.
func TestNeighboursFindWhatAScanFinds(t *testing.T) {
	frequent := frequentWords(t)
	x := NewDeletions(0, 0)
	for _, w := range frequent {
		x.Add(w)
	}
	var b Buf
	found := 0
	for _, q := range append([]string{"portolio", "mangers", "managment", "teh", "deliver", "skils", "ll", "a", strings.Repeat("x", 80)}, frequent[:200]...) {
		var want []string
		for _, w := range frequent {
			if w != q && b.Bytes(q, w, 1) == 1 {
				want = append(want, w)
			}
		}
		slices.SortStableFunc(want, func(a, b string) int { return len(a) - len(b) })
		got := x.Neighbours(q, &b)
		if !slices.Equal(got, want) {
			t.Errorf("Neighbours(%q) = %v, a scan finds %v", q, got, want)
		}
		found += len(got)
	}
	if found < 20 {
		t.Errorf("only %d neighbours found in all", found)
	}
}

// TestDistance checks the distance on runes and on bytes against
// known pairs, and the bound.
func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		max  int
		want int
	}{
		{"portfolio", "portolio", 3, 1},
		{"managers", "mnaagers", 3, 1}, // a transposition
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // beyond the bound: max+1
		{"", "abc", 5, 3},
		{"café", "cafe", 2, 1},
	} {
		if got := Distance(c.a, c.b, c.max); got != c.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.max, got, c.want)
		}
	}
	// On ASCII, bytes and runes agree.
	words := frequentWords(t)
	var b Buf
	for i := 0; i+1 < len(words); i += 7 {
		x, y := words[i], words[i+1]
		if d, e := Distance(x, y, 4), b.Bytes(x, y, 4); d != e {
			t.Errorf("%q, %q: %d on runes, %d on bytes", x, y, d, e)
		}
	}
}

// TestClosest checks that the nearest candidate wins, ties go to the
// earlier one, and nothing beyond max is returned.
func TestClosest(t *testing.T) {
	ids := []string{"spelling", "british-spelling", "structure", "encoding"}
	for _, c := range []struct {
		s    string
		want string
		ok   bool
	}{
		{"speling", "spelling", true},
		{"Structur", "structure", true},
		{"british", "", false},
		{"encodings", "encoding", true},
	} {
		got, ok := Closest(c.s, ids, RuleIDEdits)
		if got != c.want || ok != c.ok {
			t.Errorf("Closest(%q) = %q, %v, want %q, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}
