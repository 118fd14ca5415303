package parse

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// line is one line of a source: the byte range of its content, without the
// "\n" or "\r\n" that ends it.
type line struct {
	num        int // 1-based
	start, end int // byte offsets into the source
}

// splitLines yields the lines of src in order, with their 0-based index,
// without building a list: the format detectors stop at the first lines
// that decide. A UTF-8 byte order mark at the start of the source is not
// part of the first line's content.
func splitLines(src string) iter.Seq2[int, line] {
	return func(yield func(int, line) bool) {
		start := 0
		if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
			start = 3
		}
		for n := 0; start < len(src); n++ {
			i := strings.IndexByte(src[start:], '\n')
			next := start + i + 1
			if i < 0 {
				i, next = len(src)-start, len(src)
			}
			end := start + i
			if end > start && src[end-1] == '\r' {
				end--
			}
			if !yield(n, line{num: n + 1, start: start, end: end}) {
				return
			}
			start = next
		}
	}
}

// isSpace reports whether r is space for trimming: Unicode white space,
// NBSP, zero-width space and the byte order mark.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || r == '\u200B' || r == '\uFEFF'
}

// trim returns the range [start, end) of src with surrounding space
// removed.
func trim(src string, start, end int) (int, int) {
	for start < end {
		if c := src[start]; c < utf8.RuneSelf {
			if !isASCIISpace(c) && c != '\v' {
				break
			}
			start++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		if c := src[end-1]; c < utf8.RuneSelf {
			if !isASCIISpace(c) && c != '\v' {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(src[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// text returns the Text of src[start:end] of f with surrounding space
// removed.
func text(f *framework.File, start, end int) framework.Text {
	start, end = trim(f.Src, start, end)
	return framework.NewText(f, start, end)
}

// lineText returns the trimmed Text of line l.
func lineText(f *framework.File, l line) framework.Text {
	return text(f, l.start, l.end)
}

// blank reports whether line l holds only space.
func blank(src string, l line) bool {
	s, e := trim(src, l.start, l.end)
	return s == e
}

// bullet reports whether line l is a list item ("•", "-", "*" or "+"
// followed by space) and returns the item's trimmed text.
func bullet(f *framework.File, l line) (framework.Text, bool) {
	s, e := trim(f.Src, l.start, l.end)
	return bulletIn(f, s, e)
}

// bulletIn is bullet for a line whose trimmed content is f.Src[s:e].
func bulletIn(f *framework.File, s, e int) (framework.Text, bool) {
	if s == e {
		return framework.Text{}, false
	}
	r, n := utf8.DecodeRuneInString(f.Src[s:e])
	switch r {
	case '•', '-', '*', '+', '◦', '▪':
	default:
		return framework.Text{}, false
	}
	if s+n < e {
		r2, _ := utf8.DecodeRuneInString(f.Src[s+n : e])
		if !isSpace(r2) {
			return framework.Text{}, false
		}
	}
	return text(f, s+n, e), true
}
