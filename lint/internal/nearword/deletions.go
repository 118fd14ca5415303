package nearword

import "sort"

// Deletions is a symmetric deletion index of words (see the package
// documentation): it finds the words one edit from a word.
type Deletions struct {
	heads   map[uint64]int32 // key → its last entry
	entries []deletionEntry
	words   []string
	longest int // the length of the longest word, in bytes

	seen  []uint32 // by word: the stamp of the last call that met it
	stamp uint32
}

type deletionEntry struct {
	word int32 // index of words
	next int32 // the key's previous entry, or -1
}

// NewDeletions returns an index sized for the given number of words and
// keys (a word of n bytes has at most n+1 keys).
func NewDeletions(words, keys int) *Deletions {
	return &Deletions{
		heads:   make(map[uint64]int32, keys),
		entries: make([]deletionEntry, 0, keys),
		words:   make([]string, 0, words),
	}
}

// Add files v under v and each of its one-byte deletions. Filing a word
// costs its length squared: callers bound the length of what they add.
func (x *Deletions) Add(v string) {
	w := int32(len(x.words))
	x.words = append(x.words, v)
	x.longest = max(x.longest, len(v))
	for i := -1; i < len(v); i++ {
		k := deletionKey(v, i)
		head, ok := x.heads[k]
		if ok && x.entries[head].word == w {
			continue // a repeated deletion of v ("ll" gives "l" twice)
		}
		if !ok {
			head = -1
		}
		x.heads[k] = int32(len(x.entries))
		x.entries = append(x.entries, deletionEntry{word: w, next: head})
	}
}

// Neighbours returns the words one edit from l (by [Buf.Bytes]), shorter
// first, then in bytewise order.
func (x *Deletions) Neighbours(l string, b *Buf) []string {
	return x.NeighboursKept(l, b, func(int32) bool { return true })
}

// NeighboursKept is [Deletions.Neighbours] of the words keep accepts, by
// their number (the order they were added in), which it asks before
// measuring a word: a caller that wants only some of the words (the much
// used ones) does not pay to measure the others. Each word is asked of
// once a call, however many keys it shares with l. It is not safe for
// concurrent use.
func (x *Deletions) NeighboursKept(l string, b *Buf, keep func(word int32) bool) []string {
	if len(l) > x.longest+1 {
		return nil
	}
	if len(x.seen) < len(x.words) {
		x.seen = make([]uint32, len(x.words))
	}
	if x.stamp++; x.stamp == 0 { // wrapped: stamps of 4 billion calls ago would match
		clear(x.seen)
		x.stamp = 1
	}
	var near []string
	for i := -1; i < len(l); i++ {
		e, ok := x.heads[deletionKey(l, i)]
		for ok && e >= 0 {
			w := x.entries[e].word
			e = x.entries[e].next
			if x.seen[w] == x.stamp {
				continue
			}
			x.seen[w] = x.stamp
			if v := x.words[w]; keep(w) && v != l && b.Bytes(l, v, 1) == 1 {
				near = append(near, v)
			}
		}
	}
	SortShortFirst(near)
	return near
}

// SortShortFirst sorts words shorter first, then in bytewise order: the
// order in which the lookups of words one edit away give them.
func SortShortFirst(words []string) {
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) < len(words[j])
		}
		return words[i] < words[j]
	})
}

// deletionKey is the key of w with its byte i deleted (none when i is
// -1): a 64-bit FNV-1a hash, computed without building the shortened
// string.
func deletionKey(w string, i int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for j := 0; j < len(w); j++ {
		if j != i {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}
