package spell

import "github.com/ddat-tools/ddat/lint/internal/wordlist"

// A Slip is the evidence that a listed word is a slip for another (see
// [Corpus.RealWordSlip]).
type Slip struct {
	Fix                string    // the word meant, in lookup form
	Pair, Slip         [2]string // the frequent pair with the word meant; the rare pair as written
	PairUses, SlipUses int       // their uses
}

// RealWordSlip reports whether the listed word numbered id in c.Lex,
// whose neighbours in word pairs are prev and next ("" where it has
// none), is a slip for a one-edit variant: the word is uncommon in English
// and rare in the corpus, and its pair with a neighbour is rare while the
// variant's pair with that neighbour is frequent (see [Corpus.Prefers]).
func (c *Corpus) RealWordSlip(prev string, id int32, next string) (Slip, bool) {
	if prev == "" && next == "" || !c.MaySlip(id) {
		return Slip{}, false
	}
	l := c.Lex.Form(id)
	var sl Slip
	check := func(v string, p, q [2]string) {
		n, m := c.PairUses(p), c.PairUses(q)
		if c.Prefers(p, n, m) && n > sl.PairUses {
			sl = Slip{Fix: v, Pair: p, Slip: q, PairUses: n, SlipUses: m}
		}
	}
	// Only words used frequentRatio times as often as l.
	for _, v := range c.neighbours(l, frequentRatio*max(c.Uses(l), 1)) {
		if inflection(l, v) || !c.IsListed(v) && !c.vocab[v] {
			continue
		}
		if prev != "" {
			check(v, [2]string{prev, v}, [2]string{prev, l})
		}
		if next != "" {
			check(v, [2]string{v, next}, [2]string{l, next})
		}
	}
	return sl, sl.Fix != ""
}

// MaySlip reports whether the listed word numbered id in c.Lex can be a
// slip for another, wherever it stands: it is rare in the corpus, not a
// word of a skill or role name, and uncommon in English. Where it is not,
// [Corpus.RealWordSlip] reports no slip whatever its neighbours.
func (c *Corpus) MaySlip(id int32) bool {
	return c.UsesID(id) <= rareWord && !c.InVocabID(id) && !wordlist.Common(c.Lex.Form(id))
}

// Prefers reports whether the documents prefer the word pair want, used
// n times, to another used m times: want is frequent, used frequentRatio
// times as often, and associated (see [Corpus.associated]).
func (c *Corpus) Prefers(want [2]string, n, m int) bool {
	return n >= frequentPair && n >= frequentRatio*max(m, 1) && c.associated(want, n)
}

// associated reports whether the pair p, used n times, is used at least
// contextRatio times as often as chance would pair its words, given their
// uses: only then does the neighbour speak for the word ("product" for
// "managers"), where a word that goes with anything ("and" after "areas")
// says nothing of it.
func (c *Corpus) associated(p [2]string, n int) bool {
	return int64(n)*int64(c.total) >= contextRatio*int64(c.Uses(p[0]))*int64(c.Uses(p[1]))
}
