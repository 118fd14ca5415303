package spell

import (
	"strings"

	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// listed reports whether the word list holds l, directly or as a
// possessive plural ("stakeholders'").
func listed(l string) bool {
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

// Compound reports whether l is two listed words written as one
// ("timeframe", "underrepresented", "runbooks"), each of at least three
// letters.
func Compound(l string) bool {
	if len(l) > 2*MaxSuggestLen {
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

// inflection reports whether a and b differ only in an ending: one is the
// other plus letters ("manager", "managers"; "use", "used").
func inflection(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
