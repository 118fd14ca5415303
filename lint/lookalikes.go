package lint

// The encoding rule's lookalike letters: Cyrillic and Greek letters inside
// Latin words.

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// lookalikes maps Cyrillic and Greek letters to the Latin letters they
// look like.
var lookalikes = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	'ο': 'o', 'ν': 'v', 'ι': 'i',
}

// reportMixedScripts reports the Cyrillic and Greek letters in the names
// of doc's skills, roles, role levels and required skills whose words
// otherwise use Latin letters: a lookalike that makes the name differ
// from itself. Each distinct name is looked at once per document.
func reportMixedScripts(p *Pass, doc *framework.Document) {
	seen := map[string]bool{}
	check := func(t framework.Text) {
		if t.Value == "" || seen[t.Value] || !t.Span.IsValid() {
			return
		}
		seen[t.Value] = true
		latin, other := false, false
		for _, r := range t.Value {
			switch {
			case unicode.Is(unicode.Latin, r):
				latin = true
			case unicode.Is(unicode.Cyrillic, r), unicode.Is(unicode.Greek, r):
				other = true
			}
		}
		if !latin || !other {
			return
		}
		for k, r := range t.Value {
			if !unicode.Is(unicode.Cyrillic, r) && !unicode.Is(unicode.Greek, r) {
				continue
			}
			script := "Cyrillic"
			if unicode.Is(unicode.Greek, r) {
				script = "Greek"
			}
			sp := t.Sub(k, k+utf8.RuneLen(r))
			d := Diagnostic{Span: sp, Message: fmt.Sprintf("%s letter %q (%U) in the name %q, whose other letters are Latin: it looks the same but does not match the name", script, string(r), r, clipText(t.Value))}
			if l, ok := lookalikes[r]; ok {
				d.Message += fmt.Sprintf("; replace it with the Latin %q", string(l))
				d.Suggestions = []Suggestion{{Message: fmt.Sprintf("replace with %q", string(l)), Span: sp, NewText: string(l), Safe: true}}
			}
			p.Report(d)
		}
	}
	for _, s := range doc.Skills {
		if s != nil {
			check(s.Name)
		}
	}
	reqs := func(qs []*framework.Requirement) {
		for _, q := range qs {
			if q != nil {
				check(q.Skill)
			}
		}
	}
	for _, r := range doc.Roles {
		if r == nil {
			continue
		}
		check(r.Name)
		reqs(r.Skills)
		for _, l := range r.Levels {
			if l != nil {
				check(l.Name)
				reqs(l.Skills)
			}
		}
	}
}
