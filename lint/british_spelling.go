package lint

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
	"github.com/ddat-tools/ddat/lint/internal/usuk"
)

// BritishSpelling reports American spellings.
var BritishSpelling = &Rule{
	ID:    "british-spelling",
	Title: "american spellings",
	Doc: "Finds American spellings (\"centered\", \"organization\", \"prioritize\") and " +
		"gives the British form. GOV.UK content uses British English. The word pairs " +
		"are the US to UK list of github.com/golangci/misspell, less the American " +
		"forms that British English also accepts (\"ageing\" and \"aging\").\n\n" +
		"Before: `an understanding of user-centered design`\n\n" +
		"After: `an understanding of user-centred design`",
	Since:    "v0.1.0",
	Category: "writing",
	Severity: Warning,
	Run:      runBritishSpelling,
}

// britishForms returns the British form of each word of lex that is an
// American spelling (see [usuk.British]), by number: the text rules ask
// of every word they read, and each distinct word is looked up once.
func britishForms(lex *spell.Lexicon) britishTable {
	b := britishTable{index: make([]uint16, lex.Size())}
	for id := range b.index {
		if uk, ok := usuk.British(lex.Form(int32(id))); ok {
			b.forms = append(b.forms, uk)
			b.index[id] = uint16(len(b.forms)) // at most one a pair of the list, of fewer than 65,535
		}
	}
	return b
}

// A britishTable holds the British forms of the American spellings of a
// lexicon (see [britishForms]): two bytes a word, not a string, so that a
// text of hundreds of thousands of distinct words costs a megabyte.
type britishTable struct {
	index []uint16 // by number: 1 + the index in forms of the word's British form, 0 if none
	forms []string
}

// american reports whether the word numbered id is an American spelling.
func (b britishTable) american(id int32) bool { return b.index[id] != 0 }

func runBritishSpelling(p *Pass) {
	lex := p.run.texts().lex
	british := p.run.british()
	alone := p.run.alone()
	seen := map[spanKey]bool{} // the spans of the findings in texts not alone
	eachLintedText(p, func(i int, t framework.Text, words []spell.Word) bool {
		before := p.reported
		for _, w := range words {
			if w.Skip {
				continue
			}
			k := british.index[w.ID]
			if k == 0 || p.Words[lex.Form(w.ID)] {
				continue
			}
			uk := british.forms[k-1]
			s := wordSpan(t, w)
			if !alone[i] {
				if seen[keyOf(s)] {
					continue
				}
				seen[keyOf(s)] = true
			}
			fix := matchCase(uk, w.Text(t.Value)) + w.Tail(t.Value)
			p.Report(Diagnostic{
				Span:        s,
				Message:     fmt.Sprintf("%q is the American spelling; British English writes %q", w.Text(t.Value), fix),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix, Safe: true}},
			})
		}
		return p.reported != before
	})
}
