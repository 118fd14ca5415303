package framework

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

// Key returns the comparison key of s: Unicode NFKC, case folded, curly
// quotes made straight, dashes made hyphens, runs of space (NBSP, tabs and
// line breaks included) made one space, and surrounding space removed.
// Two names that a reader would call the same have the same key.
//
// Key works on a copy: sources are never normalised in place, so spans
// keep pointing at the bytes as written.
func Key(s string) string {
	s = folder.String(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u201B', '\u2032', '`':
			r = '\''
		case '\u201C', '\u201D', '\u201F', '\u2033':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			r = '-'
		case '\u200B', '\u200C', '\u200D', '\uFEFF':
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Slug returns the URL slug the framework site derives from a name:
// lower case, letters and digits kept, every other run of characters
// made one hyphen ("Agile working (content design)" gives
// "agile-working-content-design").
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range Key(name) {
		if r == '\'' {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
