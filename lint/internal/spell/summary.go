package spell

import (
	"cmp"
	"encoding/binary"
	"errors"
	"reflect"
	"slices"

	"github.com/ddat-tools/ddat/lint/internal/varint"
)

// A Summary is what counting a list of texts, each once, adds to a
// corpus, written apart from any corpus: the forms the texts' words
// number, in the order first met, the uses of each, the uses of each word
// pair, and the first CorpusWord distinct contexts of each unlisted word,
// as numbers in that list of forms (a negative number is a number's, see
// [NumberID], or -1, the edge of a text). [Summarise] writes it and
// [Corpus.AddSummary] adds it to a corpus, which then holds what counting
// the texts would have given it, down to the numbers of the words.
//
// It lets the texts of a document that does not change (the published
// framework, the vocabulary of every lint of other documents) be
// tokenised and counted once, when the program is built, instead of on
// every run.
//
// The encoding is a sequence of unsigned varints: the number of forms,
// then each form's length, bytes, and uses times two, plus one if the
// word list holds it (see [listed]: a corpus given the summary knows it
// without looking, see [Corpus.LearnListing]); the number of pairs, then
// the pairs in order of their two forms' numbers, each pairBytes bytes
// (see [summaryPairs]), read in place; the number of contexts, then each
// context's word and its four neighbours (zig-zag: a neighbour may be
// negative).
type Summary string

// Summarise returns the summary of the texts values, counted each once.
func Summarise(values []string) Summary {
	lex := NewLexicon(nil)
	var uses []int
	type pair struct{ a, b, n int }
	var pairs []pair
	pairAt := map[uint64]int{}
	type context struct {
		word   int32
		around [4]int32
	}
	var contexts []context
	contextsOf := map[int32][]int{} // indexes in contexts
	var ws []Word
	for _, v := range values {
		ws = AppendWords(ws[:0], v, lex)
		if size := lex.Size(); len(uses) < size {
			uses = append(uses, make([]int, size-len(uses))...)
		}
		// As [Corpus.Count] counts ws once.
		prev := int32(-1)
		for i, w := range ws {
			if w.Skip {
				prev = -1
				continue
			}
			id := w.ID
			if !listed(lex.Form(id)) {
				c := context{word: id, around: around(ws, i)}
				have := contextsOf[id]
				if len(have) < CorpusWord && !slices.ContainsFunc(have, func(k int) bool { return contexts[k] == c }) {
					contextsOf[id] = append(have, len(contexts))
					contexts = append(contexts, c)
				}
			}
			uses[id]++
			if w.PairPrev && prev >= 0 {
				k := pairKey(prev, id)
				at, ok := pairAt[k]
				if !ok {
					at = len(pairs)
					pairAt[k] = at
					pairs = append(pairs, pair{a: int(prev), b: int(id)})
				}
				pairs[at].n++
			}
			prev = id
		}
	}
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(lex.forms)))
	for id, f := range lex.forms {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
		u := uint64(uses[id]) << 1
		if listed(f) {
			u |= 1
		}
		b = binary.AppendUvarint(b, u)
	}
	slices.SortFunc(pairs, func(p, q pair) int {
		return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b))
	})
	b = binary.AppendUvarint(b, uint64(len(pairs)))
	for _, p := range pairs {
		b = binary.LittleEndian.AppendUint32(b, uint32(p.a))
		b = binary.LittleEndian.AppendUint32(b, uint32(p.b))
		b = binary.LittleEndian.AppendUint32(b, uint32(p.n))
	}
	b = binary.AppendUvarint(b, uint64(len(contexts)))
	for _, c := range contexts {
		b = binary.AppendUvarint(b, uint64(c.word))
		for _, id := range c.around {
			b = binary.AppendVarint(b, int64(id))
		}
	}
	return Summary(b)
}

// around returns the numbers of the words either side of word i of ws,
// two each side, -1 past the edge of the text: the context of the word.
func around(ws []Word, i int) [4]int32 {
	var a [4]int32
	for k, j := range [...]int{i - 2, i - 1, i + 1, i + 2} {
		a[k] = -1
		if j >= 0 && j < len(ws) {
			a[k] = ws[j].ID
		}
	}
	return a
}

// contextHash returns the hash of a context (see [around]).
func contextHash(a [4]int32) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, id := range a {
		h = (h ^ uint64(uint32(id))) * prime
	}
	return h
}

// errSummary is the error of a summary that does not decode.
var errSummary = errors.New("spell: malformed summary")

// AddSummary adds to c what counting the texts of s with [Corpus.Count],
// each once and in order, would add: the words numbered alike in c.Lex,
// the same uses, pairs and contexts. It returns an error, and leaves the
// counts incomplete, if s does not decode.
//
// The summary's pairs are not added to c's table of pairs but kept where
// they are, in s, and looked up there (see [Corpus.PairUses]): a run
// asks for a few dozen pairs, and adding the published framework's
// thirteen thousand would cost the spelling rule a millisecond. A second
// summary's pairs are added to the table, and so are those of a summary
// that lists a form twice (which Summarise never writes).
func (c *Corpus) AddSummary(s Summary) error {
	r := varint.NewReader(string(s))
	n := r.Len()
	ids := make([]int32, n)
	uses := make([]int32, n)
	for i := range ids {
		ids[i] = c.Lex.Intern(r.String(r.Len()))
		u := r.Uint()
		uses[i] = int32(u >> 1)
		c.knowListed(ids[i], u&1 != 0)
	}
	if r.Err() != nil {
		return errSummary
	}
	c.grow()
	for i, u := range uses {
		c.counts[ids[i]] += int(u)
		c.total += int(u)
	}
	bad := false
	id := func(local uint64) int32 {
		if local >= uint64(len(ids)) {
			bad = true
			return -1
		}
		return ids[local]
	}
	np := r.Uint()
	if np > uint64(len(r.Rest())/pairBytes) {
		return errSummary
	}
	pairs := summaryPairs(r.String(int(np) * pairBytes))
	if !pairs.valid(len(ids)) {
		return errSummary
	}
	if c.base.pairs == "" && len(pairs) > 0 {
		if local, ok := localNumbers(ids, c.Lex.Size()); ok {
			c.base = basePairs{pairs: pairs, local: local}
			pairs = ""
		}
	}
	for i := range pairs.len() {
		a, b, n := pairs.at(i)
		c.pairs.add(pairKey(ids[a], ids[b]), int(n))
	}
	for range r.Len() {
		w := id(r.Uint())
		var a [4]int32
		for k := range a {
			if v := r.Int(); v >= 0 {
				a[k] = id(uint64(v))
			} else {
				a[k] = int32(v)
			}
		}
		if bad || r.Err() != nil {
			return errSummary
		}
		c.addContextOf(w, contextHash(a))
	}
	if r.Done() != nil {
		return errSummary
	}
	return nil
}

// pairBytes is the size of a pair in a summary: the numbers of its two
// forms in the summary's list and its uses, each four bytes, little
// endian.
const pairBytes = 12

// summaryPairs are the pairs of a summary as it writes them, in order of
// their forms' numbers, and read where they are.
type summaryPairs string

func (p summaryPairs) len() int { return len(p) / pairBytes }

// at returns pair i: its forms' numbers in the summary and its uses.
func (p summaryPairs) at(i int) (a, b, n uint32) {
	e := string(p[i*pairBytes : (i+1)*pairBytes])
	return le32(e), le32(e[4:]), le32(e[8:])
}

// valid reports whether the pairs are of forms numbered below forms, in
// strictly increasing order, each used at least once: what uses reads.
func (p summaryPairs) valid(forms int) bool {
	var last uint64
	for i := range p.len() {
		a, b, n := p.at(i)
		k := uint64(a)<<32 | uint64(b)
		if a >= uint32(forms) || b >= uint32(forms) || n == 0 || i > 0 && k <= last {
			return false
		}
		last = k
	}
	return true
}

// uses returns the uses of the pair of the forms numbered a and b in the
// summary, found by binary search.
func (p summaryPairs) uses(a, b uint32) int {
	k := uint64(a)<<32 | uint64(b)
	lo, hi := 0, p.len()
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		x, y, _ := p.at(m)
		if uint64(x)<<32|uint64(y) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < p.len() {
		if x, y, n := p.at(lo); x == a && y == b {
			return int(n)
		}
	}
	return 0
}

// le32 reads four bytes, little endian.
func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// basePairs are the pairs of the summary added first (see
// [Corpus.AddSummary]), with the words' numbers in it.
type basePairs struct {
	pairs summaryPairs
	local []int32 // by number in the corpus's Lex: the word's number in the summary, or -1 (a word numbered after is none of its)
}

// localNumbers returns, by number in a lexicon of size words, the
// number in a summary of each of its forms, whose numbers in the
// lexicon are ids, or -1. It returns false if the summary lists a form
// twice: its pairs could then name either of its numbers, and are added
// to the table instead.
func localNumbers(ids []int32, size int) ([]int32, bool) {
	local := make([]int32, size)
	for i := range local {
		local[i] = -1
	}
	for l, id := range ids {
		if local[id] >= 0 {
			return nil, false
		}
		local[id] = int32(l)
	}
	return local, true
}

// uses returns the summary's uses of the pair of words numbered a and b in
// the corpus's Lex.
func (bp *basePairs) uses(a, b int32) int {
	if bp.pairs == "" || a < 0 || b < 0 || int(a) >= len(bp.local) || int(b) >= len(bp.local) {
		return 0
	}
	la, lb := bp.local[a], bp.local[b]
	if la < 0 || lb < 0 {
		return 0
	}
	return bp.pairs.uses(uint32(la), uint32(lb))
}

// LearnListing notes, for each word of c.Lex that s has, whether the word
// list holds it, as s says (see [Summary]), so that [Corpus.IsListedID]
// need not look: the word list is megabytes, and a run's first look at
// each of its pages is a page fault. It counts nothing. A summary that
// does not decode teaches what it taught before the damage, and returns
// an error.
func (c *Corpus) LearnListing(s Summary) error {
	r := varint.NewReader(string(s))
	for range r.Len() {
		f := r.String(r.Len())
		u := r.Uint()
		if r.Err() != nil {
			return errSummary
		}
		if id, ok := c.Lex.lookup(f); ok {
			c.knowListed(id, u&1 != 0)
		}
	}
	return nil
}

// knowListed notes whether the word list holds the word numbered id.
func (c *Corpus) knowListed(id int32, listed bool) {
	if int(id) >= len(c.listedID) {
		c.listedID = append(c.listedID, make([]int8, c.Lex.Size()-len(c.listedID))...)
	}
	c.listedID[id] = 2
	if listed {
		c.listedID[id] = 1
	}
}

// SameCounts reports whether a and b hold the same counts: the same
// numbered words, uses, pairs, contexts and index of frequent words (their
// memos aside). It is for tests, of this package and its callers.
func SameCounts(a, b *Corpus) bool {
	state := func(c *Corpus) any {
		forms := make([]string, c.Lex.Size())
		for id := range forms {
			forms[id] = c.Lex.Form(int32(id))
		}
		return []any{forms, c.counts, c.total, c.pairCounts(), c.context, c.moreContexts, c.frequent, c.vocab}
	}
	return reflect.DeepEqual(state(a), state(b))
}
