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

// TestIndexMakesTables checks that File.Index makes the line table, and
// the rune index only for a file with a line longer than shortLine: at
// shortLine bytes and less, none; one byte more, in the first line, a
// middle one or the last (without a line feed), one. Positions are the
// same with the tables made beforehand as on first use.
func TestIndexMakesTables(t *testing.T) {
	line := func(n int) string { return strings.Repeat("é", n/2) + strings.Repeat("a", n%2) }
	for _, tc := range []struct {
		src   string
		runes bool
	}{
		{"", false},
		{"short\nlines\n", false},
		{line(shortLine-1) + "\n" + line(shortLine-1) + "\n", false},
		{line(shortLine+1) + "\nb\n", true},
		{"a\n" + line(shortLine+1) + "\nb", true},
		{"a\nb\n" + line(shortLine+1), true},
	} {
		f := NewFile("f", tc.src)
		f.Index()
		if f.lines.Load() == nil {
			t.Errorf("%d bytes: no line table", len(tc.src))
		}
		if got := f.runes.Load() != nil; got != tc.runes {
			t.Errorf("%d bytes, longest line %d: rune index made %v, want %v", len(tc.src), longestLine(tc.src), got, tc.runes)
		}
		fresh := NewFile("f", tc.src)
		for off := 0; off <= len(tc.src); off += 97 {
			if got, want := f.Position(off), fresh.Position(off); got != want {
				t.Fatalf("%d bytes: Position(%d) = %v after Index, %v on first use", len(tc.src), off, got, want)
			}
		}
	}
}

func longestLine(s string) int {
	n := 0
	for l := range strings.SplitSeq(s, "\n") {
		n = max(n, len(l)+1)
	}
	return n
}
