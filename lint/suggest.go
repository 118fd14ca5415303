package lint

import (
	"github.com/ddat-tools/ddat/framework"
)

// editDistance returns the Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and transpositions of
// adjacent runes) between a and b, or max+1 if it exceeds max.
func editDistance(a, b string, max int) int {
	return osaDistance([]rune(a), []rune(b), max, true, &distBuf{})
}

// osaDistance is the optimal string alignment distance between x and y,
// or max+1 if it exceeds max, using b's rows; without transpose, the
// Levenshtein distance.
func osaDistance[E comparable](x, y []E, max int, transpose bool, b *distBuf) int {
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

// bkTree is a Burkhard-Keller tree of words under the Levenshtein
// distance (a metric, which the optimal string alignment distance is
// not): each child hangs at its distance from its parent, so a search for
// the words within r edits of w descends only into the children at
// distances k-r to k+r of a node k edits from w, by the triangle
// inequality, instead of measuring w against every word.
type bkTree struct {
	root *bkNode
	dist distBuf
}

type bkNode struct {
	word string
	kids map[int]*bkNode
}

func (t *bkTree) add(w string) {
	if t.root == nil {
		t.root = &bkNode{word: w}
		return
	}
	n := t.root
	for {
		d := t.dist.levenshtein(w, n.word)
		if d == 0 {
			return
		}
		k := n.kids[d]
		if k == nil {
			if n.kids == nil {
				n.kids = map[int]*bkNode{}
			}
			n.kids[d] = &bkNode{word: w}
			return
		}
		n = k
	}
}

// within calls fn for each word of the tree within d edits of w by
// [editDistance], and for some further ones: a transposition is one edit
// there and two in the tree's metric, so the tree is searched to 2d.
func (t *bkTree) within(w string, d int, fn func(string)) {
	if t.root == nil {
		return
	}
	d *= 2
	stack := []*bkNode{t.root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := t.dist.levenshtein(w, n.word)
		if k <= d {
			fn(n.word)
		}
		for e := max(k-d, 1); e <= k+d; e++ {
			if c := n.kids[e]; c != nil {
				stack = append(stack, c)
			}
		}
	}
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
