// Package wordlist is a British English word list for the spelling rules:
// SCOWL's British lists up to size 80 as Debian ships them in
// wbritish-huge, with SCOWL's size 10 and 20 words marked as common and
// the words beyond size 70 (wbritish-large) as rare (see LICENCE for
// SCOWL's copyright and permission notice). A rare word ("influencers",
// "statehooder") is a word, but is never suggested for a misspelt one:
// the size 80 words are mostly obscure. The list is embedded as plain
// sorted text (3 MB) and used in place: a lookup is a binary search of a
// sparse index of it written at build time (en_GB.idx, 104 kB) and then
// of one block of 32 of its lines, a walk of the list reads it once, and
// nothing is decompressed or split at start-up.
//
// Run `go generate` in this directory to rebuild them (see gen.go).
package wordlist

//go:generate go run gen.go -out en_GB.txt
//go:generate go run genlen.go
//go:generate go run genindex.go -stride 32

import (
	_ "embed"
	"iter"
	"strings"
	"sync"
)

//go:embed en_GB.txt
var embedded string

// byLength holds the usual words again, ordered by length and then
// bytewise (written by genlen.go from en_GB.txt), so that the words of a
// range of lengths are read without walking the whole list.
//
//go:embed usual-by-length.txt
var byLength string

// usualMasks holds the letter mask of each word of byLength, in its order,
// four bytes little-endian a word (written by genlen.go): a scan of the
// usual words for those near a misspelling tests the masks first, and
// computes none.
//
//go:embed usual-masks.bin
var usualMasks string

// The marks that end the line of a common or a rare word.
const (
	commonMark = '='
	rareMark   = '+'
)

// entry returns the word of a line of the list and its mark, or 0.
func entry(line string) (string, byte) {
	if n := len(line); n > 0 && (line[n-1] == commonMark || line[n-1] == rareMark) {
		return line[:n-1], line[n-1]
	}
	return line, 0
}

// index is a sparse index of the embedded list (written by genindex.go
// from en_GB.txt): the list cut into blocks of 32 lines, and for each
// block the first 8 bytes of its first word as a big-endian uint64 (its
// key: the word without its mark, padded with zero bytes), then for each
// block the byte offset of its first line as a big-endian uint32. A
// lookup compares integers in a binary search of the keys (70 kB
// together, 13 probes) and then strings in one block of the list (about
// 340 bytes, 5 probes), where a binary search of the whole list made 22
// probes of strings, each backing up to the start of its line, over a
// page of the 3 MB list that was cold in a fresh process. TestIndex fails
// when the index is stale.
//
//go:embed en_GB.idx
var index string

// blocks is the number of blocks of the index.
var blocks = len(index) / 12

// key returns the key of a word: its first 8 bytes, padded with zero
// bytes, as a big-endian uint64. Keys are in the order of the words, not
// strictly: a < b implies key(a) <= key(b).
func key(w string) uint64 {
	if len(w) >= 8 {
		return uint64(w[0])<<56 | uint64(w[1])<<48 | uint64(w[2])<<40 | uint64(w[3])<<32 |
			uint64(w[4])<<24 | uint64(w[5])<<16 | uint64(w[6])<<8 | uint64(w[7])
	}
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(w) {
			k |= uint64(w[i])
		}
	}
	return k
}

// blockKey returns the key of the first word of block i.
func blockKey(i int) uint64 {
	s := index[8*i : 8*i+8]
	return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
		uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
}

// blockStart returns the offset in the list of the first line of block
// i, or the length of the list for i == blocks.
func blockStart(i int) int {
	if i == blocks {
		return len(embedded)
	}
	s := index[8*blocks+4*i : 8*blocks+4*i+4]
	return int(uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3]))
}

// firstWord returns the first word of block i.
func firstWord(i int) string {
	s := embedded[blockStart(i):]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	w, _ := entry(s)
	return w
}

// lookup finds w in the list: a binary search of the keys of the index
// for the last block whose first word is not after w, and then a binary
// search of that block's lines. The first words of blocks whose keys equal w's
// (words that share their first 8 bytes, "anthropo…") are compared
// themselves. mark is the mark of w's line.
func lookup(w string) (found bool, mark byte) {
	k := key(w)
	// hi: the first block whose key is above k, so whose first word is after w.
	lo, hi := 0, blocks
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if blockKey(mid) <= k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if hi > 0 && blockKey(hi-1) == k {
		// lo: the first block whose key is k (a few blocks at most share
		// a key: 87 lines begin "anthropo"). The blocks before it have
		// first words before w; of [lo, hi), find the first whose first
		// word is after w.
		for lo = hi - 1; lo > 0 && blockKey(lo-1) == k; lo-- {
		}
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if firstWord(mid) <= w {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
	}
	if hi == 0 {
		return false, 0 // w is before the first word
	}
	return search(embedded[blockStart(hi-1):blockStart(hi)], w)
}

// search finds w by binary search over s, whole lines of the list: each
// probe backs up to the start of the line it lands in. mark is the mark
// of w's line.
func search(s, w string) (found bool, mark byte) {
	lo, hi := 0, len(s) // s[lo:hi] is whole lines
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		e, m := entry(s[start:end])
		switch {
		case w == e:
			return true, m
		case w < e:
			hi = start
		default:
			lo = end + 1
		}
	}
	return false, 0
}

// Has reports whether w is in the list. w must be lower case, with
// straight apostrophes (').
func Has(w string) bool {
	found, _ := lookup(w)
	return found && w != ""
}

// Common reports whether w is a common word of the list (SCOWL size 20
// or less: "then", "there", "feed"). w is as for [Has].
func Common(w string) bool {
	found, mark := lookup(w)
	return found && mark == commonMark
}

// Rare reports whether w is a rare word of the list (SCOWL size 80, not
// 70: "influencers", "statehooder"). w is as for [Has].
func Rare(w string) bool {
	found, mark := lookup(w)
	return found && mark == rareMark
}

// All yields the words of the list in order (sorted bytewise, lower
// case), by walking the embedded text: nothing is split or allocated.
func All() iter.Seq[string] { return walk(true) }

// Usual yields the words of the list that are not rare, in order: the
// words a misspelt word can be meant for.
func Usual() iter.Seq[string] { return walk(false) }

// walk yields the words of the list, the rare ones only if rare is true.
func walk(rare bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		s := embedded
		for len(s) > 0 {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				i = len(s)
			}
			w, m := entry(s[:i])
			s = s[min(i+1, len(s)):]
			if w != "" && (rare || m != rareMark) && !yield(w) {
				return
			}
		}
	}
}

// UsualOfLength yields the usual words (those not marked rare) of n
// bytes, in bytewise order, each with its letter mask (see
// nearword.LetterMask): the words of a length are one stretch of
// byLength, read without walking the whole list.
func UsualOfLength(n int) iter.Seq2[string, uint32] {
	return func(yield func(string, uint32) bool) {
		g := lengthGroups()
		if n < 1 || n+1 >= len(g) {
			return
		}
		start, line := g[n].start, g[n].line
		for at := start; at < g[n+1].start; at += n + 1 {
			m := usualMasks[4*line : 4*line+4]
			if !yield(byLength[at:at+n], uint32(m[0])|uint32(m[1])<<8|uint32(m[2])<<16|uint32(m[3])<<24) {
				return
			}
			line++
		}
	}
}

// A lengthGroup is where the words of a length start in byLength: the
// offset and the number of the line.
type lengthGroup struct{ start, line int }

// lengthGroups returns where the words of each length start in byLength,
// by length, and one past the longest, where it ends. Within a length,
// every line is as long: a word's place follows from its number.
var lengthGroups = sync.OnceValue(func() []lengthGroup {
	var g []lengthGroup
	line := 0
	for n := 0; ; n++ {
		start := firstOfLength(n)
		if n > 0 {
			line += (start - g[n-1].start) / n // lines of n-1 bytes and a line feed
		}
		g = append(g, lengthGroup{start, line})
		if start == len(byLength) {
			return g
		}
	}
})

// firstOfLength returns the offset in byLength of the first word of at
// least n bytes, or its length.
func firstOfLength(n int) int {
	s := byLength
	lo, hi := 0, len(s) // s[lo:hi] is whole lines; lines before lo are shorter than n
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := start + strings.IndexByte(s[start:], '\n')
		if end-start < n {
			lo = end + 1
		} else {
			hi = start
		}
	}
	return lo
}
