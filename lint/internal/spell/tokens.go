package spell

import (
	"encoding/binary"
	"errors"

	"github.com/ddat-tools/ddat/lint/internal/varint"
)

// Tokens is the result of [TokenizeAll] written apart from any run: the
// words of a fixed list of texts, numbered in a lexicon, so that
// tokenising the texts of a document that does not change (the published
// framework, the linted documents of a plain `ddat lint`) is done once,
// when the program is built. [EncodeTokens] writes it and
// [Tokens.Decode] reads it back; the two give what TokenizeAll gives
// (TestTokensAsTokenizeAll).
//
// The encoding is a sequence of varints: the number of forms, then each
// form's length times two, plus one if the word list holds it (see
// [listed]: a lexicon read back knows it without looking), and its
// bytes; the number of texts, the number of their words, then for each
// text its number of words and each word's start (from the end of the
// word before, zig-zag), length, number (zig-zag: a number's is
// negative, see [NumberID]) and flags (TailLen<<3 | PairPrev<<2 |
// Sentence<<1 | Skip).
type Tokens string

// EncodeTokens returns the encoding of words, numbered in lex, as
// TokenizeAll returns them.
func EncodeTokens(words [][]Word, lex *Lexicon) Tokens {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(lex.forms)))
	for _, f := range lex.forms {
		n := uint64(len(f)) << 1
		if listed(f) {
			n |= 1
		}
		b = binary.AppendUvarint(b, n)
		b = append(b, f...)
	}
	total := 0
	for _, ws := range words {
		total += len(ws)
	}
	b = binary.AppendUvarint(b, uint64(len(words)))
	b = binary.AppendUvarint(b, uint64(total))
	for _, ws := range words {
		b = binary.AppendUvarint(b, uint64(len(ws)))
		end := 0
		for _, w := range ws {
			b = binary.AppendVarint(b, int64(w.Start-end))
			b = binary.AppendUvarint(b, uint64(w.End-w.Start))
			b = binary.AppendVarint(b, int64(w.ID))
			flags := uint64(w.TailLen) << 3
			for i, f := range []bool{w.Skip, w.Sentence, w.PairPrev} {
				if f {
					flags |= 1 << i
				}
			}
			b = binary.AppendUvarint(b, flags)
			end = w.End
		}
	}
	return Tokens(b)
}

var errTokens = errors.New("spell: damaged tokens")

// Decode returns the words and lexicon t encodes, for texts values: an
// error if t is damaged, or is not of as many texts, or gives a word
// outside its text. The words of all the texts share one array.
func (t Tokens) Decode(values []string) (words [][]Word, lex *Lexicon, err error) {
	r := varint.NewReader(string(t))
	n := r.Len()
	lex = &Lexicon{ids: make(map[string]int32, n), forms: make([]string, n), listed: make([]int8, n)}
	for i := range lex.forms {
		k := r.Uint()
		f := r.String(int(min(k>>1, uint64(len(r.Rest())+1))))
		if _, dup := lex.ids[f]; dup || r.Err() != nil {
			return nil, nil, errTokens
		}
		lex.forms[i] = f
		lex.ids[f] = int32(i)
		lex.listed[i] = 2 - int8(k&1)
	}
	if r.Len() != len(values) || r.Err() != nil {
		return nil, nil, errTokens
	}
	all := make([]Word, r.Len())
	words = make([][]Word, len(values))
	for id, v := range values {
		k := r.Len()
		if k == 0 {
			continue
		}
		if k > len(all) {
			return nil, nil, errTokens
		}
		ws := all[:k:k]
		all = all[k:]
		end := 0
		for i := range ws {
			w := &ws[i]
			w.Start = end + int(r.Int())
			w.End = w.Start + int(min(r.Uint(), uint64(len(v))+1))
			w.ID = int32(r.Int())
			flags := r.Uint()
			w.TailLen = uint8(flags >> 3)
			w.Skip, w.Sentence, w.PairPrev = flags&1 != 0, flags&2 != 0, flags&4 != 0
			if w.Start < end || w.End > len(v) || w.End < w.Start || w.ID >= int32(n) || flags>>3 > 0xff || int(w.TailLen) > w.End-w.Start {
				return nil, nil, errTokens
			}
			end = w.End
		}
		words[id] = ws
	}
	if r.Done() != nil || len(all) != 0 {
		return nil, nil, errTokens
	}
	return words, lex, nil
}
