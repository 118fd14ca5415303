package spell

import "github.com/ddat-tools/ddat/lint/internal/nearword"

// A frequentIndex finds the frequent words of a corpus one edit from a
// word (see [Corpus.neighbours]). Until its lookups have visited as many
// words as building a symmetric deletion index of them would cost, each
// lookup measures the words of about the word's length whose letters
// allow it; from then on it reads the index, built then. Most runs make
// a few hundred lookups, cheaper than the index; a document of thousands
// of misspellings pays for the index once, and each of its lookups then
// costs a few map reads. Either way a word used too seldom for the
// caller is passed over before it is measured.
type frequentIndex struct {
	words []string
	uses  []int    // by word
	masks []uint32 // by word: nearword.LetterMask
	byLen [][]int32
	keys  int // the deletions the index would file

	visited   int // words visited by the lookups that scanned
	deletions *nearword.Deletions
}

// indexCostRatio is how many words a scan visits for the cost of filing
// one deletion in the index (a map insertion against a mask and count
// test): measured on the published framework, about 20.
const indexCostRatio = 16

func newFrequentIndex(words []string, uses []int) *frequentIndex {
	x := &frequentIndex{words: words, uses: uses, masks: make([]uint32, len(words))}
	for i, v := range words {
		x.masks[i] = nearword.LetterMask(v)
		for len(x.byLen) <= len(v) {
			x.byLen = append(x.byLen, nil)
		}
		x.byLen[len(v)] = append(x.byLen[len(v)], int32(i))
		x.keys += len(v) + 1
	}
	return x
}

// near returns the words of x one edit from l that are used at least
// minUses times, shorter first, then in bytewise order.
func (x *frequentIndex) near(l string, minUses int, b *nearword.Buf) []string {
	if x.deletions == nil && x.visited < indexCostRatio*x.keys {
		return x.scan(l, minUses, b)
	}
	if x.deletions == nil {
		x.deletions = nearword.NewDeletions(len(x.words), x.keys)
		for _, v := range x.words {
			x.deletions.Add(v)
		}
	}
	return x.deletions.NeighboursKept(l, b, func(i int32) bool { return x.uses[i] >= minUses })
}

// scan is near measuring the words of about l's length whose letters allow
// one edit (see [nearword.MaybeWithin]).
func (x *frequentIndex) scan(l string, minUses int, b *nearword.Buf) []string {
	var near []string
	m := nearword.LetterMask(l)
	for n := max(len(l)-1, 0); n <= len(l)+1 && n < len(x.byLen); n++ {
		x.visited += len(x.byLen[n])
		for _, i := range x.byLen[n] {
			if x.uses[i] >= minUses && nearword.MaybeWithin(x.masks[i], m, 1) {
				if v := x.words[i]; v != l && b.Bytes(l, v, 1) == 1 {
					near = append(near, v)
				}
			}
		}
	}
	nearword.SortShortFirst(near)
	return near
}
