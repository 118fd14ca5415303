package lint

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
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
	return docsHeader("ddat published words 1", docs)
}

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
	h, ok := wordsHeader(docs)
	if !ok || !strings.HasPrefix(publishedWords, h) {
		return "", false
	}
	return spell.Summary(publishedWords[len(h):]), true
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
	return docsHeader("ddat published tokens 1", docs)
}

// encodeTokens returns the tokens of the distinct texts of docs, in the
// order of the run's text table, headed by [tokensHeader].
func encodeTokens(docs []*framework.Document) (string, bool) {
	h, ok := tokensHeader(docs)
	if !ok {
		return "", false
	}
	values, _, _ := distinctValues(uniqueTexts(docs))
	words, lex := spell.TokenizeAll(values, 1)
	return h + string(spell.EncodeTokens(words, lex)), true
}

// embeddedTokens returns the words and lexicon of values, the distinct
// texts of docs, from the embedded tokens, if docs are the documents they
// were written from.
func embeddedTokens(docs []*framework.Document, values []string) ([][]spell.Word, *spell.Lexicon, bool) {
	h, ok := tokensHeader(docs)
	if !ok || !strings.HasPrefix(publishedTokens, h) {
		return nil, nil, false
	}
	words, lex, err := spell.Tokens(publishedTokens[len(h):]).Decode(values)
	return words, lex, err == nil
}
