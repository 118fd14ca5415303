package lint

import (
	"math/rand/v2"
	"testing"
)

// TestPlainWord checks the eight-byte test of the encoding rule against
// its definition a byte at a time: every byte value at every place, then
// random words mixing the bytes near the edges of the range.
func TestPlainWord(t *testing.T) {
	plain := func(c byte) bool { return c >= 0x20 && c <= 0x7E && c != '&' }
	check := func(w [8]byte) {
		t.Helper()
		want := true
		for _, c := range w {
			want = want && plain(c)
		}
		s := string(w[:])
		if got := plainWord(load64(s, 0)); got != want {
			t.Fatalf("plainWord(%q) = %v, want %v", s, got, want)
		}
	}
	for p := range 8 {
		for c := range 256 {
			w := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			w[p] = byte(c)
			check(w)
		}
	}
	edges := []byte{0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x7E, 0x7F, 0x80, 0xC3, 0xFF}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		for i := range w {
			if r.IntN(2) == 0 {
				w[i] = edges[r.IntN(len(edges))]
			} else {
				w[i] = byte(0x20 + r.IntN(0x5F))
			}
		}
		check(w)
	}
}

// TestEntityLength keeps maxEntityLen in step with entityRE: the longest
// reference of each kind matches, and one byte more does not.
func TestEntityLength(t *testing.T) {
	for _, s := range []string{"&thetasym;", "&#1234567;", "&#x10FFFF;"} {
		if len(s) != maxEntityLen || entityRE.FindString(s) != s {
			t.Errorf("%q (%d bytes) should be a whole match of maxEntityLen bytes", s, len(s))
		}
	}
	for _, s := range []string{"&thetasyms;", "&#12345678;", "&#x10FFFFF;"} {
		if entityRE.MatchString(s) {
			t.Errorf("%q (%d bytes) matches: maxEntityLen is too small", s, len(s))
		}
	}
}
