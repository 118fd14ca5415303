package framework

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// plainRuneIndex is newRuneIndex a code point at a time, as ranging
// over a string gives them (an invalid byte is one).
func plainRuneIndex(src string) *runeIndex {
	x := &runeIndex{}
	n := 0
	for i := range src {
		if i >= len(x.at)*shortLine {
			x.at = append(x.at, i)
			x.before = append(x.before, n)
		}
		n++
	}
	return x
}

// TestRuneIndexAsPlain checks the rune index that counts ASCII eight
// bytes at a time against counting a code point at a time: on the published
// roles download, and on random sources of ASCII runs and 2- to 4-byte
// characters, invalid bytes and cut characters, placed about the marks.
func TestRuneIndexAsPlain(t *testing.T) {
	src, err := os.ReadFile("../parse/published/roles-2025-09.csv")
	if err != nil {
		t.Fatal(err)
	}
	check := func(s string) {
		t.Helper()
		got, want := newRuneIndex(s), plainRuneIndex(s)
		if !slices.Equal(got.at, want.at) || !slices.Equal(got.before, want.before) {
			t.Fatalf("source of %d bytes: marks %v / %v, want %v / %v", len(s), got.at, got.before, want.at, want.before)
		}
	}
	check(string(src))
	check("")
	pieces := []string{"é", "€", "😀", "\xff", "\xe2\x82", "\n", "a"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for b.Len() < 3*shortLine+r.IntN(shortLine) {
			if r.IntN(4) == 0 {
				b.WriteString(pieces[r.IntN(len(pieces))])
			} else {
				b.WriteString(strings.Repeat("x", r.IntN(40)))
			}
		}
		check(b.String())
		// A character across a mark: ASCII up to a byte or three before
		// it.
		k := shortLine - 1 - r.IntN(3)
		check(strings.Repeat("y", k) + pieces[r.IntN(4)] + b.String())
	}
}

func BenchmarkNewRuneIndex(b *testing.B) {
	src, err := os.ReadFile("../parse/published/roles-2025-09.csv")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		newRuneIndex(s)
	}
}
