package lint

import (
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// TestBKTreeFindsWhatAScanFinds checks the tree against measuring every
// word: for queries near real words, within finds every word of the tree
// that the optimal string alignment distance puts within d edits,
// transpositions included (which the tree's metric counts as two).
func TestBKTreeFindsWhatAScanFinds(t *testing.T) {
	all := wordlist.Words()
	var words []string
	for i := 0; i < len(all); i += 37 { // a spread of about 3,500 words
		words = append(words, all[i])
	}
	tree := &bkTree{}
	for _, w := range words {
		tree.add(w)
	}
	var b distBuf
	for _, q := range []string{"portolio", "mangers", "implemation", "mnaager", "teh", "centred", "stakholder", "aproach", "recieve", "ab"} {
		for d := 1; d <= 3; d++ {
			var want, got []string
			for _, w := range words {
				if b.distance(q, w, d) <= d {
					want = append(want, w)
				}
			}
			tree.within(q, d, func(w string) {
				if b.distance(q, w, d) <= d {
					got = append(got, w)
				}
			})
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("within(%q, %d) = %v, scan finds %v", q, d, got, want)
			}
		}
	}
}
