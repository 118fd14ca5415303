package spell

import "sync"

// wordBlock is the number of words of the blocks that hold the words
// [TokenizeAll] returns.
const wordBlock = 4096

// TokenizeAll returns the words of each of values, numbered in one new
// lexicon, tokenising on the given number of goroutines. The result is
// the same as tokenising the values in order with [Tokenize] and one
// lexicon, whatever the number of workers (TestTokenizeAllAsInOrder).
//
// Each worker tokenises every workers-th value, numbering its words in a
// lexicon of its own; the words are then renumbered in one lexicon in the
// order of the values, so that the numbers do not depend on the number of
// workers. A worker tokenises each value into one buffer and files its
// words in blocks of wordBlock words, each value's words together: a
// value's words cost no allocation of their own, and no room beyond them
// (a catalogue of many one-line skills has two words a value); a value of
// more words than a block keeps the buffer, not a copy of it.
func TokenizeAll(values []string, workers int) ([][]Word, *Lexicon) {
	workers = max(workers, 1)
	words := make([][]Word, len(values))
	lexes := make([]*Lexicon, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lexes[w] = NewLexicon(nil)
		wg.Go(func() {
			var buf, block []Word
			for id := w; id < len(values); id += workers {
				buf = AppendWords(buf[:0], values[id], lexes[w])
				n := len(buf)
				if n == 0 {
					continue
				}
				if n > wordBlock {
					// A value of more words than a block keeps the
					// buffer they were read into, rather than a copy.
					words[id], buf = buf[:n:n], nil
					continue
				}
				if n > cap(block)-len(block) {
					block = make([]Word, 0, max(n, wordBlock))
				}
				start := len(block)
				block = append(block, buf...)
				words[id] = block[start:len(block):len(block)]
			}
		})
	}
	wg.Wait()
	if workers == 1 {
		// One worker met the forms in the order of the values: its
		// numbers are those renumbering would give, and its lexicon the
		// one it would build (a text of many distinct words would be
		// filed twice).
		return words, lexes[0]
	}
	lex := NewLexicon(nil)
	renumber := make([][]int32, workers)
	for w, x := range lexes {
		renumber[w] = make([]int32, len(x.forms))
		for i := range renumber[w] {
			renumber[w][i] = -1
		}
	}
	for id, ws := range words {
		w := id % workers
		for i := range ws {
			if ws[i].ID < 0 {
				continue // a number: see NumberID
			}
			n := &renumber[w][ws[i].ID]
			if *n < 0 {
				*n = lex.Intern(lexes[w].forms[ws[i].ID])
			}
			ws[i].ID = *n
		}
	}
	return words, lex
}
