// Package usuk holds the American spellings that British English does not
// accept, each with its British form: the US to UK pairs of
// github.com/golangci/misspell v0.8.0 (MIT licence, see LICENCE), less the
// American forms that the British word list holds too ("ageing" and
// "aging"). The pairs are embedded as plain sorted text and searched in
// place, as package wordlist does its list: nothing is built at start-up,
// and misspell (which imports net/http) is not linked.
//
// Run `go generate` in this directory to rebuild it (see gen.go).
package usuk

//go:generate go run gen.go -src $MISSPELL/words_uk.go

import (
	_ "embed"
	"strings"
)

//go:embed us-uk.txt
var pairs string

// British returns the British form of the lower-case American spelling us,
// and whether us is one.
func British(us string) (string, bool) {
	s := pairs
	lo, hi := 0, len(s) // s[lo:hi] is whole lines
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(s[lo:mid], '\n') + 1
		end := start + strings.IndexByte(s[start:], '\n') // every line ends in '\n'
		w, uk, _ := strings.Cut(s[start:end], " ")
		switch {
		case us == w:
			return uk, true
		case us < w:
			hi = start
		default:
			lo = end + 1
		}
	}
	return "", false
}

// Len returns the number of pairs.
func Len() int { return strings.Count(pairs, "\n") }
