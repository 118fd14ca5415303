package lint

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
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
	Category: "writing",
	Severity: Warning,
	Run:      runSpelling,
}

// A Word is one Word of a text, as [tokenize] finds it.
//
// A run holds one Word for each Word of each distinct text, so the
// struct is kept small: it holds offsets into the text's value, and its
// lookup form as a number in the run's [lexicon].
type Word struct {
	Start, End int   // byte offsets of the word in the text's Value
	ID         int32 // its lookup form (see [fold]) in the lexicon it was tokenised with; below -1, a number's (see [numberID])
	TailLen    uint8 // the length of its possessive ending ("’s"), if any
	Skip       bool  // an acronym, CamelCase name, or has digits: not checked
	Sentence   bool  // the first word of a sentence (or of the text)
	PairPrev   bool  // the previous word is its neighbour in a word pair
}

// Text returns w as written in v, the value it was found in.
func (w Word) Text(v string) string { return v[w.Start:w.End] }

// Tail returns the possessive ending of w as written in v ("’s"), or "".
func (w Word) Tail(v string) string { return v[w.End-int(w.TailLen) : w.End] }

// span returns the span of w in t.
func wordSpan(t framework.Text, w Word) framework.Span { return t.Sub(w.Start, w.End) }

// A Lexicon numbers the lookup forms of words (see [fold]), in the order
// first met. A Lexicon with a base numbers only the forms its base lacks,
// after the base's; the base is not changed, so several lexicons can share
// it while rules run concurrently.
type Lexicon struct {
	base  *Lexicon
	ids   map[string]int32
	forms []string
}

func NewLexicon(base *Lexicon) *Lexicon {
	return &Lexicon{base: base, ids: map[string]int32{}}
}

// Size returns the number of forms numbered, the base's included.
func (x *Lexicon) Size() int {
	if x.base == nil {
		return len(x.forms)
	}
	return x.base.Size() + len(x.forms)
}

// Lookup returns the number of form f, if it has one.
func (x *Lexicon) Lookup(f string) (int32, bool) {
	if x.base != nil {
		if id, ok := x.base.Lookup(f); ok {
			return id, true
		}
	}
	id, ok := x.ids[f]
	return id, ok
}

// Intern returns the number of form f, numbering it if it has none.
func (x *Lexicon) Intern(f string) int32 {
	if id, ok := x.Lookup(f); ok {
		return id
	}
	id := int32(x.Size())
	x.ids[f] = id
	x.forms = append(x.forms, f)
	return id
}

// Form returns the Form numbered id.
func (x *Lexicon) Form(id int32) string {
	if x.base != nil {
		n := int32(x.base.Size())
		if id < n {
			return x.base.Form(id)
		}
		id -= n
	}
	return x.forms[id]
}

// NumberID returns the number of the lookup form f when f is a number of
// one to nine ASCII digits ("2025", "07"), a word the spelling rules do
// not check: such numbers are numbered without a lexicon, below -1 (the
// edge of a text, to [corpus.addContext]), each its own, so that a
// catalogue of many numbered names does not file each number as a word.
// Only their identity counts: the corpus compares the words around a
// word, and never looks a number up (see [fold]: a word with digits is
// skipped).
func NumberID(f string) (int32, bool) {
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

// Tokenize returns the words of s, their lookup forms numbered in lex.
// Web addresses, email addresses and file names are left out; a
// hyphenated compound gives one word per part.
func Tokenize(s string, lex *Lexicon) []Word {
	// About one word in six bytes of English: sized so that appending
	// rarely grows the slice.
	return AppendWords(make([]Word, 0, len(s)/6+1), s, lex)
}

// AppendWords appends the words of s (see [tokenize]) to words, so that
// words not kept can reuse one slice.
func AppendWords(words []Word, s string, lex *Lexicon) []Word {
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
			w := Word{Start: k, End: e, Sentence: sentence, PairPrev: pair}
			lower, skip := Fold(s[k:e])
			if id, ok := NumberID(lower); ok {
				w.ID, w.Skip = id, true
			} else {
				w.ID, w.Skip = lex.Intern(lower), skip
			}
			for _, t := range [...]string{"'s", "’s", "'S", "’S"} {
				if strings.HasSuffix(s[k:e], t) {
					w.TailLen = uint8(len(t))
				}
			}
			if k > i && s[k-1] == '&' {
				w.Skip = true // an HTML entity: encoding's finding
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

// Fold returns the lookup form of a word as written: lower case, curly
// apostrophes straight, a possessive "'s" removed. skip is true for a word
// the spelling rules do not check: one with digits, an acronym ("MVP",
// "KPIs"), a CamelCase name ("DevOps", "JavaScript").
func Fold(w string) (lower string, skip bool) {
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

// Corpus holds the word and word-pair counts of a pass's documents and of
// the catalogue's documents not among them.
type Corpus struct {
	Lex      *Lexicon            // the words counted, on the run's lexicon
	counts   []int               // uses of each word, by its number in lex
	total    int                 // uses of all words
	pairs    map[uint64]int      // uses of each word pair, by pairKey
	vocab    map[string]bool     // words of skill and role names
	frequent *nearword.Deletions // words used at least frequentWord times (see [corpus.neighbours])
	listed   map[string]bool     // memo of [listed]
	dist     nearword.Buf

	// contexts holds, for each unlisted word (by its number in lex), the
	// distinct contexts it is used in, up to corpusWord of them: its
	// independent uses (see [corpus.independent]).
	contexts map[int32]*contextSet
}

// A contextSet holds up to corpusWord distinct contexts of a word, each
// the hash of its neighbours.
type contextSet struct {
	n int
	h [CorpusWord]uint64
}

// add adds context h, if the set has room and lacks it.
func (s *contextSet) add(h uint64) {
	if s.n == len(s.h) || slices.Contains(s.h[:s.n], h) {
		return
	}
	s.h[s.n] = h
	s.n++
}

// Count adds n uses of the words ws, tokenised with c.lex or its base,
// and of their pairs, and the contexts of the unlisted words among them.
// The texts are counted by distinct value: a value the layout repeats
// (a descriptor on every role level that requires its skill, the same
// text in two downloads) gives the same contexts each time.
func (c *Corpus) Count(ws []Word, n int) {
	if size := c.Lex.Size(); len(c.counts) < size {
		c.counts = append(c.counts, make([]int, size-len(c.counts))...)
	}
	prev := int32(-1)
	for i, w := range ws {
		if w.Skip {
			prev = -1
			continue
		}
		id := w.ID
		if !c.IsListed(c.Lex.Form(id)) {
			c.addContext(ws, i)
		}
		c.counts[id] += n
		c.total += n
		if w.PairPrev && prev >= 0 {
			c.pairs[pairKey(prev, id)] += n
		}
		prev = id
	}
}

// addContext notes the context of word i of ws: the words either side of
// it, or the edge of the text.
func (c *Corpus) addContext(ws []Word, i int) {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, j := range [...]int{i - 2, i - 1, i + 1, i + 2} {
		id := int32(-1)
		if j >= 0 && j < len(ws) {
			id = ws[j].ID
		}
		h = (h ^ uint64(uint32(id))) * prime
	}
	s := c.contexts[ws[i].ID]
	if s == nil {
		s = &contextSet{}
		c.contexts[ws[i].ID] = s
	}
	s.add(h)
}

// Independent returns the number of Independent uses of the unlisted
// word w, at most corpusWord: the distinct contexts it is used in, so
// that a text repeated on every row of a download, or copied from one
// document into another, counts once.
func (c *Corpus) Independent(w string) int {
	id, ok := c.id(w)
	if !ok {
		return 0
	}
	if s := c.contexts[id]; s != nil {
		return s.n
	}
	return min(c.counts[id], CorpusWord) // a listed word: its uses
}

// id returns the number of word w if the corpus uses it.
func (c *Corpus) id(w string) (int32, bool) {
	id, ok := c.Lex.Lookup(w)
	if !ok || int(id) >= len(c.counts) || c.counts[id] == 0 {
		return 0, false
	}
	return id, true
}

// Uses returns the number of Uses of word w.
func (c *Corpus) Uses(w string) int {
	if id, ok := c.id(w); ok {
		return c.counts[id]
	}
	return 0
}

// PairUses returns the number of uses of the word pair p.
func (c *Corpus) PairUses(p [2]string) int {
	a, ok1 := c.id(p[0])
	b, ok2 := c.id(p[1])
	if !ok1 || !ok2 {
		return 0
	}
	return c.pairs[pairKey(a, b)]
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// IsListed is [listed], remembered.
func (c *Corpus) IsListed(l string) bool {
	v, ok := c.listed[l]
	if !ok {
		v = Listed(l)
		c.listed[l] = v
	}
	return v
}

// InVocab reports whether l, or the singular of l, is a word of a skill
// or role name.
func (c *Corpus) InVocab(l string) bool {
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

// NewCorpus returns an empty corpus counting the words of lex, its table
// of word pairs sized for pairs of them.
func NewCorpus(lex *Lexicon, pairs int) *Corpus {
	return &Corpus{Lex: lex, pairs: make(map[uint64]int, pairs), vocab: map[string]bool{},
		frequent: nearword.NewDeletions(0, 0), listed: map[string]bool{}, contexts: map[int32]*contextSet{}}
}

func newCorpus(p *Pass) *Corpus {
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
	c := NewCorpus(NewLexicon(tt.lex), uses/3)
	for id, ws := range tt.words {
		c.Count(ws, tt.uses[id])
	}
	// The catalogue's and the vocabulary's texts count too, each
	// distinct value once, however often they repeat it (the whole
	// framework repeats a descriptor on every role level that requires
	// the skill: a typo it repeats must not become a word of the corpus
	// by repetition alone); their words are not kept.
	values, _, _ := distinctValues(uniqueTexts(outsideDocs(p)))
	var ws []Word
	for _, v := range values {
		ws = AppendWords(ws[:0], v, c.Lex)
		c.Count(ws, 1)
	}
	c.IndexFrequent()
	nameWords := NewLexicon(nil) // their words are not counted
	name := func(t framework.Text) {
		ws = AppendWords(ws[:0], t.Value, nameWords)
		for _, w := range ws {
			if w.ID >= 0 { // a number is never looked up (see numberID)
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

// Neighbours returns the frequent words of the corpus one edit from l,
// shorter first, then in bytewise order (see [nearword.Deletions]): the
// index holds none longer than maxSuggestLen.
func (c *Corpus) Neighbours(l string) []string {
	return c.frequent.Neighbours(l, &c.dist)
}

// Thresholds of the corpus evidence.
const (
	CorpusWord     = 3 // independent uses (distinct contexts) that make an unlisted word part of the corpus's vocabulary
	FrequentWord   = 5 // uses that make a word frequent
	frequentRatio  = 5 // how many times more uses the intended word or pair of a real-word error must have
	nonWordRatio   = 2 // how many times more uses the intended word of an unlisted word must have
	frequentPair   = 3 // uses that make a word pair frequent
	rareWord       = 3 // most uses of a listed word that can still be a slip
	contextRatio   = 3 // how many times more often than chance the intended pair of a real-word error must be used
	MaxSuggestions = 3
)

func runSpelling(p *Pass) {
	c := newCorpus(p)
	us := americanToBritish()
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
	eachLintedText(p, func(t framework.Text, ws []Word) bool {
		if levels[keyOf(t.Span)] {
			return true // not clean: the same value elsewhere is checked
		}
		before := reported
		for i, w := range ws {
			if w.Skip {
				continue
			}
			l := c.Lex.Form(w.ID)
			if utf8.RuneCountInString(l) < 3 {
				continue
			}
			if _, ok := us[l]; ok {
				continue // british-spelling's finding
			}
			s := wordSpan(t, w)
			if seen[keyOf(s)] {
				continue
			}
			d, suggest, ok := check(c, p, t, ws, i, s)
			if !ok {
				continue
			}
			seen[keyOf(s)] = true
			reported++
			text, tail := w.Text(t.Value), w.Tail(t.Value)
			switch {
			case !suggest:
				p.Report(d)
			case len(l) > MaxSuggestLen:
				p.Report(nonWord(text, tail, s, nil)) // too long to look up
			case pending[l] || len(unknown) < MaxSuggestWords:
				waiting = append(waiting, spellingFinding{text: text, tail: tail, lower: l, s: s})
				if !pending[l] {
					pending[l] = true
					unknown = append(unknown, l)
				}
			default:
				d := nonWord(text, tail, s, nil)
				d.Message += fmt.Sprintf(" (not looked up: the word meant is looked for only for the first %d misspelt words)", MaxSuggestWords)
				p.Report(d)
			}
		}
		return reported != before
	})
	fixes := c.Suggest(unknown)
	for _, f := range waiting {
		p.Report(nonWord(f.text, f.tail, f.s, slices.Clone(fixes[f.lower])))
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
func check(c *Corpus, p *Pass, t framework.Text, ws []Word, i int, s framework.Span) (d Diagnostic, suggest, ok bool) {
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
	if c.InVocab(l) {
		return Diagnostic{}, false, false
	}
	if c.IsListed(l) {
		d, ok := realWord(c, t, ws, i, s)
		return d, false, ok
	}
	n := c.Uses(l)
	// A rare word one edit from a frequent one is a slip for it; a short
	// capitalised word inside a sentence is more likely a name ("Coe").
	properName := !w.Sentence && startsUpper(text)
	if !properName || utf8.RuneCountInString(l) >= 6 {
		if near := c.FrequentNeighbours(l, n); len(near) > 0 {
			return nonWord(text, w.Tail(t.Value), s, near), false, true
		}
	}
	switch {
	case c.Accepted(l):
		return Diagnostic{}, false, false
	case c.Independent(l) >= CorpusWord:
		return Diagnostic{}, false, false // the corpus's own vocabulary
	case properName:
		return Diagnostic{}, false, false
	case Compound(l):
		return Diagnostic{}, false, false
	}
	return Diagnostic{}, true, true
}

// nonWord is the finding for a word that is not a word.
func nonWord(text, tail string, s framework.Span, fixes []string) Diagnostic {
	d := Diagnostic{Span: s}
	if len(fixes) == 0 {
		d.Message = fmt.Sprintf("%q is not a word; check its spelling or add it to the accepted words", text)
		if l, _ := Fold(text); len(l) > MaxSuggestLen {
			d.Message += fmt.Sprintf(" (it is too long to look for the word meant: at most %d bytes are compared)", MaxSuggestLen)
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

// Listed reports whether the word list holds l, directly or as a
// possessive plural ("stakeholders'").
func Listed(l string) bool {
	return wordlist.Has(l) || strings.HasSuffix(l, "s'") && wordlist.Has(l[:len(l)-1])
}

// Accepted reports whether l is a form of a listed word or of the
// corpus's vocabulary that the list lacks: a plural, a past tense, an
// "-ise" verb or its noun ("incentivising" from "incentive",
// "commoditisation" from "commodity", as "prioritise" from "priority"), a
// prefixed word ("reusability").
func (c *Corpus) Accepted(l string) bool {
	known := func(b string) bool {
		return len(b) >= 3 && (wordlist.Has(b) || c.vocab[b] || c.Independent(b) >= CorpusWord)
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
		if b, ok := strings.CutPrefix(l, pfx); ok && len(b) >= 4 && (Listed(b) || ListedForm(b)) {
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

// Compound reports whether l is two listed words written as one
// ("timeframe", "underrepresented", "runbooks"), each of at least three
// letters.
func Compound(l string) bool {
	if len(l) > 2*MaxSuggestLen {
		return false // no two list words, nor their plurals, are that long
	}
	for i := 3; i+3 <= len(l); i++ {
		if wordlist.Has(l[:i]) && (wordlist.Has(l[i:]) || ListedForm(l[i:])) {
			return true
		}
	}
	return false
}

// ListedForm reports whether l is a plural or past tense of a listed word.
func ListedForm(l string) bool {
	for _, sfx := range [...]string{"s", "es", "ed", "d"} {
		if b, ok := strings.CutSuffix(l, sfx); ok && len(b) >= 3 && wordlist.Has(b) {
			return true
		}
	}
	return false
}

// FrequentNeighbours returns the listed words one edit from l that are
// frequent in the corpus and used at least twice as often as l (n uses),
// most frequent first.
func (c *Corpus) FrequentNeighbours(l string, n int) []string {
	var near []string
	for _, v := range c.Neighbours(l) {
		m := c.Uses(v)
		if m >= FrequentWord && m >= nonWordRatio*max(n, 1) && (c.IsListed(v) || c.vocab[v]) && !Inflection(l, v) {
			near = append(near, v)
		}
	}
	sort.Slice(near, func(i, j int) bool {
		if a, b := c.Uses(near[i]), c.Uses(near[j]); a != b {
			return a > b
		}
		return near[i] < near[j]
	})
	return near[:min(len(near), MaxSuggestions)]
}

// Inflection reports whether a and b differ only in an ending: one is the
// other plus letters ("manager", "managers"; "use", "used").
func Inflection(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// realWord returns the finding for a listed word ws[i] that is a slip for
// a one-edit variant (see [spell.Corpus.RealWordSlip]).
func realWord(c *Corpus, t framework.Text, ws []Word, i int, s framework.Span) (Diagnostic, bool) {
	w := ws[i]
	var prev, next string
	if i > 0 && w.PairPrev && !ws[i-1].Skip {
		prev = c.Lex.Form(ws[i-1].ID)
	}
	if i+1 < len(ws) && ws[i+1].PairPrev && !ws[i+1].Skip {
		next = c.Lex.Form(ws[i+1].ID)
	}
	sl, ok := c.RealWordSlip(prev, c.Lex.Form(w.ID), next)
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

// A Slip is the evidence that a listed word is a slip for another (see
// [Corpus.RealWordSlip]).
type Slip struct {
	Fix                string    // the word meant, in lookup form
	Pair, Slip         [2]string // the frequent pair with the word meant; the rare pair as written
	PairUses, SlipUses int       // their uses
}

// RealWordSlip reports whether the listed word l, whose neighbours in
// word pairs are prev and next ("" where it has none), is a slip for a
// one-edit variant: the word is uncommon in English and rare in the
// corpus, and its pair with a neighbour is rare while the variant's pair
// with that neighbour is frequent (see [Corpus.Prefers]).
func (c *Corpus) RealWordSlip(prev, l, next string) (Slip, bool) {
	if c.Uses(l) > rareWord || c.InVocab(l) || wordlist.Common(l) {
		return Slip{}, false
	}
	if prev == "" && next == "" {
		return Slip{}, false
	}
	var sl Slip
	check := func(v string, p, q [2]string) {
		n, m := c.PairUses(p), c.PairUses(q)
		if c.Prefers(p, n, m) && n > sl.PairUses {
			sl = Slip{Fix: v, Pair: p, Slip: q, PairUses: n, SlipUses: m}
		}
	}
	for _, v := range c.Neighbours(l) {
		if Inflection(l, v) || c.Uses(v) < frequentRatio*max(c.Uses(l), 1) || !c.IsListed(v) && !c.vocab[v] {
			continue
		}
		if prev != "" {
			check(v, [2]string{prev, v}, [2]string{prev, l})
		}
		if next != "" {
			check(v, [2]string{v, next}, [2]string{l, next})
		}
	}
	return sl, sl.Fix != ""
}

// Prefers reports whether the documents prefer the word pair want, used
// n times, to another used m times: want is frequent, used frequentRatio
// times as often, and associated (see [Corpus.Associated]).
func (c *Corpus) Prefers(want [2]string, n, m int) bool {
	return n >= frequentPair && n >= frequentRatio*max(m, 1) && c.Associated(want, n)
}

// IndexFrequent indexes the words counted so far that are frequent, for
// [Corpus.Neighbours]. It is called once, when the words are counted.
func (c *Corpus) IndexFrequent() {
	// The index is sized for every frequent word and its deletions, an
	// upper bound: words share some deletions.
	words, keys := 0, 0
	// Words longer than maxSuggestLen are left out: filing a word costs
	// its length squared.
	for id, n := range c.counts {
		if v := c.Lex.Form(int32(id)); n >= FrequentWord && len(v) <= MaxSuggestLen {
			words++
			keys += len(v) + 1
		}
	}
	c.frequent = nearword.NewDeletions(words, keys)
	for id, n := range c.counts {
		if v := c.Lex.Form(int32(id)); n >= FrequentWord && len(v) <= MaxSuggestLen {
			c.frequent.Add(v)
		}
	}
}

// AddName adds the lookup form l of a word of a skill or role name to
// the corpus's vocabulary (see [Corpus.InVocab]).
func (c *Corpus) AddName(l string) { c.vocab[l] = true }

// Associated reports whether the pair p, used n times, is used at least
// contextRatio times as often as chance would pair its words, given their
// uses: only then does the neighbour speak for the word ("product" for
// "managers"), where a word that goes with anything ("and" after "areas")
// says nothing of it.
func (c *Corpus) Associated(p [2]string, n int) bool {
	return int64(n)*int64(c.total) >= contextRatio*int64(c.Uses(p[0]))*int64(c.Uses(p[1]))
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

// Suggest returns at most three listed or corpus words near each of the
// distinct words ls, best first. A candidate's score is its edit
// distance, less one if the corpus uses it and less the log of its uses,
// so a word of the documents three edits away ("implementation" for
// "implemation") beats a word two away that they do not use
// ("impletion"), and a frequent one beats a rare one ("implication").
// Words of the list that the corpus does not use are looked for at most
// two edits away, for the first maxListScans of ls.
func (c *Corpus) Suggest(ls []string) map[string][]string {
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
		if v := c.Lex.Form(int32(id)); n > 0 && (c.IsListed(v) || c.Independent(v) >= CorpusWord) {
			known = append(known, v)
		}
	}
	sort.Strings(known) // the order measured, not the answers
	vocab := nearword.NewByLength(known, MaxSuggestLen+3)
	for _, q := range qs {
		if len(q.l) <= MaxSuggestLen {
			vocab.Near(q.l, q.maxD, func(v string) { c.consider(q, v, q.maxD) })
		}
	}
	// The word list, once for all: a list word is measured only against
	// the words of about its length and letters.
	listed := qs[:min(len(qs), maxListScans)]
	var byLen [MaxSuggestLen + 3][]*suggestion
	for _, q := range listed {
		if n := len(q.l); n <= MaxSuggestLen {
			for k := max(n-2, 0); k <= n+2; k++ {
				byLen[k] = append(byLen[k], q)
			}
		}
	}
	for v := range wordlist.Usual() {
		if len(v) >= len(byLen) || len(byLen[len(v)]) == 0 {
			continue
		}
		if _, ok := c.id(v); ok {
			continue // a corpus word: considered above
		}
		m := nearword.LetterMask(v)
		for _, q := range byLen[len(v)] {
			if d := min(q.maxD, nearword.ListEdits); nearword.MaybeWithin(m, q.mask, d) {
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
	// MaxSuggestWords bounds the number of words for which suggestions
	// are looked for at all; later words get none, and their findings
	// say so.
	MaxSuggestWords = 2000
	// MaxSuggestLen is the longest word, in bytes, for which suggestions
	// are looked for, and looked for in the word list; longer ones
	// cannot be within two edits of a list word (the longest is 45
	// bytes; a test checks the margin).
	MaxSuggestLen = 64
)

// suggestion is a word being looked up by [corpus.suggest].
type suggestion struct {
	l     string
	maxD  int    // the most edits a suggestion may be away
	mask  uint32 // letterMask(l)
	score map[string]float64
}

func newSuggestion(l string) *suggestion {
	return &suggestion{l: l, maxD: nearword.SpellingEdits(utf8.RuneCountInString(l)), mask: nearword.LetterMask(l), score: map[string]float64{}}
}

// consider scores v for q if it is within d edits.
func (c *Corpus) consider(q *suggestion, v string, d int) {
	if abs(len(v)-len(q.l)) > d {
		return
	}
	if e := c.dist.Bytes(q.l, v, d); e <= d && e > 0 {
		sc := float64(e)
		if n := c.Uses(v); n > 0 {
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
	return cands[:min(len(cands), MaxSuggestions)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
