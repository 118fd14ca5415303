package lint

import (
	"fmt"
	"html"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/ddat-tools/ddat/framework"
)

// Encoding reports text damaged by a wrong character encoding.
var Encoding = &Rule{
	ID:    "encoding",
	Title: "text damaged by a wrong character encoding",
	Doc: "Finds mojibake (UTF-8 text decoded as Windows-1252, such as \"â€™\" for \"’\"), " +
		"leaked HTML entities (\"&nbsp;\", \"&rsquo;\"), zero-width and control characters, " +
		"line and paragraph separators (U+2028, U+2029), bidirectional controls " +
		"(U+202A–U+202E, U+2066–U+2069, which can make text read otherwise than it is stored), " +
		"no-break spaces (U+00A0) where an ordinary space belongs (beside a space, at a line's " +
		"edge, or between two words: made a space or removed; one between a number and the word " +
		"after it, \"10\u00a0MB\", is a typesetter's choice and is left alone), " +
		"U+FFFD, invalid UTF-8, any of these written in a JSON export as an escape (\"\\u200b\"), " +
		"and names (of skills, roles and role levels) that mix Latin " +
		"letters with Cyrillic or Greek lookalikes. Readers see garbage, or nothing, and search fails. " +
		"Each fix removes or replaces the character and never adds another; a line that " +
		"the file repeats (a CSV download repeats cells on every row) is reported once.\n\n" +
		"Before: `another personâ€™s work`, `Аgile working` (a Cyrillic А)\n\n" +
		"After: `another person’s work`, `Agile working`",
	Since:    "v0.1.0",
	Category: "encoding",
	Severity: Warning,
	Run:      runEncoding,
}

var entityRE = lazyRegexp(`&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)

// maxEntityLen is the longest match of entityRE: "&" and ";" around eight
// bytes (TestEntityLength keeps the two in step).
const maxEntityLen = 10

// isMojibakeLead reports whether r starts a mojibake sequence: a
// Windows-1252 rendering of a UTF-8 lead byte (0xC2..0xF4).
func isMojibakeLead(r rune) bool { return r >= 0xC2 && r <= 0xF4 }

// cp1252Byte returns the Windows-1252 byte for r, if there is one.
func cp1252Byte(r rune) (byte, bool) {
	b, ok := charmap.Windows1252.EncodeRune(r)
	return b, ok
}

// plainByte reports whether the encoding rule passes over byte c:
// printable ASCII other than '&', tab, LF and CR.
func plainByte(c byte) bool {
	return c < utf8.RuneSelf && c != '&' && (c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r')
}

// mayNotPlain returns x with the top bit set in every byte of its eight
// that plainByte rejects, and perhaps in others (tab, LF and CR among
// them, and bytes above one marked: a carry or borrow runs upward),
// with the usual bit tricks: a byte is below n when subtracting n
// borrows into its top bit. x^0x06 moves '&' to 0x20 and keeps the
// control characters below it, so one test finds both; x+1 sets the top
// bit of DEL. (The subtraction also marks most bytes from 0x80, which x
// marks anyway.) Its bits outside the top ones are noise: the caller
// masks them out (once for several words).
func mayNotPlain(x uint64) uint64 {
	const ones = 0x0101010101010101
	return x | (x + ones) | (x ^ (ones * 0x06) - ones*0x21)
}

// notPlainExact returns x with the top bit set in exactly the bytes that
// plainByte rejects: not ASCII, a control character other than tab, LF
// and CR, '&' or DEL. Each byte is tested on its own (its low seven bits
// plus at most 0x7F never carry into the next byte): a byte y of seven
// bits is below n when y+(0x80-n) leaves the top bit clear, and zero
// when y+0x7F does.
func notPlainExact(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	y := x &^ tops
	// The top bit of each byte of y^v+0x7F: the byte is not v.
	tab, lf, cr := y^(ones*'\t')+ones*0x7F, y^(ones*'\n')+ones*0x7F, y^(ones*'\r')+ones*0x7F
	amp, del := y^(ones*'&')+ones*0x7F, y^(ones*0x7F)+ones*0x7F
	ctrl := ^(y + ones*0x60) & tab & lf & cr
	return (x | ctrl | ^(amp & del)) & tops
}

// nextNotPlain returns the index of the first byte of s from i on that
// plainByte rejects, or len(s). Thirty-two bytes at a time it tests with
// mayNotPlain, which also stops at tab, LF and CR; only a word it marks
// is tested again with notPlainExact, so that a line's end costs one
// exact test. TestNextNotPlain holds it equal to the
// loop over plainByte.
func nextNotPlain(s string, i int) int {
	const tops = 0x8080808080808080
	for ; i >= 0 && i+32 <= len(s); i += 32 {
		w := s[i : i+32]
		a, b, c, d := load64(w, 0), load64(w, 8), load64(w, 16), load64(w, 24)
		fa, fb, fc, fd := mayNotPlain(a), mayNotPlain(b), mayNotPlain(c), mayNotPlain(d)
		if (fa|fb|fc|fd)&tops == 0 {
			continue
		}
		if fa&tops != 0 {
			if m := notPlainExact(a); m != 0 {
				return i + bits.TrailingZeros64(m)/8
			}
		}
		if fb&tops != 0 {
			if m := notPlainExact(b); m != 0 {
				return i + 8 + bits.TrailingZeros64(m)/8
			}
		}
		if fc&tops != 0 {
			if m := notPlainExact(c); m != 0 {
				return i + 16 + bits.TrailingZeros64(m)/8
			}
		}
		if fd&tops != 0 {
			if m := notPlainExact(d); m != 0 {
				return i + 24 + bits.TrailingZeros64(m)/8
			}
		}
	}
	for ; i >= 0 && i+8 <= len(s); i += 8 {
		if m := notPlainExact(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(s) && plainByte(s[i]) {
		i++
	}
	return i
}

// load64 returns the eight bytes of s from i as a little-endian word
// (the compiler makes it one load).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func runEncoding(p *Pass) {
	for _, doc := range p.Framework.Documents {
		if doc == nil || doc.File == nil {
			continue
		}
		src := doc.File.Src
		// In HTML, character references are how the source spells
		// characters; a leaked one shows as "&amp;nbsp;" in the source and
		// is found in the decoded texts below.
		isHTML := doc.Format == framework.FormatLegacyHTML
		if isHTML {
			reportDecodedEntities(p, uniqueTexts([]*framework.Document{doc}))
		}
		if doc.Format == framework.FormatJSON {
			// JSON can write a character as an escape ("\u200b"), which
			// the scan of the raw bytes below does not see.
			reportEscapedInvisible(p, uniqueTexts([]*framework.Document{doc}))
		}
		seenLines := &lineSeen{seen: map[string]bool{}}
		reportMixedScripts(p, doc)
		// Printable ASCII other than '&', the bulk of any source, is
		// passed over by nextNotPlain.
		for i := nextNotPlain(src, 0); i < len(src); i = nextNotPlain(src, i) {
			r, n := utf8.DecodeRuneInString(src[i:])
			sp := doc.File.Span(i, i+n)
			switch {
			case r == utf8.RuneError && n == 1:
				p.Reportf(sp, "invalid UTF-8 byte %#x: the file is not valid UTF-8; re-save it as UTF-8", src[i])
			case isMojibakeLead(r):
				// Extend over a maximal run of Windows-1252 characters.
				j := i
				var raw []byte
				for j < len(src) {
					r2, n2 := utf8.DecodeRuneInString(src[j:])
					if r2 < 0x80 || r2 == utf8.RuneError {
						break
					}
					b, ok := cp1252Byte(r2)
					if !ok {
						break
					}
					raw = append(raw, b)
					j += n2
				}
				if len(raw) >= 2 && utf8.Valid(raw) && string(raw) != src[i:j] {
					run := src[i:j]
					// The fix never brings in an invisible character
					// (the mojibake of U+200B is "â€‹"): it leaves it out.
					fix := withoutStrayNoBreak(src, i, j, withoutInvisible(string(raw)))
					msg := fmt.Sprintf("mojibake %q: UTF-8 text decoded as Windows-1252; it should read %q", run, fix)
					if fix != string(raw) {
						msg = fmt.Sprintf("mojibake %q: UTF-8 text decoded as Windows-1252; it stands for %q, invisible: it should read %q", run, string(raw), fix)
					}
					p.Report(Diagnostic{
						Span:        doc.File.Span(i, j),
						Message:     msg,
						Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: doc.File.Span(i, j), NewText: fix, Safe: true}},
					})
					i = j
					continue
				}
			case r == '&' && !isHTML:
				if loc := entityRE().FindStringIndex(src[i:min(i+maxEntityLen, len(src))]); loc != nil && loc[0] == 0 {
					ent := src[i : i+loc[1]]
					if dec := html.UnescapeString(ent); dec != ent {
						s := doc.File.Span(i, i+len(ent))
						msg := fmt.Sprintf("HTML entity %q left in the text; it should read %q", ent, dec)
						if fix := withoutStrayNoBreak(src, i, i+len(ent), withoutInvisible(dec)); fix != dec {
							msg = fmt.Sprintf("HTML entity %q left in the text; it stands for %q, invisible: it should read %q", ent, dec, fix)
							dec = fix
						}
						p.Report(Diagnostic{
							Span:        s,
							Message:     msg,
							Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", dec), Span: s, NewText: dec, Safe: true}},
						})
						i += len(ent)
						continue
					}
				}
			case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF && i > 0,
				r == 0x2028 || r == 0x2029 || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
				reportInvisible(p, doc.File, i, r, n, seenLines)
			case r == 0xA0 && !isHTML && strayNoBreakSpace(src, i, n):
				reportInvisible(p, doc.File, i, r, n, seenLines)
			case r == utf8.RuneError:
				p.Reportf(sp, "replacement character U+FFFD: text was lost in an earlier conversion; restore the original character")
			case (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7F || (r >= 0x80 && r <= 0x9F):
				// Between two spaces, the fix takes one of them too, so
				// that it leaves one space, not two.
				fix := sp
				if i > 0 && src[i-1] == ' ' && i+n < len(src) && src[i+n] == ' ' {
					fix = doc.File.Span(i, i+n+1)
				}
				p.Report(Diagnostic{Span: sp, Message: fmt.Sprintf("control character %U in text; remove it", r),
					Suggestions: []Suggestion{{Message: "remove it", Span: fix, Safe: true}}})
			}
			i += n
		}
	}
}

// repaired returns s with the damage the encoding rule reports mended as
// its fixes mend it: mojibake decoded, HTML entities decoded, invisible
// and zero-width characters removed. Other rules use it to leave a
// difference that is only that damage to the encoding rule.
func repaired(s string) string {
	if isASCII(s) && strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isMojibakeLead(r):
			j := i
			var raw []byte
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 < 0x80 || r2 == utf8.RuneError {
					break
				}
				c, ok := cp1252Byte(r2)
				if !ok {
					break
				}
				raw = append(raw, c)
				j += n2
			}
			if len(raw) >= 2 && utf8.Valid(raw) && string(raw) != s[i:j] {
				b.WriteString(withoutInvisible(string(raw)))
				i = j
				continue
			}
		case r == '&':
			if loc := entityRE().FindStringIndex(s[i:min(i+maxEntityLen, len(s))]); loc != nil && loc[0] == 0 {
				ent := s[i : i+loc[1]]
				if dec := html.UnescapeString(ent); dec != ent {
					b.WriteString(withoutInvisible(dec))
					i += len(ent)
					continue
				}
			}
		case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
			i += n
			continue
		}
		if _, bad := invisible(r); !bad {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// reportDecodedEntities reports character references that remain in
// texts after HTML decoding: the page shows them to readers as written.
func reportDecodedEntities(p *Pass, texts []framework.Text) {
	for _, t := range texts {
		for _, loc := range entityRE().FindAllStringIndex(t.Value, -1) {
			m := t.Value[loc[0]:loc[1]]
			if dec := html.UnescapeString(m); dec != m {
				// The raw bytes are the entity escaped ("&amp;nbsp;"):
				// written once, the page shows the character.
				sp := t.Sub(loc[0], loc[1])
				fix := m
				if withoutInvisible(dec) != dec {
					fix = ""
				}
				p.Report(Diagnostic{Span: sp,
					Message:     fmt.Sprintf("HTML entity %q shown as text in %q: the page escapes it twice; it should read %q", m, clipText(t.Value), withoutInvisible(dec)),
					Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix, Safe: true}}})
			}
		}
	}
}

func clipText(s string) string {
	if len(s) <= 60 {
		return s
	}
	i := 60
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
