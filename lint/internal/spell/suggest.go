package spell

import (
	"maps"
	"math"
	"runtime"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// Suggest returns at most three listed or corpus words near each of the
// distinct words ls, best first. A candidate's score is its edit
// distance, less one if the corpus uses it and less the log of its uses,
// so a word of the documents three edits away ("implementation" for
// "implemation") beats a word two away that they do not use
// ("impletion"), and a frequent one beats a rare one ("implication").
// Words of the list that the corpus does not use are looked for at most
// two edits away, for the first maxListScans of ls.
func (c *Corpus) Suggest(ls []string) map[string][]string {
	qs := make([]*suggestion, len(ls))
	for i, l := range ls {
		qs[i] = newSuggestion(l)
	}
	if len(qs) == 0 {
		return nil
	}
	// The corpus's vocabulary: its listed and much-used words, each
	// query measured only against those of about its length and letters.
	// Only the corpus words of the lengths the queries reach are indexed
	// (see [nearword.ByLength.Near]): a few misspellings need not ask
	// every word of the corpus whether it is listed.
	lo, hi := MaxSuggestLen+1, -1
	for _, q := range qs {
		if n := len(q.l); n <= MaxSuggestLen {
			lo, hi = min(lo, n-q.maxD), max(hi, n+q.maxD)
		}
	}
	var known []string
	for id, n := range c.counts {
		v := c.Lex.Form(int32(id))
		if n > 0 && len(v) >= lo && len(v) <= hi && (c.IsListedID(int32(id)) || c.independent(int32(id)) >= CorpusWord) {
			known = append(known, v)
		}
	}
	sort.Strings(known) // the order measured, not the answers
	vocab := nearword.NewByLength(known, MaxSuggestLen+3)
	for _, q := range qs {
		if len(q.l) <= MaxSuggestLen {
			vocab.Near(q.l, q.maxD, func(v string) { c.consider(q, v, q.maxD, &c.dist, q.score) })
		}
	}
	// The word list, once for all: a list word is measured only against
	// the words of about its length and letters.
	listed := qs[:min(len(qs), maxListScans)]
	var byLen [MaxSuggestLen + 3][]*suggestion
	for _, q := range listed {
		if n := len(q.l); n <= MaxSuggestLen {
			for k := max(n-2, 0); k <= n+2; k++ {
				byLen[k] = append(byLen[k], q)
			}
		}
	}
	// Only the words of the lengths asked for are read (the answers do
	// not depend on the order they are measured in), and the letters
	// rule most of them out before the corpus (a map) is asked whether it
	// holds the word.
	var lengths []int
	for n, b := range byLen {
		if len(b) > 0 {
			lengths = append(lengths, n)
		}
	}
	c.scanList(byLen[:], lengths)
	out := make(map[string][]string, len(qs))
	for _, q := range qs {
		out[q.l] = q.best()
	}
	return out
}

// scanList considers the usual words of the list of each of lengths for
// the queries byLen gives for that length. With several processors, two
// goroutines share the lengths out (the scan ends a lint, when the other
// processor has finished its rules); each share measures into scores of
// its own (a word is of one length, so of one share), merged after.
func (c *Corpus) scanList(byLen [][]*suggestion, lengths []int) {
	shares := 1
	if runtime.GOMAXPROCS(0) >= 2 && len(lengths) >= 2 {
		shares = 2
	}
	scores := make([]map[*suggestion]map[string]float64, shares)
	scan := func(w int) {
		var buf nearword.Buf
		scores[w] = map[*suggestion]map[string]float64{}
		for k := w; k < len(lengths); k += shares {
			c.suggestFromList(byLen[lengths[k]], lengths[k], &buf, scores[w])
		}
	}
	if shares == 1 {
		scan(0)
	} else {
		var wg sync.WaitGroup
		for w := range shares {
			wg.Go(func() { scan(w) })
		}
		wg.Wait()
	}
	for _, share := range scores {
		for q, score := range share {
			maps.Copy(q.score, score)
		}
	}
}

// suggestFromList considers, for each of qs, the usual words of the list
// of n bytes that are not corpus words (those were considered from the
// corpus) and that the letter masks allow, measuring with buf into
// scores[q] (made as needed).
func (c *Corpus) suggestFromList(qs []*suggestion, n int, buf *nearword.Buf, scores map[*suggestion]map[string]float64) {
	scoreOf := func(q *suggestion) map[string]float64 {
		m := scores[q]
		if m == nil {
			m = map[string]float64{}
			scores[q] = m
		}
		return m
	}
	for v, m := range wordlist.UsualOfLength(n) {
		inCorpus := -1 // not yet asked
		for _, q := range qs {
			if d := min(q.maxD, nearword.ListEdits); nearword.MaybeWithin(m, q.mask, d) {
				if inCorpus < 0 {
					inCorpus = 0
					if _, ok := c.id(v); ok {
						inCorpus = 1
					}
				}
				if inCorpus == 1 {
					break // a corpus word: considered above
				}
				c.consider(q, v, d, buf, scoreOf(q))
			}
		}
	}
}

// Bounds of [Corpus.Suggest].
const (
	// maxListScans bounds the number of words for which the word list
	// is searched, so that a document of gibberish is linted in bounded
	// time; later words get suggestions from the corpus alone.
	maxListScans = 200
	// MaxSuggestWords bounds the number of words for which suggestions
	// are looked for at all; later words get none, and their findings
	// say so.
	MaxSuggestWords = 2000
	// MaxSuggestLen is the longest word, in bytes, for which suggestions
	// are looked for, and looked for in the word list; longer ones
	// cannot be within two edits of a list word (the longest is 45
	// bytes; a test checks the margin).
	MaxSuggestLen = 64
)

// suggestion is a word being looked up by [Corpus.Suggest].
type suggestion struct {
	l     string
	maxD  int    // the most edits a suggestion may be away
	mask  uint32 // letterMask(l)
	score map[string]float64
}

func newSuggestion(l string) *suggestion {
	return &suggestion{l: l, maxD: nearword.SpellingEdits(utf8.RuneCountInString(l)), mask: nearword.LetterMask(l), score: map[string]float64{}}
}

// consider scores v for q, into score, if it is within d edits (measured
// with buf).
func (c *Corpus) consider(q *suggestion, v string, d int, buf *nearword.Buf, score map[string]float64) {
	if abs(len(v)-len(q.l)) > d {
		return
	}
	if e := buf.Bytes(q.l, v, d); e <= d && e > 0 {
		sc := float64(e)
		if n := c.Uses(v); n > 0 {
			sc -= 1 + math.Log10(float64(n))
		}
		score[v] = sc
	}
}

// best returns the best-scored candidates, at most MaxSuggestions, ties
// in bytewise order.
func (q *suggestion) best() []string {
	cands := make([]string, 0, len(q.score))
	for v := range q.score {
		cands = append(cands, v)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if q.score[a] != q.score[b] {
			return q.score[a] < q.score[b]
		}
		return a < b
	})
	return cands[:min(len(cands), maxSuggestions)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
