// Package wordlist is a British English word list for the spelling rules:
// SCOWL's British lists up to size 80 as Debian ships them in
// wbritish-huge, with SCOWL's size 10 and 20 words marked as common and
// the words beyond size 70 (wbritish-large) as rare (see LICENCE for
// SCOWL's copyright and permission notice). A rare word ("influencers",
// "statehooder") is a word, but is never suggested for a misspelt one:
// the size 80 words are mostly obscure. The list is embedded as plain
// sorted text (3 MB) and used in place: a lookup is a binary search over
// its lines (those of the words that share the word's first two letters,
// found at the first lookup of each pair), a walk of the list reads it
// once, and nothing is decompressed or split at start-up.
//
// Run `go generate` in this directory to rebuild it (see gen.go).
package wordlist

//go:generate go run gen.go -out en_GB.txt
//go:generate go run genlen.go

import (
	_ "embed"
	"iter"
	"strings"
	"sync/atomic"
)

//go:embed en_GB.txt
var embedded string

// byLength holds the usual words again, ordered by length and then
// bytewise (written by genlen.go from en_GB.txt), so that the words of a
// range of lengths are read without walking the whole list.
//
//go:embed usual-by-length.txt
var byLength string

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

// lookup finds w by binary search over the lines of the embedded text
// itself, so that Has and Common need no index: each probe backs up to
// the start of the line it lands in. mark is the mark of its line. A word
// of two lower-case ASCII letters or more is searched for among the words
// that start with its two letters only (see [prefixLines]).
func lookup(w string) (found bool, mark byte) {
	lo, hi := 0, len(embedded)
	if len(w) >= 2 && isLower(w[0]) && isLower(w[1]) {
		lo, hi = prefixLines(w[0], w[1])
	}
	return search(w, lo, hi)
}

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

// prefixBounds holds, for each pair of lower-case ASCII letters, the
// bytes of the list's lines that start with them, as found: start<<32 |
// end | known, 0 until then.
var prefixBounds [26 * 26]atomic.Uint64

const known = 1 << 63

// prefixLines returns the bytes of the lines of the list whose words
// start with the letters a and b, found once by two binary searches: a
// lookup of a word in them takes nine probes fewer than over the whole
// list, and the spelling rule makes one or more for each distinct word
// of the texts it checks (a text of half a million made-up words makes
// a million and more).
func prefixLines(a, b byte) (lo, hi int) {
	k := &prefixBounds[int(a-'a')*26+int(b-'a')]
	v := k.Load()
	if v == 0 {
		p := [3]byte{a, b, b + 1} // p[2] is '{' after 'z'
		lo, hi = firstNotBefore(string(p[:2])), firstNotBefore(string([]byte{a, p[2]}))
		v = known | uint64(lo)<<32 | uint64(hi)
		k.Store(v) // a race stores the same
	}
	return int(v >> 32 &^ (known >> 32)), int(uint32(v))
}

// firstNotBefore returns the offset of the first line of the list whose
// word is not before p, or the list's length.
func firstNotBefore(p string) int {
	s := embedded
	lo, hi := 0, len(s) // s[lo:hi] is whole lines; lines before lo are before p
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if e, _ := entry(s[start:end]); e < p {
			lo = end + 1
		} else {
			hi = start
		}
	}
	return min(lo, len(s))
}

// search finds w among the lines s[lo:hi] of the list, whole lines.
func search(w string, lo, hi int) (found bool, mark byte) {
	s := embedded
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

// UsualOfLengths yields the usual words (as [Usual]) whose length in
// bytes is from lo to hi, ordered by length and then bytewise. It reads
// only those words: a binary search finds the first.
func UsualOfLengths(lo, hi int) iter.Seq[string] {
	return func(yield func(string) bool) {
		if lo > hi {
			return
		}
		s := byLength[firstOfLength(lo):]
		for len(s) > 0 {
			i := strings.IndexByte(s, '\n') // every line ends in '\n'
			if i > hi {
				return
			}
			if !yield(s[:i]) {
				return
			}
			s = s[i+1:]
		}
	}
}

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
