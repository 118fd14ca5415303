package lint

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"


	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/usuk"
	"github.com/ddat-tools/ddat/lint/internal/wordlist"
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
	Severity: Warning,
	Run:      runSpelling,
}

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
	Severity: Warning,
	Run:      runBritishSpelling,
}

func runBritishSpelling(p *Pass) {
	lex := p.run.texts().lex
	seen := map[spanKey]bool{}
	eachLintedText(p, func(t framework.Text, words []word) bool {
		before := p.reported
		for _, w := range words {
			if w.skip {
				continue
			}
			l := lex.form(w.id)
			uk, ok := usuk.British(l)
			if !ok || p.Words[l] {
				continue
			}
			s := w.span(t)
			if seen[keyOf(s)] {
				continue
			}
			seen[keyOf(s)] = true
			fix := matchCase(uk, w.text(t.Value)) + w.tail(t.Value)
			p.Report(Diagnostic{
				Span:        s,
				Message:     fmt.Sprintf("%q is the American spelling; British English writes %q", w.text(t.Value), fix),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix, Safe: true}},
			})
		}
		return p.reported != before
	})
}

// A word is one word of a text, as [tokenize] finds it.
//
// A run holds one word for each word of each distinct text, so the
// struct is kept small: it holds offsets into the text's value, and its
// lookup form as a number in the run's [lexicon].
type word struct {
	start, end int   // byte offsets of the word in the text's Value
	id         int32 // its lookup form (see [fold]) in the lexicon it was tokenised with; below -1, a number's (see [numberID])
	tailLen    uint8 // the length of its possessive ending ("’s"), if any
	skip       bool  // an acronym, CamelCase name, or has digits: not checked
	sentence   bool  // the first word of a sentence (or of the text)
	pairPrev   bool  // the previous word is its neighbour in a word pair
}

// text returns w as written in v, the value it was found in.
func (w word) text(v string) string { return v[w.start:w.end] }

// tail returns the possessive ending of w as written in v ("’s"), or "".
func (w word) tail(v string) string { return v[w.end-int(w.tailLen) : w.end] }

// span returns the span of w in t.
func (w word) span(t framework.Text) framework.Span { return t.Sub(w.start, w.end) }

// A lexicon numbers the lookup forms of words (see [fold]), in the order
// first met. A lexicon with a base numbers only the forms its base lacks,
// after the base's; the base is not changed, so several lexicons can share
// it while rules run concurrently.
type lexicon struct {
	base  *lexicon
	ids   map[string]int32
	forms []string
}

func newLexicon(base *lexicon) *lexicon {
	return &lexicon{base: base, ids: map[string]int32{}}
}

// size returns the number of forms numbered, the base's included.
func (x *lexicon) size() int {
	if x.base == nil {
		return len(x.forms)
	}
	return x.base.size() + len(x.forms)
}

// lookup returns the number of form f, if it has one.
func (x *lexicon) lookup(f string) (int32, bool) {
	if x.base != nil {
		if id, ok := x.base.lookup(f); ok {
			return id, true
		}
	}
	id, ok := x.ids[f]
	return id, ok
}

// intern returns the number of form f, numbering it if it has none.
func (x *lexicon) intern(f string) int32 {
	if id, ok := x.lookup(f); ok {
		return id
	}
	id := int32(x.size())
	x.ids[f] = id
	x.forms = append(x.forms, f)
	return id
}

// form returns the form numbered id.
func (x *lexicon) form(id int32) string {
	if x.base != nil {
		n := int32(x.base.size())
		if id < n {
			return x.base.form(id)
		}
		id -= n
	}
	return x.forms[id]
}

// numberID returns the number of the lookup form f when f is a number of
// one to nine ASCII digits ("2025", "07"), a word the spelling rules do
// not check: such numbers are numbered without a lexicon, below -1 (the
// edge of a text, to [corpus.addContext]), each its own, so that a
// catalogue of many numbered names does not file each number as a word.
// Only their identity counts: the corpus compares the words around a
// word, and never looks a number up (see [fold]: a word with digits is
// skipped).
func numberID(f string) (int32, bool) {
	if len(f) == 0 || len(f) > 9 {
		return 0, false
	}
	// The numbers of n digits come after the 10 + 100 + … of fewer
	// digits: at most 1,111,111,109 of them in all, within an int32.
	n, shorter := 0, 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if i > 0 {
			shorter = shorter*10 + 10
		}
		n = n*10 + int(c-'0')
	}
	return int32(-2 - shorter - n), true
}

// tokenize returns the words of s, their lookup forms numbered in lex.
// Web addresses, email addresses and file names are left out; a
// hyphenated compound gives one word per part.
func tokenize(s string, lex *lexicon) []word {
	// About one word in six bytes of English: sized so that appending
	// rarely grows the slice.
	return appendWords(make([]word, 0, len(s)/6+1), s, lex)
}

// appendWords appends the words of s (see [tokenize]) to words, so that
// words not kept can reuse one slice.
func appendWords(words []word, s string, lex *lexicon) []word {
	sentence, pair := true, false
	i := 0
	for i < len(s) {
		r, n := decodeRune(s, i)
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		// A chunk is a run of non-space characters. Scanning it notes
		// whether it could be an address or hold mojibake at all.
		j := i
		mark, wide := false, false
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
					break
				}
				mark = mark || c == '.' || c == '/' || c == '@' || c == ':'
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			wide = true
			j += n
		}
		chunk := s[i:j]
		if mark && isAddress(chunk) || wide && hasMojibake(chunk) {
			sentence, pair = false, false
			i = j
			continue
		}
		// Words of the chunk.
		k := i
		for k < j {
			r, n := decodeRune(s, k)
			if !isWordRune(r) {
				switch r {
				case '.', '!', '?', ':', ';', '•', '*', '(', ')', '[', ']', '"', '“', '”':
					if r == '.' || r == '!' || r == '?' || r == ':' || r == '•' || r == '*' {
						sentence = true
					}
					pair = false
				case ',':
					pair = false
				}
				k += n
				continue
			}
			// A word: letters, digits and marks, with apostrophes inside.
			e := k
			for e < j {
				r, n := decodeRune(s, e)
				if isWordRune(r) {
					e += n
					continue
				}
				if r == '\'' || r == '’' {
					if r2, _ := utf8.DecodeRuneInString(s[e+n:]); e+n < j && unicode.IsLetter(r2) {
						e += n
						continue
					}
				}
				break
			}
			w := word{start: k, end: e, sentence: sentence, pairPrev: pair}
			lower, skip := fold(s[k:e])
			if id, ok := numberID(lower); ok {
				w.id, w.skip = id, true
			} else {
				w.id, w.skip = lex.intern(lower), skip
			}
			for _, t := range [...]string{"'s", "’s", "'S", "’S"} {
				if strings.HasSuffix(s[k:e], t) {
					w.tailLen = uint8(len(t))
				}
			}
			if k > i && s[k-1] == '&' {
				w.skip = true // an HTML entity: encoding's finding
			}
			words = append(words, w)
			sentence, pair = false, true
			k = e
		}
		i = j
	}
	return words
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), quicker on ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// hasMojibake reports whether a chunk of text holds UTF-8 decoded as
// Windows-1252 ("personâ€™s"): the encoding rule's finding, and no word
// to check.
func hasMojibake(chunk string) bool {
	if isASCII(chunk) {
		return false
	}
	prevLead := false
	for _, r := range chunk {
		if prevLead && r >= 0x80 {
			if _, ok := cp1252Byte(r); ok {
				return true
			}
		}
		prevLead = isMojibakeLead(r)
	}
	return false
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isAddress reports whether a chunk of text is a web or email address or
// a file name: "https://…", "www.…", "a@b.c", "gov.uk", "/role/x".
func isAddress(chunk string) bool {
	// Every address holds one of these bytes; most chunks hold none.
	mark := false
	for i := 0; i < len(chunk) && !mark; i++ {
		switch chunk[i] {
		case '.', '/', '@', ':':
			mark = true
		}
	}
	if !mark {
		return false
	}
	c := strings.TrimRight(chunk, ".,;:!?)]\"'’”")
	c = strings.TrimLeft(c, "([\"'‘“")
	if strings.Contains(c, "://") || strings.HasPrefix(c, "www.") || strings.Contains(c, "@") ||
		strings.HasPrefix(c, "/") {
		return true
	}
	// A dot after a letter or digit and before two lower-case letters:
	// "gov.uk", "2024.txt"; not "users.You" (a missing space) or "e.g".
	for x := 1; x+2 < len(c); x++ {
		if c[x] == '.' && (isLowerASCII(c[x-1]) || c[x-1] >= '0' && c[x-1] <= '9') && isLowerASCII(c[x+1]) && isLowerASCII(c[x+2]) {
			return true
		}
	}
	return false
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }

// isLowerWord reports whether w is lower-case ASCII letters only.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isLowerASCII(w[i]) {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fold returns the lookup form of a word as written: lower case, curly
// apostrophes straight, a possessive "'s" removed. skip is true for a word
// the spelling rules do not check: one with digits, an acronym ("MVP",
// "KPIs"), a CamelCase name ("DevOps", "JavaScript").
func fold(w string) (lower string, skip bool) {
	if isLowerWord(w) {
		return w, false // the common case: nothing to fold, nothing to skip
	}
	upper, lowerN, letters, digits := 0, 0, 0, 0
	innerUpper := false
	for i, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsUpper(r):
			upper++
			letters++
			if i > 0 {
				innerUpper = true
			}
		case unicode.IsLetter(r):
			lowerN++
			letters++
		}
	}
	switch {
	case digits > 0:
		skip = true
	case upper >= 2 && (lowerN == 0 || lowerN == 1 && strings.HasSuffix(w, "s")):
		skip = true // acronym, optionally plural
	case innerUpper && lowerN > 0:
		skip = true // CamelCase
	}
	lower = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	lower = strings.TrimSuffix(lower, "'s")
	return lower, skip
}

// matchCase gives fix the capitalisation of the word as written.
func matchCase(fix, as string) string {
	r, _ := utf8.DecodeRuneInString(as)
	if !unicode.IsUpper(r) {
		return fix
	}
	if strings.ToUpper(as) == as && utf8.RuneCountInString(as) > 1 {
		return strings.ToUpper(fix)
	}
	f, n := utf8.DecodeRuneInString(fix)
	return string(unicode.ToUpper(f)) + fix[n:]
}

type spanKey struct {
	file       *framework.File
	start, end int
}

func keyOf(s framework.Span) spanKey { return spanKey{s.File, s.Start, s.End} }

// eachLintedText calls check on each text of the run's table (the linted
// documents' texts, each once: see [uniqueTexts]) with its words,
// skipping a text whose value an earlier text had and was found clean
// (check returned false): for the rules that use it, findings depend on a
// text's value alone, and the framework repeats its descriptors on every
// role level that requires a skill. A value with findings is checked
// again at each place it occurs, so that each place gets its own.
func eachLintedText(p *Pass, check func(t framework.Text, words []word) (found bool)) {
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

// corpus holds the word and word-pair counts of a pass's documents and of
// the catalogue's documents not among them.
type corpus struct {
	lex      *lexicon        // the words counted, on the run's lexicon
	counts   []int           // uses of each word, by its number in lex
	total    int             // uses of all words
	pairs    map[uint64]int  // uses of each word pair, by pairKey
	vocab    map[string]bool // words of skill and role names
	frequent deletionIndex   // words used at least frequentWord times (see [corpus.neighbours])
	listed   map[string]bool // memo of [listed]
	dist     distBuf

	// contexts holds, for each unlisted word (by its number in lex), the
	// distinct contexts it is used in, up to corpusWord of them: its
	// independent uses (see [corpus.independent]).
	contexts map[int32]*contextSet
}

// A contextSet holds up to corpusWord distinct contexts of a word, each
// the hash of its neighbours.
type contextSet struct {
	n int
	h [corpusWord]uint64
}

// add adds context h, if the set has room and lacks it.
func (s *contextSet) add(h uint64) {
	if s.n == len(s.h) || slices.Contains(s.h[:s.n], h) {
		return
	}
	s.h[s.n] = h
	s.n++
}

// count adds n uses of the words ws, tokenised with c.lex or its base,
// and of their pairs, and the contexts of the unlisted words among them.
// The texts are counted by distinct value: a value the layout repeats
// (a descriptor on every role level that requires its skill, the same
// text in two downloads) gives the same contexts each time.
func (c *corpus) count(ws []word, n int) {
	if size := c.lex.size(); len(c.counts) < size {
		c.counts = append(c.counts, make([]int, size-len(c.counts))...)
	}
	prev := int32(-1)
	for i, w := range ws {
		if w.skip {
			prev = -1
			continue
		}
		id := w.id
		if !c.isListed(c.lex.form(id)) {
			c.addContext(ws, i)
		}
		c.counts[id] += n
		c.total += n
		if w.pairPrev && prev >= 0 {
			c.pairs[pairKey(prev, id)] += n
		}
		prev = id
	}
}

// addContext notes the context of word i of ws: the words either side of
// it, or the edge of the text.
func (c *corpus) addContext(ws []word, i int) {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, j := range [...]int{i - 2, i - 1, i + 1, i + 2} {
		id := int32(-1)
		if j >= 0 && j < len(ws) {
			id = ws[j].id
		}
		h = (h ^ uint64(uint32(id))) * prime
	}
	s := c.contexts[ws[i].id]
	if s == nil {
		s = &contextSet{}
		c.contexts[ws[i].id] = s
	}
	s.add(h)
}

// independent returns the number of independent uses of the unlisted
// word w, at most corpusWord: the distinct contexts it is used in, so
// that a text repeated on every row of a download, or copied from one
// document into another, counts once.
func (c *corpus) independent(w string) int {
	id, ok := c.id(w)
	if !ok {
		return 0
	}
	if s := c.contexts[id]; s != nil {
		return s.n
	}
	return min(c.counts[id], corpusWord) // a listed word: its uses
}

// id returns the number of word w if the corpus uses it.
func (c *corpus) id(w string) (int32, bool) {
	id, ok := c.lex.lookup(w)
	if !ok || int(id) >= len(c.counts) || c.counts[id] == 0 {
		return 0, false
	}
	return id, true
}

// uses returns the number of uses of word w.
func (c *corpus) uses(w string) int {
	if id, ok := c.id(w); ok {
		return c.counts[id]
	}
	return 0
}

// pairUses returns the number of uses of the word pair p.
func (c *corpus) pairUses(p [2]string) int {
	a, ok1 := c.id(p[0])
	b, ok2 := c.id(p[1])
	if !ok1 || !ok2 {
		return 0
	}
	return c.pairs[pairKey(a, b)]
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// isListed is [listed], remembered.
func (c *corpus) isListed(l string) bool {
	v, ok := c.listed[l]
	if !ok {
		v = listed(l)
		c.listed[l] = v
	}
	return v
}

// inVocab reports whether l, or the singular of l, is a word of a skill
// or role name.
func (c *corpus) inVocab(l string) bool {
	if c.vocab[l] {
		return true
	}
	for _, sfx := range [...]string{"s", "es", "'"} {
		if b, ok := strings.CutSuffix(l, sfx); ok && c.vocab[b] {
			return true
		}
	}
	return false
}

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

// emptyCorpus returns an empty corpus counting the words of lex.
func emptyCorpus(lex *lexicon) *corpus {
	return &corpus{lex: lex, pairs: map[uint64]int{}, vocab: map[string]bool{},
		frequent: newDeletionIndex(0, 0), listed: map[string]bool{}, contexts: map[int32]*contextSet{}}
}

func newCorpus(p *Pass) *corpus {
	// Each distinct value is tokenised and counted once, times the number
	// of places it occurs: the framework repeats its descriptors on every
	// role level that requires the skill.
	tt := p.run.texts()
	c := emptyCorpus(newLexicon(tt.lex))
	// A third of the word uses are distinct pairs in the framework's
	// texts: the map is sized for them, and grows for the vocabulary's.
	uses := 0
	for _, ws := range tt.words {
		uses += len(ws)
	}
	c.pairs = make(map[uint64]int, uses/3)
	for id, ws := range tt.words {
		c.count(ws, tt.uses[id])
	}
	// The catalogue's and the vocabulary's texts count too, each
	// distinct value once, however often they repeat it (the whole
	// framework repeats a descriptor on every role level that requires
	// the skill: a typo it repeats must not become a word of the corpus
	// by repetition alone); their words are not kept.
	values, _, _ := distinctValues(uniqueTexts(outsideDocs(p)))
	var ws []word
	for _, v := range values {
		ws = appendWords(ws[:0], v, c.lex)
		c.count(ws, 1)
	}
	// The index is sized for every frequent word and its deletions, an
	// upper bound: words share some deletions.
	words, keys := 0, 0
	// Words longer than maxSuggestLen are left out: filing a word costs
	// its length squared.
	for id, n := range c.counts {
		if v := c.lex.form(int32(id)); n >= frequentWord && len(v) <= maxSuggestLen {
			words++
			keys += len(v) + 1
		}
	}
	c.frequent = newDeletionIndex(words, keys)
	for id, n := range c.counts {
		if v := c.lex.form(int32(id)); n >= frequentWord && len(v) <= maxSuggestLen {
			c.frequent.add(v)
		}
	}
	nameWords := newLexicon(nil) // their words are not counted
	name := func(t framework.Text) {
		ws = appendWords(ws[:0], t.Value, nameWords)
		for _, w := range ws {
			if w.id >= 0 { // a number is never looked up (see numberID)
				c.vocab[nameWords.form(w.id)] = true
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

// neighbours returns the frequent words of the corpus one edit from l
// (see [editDistance]), shorter first, then in bytewise order. It looks them up in a
// symmetric deletion index: two words one edit apart (an insertion, a
// deletion, a substitution or a transposition) share a key among
// themselves and their one-byte deletions, so a lookup costs a few
// map reads, whatever the size of the corpus, and the square of l's
// length in hashing: a word longer than maxSuggestLen+1 bytes has no
// neighbours, as the index holds none longer than maxSuggestLen.
func (c *corpus) neighbours(l string) []string {
	if len(l) > maxSuggestLen+1 {
		return nil
	}
	var near []string
	seen := map[string]bool{}
	for i := -1; i < len(l); i++ {
		c.frequent.each(deletionKey(l, i), func(v string) {
			// Keys are hashes: a collision only adds a candidate that
			// the distance then refuses.
			if !seen[v] && v != l && c.dist.distance(l, v, 1) == 1 {
				near = append(near, v)
			}
			seen[v] = true
		})
	}
	// Shorter first, then bytewise: callers keep the first of equals.
	sort.Slice(near, func(i, j int) bool {
		if len(near[i]) != len(near[j]) {
			return len(near[i]) < len(near[j])
		}
		return near[i] < near[j]
	})
	return near
}

// A deletionIndex files words under their deletion keys: each key's
// words are a chain through entries, so that the index makes no
// allocation per key.
type deletionIndex struct {
	heads   map[uint64]int32 // key → its last entry
	entries []deletionEntry
	words   []string
}

type deletionEntry struct {
	word int32 // index of words
	next int32 // the key's previous entry, or -1
}

// newDeletionIndex returns an index sized for the given number of words
// and keys.
func newDeletionIndex(words, keys int) deletionIndex {
	return deletionIndex{
		heads:   make(map[uint64]int32, keys),
		entries: make([]deletionEntry, 0, keys),
		words:   make([]string, 0, words),
	}
}

// add files v under v and each of its one-byte deletions.
func (x *deletionIndex) add(v string) {
	w := int32(len(x.words))
	x.words = append(x.words, v)
	for i := -1; i < len(v); i++ {
		k := deletionKey(v, i)
		head, ok := x.heads[k]
		if ok && x.entries[head].word == w {
			continue // a repeated deletion of v ("ll" gives "l" twice)
		}
		if !ok {
			head = -1
		}
		x.heads[k] = int32(len(x.entries))
		x.entries = append(x.entries, deletionEntry{word: w, next: head})
	}
}

// each calls fn for each word filed under key k.
func (x *deletionIndex) each(k uint64, fn func(string)) {
	e, ok := x.heads[k]
	for ok && e >= 0 {
		fn(x.words[x.entries[e].word])
		e = x.entries[e].next
	}
}

// deletionKey is the key of w with its byte i deleted (none when i is
// -1) in the deletion index: a 64-bit FNV-1a hash, computed without
// building the shortened string.
func deletionKey(w string, i int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for j := 0; j < len(w); j++ {
		if j != i {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}

// Thresholds of the corpus evidence.
const (
	corpusWord     = 3 // independent uses (distinct contexts) that make an unlisted word part of the corpus's vocabulary
	frequentWord   = 5 // uses that make a word frequent
	frequentRatio  = 5 // how many times more uses the intended word or pair of a real-word error must have
	nonWordRatio   = 2 // how many times more uses the intended word of an unlisted word must have
	frequentPair   = 3 // uses that make a word pair frequent
	rareWord       = 3 // most uses of a listed word that can still be a slip
	contextRatio   = 3 // how many times more often than chance the intended pair of a real-word error must be used
	maxSuggestions = 3
)

func runSpelling(p *Pass) {
	c := newCorpus(p)
	seen := map[spanKey]bool{}
	// The findings of the words that need suggestions wait for them: the
	// words are looked up together, in one pass over the word list. Only
	// the first maxSuggestWords distinct words are looked up, so at most
	// their findings wait; the others are reported at once.
	var waiting []spellingFinding
	var unknown []string
	pending := map[string]bool{}
	reported := 0
	levels := levelTexts(p.Framework)
	eachLintedText(p, func(t framework.Text, ws []word) bool {
		if levels[keyOf(t.Span)] {
			return true // not clean: the same value elsewhere is checked
		}
		before := reported
		for i, w := range ws {
			if w.skip {
				continue
			}
			l := c.lex.form(w.id)
			if utf8.RuneCountInString(l) < 3 {
				continue
			}
			if _, ok := usuk.British(l); ok {
				continue // british-spelling's finding
			}
			s := w.span(t)
			if seen[keyOf(s)] {
				continue
			}
			d, suggest, ok := c.check(p, t, ws, i, s)
			if !ok {
				continue
			}
			seen[keyOf(s)] = true
			reported++
			text, tail := w.text(t.Value), w.tail(t.Value)
			switch {
			case !suggest:
				p.Report(d)
			case len(l) > maxSuggestLen:
				p.Report(c.nonWord(text, tail, s, nil)) // too long to look up
			case pending[l] || len(unknown) < maxSuggestWords:
				waiting = append(waiting, spellingFinding{text: text, tail: tail, lower: l, s: s})
				if !pending[l] {
					pending[l] = true
					unknown = append(unknown, l)
				}
			default:
				d := c.nonWord(text, tail, s, nil)
				d.Message += fmt.Sprintf(" (not looked up: the word meant is looked for only for the first %d misspelt words)", maxSuggestWords)
				p.Report(d)
			}
		}
		return reported != before
	})
	fixes := c.suggest(unknown)
	for _, f := range waiting {
		p.Report(c.nonWord(f.text, f.tail, f.s, slices.Clone(fixes[f.lower])))
	}
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
// suggestions for its word, to be made by [corpus.nonWord].
type spellingFinding struct {
	text, tail, lower string // the word as written, its possessive ending, its lookup form
	s                 framework.Span
}

// check returns the finding for word i of ws, if it is one; suggest
// reports that it is a non-word whose finding waits for suggestions.
func (c *corpus) check(p *Pass, t framework.Text, ws []word, i int, s framework.Span) (d Diagnostic, suggest, ok bool) {
	w := ws[i]
	text, l := w.text(t.Value), c.lex.form(w.id)
	if len(p.Words) > 0 && (p.Words[framework.Key(text)] || p.Words[l]) {
		return Diagnostic{}, false, false
	}
	// A form of a noun and verb pair is a word wherever it stands, even
	// in a skill's name ("Technical advice"); its place decides.
	if d, ok := c.confusion(t, ws, i, s); ok {
		return d, false, true
	}
	if c.inVocab(l) {
		return Diagnostic{}, false, false
	}
	if c.isListed(l) {
		d, ok := c.realWord(t, ws, i, s)
		return d, false, ok
	}
	n := c.uses(l)
	// A rare word one edit from a frequent one is a slip for it; a short
	// capitalised word inside a sentence is more likely a name ("Coe").
	properName := !w.sentence && startsUpper(text)
	if !properName || utf8.RuneCountInString(l) >= 6 {
		if near := c.frequentNeighbours(l, n); len(near) > 0 {
			return c.nonWord(text, w.tail(t.Value), s, near), false, true
		}
	}
	switch {
	case c.accepted(l):
		return Diagnostic{}, false, false
	case c.independent(l) >= corpusWord:
		return Diagnostic{}, false, false // the corpus's own vocabulary
	case properName:
		return Diagnostic{}, false, false
	case compound(l):
		return Diagnostic{}, false, false
	}
	return Diagnostic{}, true, true
}

// nonWord is the finding for a word that is not a word.
func (c *corpus) nonWord(text, tail string, s framework.Span, fixes []string) Diagnostic {
	d := Diagnostic{Span: s}
	if len(fixes) == 0 {
		d.Message = fmt.Sprintf("%q is not a word; check its spelling or add it to the accepted words", text)
		if l, _ := fold(text); len(l) > maxSuggestLen {
			d.Message += fmt.Sprintf(" (it is too long to look for the word meant: at most %d bytes are compared)", maxSuggestLen)
		}
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

func quoteOr(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// listed reports whether the word list holds l, directly or as a
// possessive plural ("stakeholders'").
func listed(l string) bool {
	return wordlist.Has(l) || strings.HasSuffix(l, "s'") && wordlist.Has(l[:len(l)-1])
}

// accepted reports whether l is a form of a listed word or of the
// corpus's vocabulary that the list lacks: a plural, a past tense, an
// "-ise" verb or its noun ("incentivising" from "incentive",
// "commoditisation" from "commodity", as "prioritise" from "priority"), a
// prefixed word ("reusability").
func (c *corpus) accepted(l string) bool {
	known := func(b string) bool {
		return len(b) >= 3 && (wordlist.Has(b) || c.vocab[b] || c.independent(b) >= corpusWord)
	}
	l = strings.TrimSuffix(l, "'")
	for _, sfx := range [...]struct{ cut, add string }{
		{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""}, {"ing", ""}, {"ing", "e"},
		{"ise", "e"}, {"ise", ""}, {"ised", "e"}, {"ised", ""}, {"ises", "e"}, {"ises", ""},
		{"ising", "e"}, {"ising", ""}, {"isation", "e"}, {"isation", ""},
		{"itise", "ity"}, {"itised", "ity"}, {"itises", "ity"}, {"itising", "ity"}, {"itisation", "ity"},
	} {
		if b, ok := strings.CutSuffix(l, sfx.cut); ok && known(b+sfx.add) {
			return true
		}
	}
	for _, pfx := range prefixes {
		if b, ok := strings.CutPrefix(l, pfx); ok && len(b) >= 4 && (listed(b) || listedForm(b)) {
			return true
		}
	}
	return false
}

// prefixes are the productive English prefixes that make a word from a
// listed one ("reusability", "unassigned", "multidisciplinary").
var prefixes = [...]string{
	"anti", "co", "cross", "de", "dis", "inter", "micro", "mis", "multi", "non",
	"out", "over", "post", "pre", "re", "self", "sub", "un", "under", "up",
}

// compound reports whether l is two listed words written as one
// ("timeframe", "underrepresented", "runbooks"), each of at least three
// letters.
func compound(l string) bool {
	if len(l) > 2*maxSuggestLen {
		return false // no two list words, nor their plurals, are that long
	}
	for i := 3; i+3 <= len(l); i++ {
		if wordlist.Has(l[:i]) && (wordlist.Has(l[i:]) || listedForm(l[i:])) {
			return true
		}
	}
	return false
}

// listedForm reports whether l is a plural or past tense of a listed word.
func listedForm(l string) bool {
	for _, sfx := range [...]string{"s", "es", "ed", "d"} {
		if b, ok := strings.CutSuffix(l, sfx); ok && len(b) >= 3 && wordlist.Has(b) {
			return true
		}
	}
	return false
}

// frequentNeighbours returns the listed words one edit from l that are
// frequent in the corpus and used at least twice as often as l (n uses),
// most frequent first.
func (c *corpus) frequentNeighbours(l string, n int) []string {
	var near []string
	for _, v := range c.neighbours(l) {
		m := c.uses(v)
		if m >= frequentWord && m >= nonWordRatio*max(n, 1) && (c.isListed(v) || c.vocab[v]) && !inflection(l, v) {
			near = append(near, v)
		}
	}
	sort.Slice(near, func(i, j int) bool {
		if a, b := c.uses(near[i]), c.uses(near[j]); a != b {
			return a > b
		}
		return near[i] < near[j]
	})
	return near[:min(len(near), maxSuggestions)]
}

// inflection reports whether a and b differ only in an ending: one is the
// other plus letters ("manager", "managers"; "use", "used").
func inflection(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// realWord returns the finding for a listed word ws[i] that is a slip for
// a one-edit variant: the word is uncommon in English and rare in the
// corpus, and its pair with a neighbour is rare while the variant's pair
// with that neighbour is frequent.
func (c *corpus) realWord(t framework.Text, ws []word, i int, s framework.Span) (Diagnostic, bool) {
	w := ws[i]
	l := c.lex.form(w.id)
	if c.uses(l) > rareWord || c.inVocab(l) || wordlist.Common(l) {
		return Diagnostic{}, false
	}
	var prev, next string
	if i > 0 && w.pairPrev && !ws[i-1].skip {
		prev = c.lex.form(ws[i-1].id)
	}
	if i+1 < len(ws) && ws[i+1].pairPrev && !ws[i+1].skip {
		next = c.lex.form(ws[i+1].id)
	}
	if prev == "" && next == "" {
		return Diagnostic{}, false
	}
	var (
		fix        string
		pair, slip [2]string
		best       int
	)
	check := func(v string, p, q [2]string) {
		n, m := c.pairUses(p), c.pairUses(q)
		if n >= frequentPair && n >= frequentRatio*max(m, 1) && n > best && c.associated(p, n) {
			fix, pair, slip, best = v, p, q, n
		}
	}
	for _, v := range c.neighbours(l) {
		if inflection(l, v) || c.uses(v) < frequentRatio*max(c.uses(l), 1) || !c.isListed(v) && !c.vocab[v] {
			continue
		}
		if prev != "" {
			check(v, [2]string{prev, v}, [2]string{prev, l})
		}
		if next != "" {
			check(v, [2]string{v, next}, [2]string{l, next})
		}
	}
	if fix == "" {
		return Diagnostic{}, false
	}
	fix = matchCase(fix, w.text(t.Value)) + w.tail(t.Value)
	return Diagnostic{
		Span: s,
		Message: fmt.Sprintf("%q is probably a slip for %q: these documents have %q %s and %q %s",
			w.text(t.Value), fix, pair[0]+" "+pair[1], times(best), slip[0]+" "+slip[1], times(c.pairUses(slip))),
		Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix}},
	}, true
}

// associated reports whether the pair p, used n times, is used at least
// contextRatio times as often as chance would pair its words, given their
// uses: only then does the neighbour speak for the word ("product" for
// "managers"), where a word that goes with anything ("and" after "areas")
// says nothing of it.
func (c *corpus) associated(p [2]string, n int) bool {
	return int64(n)*int64(c.total) >= contextRatio*int64(c.uses(p[0]))*int64(c.uses(p[1]))
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// suggest returns at most three listed or corpus words near each of the
// distinct words ls, best first. A candidate's score is its edit
// distance, less one if the corpus uses it and less the log of its uses,
// so a word of the documents three edits away ("implementation" for
// "implemation") beats a word two away that they do not use
// ("impletion"), and a frequent one beats a rare one ("implication").
// Words of the list that the corpus does not use are looked for at most
// two edits away, for the first maxListScans of ls.
func (c *corpus) suggest(ls []string) map[string][]string {
	qs := make([]*suggestion, len(ls))
	for i, l := range ls {
		qs[i] = newSuggestion(l)
	}
	if len(qs) == 0 {
		return nil
	}
	// The corpus's vocabulary: its listed and much-used words, each
	// query measured only against those of about its length and letters.
	var known []string
	for id, n := range c.counts {
		if v := c.lex.form(int32(id)); n > 0 && (c.isListed(v) || c.independent(v) >= corpusWord) {
			known = append(known, v)
		}
	}
	sort.Strings(known) // the order measured, not the answers
	vocab := newVocabIndex(known, maxSuggestLen+3)
	for _, q := range qs {
		if len(q.l) <= maxSuggestLen {
			vocab.near(q.l, q.maxD, func(v string) { c.consider(q, v, q.maxD) })
		}
	}
	// The word list, once for all: a list word is measured only against
	// the words of about its length and letters.
	listed := qs[:min(len(qs), maxListScans)]
	var byLen [maxSuggestLen + 3][]*suggestion
	for _, q := range listed {
		if n := len(q.l); n <= maxSuggestLen {
			for k := max(n-2, 0); k <= n+2; k++ {
				byLen[k] = append(byLen[k], q)
			}
		}
	}
	minLen, maxLen := len(byLen), -1
	for k, b := range byLen {
		if len(b) > 0 {
			minLen, maxLen = min(minLen, k), max(maxLen, k)
		}
	}
	// Only the words of the lengths asked for are read (the answers do
	// not depend on the order they are measured in).
	for v := range wordlist.UsualOfLengths(minLen, maxLen) {
		if len(byLen[len(v)]) == 0 {
			continue
		}
		// The letters first: most words are ruled out by them, before
		// the corpus (a map) is asked whether it holds the word.
		m := letterMask(v)
		inCorpus := -1 // not yet asked
		for _, q := range byLen[len(v)] {
			if d := min(q.maxD, 2); bits.OnesCount32(m^q.mask) <= 2*d {
				if inCorpus < 0 {
					inCorpus = 0
					if _, ok := c.id(v); ok {
						inCorpus = 1
					}
				}
				if inCorpus == 1 {
					break // a corpus word: considered above
				}
				c.consider(q, v, d)
			}
		}
	}
	out := make(map[string][]string, len(qs))
	for _, q := range qs {
		out[q.l] = q.best()
	}
	return out
}

// Bounds of [corpus.suggest].
const (
	// maxListScans bounds the number of words for which the word list
	// is searched, so that a document of gibberish is linted in bounded
	// time; later words get suggestions from the corpus alone.
	maxListScans = 200
	// maxSuggestWords bounds the number of words for which suggestions
	// are looked for at all; later words get none, and their findings
	// say so.
	maxSuggestWords = 2000
	// maxSuggestLen is the longest word, in bytes, for which suggestions
	// are looked for, and looked for in the word list; longer ones
	// cannot be within two edits of a list word (the longest is 45
	// bytes; a test checks the margin).
	maxSuggestLen = 64
)

// suggestion is a word being looked up by [corpus.suggest].
type suggestion struct {
	l     string
	maxD  int    // the most edits a suggestion may be away
	mask  uint32 // letterMask(l)
	score map[string]float64
}

func newSuggestion(l string) *suggestion {
	q := &suggestion{l: l, maxD: 1, mask: letterMask(l), score: map[string]float64{}}
	switch n := utf8.RuneCountInString(l); {
	case n >= 10:
		q.maxD = 3
	case n >= 5:
		q.maxD = 2
	}
	return q
}

// consider scores v for q if it is within d edits.
func (c *corpus) consider(q *suggestion, v string, d int) {
	if abs(len(v)-len(q.l)) > d {
		return
	}
	if e := c.dist.distance(q.l, v, d); e <= d && e > 0 {
		sc := float64(e)
		if n := c.uses(v); n > 0 {
			sc -= 1 + math.Log10(float64(n))
		}
		q.score[v] = sc
	}
}

// best returns the best-scored candidates, at most maxSuggestions, ties
// in bytewise order.
func (q *suggestion) best() []string {
	cands := make([]string, 0, len(q.score))
	for v := range q.score {
		cands = append(cands, v)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if q.score[a] != q.score[b] {
			return q.score[a] < q.score[b]
		}
		return a < b
	})
	return cands[:min(len(cands), maxSuggestions)]
}

// letterMask returns the set of letters of w: bit i for the letter 'a'+i,
// bit 26 for any other character. An edit changes at most two bits, so
// words k edits apart have masks at most 2k bits apart.
func letterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		if b := w[i]; b >= 'a' && b <= 'z' {
			m |= 1 << (b - 'a')
		} else {
			m |= 1 << 26
		}
	}
	return m
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distBuf holds the rows of [osaDistance], reused between calls.
type distBuf struct{ prev2, prev, cur []int }

// distance is [editDistance] on bytes, without allocating once the
// buffer has grown.
func (b *distBuf) distance(x, y string, max int) int {
	return osaDistance([]byte(x), []byte(y), max, true, b)
}
