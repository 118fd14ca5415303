package nearword

import "github.com/ddat-tools/ddat/framework"

// Closest returns the candidate nearest to s by [Distance] on
// [framework.Key]s, if it is within max edits; ties go to the earlier
// candidate, so the result is deterministic.
func Closest(s string, candidates []string, max int) (string, bool) {
	k := framework.Key(s)
	best, bestD := "", max+1
	for _, c := range candidates {
		if d := Distance(k, framework.Key(c), max); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= max
}
