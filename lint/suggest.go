package lint

import (
	"github.com/ddat-tools/ddat/framework"
)

// editDistance returns the Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and transpositions of
// adjacent runes) between a and b, or max+1 if it exceeds max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
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
	if prev[len(rb)] > max {
		return max + 1
	}
	return prev[len(rb)]
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
