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
func OSA[E comparable](x, y []E, max int, transpose bool, b *Buf) int {
	if d := len(x) - len(y); d > max || -d > max {
		return max + 1
	}
	if cap(b.cur) < len(y)+1 {
		b.prev2, b.prev, b.cur = make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	}
	prev2, prev, cur := b.prev2[:len(y)+1], b.prev[:len(y)+1], b.cur[:len(y)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(y); j++ {
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
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], max+1)
}
