package lint

import (
	"cmp"
	"math"
	"math/bits"
	"runtime"
	"slices"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
)

// textTable holds the linted texts (see [uniqueTexts]) with the distinct
// values among them, each tokenised once. Values are hashed here only:
// the rules index by id.
type textTable struct {
	texts  []framework.Text
	ids    []int32        // ids[i] is the id of texts[i].Value
	values []string       // by id
	uses   []int          // the number of texts giving each value, by id
	words  [][]spell.Word // the words of each value, by id, numbered in lex
	lex    *spell.Lexicon // read-only once built: rules give it as base to their own
}

// distinctValues numbers the distinct values of ts in the order first
// met: values[ids[i]] is ts[i].Value, and uses[id] counts the texts
// giving values[id].
func distinctValues(ts []framework.Text) (values []string, ids []int32, uses []int) {
	// The framework repeats its texts: a download has about six texts a
	// distinct value, so the map is sized for a quarter of them and grows
	// if it must.
	byValue := make(map[string]int32, len(ts)/4)
	ids = make([]int32, len(ts))
	for i, t := range ts {
		id, ok := byValue[t.Value]
		if !ok {
			id = int32(len(values))
			byValue[t.Value] = id
			values = append(values, t.Value)
			uses = append(uses, 0)
		}
		ids[i] = id
		uses[id]++
	}
	return values, ids, uses
}

// textTableOf returns the table of texts, the uniqueTexts of some
// documents; it keeps texts, which it does not change.
func textTableOf(texts []framework.Text) *textTable {
	tt := &textTable{texts: texts}
	tt.values, tt.ids, tt.uses = distinctValues(tt.texts)
	// Every text rule waits for the words. Tokenising the texts of a
	// few documents (the published downloads' distinct texts are 0.3 MB)
	// takes a few milliseconds, which the rules that do not wait for
	// them (duplicate, descriptor-mismatch, encoding) fill on the other
	// processors: a worker that shared a processor with one of them
	// would finish late, and the table with it. Many megabytes are
	// shared out between all the processors.
	size := 0
	for _, v := range tt.values {
		size += len(v)
	}
	workers := max(1, min(runtime.GOMAXPROCS(0)-1, 1+len(tt.values)/256))
	if size > 2<<20 {
		workers = min(runtime.GOMAXPROCS(0), 1+len(tt.values)/256)
	}
	tt.words, tt.lex = spell.TokenizeAll(tt.values, workers)
	return tt
}

// eachLintedText calls check on each text of the run's table (the linted
// documents' texts, each once: see [uniqueTexts]) with its words,
// skipping a text whose value an earlier text had and was found clean
// (check returned false): for the rules that use it, findings depend on a
// text's value alone, and the framework repeats its descriptors on every
// role level that requires a skill. A value with findings is checked
// again at each place it occurs, so that each place gets its own.
//
// check is given the index of the text in the table, i, for [aloneTexts].
func eachLintedText(p *Pass, check func(i int, t framework.Text, words []spell.Word) (found bool)) {
	tt := p.run.texts()
	clean := make([]bool, len(tt.values))
	for i, t := range tt.texts {
		id := tt.ids[i]
		if !clean[id] && !check(i, t, tt.words[id]) {
			clean[id] = true
		}
	}
}

// uniqueOrder returns the texts of docs as eachText gives them, document
// after document, and the places in that list of the texts uniqueTexts
// returns, in its order: it is uniqueTexts done on places, for writing the
// layout of the embedded text table (see [encodeTokens]), and
// TestUniqueOrder holds the two equal.
func uniqueOrder(docs []*framework.Document) (walk []framework.Text, order []int) {
	var sorter spanSorter
	for _, d := range docs {
		if d == nil {
			continue
		}
		var own, other []int
		eachText(d, func(t framework.Text) {
			if t.Span.File == nil || t.Span.File != d.File {
				other = append(other, len(walk))
			} else {
				own = append(own, len(walk))
			}
			walk = append(walk, t)
		})
		order = append(order, other...)
		last := framework.Span{Start: -1, End: -1}
		if order := sorter.sort(len(own), func(k int) framework.Span { return walk[own[k]].Span }); order != nil {
			sorted := make([]int, len(own))
			for j, k := range order {
				sorted[j] = own[k]
			}
			own = sorted
		}
		for _, i := range own {
			if s := walk[i].Span; s.Start >= last.Start && s.End <= last.End {
				continue
			}
			last = walk[i].Span
			order = append(order, i)
		}
	}
	return walk, order
}

// aloneTexts returns, for each text of ts (the uniqueTexts of some
// documents), whether no other text of ts can give a span that one of its
// words can have, so that a rule that reports each word's span once
// (two texts that overlap give the same word twice) needs to remember
// none of its spans: a text of a million misspelt words would otherwise
// cost a table of a million spans. The bytes a text's words' spans can
// take are its span, or as many bytes from its start as its value has,
// whichever is longer (see [framework.Text.Sub]). A text is alone when its
// file is known, the texts of its file stand together in ts, by start,
// and its bytes neither overlap nor touch another's.
func aloneTexts(ts []framework.Text) []bool {
	alone := make([]bool, len(ts))
	reach := func(t framework.Text) (lo, hi int) {
		return t.Span.Start, max(t.Span.End, t.Span.Start+len(t.Value))
	}
	// A run is a stretch of texts of one file, by start.
	eachRun := func(f func(i, j int)) {
		for i := 0; i < len(ts); {
			j := i + 1
			for j < len(ts) && ts[j].Span.File == ts[i].Span.File && ts[j].Span.Start >= ts[j-1].Span.Start {
				j++
			}
			f(i, j)
			i = j
		}
	}
	runs := map[*framework.File]int{}
	eachRun(func(i, _ int) { runs[ts[i].Span.File]++ })
	eachRun(func(i, j int) {
		if f := ts[i].Span.File; f == nil || runs[f] > 1 {
			return
		}
		end := -1 // the furthest reach of the texts before
		for k := i; k < j; k++ {
			lo, hi := reach(ts[k])
			alone[k] = lo > end && (k+1 == j || ts[k+1].Span.Start > hi)
			end = max(end, hi)
		}
	})
	return alone
}

// uniqueTexts returns the texts of docs, in source order within each
// document, leaving out those inside another.
func uniqueTexts(docs []*framework.Document) []framework.Text {
	// The texts are counted first, so that the list is allocated once:
	// the official download gives tens of thousands of texts. Each
	// document's own texts are sorted and filtered in place in it.
	total := 0
	for _, d := range docs {
		if d != nil {
			eachText(d, func(framework.Text) { total++ })
		}
	}
	all := make([]framework.Text, 0, total)
	var sorter spanSorter
	for _, d := range docs {
		if d == nil {
			continue
		}
		start := len(all)
		var other []framework.Text
		eachText(d, func(t framework.Text) {
			if t.Span.File == nil || t.Span.File != d.File {
				other = append(other, t) // built in code or from elsewhere: no overlap to find
				return
			}
			all = append(all, t)
		})
		ts := all[start:]
		// Widest first at each start, so contained texts follow their container.
		if order := sorter.sort(len(ts), func(k int) framework.Span { return ts[k].Span }); order != nil {
			permute(ts, order)
		}
		kept := ts[:0]
		last := framework.Span{Start: -1, End: -1}
		for _, t := range ts {
			if s := t.Span; s.Start >= last.Start && s.End <= last.End {
				continue
			}
			last = t.Span
			kept = append(kept, t)
		}
		all = slices.Insert(all[:start+len(kept)], start, other...)
	}
	return all
}

// A spanSorter orders the texts of documents by span (see
// [spanSorter.sort]), its room kept from one document to the next.
type spanSorter struct {
	order      []int32
	keys, tmpK []uint64
	tmpV       []int32
}

// sort returns the order of n spans by start, the widest first at each
// start, so that contained texts follow their container; spans alike keep
// their order. It returns nil if they are in order already (the texts of
// most documents are), else an order valid until the next call. It is a stable
// sort of the spans, done on numbers instead of the texts: a document of
// the official downloads has tens of thousands of texts, in the order of
// its rows, not its bytes. Each span is one number, its start then how
// much shorter it is than the longest end, sorted by radix (stable, and
// linear in n); spans that do not fit one (offsets of more than 4 GiB,
// or an end before its start: no parser gives them) are compared instead.
func (z *spanSorter) sort(n int, span func(k int) framework.Span) []int32 {
	top, sorted := 0, true
	for k := range n {
		s := span(k)
		if s.Start < 0 || s.End < s.Start {
			top = math.MaxInt // compared instead
		}
		top = max(top, s.End)
		sorted = sorted && (k == 0 || cmpSpan(span(k-1), s) <= 0)
	}
	if sorted {
		return nil
	}
	if cap(z.order) < n {
		// The order and the radix sort's other buffer of numbers are
		// one allocation.
		both := make([]int32, 2*n)
		z.order, z.tmpV = both[:n:n], both[n:]
	}
	z.order = z.order[:n]
	for k := range z.order {
		z.order[k] = int32(k)
	}
	switch b := bits.Len(uint(top)); {
	case 2*b <= 64:
		if cap(z.keys) < n {
			both := make([]uint64, 2*n)
			z.keys, z.tmpK = both[:n:n], both[n:]
		}
		z.keys = z.keys[:n]
		for k := range z.keys {
			s := span(k)
			z.keys[k] = uint64(s.Start)<<b | uint64(top-s.End)
		}
		z.radixSort(2 * b)
	default:
		slices.SortStableFunc(z.order, func(i, j int32) int { return cmpSpan(span(int(i)), span(int(j))) })
	}
	return z.order
}

// cmpSpan compares spans by start, then the wider first.
func cmpSpan(a, b framework.Span) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return cmp.Compare(b.End, a.End)
}

// permute puts ts in order: ts[order[i]] first, and so on. It follows
// the cycles of the permutation, marking order as it goes (it is left
// unusable), so that it needs no second list of texts.
func permute(ts []framework.Text, order []int32) {
	for i := range ts {
		if order[i] < 0 {
			continue
		}
		t := ts[i]
		j := i
		for {
			k := int(order[j])
			order[j] = -1
			if k == i {
				ts[j] = t
				break
			}
			ts[j] = ts[k]
			j = k
		}
	}
}

// radixSort sorts z.keys, the low width bits of each significant, and
// z.order with them, stably: least significant digit first, eleven bits
// a digit, a digit that all keys share skipped.
func (z *spanSorter) radixSort(width int) {
	const digit = 11
	keys, vals := z.keys, z.order
	if len(keys) < 2 {
		return
	}
	tmpK, tmpV := z.tmpK[:len(keys)], z.tmpV[:len(keys)]
	var count [1 << digit]int
	for shift := 0; shift < width; shift += digit {
		clear(count[:])
		for _, k := range keys {
			count[k>>shift&(1<<digit-1)]++
		}
		if count[keys[0]>>shift&(1<<digit-1)] == len(keys) {
			continue
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for i, k := range keys {
			d := k >> shift & (1<<digit - 1)
			tmpK[count[d]], tmpV[count[d]] = k, vals[i]
			count[d]++
		}
		keys, tmpK = tmpK, keys
		vals, tmpV = tmpV, vals
	}
	// The buffers swapped roles as the passes went: the sorted order is
	// put back where the caller reads it, and the others kept for reuse.
	copy(z.order, vals)
	z.keys, z.tmpK, z.tmpV = keys, tmpK, tmpV
	if &vals[0] != &z.order[0] {
		z.tmpV = vals
	}
}
