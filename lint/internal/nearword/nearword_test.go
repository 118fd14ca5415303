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

// TestCountBound checks that countBound never exceeds the distance on
// bytes (so that Bytes, which returns early on it, answers as OSA alone),
// on pairs of the frequent words and their one- and two-byte edits, and
// that it rules out most pairs of words of about the same length.
func TestCountBound(t *testing.T) {
	words := frequentWords(t)
	var b Buf
	ruled, pairs := 0, 0
	check := func(x, y string) {
		t.Helper()
		d := OSA([]byte(x), []byte(y), len(x)+len(y), true, &b)
		if c := countBound(x, y, &b.count); c > d {
			t.Fatalf("countBound(%q, %q) = %d, over the distance %d", x, y, c, d)
		}
		if got, want := b.Bytes(x, y, 2), min(d, 3); got != want {
			t.Fatalf("Bytes(%q, %q, 2) = %d, want %d", x, y, got, want)
		}
	}
	for i, x := range words {
		for _, y := range words[i+1 : min(i+40, len(words))] {
			check(x, y)
			if len(x)-len(y) <= 2 && len(y)-len(x) <= 2 {
				pairs++
				if countBound(x, y, &b.count) > 2 {
					ruled++
				}
			}
		}
		if len(x) > 2 {
			check(x, x[1:]+x[:1])                      // rotated
			check(x, x[:1]+x[2:])                      // a deletion
			check(x, x[1:2]+x[:1]+x[2:])               // a transposition
			check(x, x[:len(x)-1]+"é")                 // a substitution by two bytes
			check(x, string(x[len(x)-1])+x[:len(x)-1]) // rotated back
		}
	}
	if b.count != [256]int32{} {
		t.Error("countBound left counts behind")
	}
	if ruled*2 < pairs {
		t.Errorf("countBound rules out %d of %d pairs of about the same length: less than half", ruled, pairs)
	}
}
