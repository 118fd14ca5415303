package lint

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// randomTexts calls check with n texts, each of up to most pieces drawn
// from pieces, from a generator seeded with seed: the random inputs of
// the differential tests, made of the bytes and runes each test's code
// treats apart.
func randomTexts(seed uint64, n, most int, pieces []string, check func(string)) {
	r := rand.New(rand.NewPCG(seed, seed+1))
	for range n {
		var b strings.Builder
		for range r.IntN(most) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// eachRealText calls check with the value of every unique text of the
// real inputs (see realInputs) and returns how many it gave.
func eachRealText(t *testing.T, check func(string)) int {
	n := 0
	for _, docs := range realInputs(t) {
		for _, tx := range uniqueTexts(docs) {
			check(tx.Value)
			n++
		}
	}
	return n
}
