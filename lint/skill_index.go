package lint

import (
	"slices"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

// skillIndex holds the catalogue's skill names prepared for
// [skillIndex.suggest], built once a run: each name's key, runes, letter
// counts and content words, with an index of the names by content word
// (and, once enough words have been looked up, of the content words by
// their one-rune deletions, for near words) and by length, so that a suggestion looks only at the names
// that could score rather than measuring every name against every
// unknown one.
type skillIndex struct {
	names  []skillName
	byWord map[string][]int // content word → names holding it
	// The content words of over four bytes (and at most maxNameWordLen),
	// in the order first met, with their runes; and, built once
	// nearScans words have been looked up among them one by one, their
	// index by one-rune deletions (see [skillIndex.nearWords]).
	long    []string
	longR   [][]rune
	near    map[string][]string
	lookups int                                 // words looked up
	scanned int                                 // words measured by the lookups that scanned
	keys    int                                 // see [skillIndex.deletions]
	found   []string                            // nearWords' buffer
	byLen   map[int][]int                       // rune count → names
	byRole  map[string][]int                    // role key → names whose skill the catalogue says it requires
	bySlug  map[string][]int                    // role slug → the same
	have    map[*framework.Role]map[string]bool // see [skillIndex.required]
	dist    nearword.Buf

	measured  map[string]*nameMeasures // by unknown name (its value), see [skillIndex.measures]
	kept      []string                 // the names measured, oldest first
	measuredN int                      // the candidates they hold

	// candidates' tallies, by name: the call and the word that last
	// counted it, and the words it shares in that call. Numbered calls
	// and words need no clearing between calls: an unknown name is
	// measured against thousands of names in a catalogue of many.
	callOf, wordOf []uint32
	shared         []int32
	call, word     uint32

	// work counts the names the lookups of unknown names have gone
	// through: postings, names of a similar length, candidates (see
	// [maxSkillWork]).
	work  int
	bound int // of work: see maxSkillWork

	// Buffers that the lookups share: the candidates that score, the
	// names a role requires, the names candidates met.
	scored     []scoredName
	requiredBy map[int]bool
	met        []int
}

// scoredName is a candidate name that scores for an unknown one (see
// suggestSkills).
type scoredName struct {
	name  string
	score float64
	dist  int // -1: over the bound, and not yet measured in full
	idx   int
	j     int // in the measures' candidates
}

// maxSkillWork and skillWorkPerByte bound the names the lookups of a
// run's unknown names go through in all: maxSkillWork, and one more for
// every skillWorkPerByte bytes of the linted documents (see
// [skillIndex.bound]), so that the bound grows with the input, as the
// time it allows. Each lookup goes through the catalogue's names that
// share a word with the unknown one or are of about its length, so
// thousands of unknown names in a catalogue of thousands cost their
// product: a megabyte of them took 10 s, and 4 MB now take under one.
// The seeds take a few hundred; the 100× corpus's hundred unknown names,
// each compared with a catalogue of 19,000 names, 1.2 million of its
// bound of 32 million. Past the bound, an unknown name is reported
// without suggestions, and says so. (Variables for tests.)
var (
	maxSkillWork     = 1_000_000
	skillWorkPerByte = 8
)

// spent reports whether the lookups of unknown names have gone through
// the names x.bound allows.
func (x *skillIndex) spent() bool { return x.work >= x.bound }

// nameMeasures is what comparing an unknown skill name with the
// catalogue gives whatever role uses it: its candidates, and the edit
// distance to each as far as it was measured (see suggestSkills).
type nameMeasures struct {
	cands   []skillCandidate
	d, full []int // by candidate: the distance within its bound, and in full; -1 until measured
}

// maxMeasured bounds the candidates that the measures kept hold in all
// (a variable for the test that holds the measures kept to those made),
// so that a run of very many distinct unknown names keeps no more than a
// few megabytes of them: the names measured longest ago are let go.
var maxMeasured = 1 << 16

// measures returns the measures of the unknown name value (key k,
// content words ws): kept from an earlier use of the name, or new. The
// framework repeats a role's unknown skill in every role that shares the
// row it was copied from, and the candidates and distances do not depend
// on the role.
func (x *skillIndex) measures(value, k string, ws []string) *nameMeasures {
	if m, ok := x.measured[value]; ok {
		return m
	}
	cands := x.candidates(k, ws)
	m := &nameMeasures{cands: cands, d: make([]int, 2*len(cands))}
	m.d, m.full = m.d[:len(cands)], m.d[len(cands):]
	for j := range m.d {
		m.d[j], m.full[j] = -1, -1
	}
	if len(cands) > maxMeasured {
		return m
	}
	for x.measuredN+len(cands) > maxMeasured {
		oldest := x.kept[0]
		x.kept = x.kept[1:]
		x.measuredN -= len(x.measured[oldest].cands)
		delete(x.measured, oldest)
	}
	if x.measured == nil {
		x.measured = map[string]*nameMeasures{}
	}
	x.measured[value] = m
	x.kept = append(x.kept, value)
	x.measuredN += len(cands)
	return m
}

// A skillCandidate is a name that may score for an unknown one, with the
// number of the unknown name's content words it shares: the same word, or
// both over four bytes and one edit apart.
type skillCandidate struct {
	idx, shared int
}

type skillName struct {
	skill     *framework.Skill
	key       string
	runes     []rune
	letters   [27]int // letter counts, for a lower bound on the edit distance
	words     []string
	qualified bool
}

func newSkillIndex(cat *framework.Framework) *skillIndex {
	x := &skillIndex{bound: maxSkillWork, byWord: map[string][]int{}, byLen: map[int][]int{},
		byRole: map[string][]int{}, bySlug: map[string][]int{}, have: map[*framework.Role]map[string]bool{}}
	file := func(m map[string][]int, k string, i int) {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != i {
			m[k] = append(l, i)
		}
	}
	seen := map[string]bool{}
	roleKeys := keyMemo{} // role names repeat from skill to skill
	for _, s := range cat.Skills {
		k := s.Name.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		n := skillName{skill: s, key: k, runes: []rune(k)}
		n.letters = letterCounts(k)
		n.words, n.qualified = nameWords(s.Name.Value)
		i := len(x.names)
		for _, r := range s.Roles {
			file(x.byRole, roleKeys.key(r.Name), i)
			if r.Slug != "" {
				file(x.bySlug, r.Slug, i)
			}
		}
		x.names = append(x.names, n)
		x.byLen[len(n.runes)] = append(x.byLen[len(n.runes)], i)
		for _, w := range n.words {
			if l := x.byWord[w]; len(l) == 0 || l[len(l)-1] != i {
				if len(l) == 0 && len(w) > 4 && len(w) <= maxNameWordLen {
					x.long = append(x.long, w)
					x.longR = append(x.longR, []rune(w))
				}
				x.byWord[w] = append(l, i)
			}
		}
	}
	return x
}

// required returns the keys of the skills role r requires, computed once
// for each role: a role may have thousands of unknown skills.
func (x *skillIndex) required(r *framework.Role) map[string]bool {
	if have, ok := x.have[r]; ok {
		return have
	}
	have := map[string]bool{}
	for _, q := range r.Skills {
		have[q.Skill.Key()] = true
	}
	for _, l := range r.Levels {
		for _, q := range l.Skills {
			have[q.Skill.Key()] = true
		}
	}
	x.have[r] = have
	return have
}

// runeDeletions returns w and w less each of its runes in turn: two
// words one edit apart (see [nearword.Distance]) share one of these keys.
func runeDeletions(w string) []string {
	keys := []string{w}
	rs := []rune(w)
	for j := range rs {
		keys = append(keys, string(rs[:j])+string(rs[j+1:]))
	}
	return keys
}

func letterCounts(k string) [27]int {
	var c [27]int
	for _, r := range k {
		if r >= 'a' && r <= 'z' {
			c[r-'a']++
		} else {
			c[26]++
		}
	}
	return c
}

// candidates returns the names that can score for an unknown name with
// key k and content words ws, in catalogue order, each with the number of
// ws it shares: those sharing a content word, or one a single edit from
// it (both over four bytes), and those whose length and letters allow a
// spelling within nearword.SkillNameEdits. The shared counts come from the index's
// lists, so a name is counted without comparing its words.
func (x *skillIndex) candidates(k string, ws []string) []skillCandidate {
	if len(x.callOf) != len(x.names) {
		x.callOf, x.wordOf, x.shared = make([]uint32, len(x.names)), make([]uint32, len(x.names)), make([]int32, len(x.names))
	}
	if x.call++; x.call == 0 { // numbered round: no mark is of this call
		clear(x.callOf)
		x.call = 1
	}
	order := x.met[:0] // names in the order first met
	defer func() { x.met = order[:0] }()
	met := func(i int) {
		x.callOf[i], x.shared[i] = x.call, 0
		order = append(order, i)
	}
	for _, w := range ws {
		if x.word++; x.word == 0 {
			clear(x.wordOf)
			x.word = 1
		}
		add := func(ids []int) {
			x.work += len(ids)
			for _, i := range ids {
				if x.wordOf[i] == x.word {
					continue // a word counts once for a name
				}
				x.wordOf[i] = x.word
				if x.callOf[i] != x.call {
					met(i)
				}
				x.shared[i]++
			}
		}
		add(x.byWord[w])
		if len(w) <= 4 || len(w) > maxNameWordLen+1 {
			continue // a word one edit from an indexed one has at most maxNameWordLen+1 bytes
		}
		for _, c := range x.nearWords(w) {
			add(x.byWord[c])
		}
	}
	// Spelling: n = max(len k, len c) runes and d <= n/4 need
	// 3/4 len k <= len c <= 4/3 len k, and a letter-count bound.
	lk := utf8.RuneCountInString(k)
	lc := letterCounts(k)
	if lk > maxSkillNameLen {
		lk = 0 // not compared: no length matches
	}
	for n := (3*lk + 3) / 4; n <= min(lk*4/3, maxSkillNameLen); n++ {
		maxD := nearword.SkillNameEdits(max(lk, n))
		x.work += len(x.byLen[n])
		for _, i := range x.byLen[n] {
			if x.callOf[i] != x.call && letterBound(lc, x.names[i].letters, lk, n) <= maxD {
				met(i)
			}
		}
	}
	slices.Sort(order)
	out := make([]skillCandidate, len(order))
	for j, i := range order {
		out[j] = skillCandidate{i, int(x.shared[i])}
	}
	return out
}

// nearScans is how many words [skillIndex.nearWords] looks up by
// measuring them with every long content word before it indexes the
// content words by their deletions: most runs have a few unknown skills,
// and building the index would cost more than their lookups; a run with
// many unknown skills pays for the index once, and each lookup after is
// in proportion to the word's length. The scans stop sooner, once they
// have measured nearScanWords words for each deletion the index would
// file, so that a catalogue of very many words costs its scans no more
// than its index.
const (
	nearScans     = 64
	nearScanWords = 4
)

// nearWords returns the long content words (see skillIndex.long) other
// than w one slip (nearword.Slip) from it, in no particular order and
// perhaps more than once, in a buffer that the next call reuses. Two words one edit apart share one
// of their [runeDeletions], so the index finds the words the scan does
// (TestNearWordsScanAsIndexed).
func (x *skillIndex) nearWords(w string) []string {
	x.lookups++
	if x.lookups <= nearScans && x.scanned < nearScanWords*x.deletions() {
		x.scanned += len(x.longR)
		return x.nearScan(w)
	}
	return x.nearIndexed(w)
}

// deletions returns how many deletions the index of the long content
// words would file: the cost of building it.
func (x *skillIndex) deletions() int {
	if x.keys == 0 {
		for _, r := range x.longR {
			x.keys += len(r) + 1
		}
	}
	return x.keys
}

// nearScan is nearWords measuring w with each long content word whose
// length allows it.
func (x *skillIndex) nearScan(w string) []string {
	x.found = x.found[:0]
	wr := []rune(w)
	for i, cr := range x.longR {
		if d := len(cr) - len(wr); d > nearword.Slip || -d > nearword.Slip {
			continue
		}
		if c := x.long[i]; c != w && nearword.OSA(wr, cr, nearword.Slip, true, &x.dist) <= nearword.Slip {
			x.found = append(x.found, c)
		}
	}
	return x.found
}

// nearIndexed is nearWords looking w up by its deletions, in the index
// built at the first call.
func (x *skillIndex) nearIndexed(w string) []string {
	if x.near == nil {
		x.near = map[string][]string{}
		for _, c := range x.long {
			for _, d := range runeDeletions(c) {
				x.near[d] = append(x.near[d], c)
			}
		}
	}
	x.found = x.found[:0]
	for _, key := range runeDeletions(w) {
		for _, c := range x.near[key] {
			if c != w && nearword.Distance(w, c, nearword.Slip) <= nearword.Slip {
				x.found = append(x.found, c)
			}
		}
	}
	return x.found
}

// letterBound is a lower bound on the edit distance of two strings of
// lengths la and lb with letter counts a and b: every letter one has
// beyond the other's needs an edit of its own.
func letterBound(a, b [27]int, la, lb int) int {
	common := 0
	for i := range a {
		common += min(a[i], b[i])
	}
	return max(la, lb) - common
}
