package spell

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
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
