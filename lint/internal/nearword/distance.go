package nearword

// Distance returns the Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and transpositions of
// adjacent runes) between a and b, or max+1 if it exceeds max.
func Distance(a, b string, max int) int {
	return OSA([]rune(a), []rune(b), max, true, &Buf{})
}

// Buf holds the rows of [OSA], reused between calls. Its zero value is
// ready to use; a Buf is not safe for concurrent use.
type Buf struct {
	prev2, prev, cur []int
	count            [256]int32 // countBound's, zero between calls
}

// Bytes is [Distance] on bytes, without allocating once the buffer has
// grown. It is not inlined: inlined into another package, the
// conversions of x and y to bytes would escape, as the escape analysis of
// OSA's instances does not cross the package boundary (an allocation a
// call; TestBytesAllocs holds it).
//
//go:noinline
func (b *Buf) Bytes(x, y string, max int) int {
	if countBound(x, y, &b.count) > max {
		return max + 1 // most candidates measured: no table to fill
	}
	return OSA([]byte(x), []byte(y), max, true, b)
}

// countBound is a lower bound of the distance on bytes between x and y
// from the bytes each holds, whatever their order: half the number of
// bytes that one holds more of than the other, rounded up. An insertion
// or a deletion changes that number by one, a substitution by at most
// two, a transposition not at all. (TestCountBound checks it against
// the distance.) diff is all zero, and left so.
func countBound(x, y string, diff *[256]int32) int {
	for i := 0; i < len(x); i++ {
		diff[x[i]]++
	}
	for i := 0; i < len(y); i++ {
		diff[y[i]]--
	}
	n := 0
	for _, s := range [2]string{x, y} {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if d := diff[c]; d > 0 {
				n += int(d)
			} else {
				n -= int(d)
			}
			diff[c] = 0 // counted once
		}
	}
	return (n + 1) / 2
}

// OSA is the optimal string alignment distance between x and y, or max+1
// if it exceeds max, using b's rows; without transpose, the Levenshtein
// distance.
//
// The ends that x and y share are left out first (names a catalogue
// repeats with a word or a number changed share most of their length),
// and only the cells within max of the diagonal are filled: a cell off
// it costs more than max. TestOSAAsPlain holds it to the whole table.
func OSA[E comparable](x, y []E, max int, transpose bool, b *Buf) int {
	if d := len(x) - len(y); d > max || -d > max {
		return max + 1
	}
	// A common start, then a common end: the last rune kept on each side
	// must differ where a transposition could join across the cut, so
	// the cut leaves one shared rune before a pair that could swap.
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	if transpose && p > 0 && p < len(x) && p < len(y) {
		p-- // x[p-1] == y[p-1] could pair with a swap of the next two
	}
	x, y = x[p:], y[p:]
	s := 0
	for s < len(x) && s < len(y) && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	if transpose && s > 0 && s < len(x) && s < len(y) {
		s--
	}
	x, y = x[:len(x)-s], y[:len(y)-s]
	if len(x) == 0 || len(y) == 0 {
		return min(len(x)+len(y), max+1)
	}
	if cap(b.cur) < len(y)+1 {
		b.prev2, b.prev, b.cur = make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	}
	prev2, prev, cur := b.prev2[:len(y)+1], b.prev[:len(y)+1], b.cur[:len(y)+1]
	out := max + 1 // the value of a cell off the band
	for j := range prev {
		prev[j] = j
		prev2[j] = out
	}
	for i := 1; i <= len(x); i++ {
		lo, hi := i-max, i+max // the band of row i
		if lo <= 1 {
			lo = 1
			cur[0] = i
		} else {
			cur[lo-1] = out
		}
		hi = min(hi, len(y))
		best := out
		if lo == 1 {
			best = i
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if transpose && i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if hi < len(y) {
			cur[hi+1] = out // read by the next row at its band's end
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], max+1)
}
