package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A Word is one word of a text, as [Tokenize] finds it.
//
// A run holds one Word for each word of each distinct text, so the
// struct is kept small: it holds offsets into the text's value, and its
// lookup form as a number in the run's [Lexicon].
type Word struct {
	Start, End int   // byte offsets of the word in the text's Value
	ID         int32 // its lookup form (see [Fold]) in the lexicon it was tokenised with; below -1, a number's (see [NumberID])
	TailLen    uint8 // the length of its possessive ending ("’s"), if any
	Skip       bool  // an acronym, CamelCase name, or has digits: not checked
	Sentence   bool  // the first word of a sentence (or of the text)
	PairPrev   bool  // the previous word is its neighbour in a word pair
}

// Text returns w as written in v, the value it was found in.
func (w Word) Text(v string) string { return v[w.Start:w.End] }

// Tail returns the possessive ending of w as written in v ("’s"), or "".
func (w Word) Tail(v string) string { return v[w.End-int(w.TailLen) : w.End] }

// NumberID returns the number of the lookup form f when f is a number of
// one to nine ASCII digits ("2025", "07"), a word the spelling rules do
// not check: such numbers are numbered without a lexicon, below -1 (the
// edge of a text, to [Corpus.Count]), each its own, so that a
// catalogue of many numbered names does not file each number as a word.
// Only their identity counts: the corpus compares the words around a
// word, and never looks a number up (see [Fold]: a word with digits is
// skipped).
func NumberID(f string) (int32, bool) {
	if len(f) == 0 || len(f) > 9 {
		return 0, false
	}
	// The numbers of n digits come after the 10 + 100 + … of fewer
	// digits: at most 1,111,111,109 of them in all, within an int32.
	n, shorter := 0, 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if i > 0 {
			shorter = shorter*10 + 10
		}
		n = n*10 + int(c-'0')
	}
	return int32(-2 - shorter - n), true
}

// Tokenize returns the words of s, their lookup forms numbered in lex.
// Web addresses, email addresses and file names are left out; a
// hyphenated compound gives one word per part.
func Tokenize(s string, lex *Lexicon) []Word {
	// About one word in six bytes of English: sized so that appending
	// rarely grows the slice.
	return AppendWords(make([]Word, 0, len(s)/6+1), s, lex)
}

// AppendWords appends the words of s (see [Tokenize]) to words, so that
// words not kept can reuse one slice.
func AppendWords(words []Word, s string, lex *Lexicon) []Word {
	sentence, pair := true, false
	i := 0
	for i < len(s) {
		r, n := decodeRune(s, i)
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		// A chunk is a run of non-space characters. Scanning it notes
		// whether it could be an address or hold mojibake at all.
		j := i
		mark, wide := false, false
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiClass[c]&classSpace != 0 {
					break
				}
				mark = mark || asciiClass[c]&classMark != 0
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			wide = true
			j += n
		}
		chunk := s[i:j]
		if mark && isAddress(chunk) || wide && HasMojibake(chunk) {
			sentence, pair = false, false
			i = j
			continue
		}
		// Words of the chunk.
		k := i
		for k < j {
			if c := s[k]; c < utf8.RuneSelf && !asciiWord[c] && asciiClass[c]&classPunct == 0 {
				k++ // neither a word's nor punctuation that ends a sentence or pair
				continue
			}
			r, n := decodeRune(s, k)
			if !isWordRune(r) {
				switch r {
				case '.', '!', '?', ':', ';', '•', '*', '(', ')', '[', ']', '"', '“', '”':
					if r == '.' || r == '!' || r == '?' || r == ':' || r == '•' || r == '*' {
						sentence = true
					}
					pair = false
				case ',':
					pair = false
				}
				k += n
				continue
			}
			// A word: letters, digits and marks, with apostrophes inside.
			e := k
			for e < j {
				if c := s[e]; c < utf8.RuneSelf && asciiWord[c] {
					e++
					continue
				}
				r, n := decodeRune(s, e)
				if isWordRune(r) {
					e += n
					continue
				}
				if r == '\'' || r == '’' {
					if r2, _ := utf8.DecodeRuneInString(s[e+n:]); e+n < j && unicode.IsLetter(r2) {
						e += n
						continue
					}
				}
				break
			}
			w := Word{Start: k, End: e, Sentence: sentence, PairPrev: pair}
			if id, ok := titleID(s[k:e], lex); ok {
				w.ID = id
			} else {
				lower, skip := Fold(s[k:e])
				if id, ok := NumberID(lower); ok {
					w.ID, w.Skip = id, true
				} else {
					w.ID, w.Skip = lex.Intern(lower), skip
				}
			}
			if c := s[e-1]; c == 's' || c == 'S' { // as every possessive ending
				for _, t := range [...]string{"'s", "’s", "'S", "’S"} {
					if strings.HasSuffix(s[k:e], t) {
						w.TailLen = uint8(len(t))
					}
				}
			}
			if k > i && s[k-1] == '&' {
				w.Skip = true // an HTML entity: encoding's finding
			}
			words = append(words, w)
			sentence, pair = false, true
			k = e
		}
		i = j
	}
	return words
}

// titleID returns the number in lex of the lookup form of w, if w is a
// capitalised word of ASCII letters ("Skills", a word in ten of the
// framework's): the form [Fold] gives, w with its first letter lowered,
// is looked up without being made, and made only when lex lacks it.
func titleID(w string, lex *Lexicon) (int32, bool) {
	var b [24]byte
	if len(w) < 2 || len(w) > len(b) || w[0] < 'A' || w[0] > 'Z' {
		return 0, false
	}
	b[0] = w[0] + 'a' - 'A'
	for i := 1; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			b[i] = c
		} else {
			return 0, false
		}
	}
	f := b[:len(w)]
	if id, ok := lex.lookupBytes(f); ok {
		return id, true
	}
	return lex.Intern(string(f)), true
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), quicker on ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// HasMojibake reports whether a chunk of text holds UTF-8 decoded as
// Windows-1252 ("personâ€™s"): the encoding rule's finding, and no word
// to check.
func HasMojibake(chunk string) bool {
	if isASCII(chunk) {
		return false
	}
	prevLead := false
	for _, r := range chunk {
		if prevLead && r >= 0x80 {
			if _, ok := cp1252Byte(r); ok {
				return true
			}
		}
		prevLead = isMojibakeLead(r)
	}
	return false
}

// isWordRune reports whether r can be part of a word: [isWordRunePlain],
// from a table for ASCII (TestIsWordRune compares the two on every rune).
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRunePlain(r)
}

// isWordRunePlain reports whether r is a letter, a digit or a
// non-spacing mark.
func isWordRunePlain(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Classes of ASCII bytes for AppendWords: a space that ends a chunk, a
// byte of an address ('.', '/', '@', ':'), punctuation that ends a
// sentence or a word pair.
const (
	classSpace = 1 << iota
	classMark
	classPunct
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \n\t\r\v\f" {
		t[c] |= classSpace
	}
	for _, c := range "./@:" {
		t[c] |= classMark
	}
	for _, c := range ".!?:;*()[]\"," {
		t[c] |= classPunct
	}
	return t
}()

// asciiWord is isWordRunePlain of each ASCII character.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRunePlain(rune(r))
	}
	return t
}()

// isAddress reports whether a chunk of text is a web or email address or
// a file name: "https://…", "www.…", "a@b.c", "gov.uk", "/role/x".
func isAddress(chunk string) bool {
	// Every address holds one of these bytes; most chunks hold none.
	mark := false
	for i := 0; i < len(chunk) && !mark; i++ {
		switch chunk[i] {
		case '.', '/', '@', ':':
			mark = true
		}
	}
	if !mark {
		return false
	}
	c := strings.TrimRight(chunk, ".,;:!?)]\"'’”")
	c = strings.TrimLeft(c, "([\"'‘“")
	if strings.Contains(c, "://") || strings.HasPrefix(c, "www.") || strings.Contains(c, "@") ||
		strings.HasPrefix(c, "/") {
		return true
	}
	// A dot after a letter or digit and before two lower-case letters:
	// "gov.uk", "2024.txt"; not "users.You" (a missing space) or "e.g".
	for x := 1; x+2 < len(c); x++ {
		if c[x] == '.' && (isLowerASCII(c[x-1]) || c[x-1] >= '0' && c[x-1] <= '9') && isLowerASCII(c[x+1]) && isLowerASCII(c[x+2]) {
			return true
		}
	}
	return false
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }

// isLowerWord reports whether w is lower-case ASCII letters only.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isLowerASCII(w[i]) {
			return false
		}
	}
	return true
}

// Fold returns the lookup form of a word as written: lower case, curly
// apostrophes straight, a possessive "'s" removed. skip is true for a word
// the spelling rules do not check: one with digits, an acronym ("MVP",
// "KPIs"), a CamelCase name ("DevOps", "JavaScript").
func Fold(w string) (lower string, skip bool) {
	if isLowerWord(w) {
		return w, false // the common case: nothing to fold, nothing to skip
	}
	upper, lowerN, letters, digits := 0, 0, 0, 0
	innerUpper := false
	for i, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsUpper(r):
			upper++
			letters++
			if i > 0 {
				innerUpper = true
			}
		case unicode.IsLetter(r):
			lowerN++
			letters++
		}
	}
	switch {
	case digits > 0:
		skip = true
	case upper >= 2 && (lowerN == 0 || lowerN == 1 && strings.HasSuffix(w, "s")):
		skip = true // acronym, optionally plural
	case innerUpper && lowerN > 0:
		skip = true // CamelCase
	}
	lower = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	lower = strings.TrimSuffix(lower, "'s")
	return lower, skip
}
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isMojibakeLead reports whether r starts a mojibake sequence: a
// Windows-1252 rendering of a UTF-8 lead byte (0xC2..0xF4). (The encoding
// rule, which reports mojibake, has its own copy.)
func isMojibakeLead(r rune) bool { return r >= 0xC2 && r <= 0xF4 }

// cp1252Byte returns the Windows-1252 byte for r, if there is one.
func cp1252Byte(r rune) (byte, bool) {
	return charmap.Windows1252.EncodeRune(r)
}
