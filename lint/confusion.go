package lint

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
)

// The noun and verb pairs of British English that a spell checker cannot
// see: both forms are words, and only the place decides. British English
// writes the noun with -ce and the verb with -se ("a licence", "to
// license"; "good practice", "to practise"; "advice", "to advise"; "a
// device", "to devise"). The list is short on purpose: the four pairs
// whose forms differ by the one letter that British English (unlike
// American English for licence and practice) uses to tell noun from
// verb, and which the framework's own content uses (good practice,
// technical advice, licences, devices; advise, devise). The inflected
// verb forms ("licensed", "practising", "advised") are verbs or adjectives
// wherever they stand, and are never reported; "practiced" is the
// american spelling that british-spelling reports.
var confusables = map[string]confusable{
	"licence":   {nounBase, "license"},
	"licences":  {nounPlural, "licenses"},
	"license":   {verbBase, "licence"},
	"licenses":  {verbS, "licences"},
	"practice":  {nounBase, "practise"},
	"practices": {nounPlural, "practises"},
	"practise":  {verbBase, "practice"},
	"practises": {verbS, "practices"},
	"advice":    {nounBase, "advise"},
	"advise":    {verbBase, "advice"},
	"advises":   {verbS, "advice"}, // "advice" has no usual plural
	"device":    {nounBase, "devise"},
	"devices":   {nounPlural, "devises"},
	"devise":    {verbBase, "device"},
	"devises":   {verbS, "devices"},
}

// A confusable is one form of a noun and verb pair: its kind, and the
// form of the other part of speech meant when it stands in the other's
// place.
type confusable struct {
	kind  formKind
	other string
}

type formKind uint8

const (
	nounBase   formKind = iota // "practice"
	nounPlural                 // "practices"
	verbBase                   // "practise"
	verbS                      // "practises"
)

// nounPlace are the words after which a noun stands and a verb's base or
// -s form cannot: articles, possessive determiners, the prepositions
// "of", "in" and "into", and the adjectives "good" and "best" ("best
// practice"). Determiners that are also pronouns ("this", "these",
// "each": "these advise the board") and "better" ("you'd better advise")
// are left out.
var nounPlace = map[string]bool{
	"a": true, "an": true, "the": true,
	"my": true, "your": true, "our": true, "their": true, "its": true, "his": true,
	"of": true, "in": true, "into": true,
	"good": true, "best": true,
}

// verbPlace are the words after which a verb's base form stands and a
// noun cannot: the modal verbs and the negated auxiliaries ("can
// advise", "should practise", "don't license").
var verbPlace = map[string]bool{
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true,
	"may": true, "might": true, "must": true, "cannot": true,
	"can't": true, "won't": true, "wouldn't": true, "shouldn't": true, "couldn't": true,
	"mustn't": true, "don't": true, "doesn't": true, "didn't": true,
}

// infinitiveBefore are the words always followed by a "to" that marks an
// infinitive ("how to practise", "able to advise"): "to" alone is also
// a preposition ("access to advice", "from theory to practice"), and
// says nothing.
var infinitiveBefore = map[string]bool{
	"how": true, "able": true, "unable": true, "ability": true, "need": true, "needs": true,
}

// confusion returns the finding for word i of ws if it is one form of a
// noun and verb pair standing in the other's place: after a word that
// only a noun or only a verb can follow (see [nounPlace], [verbPlace]),
// or, for a base form, after a word that these documents follow with the
// other form far more often than chance would have it, and with this
// form seldom ("technical advice" against "technical advise").
func confusion(c *spell.Corpus, t framework.Text, ws []spell.Word, i int, s framework.Span) (Diagnostic, bool) {
	w := ws[i]
	if i == 0 || !w.PairPrev {
		return Diagnostic{}, false // no word before it to place it
	}
	l := c.Lex.Form(w.ID)
	cf, ok := confusables[l]
	if !ok {
		return Diagnostic{}, false
	}
	text := w.Text(t.Value)
	if !w.Sentence && startsUpper(text) {
		return Diagnostic{}, false // a name: "the Open Government Licence"
	}
	pw := ws[i-1]
	if pw.Skip || !pw.Sentence && startsUpper(pw.Text(t.Value)) {
		return Diagnostic{}, false // after a name ("MIT license") or a month ("May")
	}
	prev := c.Lex.Form(pw.ID)
	noun := cf.kind == nounBase || cf.kind == nounPlural
	part, place := "verb", "a noun's place"
	if noun {
		part, place = "noun", "a verb's place"
	}
	if cf.kind == verbS || cf.kind == nounPlural {
		part = "a form of the " + part
	} else {
		part = "the " + part
	}
	fix := matchCase(cf.other, text) + w.Tail(t.Value)
	finding := func(evidence string) Diagnostic {
		return Diagnostic{
			Span:        s,
			Message:     fmt.Sprintf("%q is %s in British English: %s; did you mean %q?", text, part, evidence, fix),
			Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix}},
		}
	}
	switch {
	case !noun && nounPlace[prev]:
		return finding(fmt.Sprintf("here it follows %q, %s", pw.Text(t.Value), place)), true
	case cf.kind == nounBase && verbPlace[prev]:
		return finding(fmt.Sprintf("here it follows %q, %s", pw.Text(t.Value), place)), true
	case cf.kind == nounBase && prev == "to" && i >= 2 && ws[i-1].PairPrev && infinitiveBefore[c.Lex.Form(ws[i-2].ID)]:
		return finding(fmt.Sprintf("here it follows %q, %s", ws[i-2].Text(t.Value)+" "+pw.Text(t.Value), place)), true
	case cf.kind == nounBase || cf.kind == verbBase:
		if prev == "to" || nounPlace[prev] || verbPlace[prev] {
			return Diagnostic{}, false
		}
		want, got := [2]string{prev, cf.other}, [2]string{prev, l}
		n, m := c.PairUses(want), c.PairUses(got)
		if c.Prefers(want, n, m) {
			return finding(fmt.Sprintf("these documents have %q %s and %q %s",
				want[0]+" "+want[1], times(n), got[0]+" "+got[1], times(m))), true
		}
	}
	return Diagnostic{}, false
}
