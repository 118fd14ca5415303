package framework

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EditOp says what a line or word of a text edit is.
type EditOp string

// The operations of a [LineEdit] and a [WordEdit].
const (
	EditKept     EditOp = "kept"     // in both editions (words only)
	EditAdded    EditOp = "added"    // only in the new edition
	EditRemoved  EditOp = "removed"  // only in the old edition
	EditReworded EditOp = "reworded" // a line of the old edition rewritten (lines only)
)

// LineEdit is one line (a descriptor, a responsibility, a paragraph)
// added, removed or reworded between two editions of a list of lines.
type LineEdit struct {
	Op  EditOp
	Old string // the line in the old edition; empty for an added line
	New string // the line in the new edition; empty for a removed line
	// Words is the word-level diff of a reworded line, in order: kept,
	// removed and added runs of words with the space between them; nil
	// for an added or removed line, or where the line is too long to
	// compare word by word (see [maxEditCells]).
	Words []WordEdit
}

// WordEdit is a run of words of a reworded line kept, removed or added.
type WordEdit struct {
	Op   EditOp
	Text string
}

// maxEditCells bounds the table of a longest-common-subsequence diff (lines
// × lines, words × words). Beyond it, what lies between the common start
// and end is reported removed and added whole: the cost of a diff stays
// bounded by the size of what it compares.
const maxEditCells = 1 << 18

// rewordScore is the least word similarity (see [similarity]) at which a
// removed line and an added line are one line reworded.
const rewordScore = 0.5

// diffLines returns the edits that turn old into new, compared as
// [sameText] compares texts; nil if none. A removed line and an added
// line between the same kept lines are paired as reworded when their
// words are similar enough.
func diffLines(old, new []string) []LineEdit {
	ops := lcs(len(old), len(new), func(i, j int) bool { return sameText(old[i], new[j]) })
	var out []LineEdit
	for k := 0; k < len(ops); {
		if ops[k].op == EditKept {
			k++
			continue
		}
		// A run of removed and added lines between kept ones.
		var rem, add []int
		for ; k < len(ops) && ops[k].op != EditKept; k++ {
			if ops[k].op == EditRemoved {
				rem = append(rem, ops[k].i)
			} else {
				add = append(add, ops[k].j)
			}
		}
		out = append(out, pairLines(old, new, rem, add)...)
	}
	return out
}

// pairLines pairs removed lines with added ones, in order, each with the
// most similar line not yet paired after the last pair, if similar enough.
func pairLines(old, new []string, rem, add []int) []LineEdit {
	var out []LineEdit
	next := 0 // the first added line not yet placed
	for _, i := range rem {
		best, bestScore := -1, rewordScore
		if len(rem)*len(add) <= maxEditCells {
			for a := next; a < len(add); a++ {
				if s := similarity(wordSet(old[i]), wordSet(new[add[a]])); s >= bestScore && (best < 0 || s > bestScore) {
					best, bestScore = a, s
				}
			}
		}
		if best < 0 {
			out = append(out, LineEdit{Op: EditRemoved, Old: old[i]})
			continue
		}
		for ; next < best; next++ {
			out = append(out, LineEdit{Op: EditAdded, New: new[add[next]]})
		}
		out = append(out, LineEdit{Op: EditReworded, Old: old[i], New: new[add[best]], Words: diffWords(old[i], new[add[best]])})
		next = best + 1
	}
	for ; next < len(add); next++ {
		out = append(out, LineEdit{Op: EditAdded, New: new[add[next]]})
	}
	return out
}

// diffWords returns the word-level diff of two lines: runs of words kept,
// removed and added, each run with the space that follows its words; nil
// if the lines are too long to compare (see [maxEditCells]).
func diffWords(old, new string) []WordEdit {
	a, b := splitWords(old), splitWords(new)
	if len(a)*len(b) > maxEditCells {
		return nil
	}
	ops := lcs(len(a), len(b), func(i, j int) bool { return strings.TrimSpace(a[i]) == strings.TrimSpace(b[j]) })
	var out []WordEdit
	for _, o := range ops {
		w := ""
		switch o.op {
		case EditKept:
			w = b[o.j]
		case EditRemoved:
			w = a[o.i]
		case EditAdded:
			w = b[o.j]
		}
		if n := len(out); n > 0 && out[n-1].Op == o.op {
			out[n-1].Text += w
			continue
		}
		out = append(out, WordEdit{Op: o.op, Text: w})
	}
	return out
}

// splitWords cuts s into words, each with the space after it.
func splitWords(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i + len(s[i:]) - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
		out = append(out, s[:j])
		s = s[j:]
	}
	return out
}

type editStep struct {
	op   EditOp
	i, j int // the index in old (kept, removed) and new (kept, added)
}

// lcs returns the steps of a longest-common-subsequence diff of sequences
// of n and m elements. The common start and end are kept first; where the
// rest would take a table of more than maxEditCells, it is removed and
// added whole.
func lcs(n, m int, eq func(i, j int) bool) []editStep {
	pre := 0
	for pre < n && pre < m && eq(pre, pre) {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && eq(n-1-suf, m-1-suf) {
		suf++
	}
	steps := make([]editStep, 0, n+m-pre-suf)
	for k := 0; k < pre; k++ {
		steps = append(steps, editStep{EditKept, k, k})
	}
	a, b := n-pre-suf, m-pre-suf // the middle
	if a*b > maxEditCells || a == 0 || b == 0 {
		for k := 0; k < a; k++ {
			steps = append(steps, editStep{EditRemoved, pre + k, -1})
		}
		for k := 0; k < b; k++ {
			steps = append(steps, editStep{EditAdded, -1, pre + k})
		}
	} else {
		// t[i][j]: the length of the LCS of old[i:] and new[j:] (middle).
		t := make([]int32, (a+1)*(b+1))
		at := func(i, j int) int32 { return t[i*(b+1)+j] }
		for i := a - 1; i >= 0; i-- {
			for j := b - 1; j >= 0; j-- {
				v := max(at(i+1, j), at(i, j+1))
				if eq(pre+i, pre+j) {
					v = max(v, at(i+1, j+1)+1)
				}
				t[i*(b+1)+j] = v
			}
		}
		i, j := 0, 0
		for i < a || j < b {
			switch {
			case i < a && j < b && eq(pre+i, pre+j) && at(i, j) == at(i+1, j+1)+1:
				steps = append(steps, editStep{EditKept, pre + i, pre + j})
				i++
				j++
			case j < b && (i == a || at(i, j+1) > at(i+1, j)):
				steps = append(steps, editStep{EditAdded, -1, pre + j})
				j++
			default:
				steps = append(steps, editStep{EditRemoved, pre + i, -1})
				i++
			}
		}
	}
	for k := 0; k < suf; k++ {
		steps = append(steps, editStep{EditKept, n - suf + k, m - suf + k})
	}
	return steps
}

// sameText reports whether two texts say the same: equal once runs of
// space are one space. Layout is format, not content; any other byte,
// an encoding repair included, is content.
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// maxTokens bounds the words of one element that similarity weighs.
const maxTokens = 4096

// wordSet returns the sorted distinct hashes of the words of the texts
// (letters and digits, case folded), at most maxTokens of them.
func wordSet(texts ...string) []uint64 {
	var out []uint64
	for _, s := range texts {
		for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(out) == maxTokens {
				break
			}
			out = append(out, hashFold(w))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hashFold returns the 64-bit FNV-1a hash of w in lower case, without
// allocating for ASCII words.
func hashFold(w string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			w = strings.ToLower(w)
			break
		}
	}
	h := uint64(offset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= prime
	}
	return h
}

// bigrams returns the sorted distinct pairs of adjacent bytes of s's key,
// for comparing names letter by letter ("Head of portolio", "Head of
// portfolio").
func bigrams(s string) []uint64 {
	k := Key(s)
	if len(k) > maxTokens {
		k = k[:maxTokens]
	}
	out := make([]uint64, 0, len(k))
	for i := 0; i+1 < len(k); i++ {
		out = append(out, uint64(k[i])<<8|uint64(k[i+1]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// similarity is the Dice coefficient of two sorted sets: 2|a∩b|/(|a|+|b|),
// 0 when both are empty.
func similarity(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// common returns |a∩b| of two sorted sets.
func common(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
