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
// American spelling (see [usuk.British]), by number, "" for the others:
// the text rules ask of every word they read, and each distinct word is
// looked up once.
func britishForms(lex *spell.Lexicon) []string {
	out := make([]string, lex.Size())
	for id := range out {
		if uk, ok := usuk.British(lex.Form(int32(id))); ok {
			out[id] = uk
		}
	}
	return out
}

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
			l := lex.Form(w.ID)
			uk := british[w.ID]
			if uk == "" || p.Words[l] {
				continue
			}
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
