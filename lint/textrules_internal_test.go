package lint

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// realSources returns the contents of the real inputs in the module: the
// published downloads, testdata/ and the rule cases of lint/testdata/.
func realSources(t *testing.T) []string {
	t.Helper()
	var srcs []string
	for _, g := range []string{"../parse/published/*", "../parse/testdata/published/*", "../testdata/*", "testdata/*/*"} {
		paths, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if fi, err := os.Stat(p); err != nil || fi.IsDir() {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, string(b))
		}
	}
	if len(srcs) < 10 {
		t.Fatalf("%d real inputs found, want the published downloads and testdata", len(srcs))
	}
	return srcs
}

// nextNotPlainPlain is nextNotPlain a byte at a time.
func nextNotPlainPlain(s string, i int) int {
	for i < len(s) && plainByte(s[i]) {
		i++
	}
	return i
}

// TestNextNotPlain holds nextNotPlain equal to the loop over plainByte
// from every start: every byte value at every place of plain text (with
// and without a line's end before it), random texts mixing the bytes at
// the edges of the range, and the real inputs.
func TestNextNotPlain(t *testing.T) {
	check := func(s string, i int) {
		t.Helper()
		if got, want := nextNotPlain(s, i), nextNotPlainPlain(s, i); got != want {
			t.Fatalf("nextNotPlain(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
	const plain = "the team builds and reaches consensus, 1 to 9; (ok) ~"
	for n := range 70 {
		for p := range n {
			for c := range 256 {
				b := []byte(plain + plain)[:n]
				b[p] = byte(c)
				for _, i := range []int{0, 1, p, min(p+1, n)} {
					check(string(b), i)
				}
				if p > 0 {
					b[p-1] = '\n'
					check(string(b), 0)
				}
			}
		}
	}
	edges := []byte{0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x7E, 0x7F, 0x80, 0x89, 0x8A, 0x8D, 0xA6, 0xC3, 0xFF}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		b := make([]byte, r.IntN(100))
		for i := range b {
			switch r.IntN(8) {
			case 0:
				b[i] = edges[r.IntN(len(edges))]
			case 1:
				b[i] = '\n'
			default:
				b[i] = byte(0x20 + r.IntN(0x5F))
			}
		}
		check(string(b), r.IntN(len(b)+1))
	}
	for _, src := range realSources(t) {
		// Every stop of the encoding rule's scan.
		for i := 0; i < len(src); i++ {
			check(src, i)
			i = nextNotPlain(src, i)
		}
		for i := 0; i < len(src); i += 37 {
			check(src, i)
		}
	}
}
