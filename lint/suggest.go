package lint

import (
	"math/bits"

	"github.com/ddat-tools/ddat/framework"
)

// editDistance returns the Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and transpositions of
// adjacent runes) between a and b, or max+1 if it exceeds max.
func editDistance(a, b string, max int) int {
	return osaDistance([]rune(a), []rune(b), max, true, &distBuf{})
}

// osaDistance is the optimal string alignment distance between x and y,
// or max+1 if it exceeds max, using b's rows; without transpose, the
// Levenshtein distance.
func osaDistance[E comparable](x, y []E, max int, transpose bool, b *distBuf) int {
	if d := len(x) - len(y); d > max || -d > max {
		return max + 1
	}
	if cap(b.cur) < len(y)+1 {
		b.prev2, b.prev, b.cur = make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	}
	prev2, prev, cur := b.prev2[:len(y)+1], b.prev[:len(y)+1], b.cur[:len(y)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if transpose && i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], max+1)
}

// vocabIndex holds words by length in bytes, each with its letter mask
// (see [letterMask]), so that the words that could be within d edits of
// a word are looked for among those whose length is within d of its and
// whose letters differ from its in at most 2d (an edit changes the length
// by at most one and at most two letters of the mask), not among all.
type vocabIndex struct {
	byLen [][]vocabWord // by length in bytes
}

type vocabWord struct {
	word string
	mask uint32
}

// newVocabIndex indexes the words of at most maxLen bytes, in the order
// given.
func newVocabIndex(words []string, maxLen int) *vocabIndex {
	x := &vocabIndex{byLen: make([][]vocabWord, maxLen+1)}
	for _, w := range words {
		if len(w) <= maxLen {
			x.byLen[len(w)] = append(x.byLen[len(w)], vocabWord{w, letterMask(w)})
		}
	}
	return x
}

// near calls fn for each word of the index that could be within d edits
// of w by its length and letters: every word within d edits, and some
// further ones, in order of length, then in the order indexed.
func (x *vocabIndex) near(w string, d int, fn func(string)) {
	m := letterMask(w)
	for n := max(len(w)-d, 0); n <= len(w)+d && n < len(x.byLen); n++ {
		for _, v := range x.byLen[n] {
			if bits.OnesCount32(v.mask^m) <= 2*d {
				fn(v.word)
			}
		}
	}
}

// closest returns the candidate nearest to s by [editDistance] on
// [framework.Key]s, if it is within max edits; ties go to the earlier
// candidate, so the result is deterministic.
func closest(s string, candidates []string, max int) (string, bool) {
	k := framework.Key(s)
	best, bestD := "", max+1
	for _, c := range candidates {
		if d := editDistance(k, framework.Key(c), max); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= max
}
