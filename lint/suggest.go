package lint

import (
	"github.com/ddat-tools/ddat/framework"
)

// editDistance returns the Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and transpositions of
// adjacent runes) between a and b, or max+1 if it exceeds max.
func editDistance(a, b string, max int) int {
	return osaDistance([]rune(a), []rune(b), max, &distBuf{})
}

// osaDistance is the optimal string alignment distance between x and y,
// or max+1 if it exceeds max, using b's rows.
func osaDistance[E comparable](x, y []E, max int, b *distBuf) int {
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
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
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

// closest returns the candidate nearest to s by [editDistance] on
// [framework.Key]s, if it is within max edits; ties go to the earlier
// candidate, so the result is deterministic.
func closest(s string, candidates []string, max int) (string, bool) {
	k := framework.Key(s)
	best, bestD := "", max+1
	for _, c := range candidates {
		if d := editDistance(k, framework.Key(c), max); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= max
}
