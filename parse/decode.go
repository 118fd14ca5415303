package parse

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// csvDecoder maps a text of a CSV cell back to its raw bytes: a quoted
// cell writes a quote as "" and may hold CRLF line ends, which read as
// "\n".
type csvDecoder struct{}

func (csvDecoder) Offsets(raw, value string) (start, end []int) {
	// The bytes are matched once before the offsets are kept, so that a
	// value that is not raw decoded (a description joined from several
	// places) costs no offsets: two ints a byte, 64 MB for a cell of 4 MB.
	if !csvOffsets(raw, value, nil, nil) {
		return nil, nil
	}
	start, end = make([]int, len(value)), make([]int, len(value))
	csvOffsets(raw, value, start, end)
	return start, end
}

// csvOffsets reports whether value is raw decoded, filling start and end
// (as [csvDecoder.Offsets]) when they are not nil.
func csvOffsets(raw, value string, start, end []int) bool {
	i := 0
	for k := 0; k < len(value); k++ {
		if i >= len(raw) {
			return false
		}
		if start != nil {
			start[k] = i
		}
		switch {
		case value[k] == '"' && i+1 < len(raw) && raw[i] == '"' && raw[i+1] == '"':
			i += 2
		case value[k] == '\n' && i+1 < len(raw) && raw[i] == '\r' && raw[i+1] == '\n':
			i += 2
		case raw[i] == value[k]:
			i++
		default:
			return false
		}
		if end != nil {
			end[k] = i
		}
	}
	return i == len(raw)
}

// jsonDecoder maps a JSON string's value back to the raw bytes between
// its quotes: each byte of an escape's character maps to the escape.
type jsonDecoder struct{}

func (jsonDecoder) Offsets(raw, value string) (start, end []int) {
	start, end = make([]int, len(value)), make([]int, len(value))
	i, k := 0, 0
	for k < len(value) {
		if i >= len(raw) {
			return nil, nil
		}
		if raw[i] != '\\' {
			if raw[i] != value[k] {
				// An invalid byte reads as U+FFFD, as encoding/json
				// reads it: the three bytes map to the one.
				if r, w := utf8.DecodeRuneInString(raw[i:]); r == utf8.RuneError && w == 1 && strings.HasPrefix(value[k:], "\uFFFD") {
					for x := range 3 {
						start[k+x], end[k+x] = i, i+1
					}
					i, k = i+1, k+3
					continue
				}
				return nil, nil
			}
			start[k], end[k] = i, i+1
			i, k = i+1, k+1
			continue
		}
		if i+1 >= len(raw) {
			return nil, nil
		}
		if raw[i+1] != 'u' {
			start[k], end[k] = i, i+2
			i, k = i+2, k+1
			continue
		}
		r, w := jsonEscape(raw[i:])
		if w == 0 {
			return nil, nil
		}
		n := utf8.RuneLen(r)
		if n < 0 {
			n = utf8.RuneLen(utf8.RuneError)
		}
		if k+n > len(value) {
			return nil, nil
		}
		for x := 0; x < n; x++ {
			start[k+x], end[k+x] = i, i+w
		}
		i, k = i+w, k+n
	}
	if i != len(raw) {
		return nil, nil
	}
	return start, end
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
