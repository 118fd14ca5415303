package lint

import (
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/ddat-tools/ddat/framework"
)

// textTable holds the linted texts (see [uniqueTexts]) with the distinct
// values among them, each tokenised once. Values are hashed here only:
// the rules index by id.
type textTable struct {
	texts  []framework.Text
	ids    []int32  // ids[i] is the id of texts[i].Value
	values []string // by id
	uses   []int    // the number of texts giving each value, by id
	words  [][]Word // the words of each value, by id, numbered in lex
	lex    *Lexicon // read-only once built: rules give it as base to their own
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

// wordBlock is the number of words of the blocks that hold the words of
// a [textTable].
const wordBlock = 4096

func newTextTable(fw *framework.Framework) *textTable {
	tt := &textTable{texts: uniqueTexts(fw.Documents)}
	tt.values, tt.ids, tt.uses = distinctValues(tt.texts)
	// Every text rule waits for the words: tokenising is shared out
	// between the processors, each value's words stored under its id,
	// numbered in the worker's lexicon, then renumbered in one lexicon in
	// the order of the values, so that the numbers do not depend on the
	// number of workers. A worker tokenises each value into one buffer and
	// files its words in blocks of wordBlock words, each value's words
	// together: a value's words cost no allocation of their own, and no
	// room beyond them (a catalogue of many one-line skills has two words
	// a value).
	tt.words = make([][]Word, len(tt.values))
	workers := min(runtime.GOMAXPROCS(0), 1+len(tt.values)/256)
	lexes := make([]*Lexicon, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lexes[w] = NewLexicon(nil)
		wg.Go(func() {
			var buf, block []Word
			for id := w; id < len(tt.values); id += workers {
				buf = AppendWords(buf[:0], tt.values[id], lexes[w])
				n := len(buf)
				if n == 0 {
					continue
				}
				if n > cap(block)-len(block) {
					block = make([]Word, 0, max(n, wordBlock))
				}
				start := len(block)
				block = append(block, buf...)
				tt.words[id] = block[start:len(block):len(block)]
			}
		})
	}
	wg.Wait()
	tt.lex = NewLexicon(nil)
	renumber := make([][]int32, workers)
	for w, x := range lexes {
		renumber[w] = make([]int32, len(x.forms))
		for i := range renumber[w] {
			renumber[w][i] = -1
		}
	}
	for id, ws := range tt.words {
		w := id % workers
		for i := range ws {
			if ws[i].ID < 0 {
				continue // a number: see numberID
			}
			n := &renumber[w][ws[i].ID]
			if *n < 0 {
				*n = tt.lex.Intern(lexes[w].forms[ws[i].ID])
			}
			ws[i].ID = *n
		}
	}
	return tt
}

// eachLintedText calls check on each text of the run's table (the linted
// documents' texts, each once: see [uniqueTexts]) with its words,
// skipping a text whose value an earlier text had and was found clean
// (check returned false): for the rules that use it, findings depend on a
// text's value alone, and the framework repeats its descriptors on every
// role level that requires a skill. A value with findings is checked
// again at each place it occurs, so that each place gets its own.
func eachLintedText(p *Pass, check func(t framework.Text, words []Word) (found bool)) {
	tt := p.run.texts()
	clean := make([]bool, len(tt.values))
	for i, t := range tt.texts {
		id := tt.ids[i]
		if !clean[id] && !check(t, tt.words[id]) {
			clean[id] = true
		}
	}
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
			EachText(d, func(framework.Text, TextKind) { total++ })
		}
	}
	all := make([]framework.Text, 0, total)
	for _, d := range docs {
		if d == nil {
			continue
		}
		start := len(all)
		var other []framework.Text
		EachText(d, func(t framework.Text, _ TextKind) {
			if t.Span.File == nil || t.Span.File != d.File {
				other = append(other, t) // built in code or from elsewhere: no overlap to find
				return
			}
			all = append(all, t)
		})
		ts := all[start:]
		// Widest first at each start, so contained texts follow their container.
		sort.SliceStable(ts, func(i, j int) bool {
			a, b := ts[i].Span, ts[j].Span
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			return a.End > b.End
		})
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
