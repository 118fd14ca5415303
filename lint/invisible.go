package lint

// The encoding rule's invisible and control characters: in the raw bytes,
// written as JSON escapes, and the no-break spaces between words.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// invisible reports whether r is a character that readers cannot see
// and that the encoding rule reports, and what it is.
func invisible(r rune) (string, bool) {
	switch {
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return "zero-width character", true
	case r == 0x2028:
		return "line separator", true
	case r == 0x2029:
		return "paragraph separator", true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return "bidirectional control", true
	}
	return "", false
}

// withoutInvisible returns s without the characters that [invisible]
// reports, so that a fix never brings one in.
func withoutInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		if _, bad := invisible(r); bad {
			return -1
		}
		return r
	}, s)
}

// reportInvisible reports the zero-width character, line or paragraph
// separator or bidirectional control r at src[i:i+n], once per distinct
// line of the file and character: a download that repeats a cell on
// every row repeats its defect.
// A separator before a line end is removed; one inside a line becomes a
// space; a bidirectional control is removed.
func reportInvisible(p *Pass, f *framework.File, i int, r rune, n int, seen *lineSeen) {
	src := f.Src
	if i >= seen.end {
		// A new line: found once, hashed once, so that the cost stays
		// linear in the file however many characters a line holds.
		ls := strings.LastIndexByte(src[:i], '\n') + 1
		le := strings.IndexByte(src[i:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += i
		}
		line := src[ls:le]
		seen.end, seen.repeat, seen.runes = le, seen.seen[line], map[rune]bool{}
		seen.seen[line] = true
	}
	if seen.repeat || seen.runes[r] {
		return
	}
	seen.runes[r] = true
	what, _ := invisible(r)
	sp := f.Span(i, i+n)
	fix, verb := "", "remove it"
	if r == 0xA0 {
		msg := fmt.Sprintf("no-break space U+00A0 beside a space or at the edge of a line: invisible, it doubles the space; %s", verb)
		if !nextToSpace(src, i, n) {
			fix, verb = " ", "replace it with a space"
			msg = fmt.Sprintf("no-break space U+00A0 where a space belongs: it looks like a space but search, copying and line breaks treat it otherwise; %s", verb)
		}
		p.Report(Diagnostic{Span: sp, Message: msg, Suggestions: []Suggestion{{Message: verb, Span: sp, NewText: fix, Safe: true}}})
		return
	}
	if r == 0x2028 || r == 0x2029 {
		// A separator between two words becomes a space; one beside
		// space, or at a line's or a quoted cell's end, goes.
		rest := src[i+n:]
		if rest != "" && !isSpaceOrQuote(rest[0]) && i > 0 && !isSpaceOrQuote(src[i-1]) {
			fix, verb = " ", "replace it with a space"
		}
	}
	msg := fmt.Sprintf("%s %U: invisible, it breaks search and copying; %s", what, r, verb)
	switch what {
	case "zero-width character":
		msg = fmt.Sprintf("%s %U: invisible and breaks search; %s", what, r, verb)
	case "bidirectional control":
		msg = fmt.Sprintf("%s %U: invisible, it can make the text read otherwise than it is stored; %s", what, r, verb)
	}
	p.Report(Diagnostic{Span: sp, Message: msg, Suggestions: []Suggestion{{Message: verb, Span: sp, NewText: fix, Safe: true}}})
}

// strayNoBreakSpace reports whether the no-break space at src[i:i+n]
// stands where an ordinary space belongs: beside space, at a line's or a
// quoted cell's edge, or between two words. One between a number and the
// word after it ("10\u00a0MB", "24\u00a0hours") is a typesetter's choice
// that keeps the two on one line, and is not reported.
func strayNoBreakSpace(src string, i, n int) bool {
	if nextToSpace(src, i, n) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(src[:i])
	return !unicode.IsDigit(prev)
}

// withoutStrayNoBreak returns dec, the text that a fix puts in place of
// src[i:j], with each no-break space that would stand where an ordinary
// space belongs (see [strayNoBreakSpace]) made a space, or left out beside
// space: so that a fix never brings in what the rule reports.
func withoutStrayNoBreak(src string, i, j int, dec string) string {
	if !strings.Contains(dec, "\u00a0") {
		return dec
	}
	// The fix in its context: a character either side, if any.
	before, after := "", ""
	if i > 0 {
		_, n := utf8.DecodeLastRuneInString(src[:i])
		before = src[i-n : i]
	}
	if j < len(src) {
		_, n := utf8.DecodeRuneInString(src[j:])
		after = src[j : j+n]
	}
	ctx := before + dec + after
	var b strings.Builder
	for k := len(before); k < len(before)+len(dec); {
		r, n := utf8.DecodeRuneInString(ctx[k:])
		switch {
		case r != 0xA0 || !strayNoBreakSpace(ctx, k, n):
			b.WriteString(ctx[k : k+n])
		case !nextToSpace(ctx, k, n):
			b.WriteByte(' ')
		}
		k += n
	}
	return b.String()
}

// nextToSpace reports whether src[i:i+n] is beside space or a quote, or
// at the start or end of src.
func nextToSpace(src string, i, n int) bool {
	return i == 0 || i+n >= len(src) || isSpaceOrQuote(src[i-1]) || isSpaceOrQuote(src[i+n]) ||
		strings.HasPrefix(src[i+n:], "\u00a0") || strings.HasSuffix(src[:i], "\u00a0")
}

func isSpaceOrQuote(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"'
}

// lineSeen is what reportInvisible knows of the lines it has seen: all
// of them, and of the current one where it ends, whether an earlier line
// was the same, and the characters reported in it.
type lineSeen struct {
	seen   map[string]bool
	end    int
	repeat bool
	runes  map[rune]bool
}

// reportEscapedInvisible reports the characters that readers cannot see
// (see [invisible]) and the control characters that a JSON source writes
// as escapes, at the escape, with a fix that removes it. A character
// written as itself is the raw scan's.
func reportEscapedInvisible(p *Pass, texts []framework.Text) {
	for _, t := range texts {
		for i, r := range t.Value {
			what, bad := invisible(r)
			if !bad && (r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7F || r >= 0x80 && r <= 0x9F) {
				what, bad = "control character", true
			}
			if !bad {
				continue
			}
			sp := t.Sub(i, i+utf8.RuneLen(r))
			if raw := sp.Text(); !strings.HasPrefix(raw, `\`) {
				continue // written as itself: the raw scan reports it
			}
			// Between two spaces, the fix takes one of them too, so that
			// it leaves one space, not two.
			fix, n := sp, utf8.RuneLen(r)
			if i > 0 && t.Value[i-1] == ' ' && i+n < len(t.Value) && t.Value[i+n] == ' ' {
				fix = t.Sub(i, i+n+1)
			}
			p.Report(Diagnostic{Span: sp,
				Message:     fmt.Sprintf("%s %U written as the escape \"%s\" in %q: invisible in the text it stands for; remove it", what, r, sp.Text(), clipText(t.Value)),
				Suggestions: []Suggestion{{Message: "remove it", Span: fix, Safe: true}}})
		}
	}
}
