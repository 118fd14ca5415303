package lint

import (
	"math/rand/v2"
	"strings"
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
