// Package wordlist is a British English word list for the spelling rules:
// SCOWL's British lists up to size 70 as Debian ships them in
// wbritish-large, with SCOWL's size 10 and 20 words marked as common (see
// LICENCE for SCOWL's copyright and permission notice). The list is
// embedded, lower-cased and gzip-compressed, and decompressed once, on
// first use.
//
// Run `go generate` in this directory to rebuild it (see gen.go).
package wordlist

//go:generate go run gen.go -out en_GB.txt.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed en_GB.txt.gz
var compressed []byte

type list struct {
	words  []string // sorted, lower case; substrings of one backing string
	common []bool   // common[i] reports whether words[i] is common
}

// load decompresses the list once.
var load = sync.OnceValue(decompress)

// decompress reads the embedded list.
func decompress() list {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		panic("wordlist: corrupt embedded list: " + err.Error())
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("wordlist: corrupt embedded list: " + err.Error())
	}
	s := string(b)
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

func (l list) index(w string) int {
	i := sort.SearchStrings(l.words, w)
	if i < len(l.words) && l.words[i] == w {
		return i
	}
	return -1
}

// Has reports whether w is in the list. w must be lower case, with
// straight apostrophes (').
func Has(w string) bool { return load().index(w) >= 0 }

// Common reports whether w is a common word of the list (SCOWL size 20
// or less: "then", "there", "feed"). w is as for [Has].
func Common(w string) bool {
	l := load()
	i := l.index(w)
	return i >= 0 && l.common[i]
}

// Words returns the whole list, sorted bytewise, lower case. The slice is
// shared: do not modify it.
func Words() []string { return load().words }
