package lint

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
	"github.com/ddat-tools/ddat/lint/internal/varint"
)

// publishedWords is what the texts of the published framework, the
// vocabulary of every lint of other documents, add to the spelling
// corpus, counted when the program is built instead of on every run: a
// header naming the documents it is of (see [wordsHeader]), a blank line,
// and the summary of their distinct texts (see [spell.Summary]). It is
// written by go generate from the embedded snapshot (package parse), and
// TestPublishedWords fails when it is stale.
//
//go:generate go test -run ^TestPublishedWords$ -update
//go:embed published-words.bin
var publishedWords string

// wordsHeader returns the header of the summary of the texts of docs:
// a line naming the file's kind, then one for each document, its format,
// the SHA-256 of its source and the source's length. A document parsed
// from the same bytes in the same format gives the same texts.
func wordsHeader(docs []*framework.Document) (string, bool) {
	return docsHeader(wordsKind, docs)
}

// The first lines of the files of what depends only on the published
// documents.
const (
	wordsKind  = "ddat published words 3"
	tokensKind = "ddat published tokens 3"
)

// docsHeader returns the header of a file of what depends only on docs:
// the line kind, then the lines of [wordsHeader].
func docsHeader(kind string, docs []*framework.Document) (string, bool) {
	var b strings.Builder
	b.WriteString(kind + "\n")
	for _, d := range docs {
		if d == nil || d.File == nil || d.Edition.SHA256 == "" {
			return "", false
		}
		fmt.Fprintf(&b, "%s %s %d\n", d.Format, d.Edition.SHA256, len(d.File.Src))
	}
	b.WriteString("\n")
	return b.String(), true
}

// headerLen returns the length of the header that docsHeader(kind, docs)
// writes, if file starts with it. It compares in place and allocates
// nothing, so that a run of other documents pays nothing for asking.
func headerLen(file, kind string, docs []*framework.Document) (int, bool) {
	rest := file
	line := func(parts ...string) bool {
		for _, p := range parts {
			var ok bool
			if rest, ok = strings.CutPrefix(rest, p); !ok {
				return false
			}
		}
		var ok bool
		rest, ok = strings.CutPrefix(rest, "\n")
		return ok
	}
	if !line(kind) {
		return 0, false
	}
	for _, d := range docs {
		if d == nil || d.File == nil || d.Edition.SHA256 == "" {
			return 0, false
		}
		var n [20]byte
		if !line(string(d.Format), " ", d.Edition.SHA256, " ", string(strconv.AppendInt(n[:0], int64(len(d.File.Src)), 10))) {
			return 0, false
		}
	}
	if !line() {
		return 0, false
	}
	return len(file) - len(rest), true
}

// summariseTexts returns the summary of the distinct texts of docs, as
// the spelling rule counts the documents it does not lint (see
// [newCorpus]), headed by [wordsHeader].
func summariseTexts(docs []*framework.Document) (string, bool) {
	h, ok := wordsHeader(docs)
	if !ok {
		return "", false
	}
	values, _, _ := distinctValues(uniqueTexts(docs))
	return h + string(spell.Summarise(values)), true
}

// publishedSummary returns the embedded summary of the texts of docs, if
// docs are the documents it was written from.
func publishedSummary(docs []*framework.Document) (spell.Summary, bool) {
	n, ok := headerLen(publishedWords, wordsKind, docs)
	if !ok {
		return "", false
	}
	return spell.Summary(publishedWords[n:]), true
}

// publishedListing returns the embedded summary whatever documents it is
// of, for what it says of its words: whether the word list holds each
// (see [spell.Corpus.LearnListing]).
func publishedListing() spell.Summary {
	_, rest, _ := strings.Cut(publishedWords, "\n\n")
	return spell.Summary(rest)
}

// publishedTokens is the tokenised text table of the embedded snapshot's
// documents, when they are the linted ones (a plain `ddat lint`): a header
// naming the documents (see [docsHeader]), a blank line, and the words of
// their distinct texts as [spell.TokenizeAll] numbers them (see
// [spell.Tokens]). It is written by go generate from the embedded
// snapshot (package parse), and TestPublishedTokens fails when it is
// stale.
//
//go:generate go test -run ^TestPublishedTokens$ -update
//go:embed published-tokens.bin
var publishedTokens string

// tokensHeader returns the header of the tokens of the texts of docs.
func tokensHeader(docs []*framework.Document) (string, bool) {
	return docsHeader(tokensKind, docs)
}

// encodeTokens returns the text table of docs as a run builds it (see
// [textTableOf]), headed by [tokensHeader]: the layout of the table
// (see [uniqueOrder]), then the tokens of its distinct texts. The layout
// is, as unsigned varints: the number of texts eachText gives, document
// after document; the number of texts in the table; for each text given,
// its place in the table plus one, or zero if the table leaves it out; for
// each text of the table, the number of its value.
func encodeTokens(docs []*framework.Document) (string, bool) {
	h, ok := tokensHeader(docs)
	if !ok {
		return "", false
	}
	walk, order := uniqueOrder(docs)
	texts := make([]framework.Text, len(order))
	place := make([]uint64, len(walk))
	for k, i := range order {
		texts[k] = walk[i]
		place[i] = uint64(k + 1)
	}
	values, ids, _ := distinctValues(texts)
	b := binary.AppendUvarint(nil, uint64(len(walk)))
	b = binary.AppendUvarint(b, uint64(len(texts)))
	for _, p := range place {
		b = binary.AppendUvarint(b, p)
	}
	for _, id := range ids {
		b = binary.AppendUvarint(b, uint64(id))
	}
	words, lex := spell.TokenizeAll(values, 1)
	return h + string(b) + string(spell.EncodeTokens(words, lex)), true
}

// embeddedTable returns the text table of docs read from the embedded
// tokens (see [encodeTokens]), if docs are the documents they were written
// from: the texts placed as the layout says, without sorting them or
// hashing their values, and the words without tokenising them.
func embeddedTable(docs []*framework.Document) (*textTable, bool) {
	h, ok := headerLen(publishedTokens, tokensKind, docs)
	if !ok {
		return nil, false
	}
	r := varint.NewReader(publishedTokens[h:])
	n, k := r.Len(), r.Len()
	tt := &textTable{texts: make([]framework.Text, k), ids: make([]int32, k)}
	given, placed := 0, 0
	for _, d := range docs {
		eachText(d, func(t framework.Text) {
			given++
			// A place out of range, or taken, leaves a text unplaced.
			if p := r.Uint(); p > 0 && p <= uint64(k) && tt.texts[p-1].Value == "" {
				tt.texts[p-1] = t
				placed++
			}
		})
	}
	if given != n || placed != k || r.Err() != nil {
		return nil, false
	}
	for j, t := range tt.texts {
		id := r.Uint()
		switch {
		case id == uint64(len(tt.values)):
			tt.values = append(tt.values, t.Value)
			tt.uses = append(tt.uses, 0)
		case id > uint64(len(tt.values)) || tt.values[id] != t.Value:
			return nil, false
		}
		tt.ids[j] = int32(id)
		tt.uses[id]++
	}
	if r.Err() != nil {
		return nil, false
	}
	var err error
	tt.words, tt.lex, err = spell.Tokens(r.Rest()).Decode(tt.values)
	return tt, err == nil
}
