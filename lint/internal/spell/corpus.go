package spell

import (
	"slices"
	"sort"
	"strings"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

// A Corpus holds the counts of the words and word pairs of a set of texts,
// the distinct contexts of its unlisted words, the words of skill and role
// names, and an index of its frequent words: the evidence the spelling
// rule weighs. Count the texts, add the names, then call
// [Corpus.IndexFrequent] once; the other methods read it. A Corpus is not
// safe for concurrent use.
type Corpus struct {
	Lex      *Lexicon        // the words counted, numbered here or in its base
	counts   []int           // uses of each word, by its number in lex
	total    int             // uses of all words
	pairs    *pairTable      // uses of each word pair counted, by pairKey
	base     basePairs       // uses of each word pair of the summary added first (see [Corpus.AddSummary])
	vocab    map[string]bool // words of skill and role names
	frequent *frequentIndex  // words used at least frequentWord times (see [Corpus.neighbours])
	nearDone []bool          // by number in lex: whether near[id] is known
	near     [][]string      // by number in lex: [Corpus.FrequentNeighboursID]
	passes   []int8          // by number in lex: [Corpus.PassesID], 0 not known, 1 passes, 2 not
	listed   map[string]bool // memo of [Listed]
	listedID []int8          // memo of [Listed] by number in lex: 0 not known, 1 listed, 2 not
	vocabID  []int8          // memo of [Corpus.InVocab] by number in lex, alike
	dist     nearword.Buf

	// The distinct contexts of each unlisted word (by its number in lex),
	// up to CorpusWord of them: its independent uses (see
	// [Corpus.Independent]). context[id] is the first (0: none, the word
	// is listed or not counted; a hash of 0 is kept as 1), moreContexts
	// the others of the words that have others: most unlisted words are
	// used once, and a text of hundreds of thousands of distinct unknown
	// words costs a number each, not a table entry and a set.
	context      []uint64
	moreContexts map[int32]*contextSet
}

// A contextSet holds the distinct contexts of a word after its first, up
// to CorpusWord in all, each the hash of its neighbours.
type contextSet struct {
	n int
	h [CorpusWord - 1]uint64
}

// add adds context h, if the set has room and lacks it.
func (s *contextSet) add(h uint64) {
	if s.n == len(s.h) || slices.Contains(s.h[:s.n], h) {
		return
	}
	s.h[s.n] = h
	s.n++
}

// Count adds n uses of the words ws, tokenised with c.Lex or its base,
// and of their pairs, and the contexts of the unlisted words among them.
// The texts are counted by distinct value: a value the layout repeats
// (a descriptor on every role level that requires its skill, the same
// text in two downloads) gives the same contexts each time.
func (c *Corpus) Count(ws []Word, n int) {
	c.grow()
	prev := int32(-1)
	for i, w := range ws {
		if w.Skip {
			prev = -1
			continue
		}
		id := w.ID
		if !c.IsListedID(id) {
			c.addContext(ws, i)
		}
		c.counts[id] += n
		c.total += n
		if w.PairPrev && prev >= 0 {
			c.pairs.add(pairKey(prev, id), n)
		}
		prev = id
	}
}

// grow makes room in the counts for every word of c.Lex.
func (c *Corpus) grow() {
	if size := c.Lex.Size(); len(c.counts) < size {
		c.counts = append(c.counts, make([]int, size-len(c.counts))...)
		c.context = append(c.context, make([]uint64, size-len(c.context))...)
	}
}

// addContext notes the context of word i of ws: the words either side of
// it, or the edge of the text.
func (c *Corpus) addContext(ws []Word, i int) {
	c.addContextOf(ws[i].ID, contextHash(around(ws, i)))
}

// addContextOf adds context h to the contexts of word id.
func (c *Corpus) addContextOf(id int32, h uint64) {
	h = max(h, 1) // 0 marks no context
	switch first := c.context[id]; first {
	case 0:
		c.context[id] = h
	case h:
	default:
		s := c.moreContexts[id]
		if s == nil {
			s = &contextSet{}
			c.moreContexts[id] = s
		}
		s.add(h)
	}
}

// Independent returns the number of independent uses of the unlisted
// word w, at most CorpusWord: the distinct contexts it is used in, so
// that a text repeated on every row of a download, or copied from one
// document into another, counts once.
func (c *Corpus) Independent(w string) int {
	id, ok := c.id(w)
	if !ok {
		return 0
	}
	return c.independent(id)
}

// IndependentID is [Corpus.Independent] of the word numbered id in c.Lex.
func (c *Corpus) IndependentID(id int32) int {
	if c.UsesID(id) == 0 {
		return 0
	}
	return c.independent(id)
}

// independent is [Corpus.Independent] of the word numbered id, a word
// the corpus uses.
func (c *Corpus) independent(id int32) int {
	if c.context[id] != 0 {
		n := 1
		if s := c.moreContexts[id]; s != nil {
			n += s.n
		}
		return n
	}
	return min(c.counts[id], CorpusWord) // a listed word: its uses
}

// id returns the number of word w if the corpus uses it.
func (c *Corpus) id(w string) (int32, bool) {
	id, ok := c.Lex.lookup(w)
	if !ok || int(id) >= len(c.counts) || c.counts[id] == 0 {
		return 0, false
	}
	return id, true
}

// Uses returns the number of uses of word w.
func (c *Corpus) Uses(w string) int {
	if id, ok := c.id(w); ok {
		return c.counts[id]
	}
	return 0
}

// PairUses returns the number of uses of the word pair p.
func (c *Corpus) PairUses(p [2]string) int {
	a, ok1 := c.id(p[0])
	b, ok2 := c.id(p[1])
	if !ok1 || !ok2 {
		return 0
	}
	return c.pairs.get(pairKey(a, b)) + c.base.uses(a, b)
}

// pairCounts returns the uses of every word pair, by pairKey: those
// counted and those of a summary, for comparing corpora.
func (c *Corpus) pairCounts() map[uint64]int {
	m := c.pairs.asMap()
	id := map[uint32]int32{} // by number in the summary: the number in c.Lex
	for n, local := range c.base.local {
		if local >= 0 {
			id[uint32(local)] = int32(n)
		}
	}
	for i := range c.base.pairs.len() {
		a, b, n := c.base.pairs.at(i)
		m[pairKey(id[a], id[b])] += int(n)
	}
	return m
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// IsListed is [listed], remembered.
func (c *Corpus) IsListed(l string) bool {
	v, ok := c.listed[l]
	if !ok {
		v = listed(l)
		c.listed[l] = v
	}
	return v
}

// IsListedID is [Corpus.IsListed] of the word numbered id in c.Lex,
// remembered by number: [Corpus.Count] asks it of every word it counts,
// and a slice costs less than a map of strings.
func (c *Corpus) IsListedID(id int32) bool {
	if int(id) < len(c.listedID) {
		switch c.listedID[id] {
		case 1:
			return true
		case 2:
			return false
		}
	}
	v := c.Lex.knownListed(id) == 1
	if c.Lex.knownListed(id) == 0 {
		v = listed(c.Lex.Form(id))
	}
	c.knowListed(id, v)
	return v
}

// UsesID is [Corpus.Uses] of the word numbered id in c.Lex.
func (c *Corpus) UsesID(id int32) int {
	if id < 0 || int(id) >= len(c.counts) {
		return 0
	}
	return c.counts[id]
}

// InVocabID is [Corpus.InVocab] of the word numbered id in c.Lex,
// remembered by number (the names are all added when it is first asked).
func (c *Corpus) InVocabID(id int32) bool {
	if int(id) >= len(c.vocabID) {
		c.vocabID = append(c.vocabID, make([]int8, c.Lex.Size()-len(c.vocabID))...)
	}
	switch c.vocabID[id] {
	case 1:
		return true
	case 2:
		return false
	}
	v := c.InVocab(c.Lex.Form(id))
	c.vocabID[id] = 2
	if v {
		c.vocabID[id] = 1
	}
	return v
}

// InVocab reports whether l, or the singular of l, is a word of a skill
// or role name.
func (c *Corpus) InVocab(l string) bool {
	if c.vocab[l] {
		return true
	}
	for _, sfx := range [...]string{"s", "es", "'"} {
		if b, ok := strings.CutSuffix(l, sfx); ok && c.vocab[b] {
			return true
		}
	}
	return false
}

// NewCorpus returns an empty corpus counting the words of lex, its table
// of word pairs sized for pairs of them.
func NewCorpus(lex *Lexicon, pairs int) *Corpus {
	return &Corpus{Lex: lex, pairs: newPairTable(pairs), vocab: map[string]bool{},
		frequent: newFrequentIndex(nil, nil), listed: map[string]bool{}, moreContexts: map[int32]*contextSet{}}
}

// neighbours returns the frequent words of the corpus one edit from l
// that are used at least minUses times, shorter first, then in bytewise
// order (see [frequentIndex]): none longer than MaxSuggestLen.
func (c *Corpus) neighbours(l string, minUses int) []string {
	return c.frequent.near(l, minUses, &c.dist)
}

// Thresholds of the corpus evidence.
const (
	CorpusWord     = 3 // independent uses (distinct contexts) that make an unlisted word part of the corpus's vocabulary
	frequentWord   = 5 // uses that make a word frequent
	frequentRatio  = 5 // how many times more uses the intended word or pair of a real-word error must have
	nonWordRatio   = 2 // how many times more uses the intended word of an unlisted word must have
	frequentPair   = 3 // uses that make a word pair frequent
	rareWord       = 3 // most uses of a listed word that can still be a slip
	contextRatio   = 3 // how many times more often than chance the intended pair of a real-word error must be used
	maxSuggestions = 3
)

// FrequentNeighbours returns the listed words one edit from l that are
// frequent in the corpus and used at least twice as often as l (n uses),
// most frequent first.
func (c *Corpus) FrequentNeighbours(l string, n int) []string {
	var near []string
	for _, v := range c.neighbours(l, max(frequentWord, nonWordRatio*max(n, 1))) {
		// neighbours gives only words used often enough.
		if (c.IsListed(v) || c.vocab[v]) && !inflection(l, v) {
			near = append(near, v)
		}
	}
	sort.Slice(near, func(i, j int) bool {
		if a, b := c.Uses(near[i]), c.Uses(near[j]); a != b {
			return a > b
		}
		return near[i] < near[j]
	})
	return near[:min(len(near), maxSuggestions)]
}

// FrequentNeighboursID is [Corpus.FrequentNeighbours] of the word
// numbered id in c.Lex and its uses, remembered by number: the spelling
// rule asks it at each use of an unlisted word, and a document may use
// each of many misspellings many times.
func (c *Corpus) FrequentNeighboursID(id int32) []string {
	if size := c.Lex.Size(); len(c.nearDone) < size {
		c.nearDone = append(c.nearDone, make([]bool, size-len(c.nearDone))...)
		c.near = append(c.near, make([][]string, size-len(c.near))...)
	}
	if !c.nearDone[id] {
		c.near[id], c.nearDone[id] = c.FrequentNeighbours(c.Lex.Form(id), c.UsesID(id)), true
	}
	return c.near[id]
}

// PassesID reports whether the unlisted word numbered id in c.Lex passes
// as a word wherever it stands: a form of a listed word or of the
// corpus's vocabulary ([Corpus.Accepted]), a word of the corpus's own
// ([CorpusWord] independent uses) or a compound of listed words
// ([Compound]). It is remembered by number: the spelling rule asks it at
// each use of an unlisted word, and Accepted looks up some twenty forms
// of it in the word list.
func (c *Corpus) PassesID(id int32) bool {
	if size := c.Lex.Size(); len(c.passes) < size {
		c.passes = append(c.passes, make([]int8, size-len(c.passes))...)
	}
	if c.passes[id] == 0 {
		l := c.Lex.Form(id)
		c.passes[id] = 2
		if c.Accepted(l) || c.IndependentID(id) >= CorpusWord || Compound(l) {
			c.passes[id] = 1
		}
	}
	return c.passes[id] == 1
}

// IndexFrequent indexes the words counted so far that are frequent, for
// [Corpus.neighbours]. It is called once, when the words are counted.
// Words longer than MaxSuggestLen are left out.
func (c *Corpus) IndexFrequent() {
	var words []string
	var uses []int
	for id, n := range c.counts {
		if v := c.Lex.Form(int32(id)); n >= frequentWord && len(v) <= MaxSuggestLen {
			words = append(words, v)
			uses = append(uses, n)
		}
	}
	c.frequent = newFrequentIndex(words, uses)
	c.nearDone, c.near, c.passes = nil, nil, nil
}

// AddName adds the lookup form l of a word of a skill or role name to
// the corpus's vocabulary (see [Corpus.InVocab]).
func (c *Corpus) AddName(l string) { c.vocab[l] = true }
