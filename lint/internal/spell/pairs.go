package spell

import (
	"math/bits"
	"math/rand/v2"
)

// A pairTable counts word pairs by their [pairKey]: what a map[uint64]int
// would hold, in an open-addressing table with linear probing, which
// costs a third of a map's instructions to count a pair (a run counts
// every pair of every distinct text). A slot is empty while its count is
// zero: a count added is at least one.
type pairTable struct {
	keys   []uint64
	counts []int
	n      int // slots used
	shift  uint
	seed   uint64 // mixed into the hash, so that no document can choose pairs that collide
}

// newPairTable returns a table sized for n pairs.
func newPairTable(n int) *pairTable {
	size := 16
	for size*3 < n*4 {
		size *= 2
	}
	return &pairTable{keys: make([]uint64, size), counts: make([]int, size), shift: uint(64 - bits.TrailingZeros(uint(size))), seed: rand.Uint64()}
}

// slot returns the slot of k: where it is, or the empty one where it
// would go.
func (t *pairTable) slot(k uint64) int {
	mask := len(t.keys) - 1
	i := int(((k ^ t.seed) * 0x9E3779B97F4A7C15) >> t.shift)
	for t.counts[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// add adds n uses of pair k; n of zero or less adds nothing.
func (t *pairTable) add(k uint64, n int) {
	if n <= 0 {
		return
	}
	i := t.slot(k)
	if t.counts[i] == 0 {
		if (t.n+1)*4 > len(t.keys)*3 {
			t.grow()
			i = t.slot(k)
		}
		t.keys[i] = k
		t.n++
	}
	t.counts[i] += n
}

// get returns the uses of pair k.
func (t *pairTable) get(k uint64) int { return t.counts[t.slot(k)] }

// grow doubles the table.
func (t *pairTable) grow() {
	old := *t
	*t = *newPairTable(len(old.keys) * 3 / 4 * 2)
	for i, n := range old.counts {
		if n != 0 {
			j := t.slot(old.keys[i])
			t.keys[j], t.counts[j] = old.keys[i], n
			t.n++
		}
	}
}

// asMap returns the counts as a map, for comparing tables.
func (t *pairTable) asMap() map[uint64]int {
	m := make(map[uint64]int, t.n)
	for i, n := range t.counts {
		if n != 0 {
			m[t.keys[i]] = n
		}
	}
	return m
}
