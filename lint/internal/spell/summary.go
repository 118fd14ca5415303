package spell

import (
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
// without looking, see [Corpus.LearnListing]); the number of pairs, then each
// pair's two forms and uses; the number of contexts, then each context's
// word and its four neighbours (zig-zag: a neighbour may be negative).
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
	b = binary.AppendUvarint(b, uint64(len(pairs)))
	for _, p := range pairs {
		b = binary.AppendUvarint(b, uint64(p.a))
		b = binary.AppendUvarint(b, uint64(p.b))
		b = binary.AppendUvarint(b, uint64(p.n))
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
	for range r.Len() {
		a, b := id(r.Uint()), id(r.Uint())
		n := int(r.Uint())
		if bad || r.Err() != nil {
			return errSummary
		}
		c.pairs.add(pairKey(a, b), n)
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
		return []any{forms, c.counts, c.total, c.pairs.asMap(), c.context, c.moreContexts, c.frequent, c.vocab}
	}
	return reflect.DeepEqual(state(a), state(b))
}
