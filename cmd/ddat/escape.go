package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escapeText escapes a line for a terminal or a log: everything ddat
// prints that came from a file or a file name goes through it, so that
// no file can move the cursor, change colours, set a terminal's title,
// reorder the line or start a new one. Control characters (C0, DEL and
// C1) are shown as Go escapes (\n, \t, \x1b, \u0085), and so are bytes
// that are not UTF-8 (\xff), the line and paragraph separators and the
// bidirectional controls (\u202e). Everything else is kept as it is.
func escapeText(s string) string { return escapeLines(s, false) }

// escapeMessage is escapeText keeping line ends, for a GitHub
// annotation's message, whose own escaping (escapeData) keeps them
// inside the annotation.
func escapeMessage(s string) string { return escapeLines(s, true) }

func escapeLines(s string, keepLineEnds bool) string {
	needsEscape := func(r rune, n int) bool {
		return needsEscape(r, n) && !(keepLineEnds && (r == '\n' || r == '\r'))
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !needsEscape(r, n) {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
	}
	return b.String()
}

// needsEscape reports whether the rune r, of n bytes, is escaped by
// escapeText.
func needsEscape(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true // not UTF-8
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true // C0, DEL, C1
	case r == 0x2028 || r == 0x2029:
		return true // line and paragraph separators
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c:
		return true // bidirectional controls and marks
	}
	return false
}

// commandSafe makes a line that is not meant as a GitHub Actions
// workflow command unable to be read as one: the runner reads a line
// whose text, after leading space, starts with "::" (the current
// syntax), and a line holding "##[" anywhere (the old one). The colon
// or bracket that would start the command is percent-escaped, as in
// the commands' own escaping. The line is escaped first (escapeText),
// so it is one line.
func commandSafe(line string) string {
	line = escapeText(line)
	if t := strings.TrimLeft(line, " \t"); strings.HasPrefix(t, "::") {
		i := len(line) - len(t)
		line = line[:i] + "%3A" + line[i+1:]
	}
	return strings.ReplaceAll(line, "##[", "##%5B")
}
