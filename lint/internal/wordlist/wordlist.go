// Package wordlist is a British English word list for the spelling rules:
// SCOWL's British lists up to size 70 as Debian ships them in
// wbritish-large, with SCOWL's size 10 and 20 words marked as common (see
// LICENCE for SCOWL's copyright and permission notice). The list is
// embedded as plain sorted text (1.3 MB) and used in place: a lookup is a
// binary search over its lines, a walk of the list reads it once, and
// nothing is decompressed or split at start-up.
//
// Run `go generate` in this directory to rebuild it (see gen.go).
package wordlist

//go:generate go run gen.go -out en_GB.txt

import (
	_ "embed"
	"iter"
	"strings"
)

//go:embed en_GB.txt
var embedded string

// lookup finds w by binary search over the lines of the embedded text
// itself, so that Has and Common need no index: each probe backs up to
// the start of the line it lands in.
func lookup(w string) (found, common bool) {
	s := embedded
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
		line := s[start:end]
		entry := strings.TrimSuffix(line, "=")
		switch {
		case w == entry:
			return true, entry != line
		case w < entry:
			hi = start
		default:
			lo = end + 1
		}
	}
	return false, false
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
	found, common := lookup(w)
	return found && common
}

// All yields the words of the list in order (sorted bytewise, lower
// case), by walking the embedded text: nothing is split or allocated.
func All() iter.Seq[string] {
	return func(yield func(string) bool) {
		s := embedded
		for len(s) > 0 {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				i = len(s)
			}
			w := strings.TrimSuffix(s[:i], "=")
			s = s[min(i+1, len(s)):]
			if w != "" && !yield(w) {
				return
			}
		}
	}
}
