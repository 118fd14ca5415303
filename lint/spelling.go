package lint

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/golangci/misspell"

	"github.com/ddat-tools/ddat/framework"
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
		"(SCOWL, as Debian's wbritish), is a word of a skill or role name, is an " +
		"accepted word of the configuration, or is used several times across the " +
		"linted documents and the catalogue. Acronyms (MVP, KPIs), CamelCase names " +
		"(DevOps), words with digits, web addresses and email addresses are skipped, " +
		"and so are capitalised words inside a sentence (proper names).\n\n" +
		"Corpus evidence: a rare word one letter away from a frequent word of the " +
		"corpus is reported even when it could be a word; a word whose pair with its " +
		"neighbour is rare while a one-letter variant of the pair is frequent " +
		"(\"product mangers\" against \"product managers\") is reported as a real-word " +
		"error.\n\n" +
		"Before: `head of portolio`, `line-manage senior and lead product mangers`\n\n" +
		"After: `head of portfolio`, `line-manage senior and lead product managers`",
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

// americanToBritish maps the lower-case American spellings of misspell's
// DictBritish to their British forms, less those the British word list
// holds too.
var americanToBritish = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(misspell.DictBritish)/2)
	for i := 0; i+1 < len(misspell.DictBritish); i += 2 {
		us, uk := misspell.DictBritish[i], misspell.DictBritish[i+1]
		if wordlist.Has(us) {
			continue
		}
		m[us] = uk
	}
	return m
})

func runBritishSpelling(p *Pass) {
	us := americanToBritish()
	seen := map[spanKey]bool{}
	for _, t := range lintedTexts(p) {
		for _, w := range tokenize(t.Value) {
			if w.skip {
				continue
			}
			uk, ok := us[w.lower]
			if !ok || p.Words[w.lower] {
				continue
			}
			s := t.Span.Sub(w.start, w.end)
			if seen[keyOf(s)] {
				continue
			}
			seen[keyOf(s)] = true
			fix := matchCase(uk, w.text)
			p.Report(Diagnostic{
				Span:        s,
				Message:     fmt.Sprintf("%q is the American spelling; British English writes %q", w.text, fix),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix}},
			})
		}
	}
}

// A word is one word of a text, as [tokenize] finds it.
type word struct {
	text       string // as written
	lower      string // lower case, straight apostrophes, possessive removed
	start, end int    // byte offsets of text in the text's Value
	skip       bool   // an acronym, CamelCase name, or has digits: not checked
	sentence   bool   // the first word of a sentence (or of the text)
	joined     bool   // joined to the previous word by a hyphen or slash
	pairPrev   bool   // the previous word is its neighbour in a word pair
}

// tokenize returns the words of s. Web addresses, email addresses and
// file names are left out; a hyphenated compound gives one word per part.
func tokenize(s string) []word {
	var words []word
	sentence, pair := true, false
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		// A chunk is a run of non-space characters.
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		chunk := s[i:j]
		if isAddress(chunk) || hasMojibake(chunk) {
			sentence, pair = false, false
			i = j
			continue
		}
		// Words of the chunk.
		k := i
		for k < j {
			r, n := utf8.DecodeRuneInString(s[k:])
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
				r, n := utf8.DecodeRuneInString(s[e:])
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
			joined := k > i && (s[k-1] == '-' || s[k-1] == '/')
			w := word{text: s[k:e], start: k, end: e, sentence: sentence, joined: joined, pairPrev: pair}
			w.lower, w.skip = fold(w.text)
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

// hasMojibake reports whether a chunk of text holds UTF-8 decoded as
// Windows-1252 ("personâ€™s"): the encoding rule's finding, and no word
// to check.
func hasMojibake(chunk string) bool {
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
	c := strings.TrimRight(chunk, ".,;:!?)]\"'’”")
	c = strings.TrimLeft(c, "([\"'‘“")
	if strings.Contains(c, "://") || strings.HasPrefix(c, "www.") || strings.Contains(c, "@") ||
		strings.HasPrefix(c, "/") {
		return true
	}
	// A dot between two letters with no capital after it: "gov.uk",
	// "index.html"; not "users.You" (a missing space) or "e.g".
	for x := 1; x+2 < len(c); x++ {
		if c[x] == '.' && isLowerASCII(c[x-1]) && isLowerASCII(c[x+1]) && isLowerASCII(c[x+2]) {
			return true
		}
	}
	return false
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }

// fold returns the lookup form of a word as written: lower case, curly
// apostrophes straight, a possessive "'s" removed. skip is true for a word
// the spelling rules do not check: one with digits, an acronym ("MVP",
// "KPIs"), a CamelCase name ("DevOps", "JavaScript").
func fold(w string) (lower string, skip bool) {
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

// lintedTexts returns the texts of the linted documents, each once: a
// text whose span lies inside one already taken (a sentence that a
// parser also gives as part of a paragraph) is left out.
func lintedTexts(p *Pass) []framework.Text {
	return uniqueTexts(p.Framework.Documents)
}

func uniqueTexts(docs []*framework.Document) []framework.Text {
	var all []framework.Text
	for _, d := range docs {
		if d == nil {
			continue
		}
		var ts []framework.Text
		EachText(d, func(t framework.Text, _ TextKind) { ts = append(ts, t) })
		// Widest first at each start, so contained texts follow their container.
		sort.SliceStable(ts, func(i, j int) bool {
			a, b := ts[i].Span, ts[j].Span
			if a.File != b.File {
				return false
			}
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			return a.End > b.End
		})
		var last framework.Span
		for _, t := range ts {
			s := t.Span
			if s.File != nil && s.File == last.File && s.Start >= last.Start && s.End <= last.End {
				continue
			}
			if s.File != nil {
				last = s
			}
			all = append(all, t)
		}
	}
	return all
}

// corpus holds the word and word-pair counts of a pass's documents and of
// the catalogue's documents not among them.
type corpus struct {
	words map[string]int
	pairs map[[2]string]int
	vocab map[string]bool // words of skill and role names
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

func newCorpus(p *Pass) *corpus {
	c := &corpus{words: map[string]int{}, pairs: map[[2]string]int{}, vocab: map[string]bool{}}
	docs := append([]*framework.Document(nil), p.Framework.Documents...)
	if p.Catalogue != nil && p.Catalogue != p.Framework {
	next:
		for _, cd := range p.Catalogue.Documents {
			for _, d := range p.Framework.Documents {
				if d == cd || d != nil && cd != nil && d.File != nil && cd.File != nil && string(d.File.Src) == string(cd.File.Src) {
					continue next
				}
			}
			docs = append(docs, cd)
		}
	}
	for _, t := range uniqueTexts(docs) {
		ws := tokenize(t.Value)
		for i, w := range ws {
			if w.skip {
				continue
			}
			c.words[w.lower]++
			if i > 0 && w.pairPrev && !ws[i-1].skip {
				c.pairs[[2]string{ws[i-1].lower, w.lower}]++
			}
		}
	}
	names := func(t framework.Text) {
		for _, w := range tokenize(t.Value) {
			c.vocab[w.lower] = true
		}
	}
	for _, fw := range []*framework.Framework{p.Framework, p.Catalogue} {
		if fw == nil {
			continue
		}
		for _, s := range fw.Skills {
			names(s.Name)
			for _, r := range s.Roles {
				names(r.Name)
			}
		}
		for _, r := range fw.Roles {
			names(r.Name)
			names(r.Family)
		}
	}
	return c
}

// Thresholds of the corpus evidence.
const (
	corpusWord     = 3 // uses that make an unlisted word part of the corpus's vocabulary
	frequentWord   = 5 // uses that make a word frequent
	frequentRatio  = 5 // how many times more uses the intended word or pair must have
	frequentPair   = 3 // uses that make a word pair frequent
	rareWord       = 3 // most uses of a listed word that can still be a slip
	maxSuggestions = 3
)

func runSpelling(p *Pass) {
	c := newCorpus(p)
	us := americanToBritish()
	seen := map[spanKey]bool{}
	for _, t := range lintedTexts(p) {
		ws := tokenize(t.Value)
		for i, w := range ws {
			if w.skip || utf8.RuneCountInString(w.lower) < 3 {
				continue
			}
			if _, ok := us[w.lower]; ok {
				continue // british-spelling's finding
			}
			s := t.Span.Sub(w.start, w.end)
			if seen[keyOf(s)] {
				continue
			}
			if d, ok := c.check(p, ws, i, s); ok {
				seen[keyOf(s)] = true
				p.Report(d)
			}
		}
	}
}

// check returns the finding for word i of ws, if it is one.
func (c *corpus) check(p *Pass, ws []word, i int, s framework.Span) (Diagnostic, bool) {
	w := ws[i]
	l := w.lower
	if p.Words[framework.Key(w.text)] || p.Words[l] || c.inVocab(l) {
		if !listed(l) {
			debugf("vocab %s", w.text)
		}
		return Diagnostic{}, false
	}
	if listed(l) {
		return c.realWord(ws, i, s)
	}
	if c.accepted(l) {
		debugf("accepted %s", w.text)
		return Diagnostic{}, false
	}
	n := c.words[l]
	// A rare word one edit from a frequent one is a slip for it.
	if near := c.frequentNeighbours(l, n); len(near) > 0 {
		return c.nonWord(w, s, near), true
	}
	switch {
	case n >= corpusWord:
		debugf("corpus %s %d", w.text, n)
		return Diagnostic{}, false // the corpus's own vocabulary
	case !w.sentence && startsUpper(w.text):
		debugf("proper %s", w.text)
		return Diagnostic{}, false // a proper name
	case compound(l):
		debugf("compound %s", w.text)
		return Diagnostic{}, false
	}
	return c.nonWord(w, s, c.suggest(l)), true
}

// nonWord is the finding for a word that is not a word.
func (c *corpus) nonWord(w word, s framework.Span, fixes []string) Diagnostic {
	d := Diagnostic{Span: s}
	if len(fixes) == 0 {
		d.Message = fmt.Sprintf("%q is not a word; check its spelling or add it to the accepted words", w.text)
		return d
	}
	for k, f := range fixes {
		fixes[k] = matchCase(f, w.text)
		d.Suggestions = append(d.Suggestions, Suggestion{Message: fmt.Sprintf("replace with %q", fixes[k]), Span: s, NewText: fixes[k]})
	}
	d.Message = fmt.Sprintf("%q is not a word; did you mean %s?", w.text, quoteOr(fixes))
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
// "-ise" verb ("incentivising" from "incentive"), a prefixed word
// ("reusability").
func (c *corpus) accepted(l string) bool {
	known := func(b string) bool {
		return len(b) >= 3 && (wordlist.Has(b) || c.vocab[b] || c.words[b] >= corpusWord)
	}
	l = strings.TrimSuffix(l, "'")
	for _, sfx := range [...]struct{ cut, add string }{
		{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""}, {"ing", ""}, {"ing", "e"},
		{"ise", "e"}, {"ise", ""}, {"ised", "e"}, {"ised", ""}, {"ises", "e"}, {"ises", ""},
		{"ising", "e"}, {"ising", ""}, {"isation", "e"}, {"isation", ""},
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

// frequentNeighbours returns the words one edit from l that are frequent
// in the corpus and many times more frequent than l (n uses), most
// frequent first.
func (c *corpus) frequentNeighbours(l string, n int) []string {
	var near []string
	for _, v := range edits1(l) {
		m := c.words[v]
		if m >= frequentWord && m >= frequentRatio*max(n, 1) && (listed(v) || c.vocab[v]) && !inflection(l, v) {
			near = append(near, v)
		}
	}
	sort.Slice(near, func(i, j int) bool {
		if a, b := c.words[near[i]], c.words[near[j]]; a != b {
			return a > b
		}
		return near[i] < near[j]
	})
	near = compactStrings(near)
	return near[:min(len(near), maxSuggestions)]
}

func compactStrings(ss []string) []string {
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
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
func (c *corpus) realWord(ws []word, i int, s framework.Span) (Diagnostic, bool) {
	w := ws[i]
	l := w.lower
	if c.words[l] > rareWord || c.inVocab(l) || wordlist.Common(l) {
		return Diagnostic{}, false
	}
	var prev, next string
	if i > 0 && w.pairPrev && !ws[i-1].skip {
		prev = ws[i-1].lower
	}
	if i+1 < len(ws) && ws[i+1].pairPrev && !ws[i+1].skip {
		next = ws[i+1].lower
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
		n, m := c.pairs[p], c.pairs[q]
		if n >= frequentPair && n >= frequentRatio*max(m, 1) && n > best {
			fix, pair, slip, best = v, p, q, n
		}
	}
	for _, v := range edits1(l) {
		if inflection(l, v) || c.words[v] < frequentRatio*max(c.words[l], 1) || !listed(v) && !c.vocab[v] {
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
	fix = matchCase(fix, w.text)
	return Diagnostic{
		Span: s,
		Message: fmt.Sprintf("%q is probably a slip for %q: these documents have %q %s and %q %s",
			w.text, fix, pair[0]+" "+pair[1], times(best), slip[0]+" "+slip[1], times(c.pairs[slip])),
		Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: s, NewText: fix}},
	}, true
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

// edits1 returns the strings one deletion, transposition, substitution
// or insertion of a letter a–z or hyphen away from the ASCII word l, with
// repeats; nil for a word that is not ASCII.
func edits1(l string) []string {
	for i := 0; i < len(l); i++ {
		if l[i] >= utf8.RuneSelf {
			return nil
		}
	}
	const alphabet = "abcdefghijklmnopqrstuvwxyz"
	out := make([]string, 0, 54*len(l)+26)
	for i := 0; i < len(l); i++ {
		out = append(out, l[:i]+l[i+1:])
		if i+1 < len(l) {
			out = append(out, l[:i]+string(l[i+1])+string(l[i])+l[i+2:])
		}
		for _, a := range []byte(alphabet) {
			if a != l[i] {
				out = append(out, l[:i]+string(a)+l[i+1:])
			}
		}
	}
	for i := 0; i <= len(l); i++ {
		for _, a := range []byte(alphabet) {
			out = append(out, l[:i]+string(a)+l[i:])
		}
	}
	return out
}

// suggest returns at most three listed or corpus words near l, best
// first. A candidate's score is its edit distance less the log of its
// uses in the corpus, so a frequent word three edits away
// ("implementation" for "implemation") beats a rare one two away
// ("implication").
func (c *corpus) suggest(l string) []string {
	maxD := 1
	switch n := utf8.RuneCountInString(l); {
	case n >= 10:
		maxD = 3
	case n >= 5:
		maxD = 2
	}
	type cand struct {
		w     string
		score float64
	}
	var cands []cand
	var buf distBuf
	consider := func(v string) {
		d := buf.distance(l, v, maxD)
		if d > maxD || d == 0 {
			return
		}
		score := float64(d) - math.Log10(1+float64(c.words[v]))
		cands = append(cands, cand{v, score})
	}
	for _, v := range wordlist.Words() {
		if abs(len(v)-len(l)) <= maxD {
			consider(v)
		}
	}
	for v, n := range c.words {
		if n >= corpusWord && !wordlist.Has(v) && abs(len(v)-len(l)) <= maxD {
			consider(v)
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].w < cands[j].w
	})
	var out []string
	for _, k := range cands {
		if len(out) == maxSuggestions {
			break
		}
		out = append(out, k.w)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distBuf holds the rows of [distBuf.distance], reused between calls.
type distBuf struct{ prev2, prev, cur []int }

// distance is [editDistance] on bytes, without allocating once the
// buffer has grown: the optimal string alignment distance between a and
// b, or max+1 if it exceeds max.
func (b *distBuf) distance(x, y string, max int) int {
	if d := len(x) - len(y); d > max || -d > max {
		return max + 1
	}
	if cap(b.cur) < len(y)+1 {
		b.prev2, b.prev, b.cur = make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	}
	prev2, prev, cur := b.prev2[:len(y)+1], b.prev[:len(y)+1], b.cur[:len(y)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], max+1)
}

func debugf(format string, args ...any) {
	if os.Getenv("SPELLDEBUG") != "" {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
}
