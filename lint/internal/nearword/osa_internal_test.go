package nearword

import (
	"math/rand/v2"
	"testing"
)

// osaPlain is the optimal string alignment distance by its definition,
// each prefix pair's distance from the pairs one edit shorter, memoised:
// what OSA's table, its trimming of the common ends and its band must
// give.
func osaPlain[E comparable](x, y []E, max int, transpose bool) int {
	memo := make([][]int, len(x)+1)
	for i := range memo {
		memo[i] = make([]int, len(y)+1)
		for j := range memo[i] {
			memo[i][j] = -1
		}
	}
	var d func(i, j int) int
	d = func(i, j int) int {
		switch {
		case i == 0:
			return j
		case j == 0:
			return i
		case memo[i][j] >= 0:
			return memo[i][j]
		}
		substitute := d(i-1, j-1)
		if x[i-1] != y[j-1] {
			substitute++
		}
		best := min(d(i-1, j)+1, d(i, j-1)+1, substitute)
		if swapped := i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1]; transpose && swapped {
			best = min(best, d(i-2, j-2)+1)
		}
		memo[i][j] = best
		return best
	}
	return min(d(len(x), len(y)), max+1)
}

// TestOSAAsPlain holds OSA to the whole table's dynamic program: every
// pair of strings of up to five letters of "abc", with and without
// transpositions, at every bound from 0 to 6; then random strings of up
// to 40 letters of small alphabets sharing long starts and ends, as the
// names of a catalogue copied with a number added do. One Buf serves all
// the calls, as it does in a run.
func TestOSAAsPlain(t *testing.T) {
	var strs [][]byte
	var gen func(s []byte)
	gen = func(s []byte) {
		strs = append(strs, append([]byte(nil), s...))
		if len(s) < 5 {
			for _, c := range []byte("abc") {
				gen(append(s, c))
			}
		}
	}
	gen(nil)
	var b Buf
	check := func(x, y []byte, max int, tr bool) {
		t.Helper()
		if got, want := OSA(x, y, max, tr, &b), osaPlain(x, y, max, tr); got != want {
			t.Fatalf("OSA(%q, %q, %d, %v) = %d, want %d", x, y, max, tr, got, want)
		}
	}
	for _, x := range strs {
		for _, y := range strs {
			for _, tr := range []bool{true, false} {
				for _, max := range []int{0, 1, 2, 3, 6} {
					check(x, y, max, tr)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int, alphabet string) []byte {
		w := make([]byte, n)
		for i := range w {
			w[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return w
	}
	for range 200000 {
		alphabet := []string{"ab", "abc", "abcdefgh"}[rng.IntN(3)]
		start, end := word(rng.IntN(15), alphabet), word(rng.IntN(15), alphabet)
		x := append(append(append([]byte(nil), start...), word(rng.IntN(8), alphabet)...), end...)
		y := append(append(append([]byte(nil), start...), word(rng.IntN(8), alphabet)...), end...)
		check(x, y, rng.IntN(12), rng.IntN(4) != 0)
	}
}
