package lint

// Helpers that word findings: quoting lists, counting in words, matching
// the case of the text a fix replaces.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// matchCase gives fix the capitalisation of the word as written.
func matchCase(fix, as string) string {
	r, _ := utf8.DecodeRuneInString(as)
	if !unicode.IsUpper(r) {
		return fix
	}
	if strings.ToUpper(as) == as && utf8.RuneCountInString(as) > 1 {
		return strings.ToUpper(fix)
	}
	f, n := utf8.DecodeRuneInString(fix)
	return string(unicode.ToUpper(f)) + fix[n:]
}

func quoteOr(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

func quoteAnd(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

func moreTimes(n int) string {
	if n == 1 {
		return "once more"
	}
	return fmt.Sprintf("%d more times", n)
}

func plural(n int, s string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, s)
	}
	return fmt.Sprintf("%d %ss", n, s)
}
