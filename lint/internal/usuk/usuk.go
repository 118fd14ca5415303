// Package usuk holds the American spellings that British English does not
// accept, each with its British form: the US to UK pairs of
// github.com/golangci/misspell v0.8.0 (MIT licence, see LICENCE), less the
// American forms that the British word list holds too ("ageing" and
// "aging"). The pairs are embedded as plain sorted text, read into a
// map at first use, not at start-up; misspell itself (which imports
// net/http) is not linked.
//
// Run `go generate` in this directory to rebuild it (see gen.go).
package usuk

//go:generate go run gen.go -src $MISSPELL/words_uk.go

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed us-uk.txt
var pairs string

// British returns the British form of the lower-case American spelling us,
// and whether us is one. The pairs are read into a map at the first call
// (1,448 of them, about 0.1 ms): a rule asks for every word it reads,
// where a map lookup costs a fraction of a search of the text.
func British(us string) (string, bool) {
	uk, ok := table()[us]
	return uk, ok
}

var table = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, Len())
	for line := range strings.Lines(pairs) {
		us, uk, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		m[us] = uk
	}
	return m
})

// Len returns the number of pairs.
func Len() int { return strings.Count(pairs, "\n") }
