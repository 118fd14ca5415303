package nearword

import "math/bits"

// ByLength holds words by length in bytes, each with its [LetterMask],
// to find the words that could be within d edits of a word (see the
// package documentation).
type ByLength struct {
	byLen [][]maskedWord // by length in bytes
}

type maskedWord struct {
	word string
	mask uint32
}

// NewByLength indexes the words of at most maxLen bytes, in the order
// given.
func NewByLength(words []string, maxLen int) *ByLength {
	x := &ByLength{byLen: make([][]maskedWord, maxLen+1)}
	for _, w := range words {
		if len(w) <= maxLen {
			x.byLen[len(w)] = append(x.byLen[len(w)], maskedWord{w, LetterMask(w)})
		}
	}
	return x
}

// Near calls fn for each word of the index that could be within d edits
// of w by its length and letters: every word within d edits, and some
// further ones, in order of length, then in the order indexed.
func (x *ByLength) Near(w string, d int, fn func(string)) {
	m := LetterMask(w)
	for n := max(len(w)-d, 0); n <= len(w)+d && n < len(x.byLen); n++ {
		for _, v := range x.byLen[n] {
			if bits.OnesCount32(v.mask^m) <= 2*d {
				fn(v.word)
			}
		}
	}
}

// LetterMask returns the set of letters of w: bit i for the letter 'a'+i,
// bit 26 for any other character. An edit changes at most two bits, so
// words k edits apart have masks at most 2k bits apart.
func LetterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		if b := w[i]; b >= 'a' && b <= 'z' {
			m |= 1 << (b - 'a')
		} else {
			m |= 1 << 26
		}
	}
	return m
}

// MaybeWithin reports whether words whose masks are a and b could be
// within d edits, by their letters.
func MaybeWithin(a, b uint32, d int) bool { return bits.OnesCount32(a^b) <= 2*d }
