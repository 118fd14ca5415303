package framework

import (
	"cmp"
	"slices"
)

// renameScore is the least similarity (see [matchable.score]) at which an
// element of the old edition and one of the new that no name matches are
// one element renamed.
const renameScore = 0.5

// maxPosting bounds how many unmatched elements a word's entry of the
// rename index lists: a word more common than that among them ("and",
// "the") says nothing about which is which, and is not followed. It keeps
// the cost of finding renames linear in the size of what is compared.
const maxPosting = 64

// matchable is what matching knows of an element: its name's key and
// slug, and, made only for an element that no name pairs (see [pairUp]),
// its name's letter pairs and the words of its content.
type matchable struct {
	key, slug string
	name      []uint64 // see [bigrams]
	content   []uint64 // see [wordSet]; empty if the element has no content
}

// signature makes an element's name and content sets for matchable.
type signature func(i int) (name, content []uint64)

// score is how alike two elements are, from 0 to 1: their content's
// words (seven tenths) and their names' letters (three tenths) where both
// have content, their names alone otherwise.
func (a matchable) score(b matchable) float64 {
	n := similarity(a.name, b.name)
	if len(a.content) == 0 || len(b.content) == 0 {
		return n
	}
	return 0.7*similarity(a.content, b.content) + 0.3*n
}

// matching pairs the elements of two editions: toNew[i] is the index in
// new of old element i, or -1; score[i] is its similarity (at least 0.01)
// where it was paired with an element of another name (by slug or by
// similarity): a rename; 0 otherwise.
type matching struct {
	toNew, toOld []int
	score        []float64
}

// pairUp pairs old and new elements: by the key of their names first, then
// by slug, then, among those still unpaired, by similarity (at least
// renameScore, the most similar pairs first). Candidates for a rename are
// the unpaired old elements that share a word or a letter pair, through an
// index whose entries are bounded by maxPosting.
//
// oldSig and newSig make the sets of the elements similarity compares; they
// are called only for the elements that no name or slug pairs, and for
// those that a slug alone pairs.
func pairUp(old, new []matchable, oldSig, newSig signature) matching {
	m := matching{toNew: make([]int, len(old)), toOld: make([]int, len(new)), score: make([]float64, len(old))}
	for i := range m.toNew {
		m.toNew[i] = -1
	}
	for j := range m.toOld {
		m.toOld[j] = -1
	}
	pair := func(field func(matchable) string) {
		idx := make(map[string]int, len(new))
		for j := len(new) - 1; j >= 0; j-- {
			if k := field(new[j]); k != "" && m.toOld[j] < 0 {
				idx[k] = j
			}
		}
		for i, o := range old {
			if m.toNew[i] >= 0 {
				continue
			}
			if j, ok := idx[field(o)]; ok && field(o) != "" && m.toOld[j] < 0 {
				m.toNew[i], m.toOld[j] = j, i
			}
		}
	}
	pair(func(x matchable) string { return x.key })
	pair(func(x matchable) string { return x.slug })

	fill := func(xs []matchable, sig signature, i int) {
		if xs[i].name == nil {
			xs[i].name, xs[i].content = sig(i)
			if xs[i].name == nil {
				xs[i].name = []uint64{}
			}
		}
	}
	for i := range old {
		if m.toNew[i] < 0 {
			fill(old, oldSig, i)
		}
	}
	for j := range new {
		if m.toOld[j] < 0 {
			fill(new, newSig, j)
		}
	}
	// The index of the unpaired old elements' words and letter pairs.
	post := map[uint64][]int{}
	tag := func(h uint64, name bool) uint64 {
		if name {
			return h<<1 | 1
		}
		return h << 1
	}
	for i, o := range old {
		if m.toNew[i] >= 0 {
			continue
		}
		for _, h := range o.content {
			post[tag(h, false)] = append(post[tag(h, false)], i)
		}
		for _, h := range o.name {
			post[tag(h, true)] = append(post[tag(h, true)], i)
		}
	}
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	seen := map[int]bool{}
	for j, n := range new {
		if m.toOld[j] >= 0 {
			continue
		}
		clear(seen)
		visit := func(h uint64) {
			p := post[h]
			if len(p) > maxPosting {
				return
			}
			for _, i := range p {
				if !seen[i] {
					seen[i] = true
					if s := old[i].score(n); s >= renameScore {
						cands = append(cands, cand{i, j, s})
					}
				}
			}
		}
		for _, h := range n.content {
			visit(tag(h, false))
		}
		for _, h := range n.name {
			visit(tag(h, true))
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.i, b.i); c != 0 {
			return c
		}
		return cmp.Compare(a.j, b.j)
	})
	for _, c := range cands {
		if m.toNew[c.i] < 0 && m.toOld[c.j] < 0 {
			m.toNew[c.i], m.toOld[c.j] = c.j, c.i
		}
	}
	for i, j := range m.toNew {
		if j >= 0 && old[i].key != new[j].key {
			fill(old, oldSig, i)
			fill(new, newSig, j)
			m.score[i] = max(round(old[i].score(new[j])), 0.01)
		}
	}
	return m
}

// step is one place of the merged order of two editions' lists: an old
// element, a new one, or both.
type step struct{ old, new int } // -1 where absent

// order returns the elements of both editions in the new edition's
// order, each element only in the old edition placed after the new place
// of the nearest paired old element before it (first if none).
func (m matching) order() []step {
	after := make([][]int, len(m.toOld)+1) // after[j+1]: old elements placed after new j
	anchor := -1
	for i, j := range m.toNew {
		if j >= 0 {
			anchor = j
			continue
		}
		after[anchor+1] = append(after[anchor+1], i)
	}
	out := make([]step, 0, len(m.toNew)+len(m.toOld))
	for _, i := range after[0] {
		out = append(out, step{i, -1})
	}
	for j, i := range m.toOld {
		out = append(out, step{i, j})
		for _, r := range after[j+1] {
			out = append(out, step{r, -1})
		}
	}
	return out
}
