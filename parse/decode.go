package parse

import (
	"github.com/ddat-tools/ddat/framework"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// csvDecoder maps a text of a CSV cell back to its raw bytes: a quoted
// cell writes a quote as "" and may hold CRLF line ends, which read as
// "\n". The bytes between them are one plain segment.
type csvDecoder struct{}

func (csvDecoder) Segments(raw, value string, seg func(framework.Segment)) bool {
	i, k := 0, 0
	for k < len(value) {
		if i >= len(raw) {
			return false
		}
		n := strings.IndexAny(raw[i:], "\"\r")
		if n < 0 {
			n = len(raw) - i
		}
		if n = min(n, len(value)-k); n > 0 {
			if raw[i:i+n] != value[k:k+n] {
				return false
			}
			seg(framework.Segment{V: k, N: n, Raw: i, End: i + n, Plain: true})
			i, k = i+n, k+n
			continue
		}
		switch {
		case value[k] == '"' && strings.HasPrefix(raw[i:], `""`), value[k] == '\n' && strings.HasPrefix(raw[i:], "\r\n"):
			seg(framework.Segment{V: k, N: 1, Raw: i, End: i + 2})
			i += 2
		case raw[i] == value[k]:
			seg(framework.Segment{V: k, N: 1, Raw: i, End: i + 1, Plain: true})
			i++
		default:
			return false
		}
		k++
	}
	return i == len(raw)
}

// jsonDecoder maps a JSON string's value back to the raw bytes between
// its quotes: each byte of an escape's character maps to the escape.
type jsonDecoder struct{}

func (jsonDecoder) Segments(raw, value string, seg func(framework.Segment)) bool {
	i, k := 0, 0
	for k < len(value) {
		if i >= len(raw) {
			return false
		}
		if raw[i] != '\\' {
			if n := samePrefix(raw[i:], value[k:], '\\'); n > 0 {
				seg(framework.Segment{V: k, N: n, Raw: i, End: i + n, Plain: true})
				i, k = i+n, k+n
				continue
			}
			// An invalid byte reads as U+FFFD, as encoding/json reads
			// it: the three bytes map to the one.
			if r, w := utf8.DecodeRuneInString(raw[i:]); r == utf8.RuneError && w == 1 && strings.HasPrefix(value[k:], "\uFFFD") {
				seg(framework.Segment{V: k, N: 3, Raw: i, End: i + 1})
				i, k = i+1, k+3
				continue
			}
			return false
		}
		if i+1 >= len(raw) {
			return false
		}
		if raw[i+1] != 'u' {
			seg(framework.Segment{V: k, N: 1, Raw: i, End: i + 2})
			i, k = i+2, k+1
			continue
		}
		r, w := jsonEscape(raw[i:])
		if w == 0 {
			return false
		}
		n := utf8.RuneLen(r)
		if n < 0 {
			n = utf8.RuneLen(utf8.RuneError)
		}
		if k+n > len(value) {
			return false
		}
		seg(framework.Segment{V: k, N: n, Raw: i, End: i + w})
		i, k = i+w, k+n
	}
	return i == len(raw)
}

// samePrefix returns the length of the bytes a and b start with alike,
// up to the first esc of a.
func samePrefix(a, b string, esc byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] || a[i] == esc {
			return i
		}
	}
	return n
}

// jsonEscape reads the \uXXXX escape (or surrogate pair of them) at the
// start of s and returns its character and width; 0 if it is not one.
func jsonEscape(s string) (rune, int) {
	hex := func(s string) (rune, bool) {
		if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(s[2:6], 16, 16)
		return rune(n), err == nil
	}
	r, ok := hex(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if r2, ok := hex(s[6:]); ok {
			if c := utf16.DecodeRune(r, r2); c != utf8.RuneError {
				return c, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}
