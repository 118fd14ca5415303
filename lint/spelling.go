package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
)

// Spelling reports misspelt words: words that are not British English
// words, and real words that the corpus shows to be slips for another.
var Spelling = &Rule{
	ID:    "spelling",
	Title: "misspelt words",
	Doc: "Finds words that are not British English words, and real words used by " +
		"mistake for another (\"mangers\" for \"managers\"), and suggests the word " +
		"that was meant. A typo in a role or skill page is copied into job adverts " +
		"and search fails on it.\n\n" +
		"A word is accepted when it is in the embedded British English word list " +
		"(SCOWL up to size 80, as Debian's wbritish-huge; its size 80 words are " +
		"accepted but never suggested), or a plural, past tense, " +
		"\"-ise\" form (\"commoditisation\" from \"commodity\"), prefixed form or two-word compound of listed words, is a word of a skill or role name, is an " +
		"accepted word of the configuration, or is used in several independent places " +
		"across the linted documents and the catalogue: in three different contexts, so " +
		"that a text a download repeats on every row, or that two downloads share, " +
		"counts once. Acronyms (MVP, KPIs), CamelCase names " +
		"(DevOps), words with digits, web addresses and email addresses are skipped, " +
		"and so are capitalised words inside a sentence (proper names).\n\n" +
		"Corpus evidence: an unlisted word one edit from a word the corpus uses many " +
		"times more often is reported even when it looks like a compound or a derived " +
		"form; an uncommon listed word whose pair with its neighbour is rare while a " +
		"one-edit variant of the pair is frequent, and far more frequent than chance " +
		"would make it (\"product mangers\" against \"product managers\"; not " +
		"\"arenas and\" against \"areas and\": \"and\" goes with any word), is " +
		"reported as a real-word error. Suggestions favour " +
		"the words the documents use.\n\n" +
		"Noun and verb pairs: British English writes the noun with -ce and the verb " +
		"with -se (licence and license, practice and practise, advice and advise, " +
		"device and devise), and both forms are words, so only their place tells. A " +
		"verb form is reported after a word that only a noun follows (an article, a " +
		"possessive such as \"your\", \"of\", \"in\", \"into\", \"good\", \"best\"); " +
		"the noun form after a modal verb (\"can\", \"should\", \"will\", \"don't\") " +
		"or \"how to\", \"able to\" (\"to\" alone is also a preposition: \"access to " +
		"advice\"); a base form after a word that the documents follow with the other " +
		"form at least five times as often, and more often than chance (\"technical " +
		"advise\" where they have \"technical advice\"). Inflected verb forms " +
		"(\"licensed\", \"practising\") and names (\"Open Government Licence\") are " +
		"left alone.\n\n" +
		"Before: `head of portolio`, `line-manage senior and lead product mangers`, `follow best practise`\n\n" +
		"After: `head of portfolio`, `line-manage senior and lead product managers`, `follow best practice`",
	Since:    "v0.1.0",
	Category: "writing",
	Severity: Warning,
	Run:      runSpelling,
}

// span returns the span of w in t.
func wordSpan(t framework.Text, w spell.Word) framework.Span { return t.Sub(w.Start, w.End) }

// outsideDocs returns the documents of the catalogue and the vocabulary
// that are not among the linted ones (by identity or by content), each
// once: their words count, but are not checked.
func outsideDocs(p *Pass) []*framework.Document {
	seen := map[*framework.Document]bool{}
	linted := map[int][]string{} // sources by length: compared only when the lengths agree
	for _, d := range p.Framework.Documents {
		seen[d] = true
		if d != nil && d.File != nil {
			linted[len(d.File.Src)] = append(linted[len(d.File.Src)], d.File.Src)
		}
	}
	isLinted := func(src string) bool {
		for _, l := range linted[len(src)] {
			if l == src {
				return true
			}
		}
		return false
	}
	var out []*framework.Document
	for _, fw := range []*framework.Framework{p.Catalogue, p.Vocabulary} {
		if fw == nil || fw == p.Framework {
			continue
		}
		for _, d := range fw.Documents {
			if d == nil || seen[d] || d.File != nil && isLinted(d.File.Src) {
				continue
			}
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// countTexts returns a corpus counting the words of the linted texts and
// of the documents of the catalogue and the vocabulary that are not
// linted. With summaries, the latter's counts are read from the embedded
// summary of the published framework when they are its documents (see
// [publishedWords]); ok is false if that summary does not decode (the
// corpus is then incomplete).
func countTexts(p *Pass, summaries bool) (c *spell.Corpus, ok bool) {
	// Each distinct value is tokenised and counted once, times the number
	// of places it occurs: the framework repeats its descriptors on every
	// role level that requires the skill.
	tt := p.run.texts()
	// A third of the word uses are distinct pairs in the framework's
	// texts: the map is sized for them, and grows for the vocabulary's.
	uses := 0
	for _, ws := range tt.words {
		uses += len(ws)
	}
	c = spell.NewCorpus(spell.NewLexicon(tt.lex), uses/3)
	// The catalogue's and the vocabulary's texts count too, each
	// distinct value once, however often they repeat it (the whole
	// framework repeats a descriptor on every role level that requires
	// the skill: a typo it repeats must not become a word of the corpus
	// by repetition alone); their words are not kept. The published
	// framework's are added from its summary first: counting is the same
	// in any order, and the summary says which of its words the word
	// list holds, most of any document's, so that the list is not read
	// for them. Otherwise the summary teaches that alone. (A summary that
	// does not decode teaches less.)
	docs := outsideDocs(p)
	sum, summarised := publishedSummary(docs)
	summarised = summarised && summaries
	if summarised {
		if c.AddSummary(sum) != nil {
			return c, false
		}
	} else {
		_ = c.LearnListing(publishedListing())
	}
	for id, ws := range tt.words {
		c.Count(ws, tt.uses[id])
	}
	if summarised {
		return c, true
	}
	// Counting needs the texts: a vocabulary given by its sources alone
	// is loaded.
	if p.loadVocabulary != nil {
		p.vocabularyInFull()
		docs = outsideDocs(p)
	}
	values, _, _ := distinctValues(uniqueTexts(docs))
	var ws []spell.Word
	for _, v := range values {
		ws = spell.AppendWords(ws[:0], v, c.Lex)
		c.Count(ws, 1)
	}
	return c, true
}

func newCorpus(p *Pass) *spell.Corpus {
	c, ok := countTexts(p, true)
	if !ok {
		c, _ = countTexts(p, false)
	}
	var ws []spell.Word
	c.IndexFrequent()
	nameWords := spell.NewLexicon(nil) // their words are not counted
	name := func(t framework.Text) {
		ws = spell.AppendWords(ws[:0], t.Value, nameWords)
		for _, w := range ws {
			if w.ID >= 0 { // a number is never looked up (see spell.NumberID)
				c.AddName(nameWords.Form(w.ID))
			}
		}
	}
	// Role names and families repeat (a role is listed under many
	// skills, a family on every role): each is read once. A skill's
	// name is given once, and each is read without being remembered, so
	// that a catalogue of many skills costs no table of their names.
	roleNamed := map[string]bool{}
	roleName := func(t framework.Text) {
		if !roleNamed[t.Value] {
			roleNamed[t.Value] = true
			name(t)
		}
	}
	for i, fw := range []*framework.Framework{p.Framework, p.Catalogue} {
		if fw == nil || i == 1 && fw == p.Framework {
			continue
		}
		for _, s := range fw.Skills {
			name(s.Name)
			for _, r := range s.Roles {
				roleName(r.Name)
			}
		}
		for _, r := range fw.Roles {
			roleName(r.Name)
			roleName(r.Family)
		}
	}
	return c
}

func runSpelling(p *Pass) {
	c := newCorpus(p)
	alone := p.run.alone()
	seen := map[spanKey]bool{} // the spans of the findings in texts not alone
	// The findings of the words that need suggestions wait for them: the
	// words are looked up together, in one pass over the word list. Only
	// the first spell.MaxSuggestWords distinct words are looked up, so at most
	// their findings wait; the others are reported at once.
	notLookedUp := fmt.Sprintf(" (not looked up: the word meant is looked for only for the first %d misspelt words)", spell.MaxSuggestWords)
	var waiting []spellingFinding
	var unknown []string
	pending := map[string]bool{}
	reported := 0
	levels := levelTexts(p.Framework)
	british := p.run.british()
	// Most words are clean wherever they stand (see [cleanAnywhere]):
	// their verdict is kept by number, so that each of their uses costs a
	// look in a slice.
	verdicts := make([]verdict, c.Lex.Size())
	eachLintedText(p, func(ti int, t framework.Text, ws []spell.Word) bool {
		if levels[keyOf(t.Span)] {
			return true // not clean: the same value elsewhere is checked
		}
		before := reported
		for i, w := range ws {
			if w.Skip {
				continue
			}
			switch verdicts[w.ID] {
			case wordClean:
				continue
			case wordUnjudged:
				verdicts[w.ID] = wordInPlace
				if cleanAnywhere(c, w.ID, british) {
					verdicts[w.ID] = wordClean
					continue
				}
			}
			l := c.Lex.Form(w.ID)
			s := wordSpan(t, w)
			if !alone[ti] && seen[keyOf(s)] {
				continue
			}
			d, suggest, ok := check(c, p, t, ws, i, s)
			if !ok {
				continue
			}
			if !alone[ti] {
				seen[keyOf(s)] = true
			}
			reported++
			text, tail := w.Text(t.Value), w.Tail(t.Value)
			switch {
			case !suggest:
				p.Report(d)
			case len(l) > spell.MaxSuggestLen:
				p.Report(nonWord(text, tail, s, nil)) // too long to look up
			case pending[l] || len(unknown) < spell.MaxSuggestWords:
				waiting = append(waiting, spellingFinding{text: text, tail: tail, lower: l, s: s})
				if !pending[l] {
					pending[l] = true
					unknown = append(unknown, l)
				}
			default:
				p.Report(Diagnostic{Span: s, Message: nonWordMessage(text, notLookedUp)})
			}
		}
		return reported != before
	})
	fixes := c.Suggest(unknown)
	for _, f := range waiting {
		p.Report(nonWord(f.text, f.tail, f.s, slices.Clone(fixes[f.lower])))
	}
}

// A verdict is what is known of a word wherever it stands: nothing yet,
// that it is clean, or that each of its uses is to be checked in place.
type verdict uint8

const (
	wordUnjudged verdict = iota
	wordClean
	wordInPlace
)

// cleanAnywhere reports whether the word numbered id in c.Lex is never a
// finding of the spelling rule, wherever it stands: it is too short to
// check, british-spelling's, a word of a skill or role name, or a listed
// word that cannot be a slip ([spell.Corpus.MaySlip]), and in none of the
// noun and verb pairs, which only their place decides. [check] gives
// such a word no finding in any place (a word the configuration accepts
// only the more so).
func cleanAnywhere(c *spell.Corpus, id int32, british britishTable) bool {
	l := c.Lex.Form(id)
	if utf8.RuneCountInString(l) < 3 || british.american(id) {
		return true
	}
	if _, ok := confusables[l]; ok {
		return false
	}
	return c.InVocabID(id) || c.IsListedID(id) && !c.MaySlip(id)
}

// levelTexts returns the places of the skill level names of fw (level
// headings, "Level:" lines) that name no skill level, which the spelling
// rule leaves to the unknown-level rule and to the parsers' notes: a
// misspelt level name ("Level: awarness", "2. Wroking") is one finding,
// with the level meant. (A level name that is one has no word to check,
// so only the others are kept: a catalogue of many skills costs nothing.)
func levelTexts(fw *framework.Framework) map[spanKey]bool {
	m := map[spanKey]bool{}
	for _, d := range fw.Documents {
		if d == nil {
			continue
		}
		for _, s := range d.Skills {
			for _, l := range s.Levels {
				if h := l.Heading.Value; h != "" {
					if _, err := framework.ParseLevel(h[strings.LastIndexByte(h, ' ')+1:]); err != nil {
						m[keyOf(l.Heading.Span)] = true
					}
				}
			}
		}
		for _, r := range d.Roles {
			for _, l := range r.Levels {
				for _, q := range l.Skills {
					if q.LevelText.Value != "" && !q.Level.Valid() {
						m[keyOf(q.LevelText.Span)] = true
					}
				}
			}
		}
	}
	return m
}

// spellingFinding is a finding of the spelling rule waiting for the
// suggestions for its word, to be made by [nonWord].
type spellingFinding struct {
	text, tail, lower string // the word as written, its possessive ending, its lookup form
	s                 framework.Span
}

// check returns the finding for word i of ws, if it is one; suggest
// reports that it is a non-word whose finding waits for suggestions.
func check(c *spell.Corpus, p *Pass, t framework.Text, ws []spell.Word, i int, s framework.Span) (d Diagnostic, suggest, ok bool) {
	w := ws[i]
	text, l := w.Text(t.Value), c.Lex.Form(w.ID)
	if len(p.Words) > 0 && (p.Words[framework.Key(text)] || p.Words[l]) {
		return Diagnostic{}, false, false
	}
	// A form of a noun and verb pair is a word wherever it stands, even
	// in a skill's name ("Technical advice"); its place decides.
	if d, ok := confusion(c, t, ws, i, s); ok {
		return d, false, true
	}
	if c.InVocabID(w.ID) {
		return Diagnostic{}, false, false
	}
	if c.IsListedID(w.ID) {
		d, ok := realWord(c, t, ws, i, s)
		return d, false, ok
	}
	// A rare word one edit from a frequent one is a slip for it; a short
	// capitalised word inside a sentence is more likely a name ("Coe").
	properName := !w.Sentence && startsUpper(text)
	if !properName || utf8.RuneCountInString(l) >= 6 {
		if near := c.FrequentNeighboursID(w.ID); len(near) > 0 {
			// nonWord writes the fixes into the slice it is given: the
			// remembered one is copied.
			return nonWord(text, w.Tail(t.Value), s, slices.Clone(near)), false, true
		}
	}
	// A form of a word, a word of the corpus's own vocabulary, a name or a
	// compound passes.
	if properName || c.PassesID(w.ID) {
		return Diagnostic{}, false, false
	}
	return Diagnostic{}, true, true
}

// nonWord is the finding for a word that is not a word.
func nonWord(text, tail string, s framework.Span, fixes []string) Diagnostic {
	d := Diagnostic{Span: s}
	if len(fixes) == 0 {
		note := ""
		if l, _ := spell.Fold(text); len(l) > spell.MaxSuggestLen {
			note = fmt.Sprintf(" (it is too long to look for the word meant: at most %d bytes are compared)", spell.MaxSuggestLen)
		}
		d.Message = nonWordMessage(text, note)
		return d
	}
	for k, f := range fixes {
		fixes[k] = matchCase(f, text) + tail
		d.Suggestions = append(d.Suggestions, Suggestion{Message: fmt.Sprintf("replace with %q", fixes[k]), Span: s, NewText: fixes[k]})
	}
	// One candidate is a confident one: the fix may be applied unasked.
	d.Suggestions[0].Safe = len(fixes) == 1
	d.Message = fmt.Sprintf("%q is not a word; did you mean %s?", text, quoteOr(fixes))
	return d
}

// nonWordMessage returns the message of the finding for text, a word
// that is not a word, with no word to suggest, and then note. It is
// written as fmt's %q would, without fmt and, for a word of printable
// ASCII, in one allocation: a text of unknown words has a finding a word.
func nonWordMessage(text, note string) string {
	const msg = " is not a word; check its spelling or add it to the accepted words"
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.Quote(text) + msg + note
		}
	}
	return `"` + text + `"` + msg + note
}

// realWord returns the finding for a listed word ws[i] that is a slip for
// a one-edit variant (see [spell.Corpus.RealWordSlip]).
func realWord(c *spell.Corpus, t framework.Text, ws []spell.Word, i int, s framework.Span) (Diagnostic, bool) {
	w := ws[i]
	var prev, next string
	if i > 0 && w.PairPrev && !ws[i-1].Skip {
		prev = c.Lex.Form(ws[i-1].ID)
	}
	if i+1 < len(ws) && ws[i+1].PairPrev && !ws[i+1].Skip {
		next = c.Lex.Form(ws[i+1].ID)
	}
	sl, ok := c.RealWordSlip(prev, w.ID, next)
	if !ok {
		return Diagnostic{}, false
	}
	fix := matchCase(sl.Fix, w.Text(t.Value)) + w.Tail(t.Value)
	return Diagnostic{
		Span: s,
		Message: fmt.Sprintf("%q is probably a slip for %q: these documents have %q %s and %q %s",
			w.Text(t.Value), fix, sl.Pair[0]+" "+sl.Pair[1], times(sl.PairUses), sl.Slip[0]+" "+sl.Slip[1], times(sl.SlipUses)),
		Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix}},
	}, true
}
