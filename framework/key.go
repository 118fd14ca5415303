package framework

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Key returns the comparison key of s: Unicode NFKC, case folded, curly
// quotes made straight, dashes made hyphens, runs of space (NBSP, tabs and
// line breaks included) made one space, and surrounding space removed.
// Two names that a reader would call the same have the same key.
//
// Key works on a copy: sources are never normalised in place, so spans
// keep pointing at the bytes as written.
func Key(s string) string {
	if k, ok := asciiKey(s); ok {
		return k
	}
	return unicodeKey(s)
}

// unicodeKey is Key for any text.
func unicodeKey(s string) string {
	// A Caser is not safe for concurrent use: one per call (this path
	// runs only for text that is not ASCII).
	s = cases.Fold().String(norm.NFKC.String(s))
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

// asciiKey is Key for ASCII text, where NFKC changes nothing and case
// folding is lower-casing: most of the framework, so Key is cheap where it
// is called most. It reports false for any non-ASCII byte. It allocates
// only when the key differs from s.
func asciiKey(s string) (string, bool) {
	same := true
	space := true // at the start, as after a space: leading space goes
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		switch {
		case 'A' <= c && c <= 'Z', c == '`':
			same = false
		case isASCIISpace(c):
			if c != ' ' || space || i == len(s)-1 {
				same = false
			}
			space = true
			continue
		}
		space = false
	}
	if same {
		return s, true
	}
	b := make([]byte, 0, len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isASCIISpace(c) {
			pending = len(b) > 0
			continue
		}
		if pending {
			b = append(b, ' ')
			pending = false
		}
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		b = append(b, c)
	}
	return string(b), true
}

// isASCIISpace reports the ASCII bytes unicode.IsSpace accepts.
func isASCIISpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// IndexFold returns the byte offset in s of the first instance of substr,
// matching ASCII letters without regard to case, or -1. Unlike searching
// strings.ToLower(s), the offset is always one of s itself: lower-casing
// can change a text's length (invalid UTF-8 becomes U+FFFD, "İ" grows).
func IndexFold(s, substr string) int {
	n := len(substr)
	for i := 0; i+n <= len(s); i++ {
		if asciiEqualFold(s[i:i+n], substr) {
			return i
		}
	}
	return -1
}

func asciiEqualFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
