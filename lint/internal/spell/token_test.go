package spell

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestNumberID checks that numbers of one to nine digits are numbered
// each its own, below -1, and that other words are not numbers.
func TestNumberID(t *testing.T) {
	seen := map[int32]string{}
	for _, f := range []string{"0", "9", "00", "07", "10", "99", "000", "123", "2025", "999999999", "000000000", "100000000"} {
		id, ok := NumberID(f)
		if !ok || id >= -1 {
			t.Fatalf("numberID(%q) = %d, %v: want a number below -1", f, id, ok)
		}
		if g, dup := seen[id]; dup {
			t.Fatalf("numberID(%q) = numberID(%q) = %d", f, g, id)
		}
		seen[id] = f
	}
	for _, f := range []string{"", "1234567890", "v2", "2nd", "1.5", "١٢"} {
		if id, ok := NumberID(f); ok {
			t.Errorf("numberID(%q) = %d: not a number of one to nine ASCII digits", f, id)
		}
	}
}

// TestTokenizeAllAsInOrder checks TokenizeAll against tokenising the
// values one after another with one lexicon: the same words, numbered
// alike, on any number of workers.
func TestTokenizeAllAsInOrder(t *testing.T) {
	var values []string
	for _, name := range []string{"skills-a-to-z.md", "roles-sample.csv", "role-page-digital-portfolio-manager-2024.txt"} {
		src, err := os.ReadFile("../../../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		values = append(values, strings.Split(string(src), "\n")...)
	}
	lex := NewLexicon(nil)
	want := make([][]Word, len(values))
	for i, v := range values {
		want[i] = Tokenize(v, lex)
	}
	for _, workers := range []int{0, 1, 2, 3, 7} {
		got, glex := TokenizeAll(values, workers)
		if len(got) != len(want) {
			t.Fatalf("%d workers: %d values tokenised, want %d", workers, len(got), len(want))
		}
		for i := range want {
			if !slices.Equal(got[i], want[i]) && (len(got[i]) > 0 || len(want[i]) > 0) {
				t.Fatalf("%d workers: value %d (%q): words %+v, want %+v", workers, i, values[i], got[i], want[i])
			}
		}
		if glex.Size() != lex.Size() {
			t.Fatalf("%d workers: lexicon of %d forms, want %d", workers, glex.Size(), lex.Size())
		}
		for id := range int32(lex.Size()) {
			if glex.Form(id) != lex.Form(id) {
				t.Fatalf("%d workers: form %d is %q, want %q", workers, id, glex.Form(id), lex.Form(id))
			}
		}
	}
}

// TestIsWordRune checks isWordRune, which reads ASCII from a table,
// against isWordRunePlain on every rune.
func TestIsWordRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isWordRune(r), isWordRunePlain(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// appendWordsPlain is AppendWords as it was before its fast paths for
// ASCII (a table of byte classes, word characters read without decoding):
// TestAppendWordsAsPlain compares the two.
func appendWordsPlain(words []Word, s string, lex *Lexicon) []Word {
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
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
					break
				}
				mark = mark || c == '.' || c == '/' || c == '@' || c == ':'
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
			r, n := decodeRune(s, k)
			if !isWordRunePlain(r) {
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
				r, n := decodeRune(s, e)
				if isWordRunePlain(r) {
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
			lower, skip := Fold(s[k:e])
			if id, ok := NumberID(lower); ok {
				w.ID, w.Skip = id, true
			} else {
				w.ID, w.Skip = lex.Intern(lower), skip
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

// TestAppendWordsAsPlain checks AppendWords against appendWordsPlain on
// every line of the published downloads and the seeds, and on random
// strings mixing the bytes that the fast paths treat apart (spaces,
// marks of addresses, apostrophes, non-ASCII letters, mojibake).
func TestAppendWordsAsPlain(t *testing.T) {
	var texts []string
	for _, path := range []string{"../../../parse/published/skills-a-to-z-2025-09.md", "../../../parse/published/roles-2025-09.csv",
		"../../../testdata/skills-a-to-z.md", "../../../testdata/roles-sample.csv", "../../../testdata/legacy-guidance-software-developer.html"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	parts := []string{"a", "Z", "0", "9", " ", "\t", "\n", "\r", "\v", "\f", "\u00a0", ".", "/", "@", ":", "'", "’", "'s", "’S",
		"-", ",", ";", "!", "?", "(", ")", "\"", "“", "&", "é", "Ω", "\u0301", "â€™", "www.", "gov.uk", "e.g.", "KPIs", "DevOps", "12", "\xff"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	fast, plain := NewLexicon(nil), NewLexicon(nil)
	var got, want []Word
	for _, s := range texts {
		got = AppendWords(got[:0], s, fast)
		want = appendWordsPlain(want[:0], s, plain)
		if !slices.Equal(got, want) {
			t.Fatalf("AppendWords(%q) = %v, want %v", s, got, want)
		}
	}
	if !slices.Equal(fast.forms, plain.forms) {
		t.Error("the lexicons differ")
	}
}

// TestTitleIDAsFold checks the words the tokeniser numbers without
// folding them (capitalised words of ASCII letters, see titleID) against
// [Fold]: every word of the embedded downloads (the Skills A to Z page
// and the roles CSV) and of the legacy guidance page in testdata, and
// words either side of the fast path's bounds, has the lookup form and
// skip flag that Fold gives it.
func TestTitleIDAsFold(t *testing.T) {
	var texts []string
	for _, p := range []string{
		"../../../parse/published/skills-a-to-z-2025-09.md",
		"../../../parse/published/roles-2025-09.csv",
		"../../../testdata/legacy-guidance-software-developer.html",
	} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	texts = append(texts, "A Ab Abcdefghijklmnopqrstuvw Abcdefghijklmnopqrstuvwx Abcdefghijklmnopqrstuvwxy",
		"Aé Ab1 AB Abc's Abc’s ABc Zz Ñu Ab-cd Iv Xi", "Agile agile AGILE Agile's")
	lex := NewLexicon(nil)
	titled := 0
	for _, text := range texts {
		for _, w := range Tokenize(text, lex) {
			word := text[w.Start:w.End]
			lower, skip := Fold(word)
			if id, ok := NumberID(lower); ok {
				if w.ID != id || !w.Skip {
					t.Fatalf("%q: number %d skip %v, want %d and skipped", word, w.ID, w.Skip, id)
				}
				continue
			}
			skip = skip || w.Start > 0 && text[w.Start-1] == '&' // an HTML entity
			if got := lex.Form(w.ID); got != lower || w.Skip != skip {
				t.Fatalf("%q: form %q skip %v, Fold gives %q, %v", word, got, w.Skip, lower, skip)
			}
			if _, ok := titleID(word, NewLexicon(nil)); ok {
				titled++
			}
		}
	}
	if titled < 1000 {
		t.Errorf("%d capitalised words: the fast path is hardly checked", titled)
	}
}

// TestTitleIDAllocs checks that tokenising capitalised words whose forms
// the lexicon or its base already holds makes no string: titleID looks
// the lowered word up in its buffer, in the base as in the lexicon, and
// interns (copies) it only when it is new.
func TestTitleIDAllocs(t *testing.T) {
	const text = "Agile Skills and Data Teams Deliver Services and Stakeholders Understand Them"
	base := NewLexicon(nil)
	for _, w := range strings.Fields(strings.ToLower(text)[:len(text)/2]) {
		base.Intern(w)
	}
	lex := NewLexicon(base)
	words := Tokenize(text, lex) // the rest of the forms, in lex itself
	if n := len(words); n != len(strings.Fields(text)) {
		t.Fatalf("%d words", n)
	}
	size := lex.Size()
	if allocs := testing.AllocsPerRun(100, func() { words = AppendWords(words[:0], text, lex) }); allocs != 0 {
		t.Errorf("%v allocations a tokenising of known capitalised words, want none", allocs)
	}
	if lex.Size() != size {
		t.Errorf("%d forms after tokenising again, want %d", lex.Size(), size)
	}
}
