// Package wordlist is a British English word list for the spelling rules:
// SCOWL's British lists up to size 70 as Debian ships them in
// wbritish-large, with SCOWL's size 10 and 20 words marked as common (see
// LICENCE for SCOWL's copyright and permission notice). The list is
// embedded as plain sorted text (1.3 MB) and indexed once, on first use,
// without copying it: uncompressed, the first lookup in a process costs
// about a millisecond instead of the 15 ms that decompressing took.
//
// Run `go generate` in this directory to rebuild it (see gen.go).
package wordlist

//go:generate go run gen.go -out en_GB.txt

import (
	_ "embed"
	"iter"
	"strings"
	"sync"
)

//go:embed en_GB.txt
var embedded string

type list struct {
	words  []string // sorted, lower case; substrings of the embedded text
	common []bool   // common[i] reports whether words[i] is common
}

// load indexes the list once.
var load = sync.OnceValue(func() list { return index(embedded) })

// index splits the embedded list into its words, which share its bytes.
func index(s string) list {
	n := strings.Count(s, "\n")
	l := list{words: make([]string, 0, n), common: make([]bool, 0, n)}
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			i = len(s)
		}
		w := s[:i]
		s = s[min(i+1, len(s)):]
		c := strings.HasSuffix(w, "=")
		w = strings.TrimSuffix(w, "=")
		if w != "" {
			l.words = append(l.words, w)
			l.common = append(l.common, c)
		}
	}
	return l
}

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

// Words returns the whole list, sorted bytewise, lower case, split on
// first use. The slice is shared: do not modify it.
func Words() []string { return load().words }

// All yields the words of the list in order, as [Words] holds them, by
// walking the embedded text: nothing is split or allocated, so a single
// pass costs less than [Words]' first call.
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
