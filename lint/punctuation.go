package lint

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
)

// Punctuation reports spacing mistakes around commas and full stops,
// doubled words and doubled spaces.
var Punctuation = &Rule{
	ID:    "punctuation",
	Title: "spacing slips and repeated words",
	Doc: "Finds a space before a comma or full stop, a full stop followed directly by " +
		"a capitalised word, a word typed twice (\"the the\", in any case, across one " +
		"space; \"had had\" and \"that that\" can be right and are left alone) and two " +
		"or more spaces inside a line. They read as typing slips and " +
		"break screen reader pauses. Indentation at the start of a line is not " +
		"reported.\n\n" +
		"Before: `group , or`, `users.You`, `the the team`, `build  and reach`\n\n" +
		"After: `group, or`, `users. You`, `the team`, `build and reach`",
	Since:    "v0.1.0",
	Category: "writing",
	Severity: Warning,
	Run:      runPunctuation,
}

var (
	spaceBeforeRE  = lazyRegexp(`[\p{L}\p{N})] +([,.])(?:\s|$)`)
	noSpaceAfterRE = lazyRegexp(`\b\p{Ll}{2,}\.(\p{Lu}\p{Ll}+)\b`)
)

func runPunctuation(p *Pass) {
	// Each text once: a sentence a parser also gives inside its paragraph
	// is not checked twice.
	eachLintedText(p, func(_ int, t framework.Text, _ []spell.Word) bool {
		before := p.reported
		// The expressions run only on texts holding what they need: a
		// space before a comma or stop, a stop before a capital.
		if spaceThen(t.Value, ',', '.') {
			punctuationSpaceBefore(p, t)
		}
		if stopBeforeCapital(t.Value) {
			punctuationNoSpaceAfter(p, t)
		}
		doubledWords(p, t)
		doubledSpaces(p, t)
		return p.reported != before
	})
}

// spaceThen reports whether a space in s is followed by byte c or d: as
// strings.Contains(s, " "+c) || strings.Contains(s, " "+d), which
// search again from every space (the commonest byte), eight bytes at a
// time. TestSpaceThen holds the two equal.
func spaceThen(s string, c, d byte) bool {
	const ones, low, tops = 0x0101010101010101, 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	// eq has the top bit set in exactly the bytes of x equal to b: z's
	// low seven bits plus 0x7F carry into its top bit, without leaving
	// the byte, unless they are zero.
	eq := func(x uint64, b byte) uint64 {
		z := x ^ (ones * uint64(b))
		return ^((z&low + low) | z) & tops
	}
	var prev uint64 // the top bit set if the byte before is a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		sp := eq(x, ' ')
		if (sp<<8|prev)&(eq(x, c)|eq(x, d)) != 0 {
			return true
		}
		prev = sp >> 56
	}
	for ; i < len(s); i++ {
		if prev != 0 && (s[i] == c || s[i] == d) {
			return true
		}
		prev = 0
		if s[i] == ' ' {
			prev = 1
		}
	}
	return false
}

// stopBeforeCapital reports whether a full stop in s is followed by an
// upper-case ASCII letter or by a non-ASCII byte (which may start one).
func stopBeforeCapital(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func punctuationSpaceBefore(p *Pass, t framework.Text) {
	for _, m := range spaceBeforeRE().FindAllStringSubmatchIndex(t.Value, -1) {
		start, end := m[0]+strings.IndexByte(t.Value[m[0]:], ' '), m[3]
		s := t.Sub(start, end)
		punct := t.Value[m[2]:m[3]]
		p.Report(Diagnostic{
			Span:        s,
			Message:     fmt.Sprintf("space before %q in %q; remove the space", punct, phraseAround(t.Value, start, end)),
			Suggestions: []Suggestion{{Message: "remove the space", Span: s, NewText: punct, Safe: true}},
		})
	}
}

func punctuationNoSpaceAfter(p *Pass, t framework.Text) {
	for _, m := range noSpaceAfterRE().FindAllStringSubmatchIndex(t.Value, -1) {
		dot := m[2] - 1
		s := t.Sub(dot, dot+1)
		p.Report(Diagnostic{
			Span:        s,
			Message:     fmt.Sprintf("no space after the full stop in %q; add one", t.Value[m[0]:m[1]]),
			Suggestions: []Suggestion{{Message: "add a space", Span: s, NewText: ". ", Safe: true}},
		})
	}
}

// doubledWords reports a word repeated across a single space ("the the"),
// ignoring case.
func doubledWords(p *Pass, t framework.Text) {
	for a, b := range doubledPairs(t.Value) {
		s := t.Sub(a.end, b.end)
		p.Report(Diagnostic{
			Span:        s,
			Message:     fmt.Sprintf("word repeated in %q; remove one %q", t.Value[a.start:b.end], b.text),
			Suggestions: []Suggestion{{Message: fmt.Sprintf("remove the second %q", b.text), Span: s, Safe: true}},
		})
	}
}

// doubledPairs yields the words of v (as [wordsIn] finds them) that
// repeat the word before them across a single space, ignoring case, with
// that word: not a word without a letter, nor one of grammaticalRepeats,
// and not the third of "the the the" (one finding). It finds the words
// itself (nextWord: a byte at a time, ASCII through a table) and makes
// a pair only of two words one space apart, which costs half what
// ranging over wordsIn does; TestDoubledPairs holds it equal to that
// loop.
func doubledPairs(v string) iter.Seq2[aWord, aWord] {
	return func(yield func(aWord, aWord) bool) {
		as, ae := 0, -1 // the word before, if ae >= 0
		for i := 0; i < len(v); {
			start, end := nextWord(v, i)
			if start == end {
				return
			}
			i = end
			if ae >= 0 && start == ae+1 && v[ae] == ' ' && mayFoldEqual(v[as], v[start]) {
				a, b := aWord{v[as:ae], as, ae}, aWord{v[start:end], start, end}
				if strings.EqualFold(a.text, b.text) && hasLetter(a.text) && !grammaticalRepeats[strings.ToLower(a.text)] {
					if !yield(a, b) {
						return
					}
					ae = -1 // "the the the" is one finding
					continue
				}
			}
			as, ae = start, end
		}
	}
}

// nextWord returns the bounds of the first word of v (as [wordsIn] finds
// them) that starts at i or after, or len(v) twice if there is none.
func nextWord(v string, i int) (start, end int) {
	for i < len(v) {
		switch wordClass[v[i]] {
		case notWordByte:
			i++
			continue
		case wordByte:
		default:
			r, n := utf8.DecodeRuneInString(v[i:])
			if !inWordPlain(r) {
				i += n
				continue
			}
		}
		break
	}
	start = i
	for i < len(v) {
		switch wordClass[v[i]] {
		case wordByte:
			i++
			continue
		case notWordByte:
		default:
			r, n := utf8.DecodeRuneInString(v[i:])
			if inWordPlain(r) {
				i += n
				continue
			}
		}
		break
	}
	return start, i
}

// The classes of bytes of wordClass.
const (
	notWordByte = iota // ASCII, not in a word
	wordByte           // ASCII, in a word
	runeByte           // beyond ASCII: the rune it starts decides
)

// wordClass is the class of each byte for [nextWord] ([inWord] of ASCII).
var wordClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = runeByte
		case asciiInWord[c]:
			t[c] = wordByte
		}
	}
	return t
}()

// mayFoldEqual reports whether two strings starting with bytes x and y
// may be equal under simple case folding: false only if both are ASCII
// and not one letter in two cases (no two other ASCII characters fold
// together).
func mayFoldEqual(x, y byte) bool { return (x|y) >= utf8.RuneSelf || x|0x20 == y|0x20 }

// grammaticalRepeats are words that English may correctly write twice
// ("what it had had", "that that is").
var grammaticalRepeats = map[string]bool{"had": true, "that": true}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// doubledSpaces reports runs of two or more spaces between two
// characters of one line; indentation is left alone.
func doubledSpaces(p *Pass, t framework.Text) {
	v := t.Value
	if !spaceThen(v, ' ', ' ') {
		return // most texts: nothing to find
	}
	for i := 0; i < len(v); {
		if v[i] != ' ' {
			i++
			continue
		}
		j := i
		for j < len(v) && v[j] == ' ' {
			j++
		}
		if j-i >= 2 && i > 0 && j < len(v) && !isLineSpace(v[i-1]) && !isLineSpace(v[j]) {
			s := t.Sub(i, j)
			p.Report(Diagnostic{
				Span:        s,
				Message:     fmt.Sprintf("%d spaces in %q; use one", j-i, contextAround(v, i, j)),
				Suggestions: []Suggestion{{Message: "replace with one space", Span: s, NewText: " ", Safe: true}},
			})
		}
		i = j
	}
}

// phraseAround returns v[i:j] with the word before it and the word after
// it, for a message: "group , or" for the " ," of "a group , or a".
func phraseAround(v string, i, j int) string {
	s := strings.LastIndexAny(v[:i], " \t\n") + 1
	e := j
	for e < len(v) && v[e] == ' ' {
		e++
	}
	if k := strings.IndexAny(v[e:], " \t\n"); k >= 0 {
		e += k
	} else {
		e = len(v)
	}
	return v[s:e]
}

func isLineSpace(b byte) bool { return b == '\n' || b == '\r' || b == '\t' }

// contextAround returns the word before v[i:j], the spaces and the word
// after, for a message.
func contextAround(v string, i, j int) string {
	s := strings.LastIndexAny(v[:i], " \t\n") + 1
	e := j + strings.IndexAny(v[j:], " \t\n")
	if e < j {
		e = len(v)
	}
	return v[s:e]
}
