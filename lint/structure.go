package lint

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// Structure reports damaged or inconsistent document structure.
var Structure = &Rule{
	ID:    "structure",
	Title: "damaged document structure",
	Doc: "Reports what the parsers recovered from (a heading glued to the end of a " +
		"paragraph, a stray heading, text they could not place), and structure that " +
		"parses but does not hold together. A format slip (\"You can\" or " +
		"\"Level - working\" without the colon, a misspelt level heading read by its " +
		"number) is one finding at the slip, with its fix: the parser reads on as if it " +
		"were written right, so nothing else is reported for it.\n\n" +
		"  - levels out of order: role levels whose numbers do not count up from the " +
		"previous one, skill levels that do not ascend, a skill level heading whose " +
		"number is not the level's;\n" +
		"  - empty sections: a defined skill level without descriptors, a skill " +
		"without levels, a role level without skills, a role-page skill without " +
		"\"You can:\" items;\n" +
		"  - a role level heading that disagrees with the description under it " +
		"(\"Head of portolio\" over \"A head of portfolio leads…\");\n" +
		"  - \"There are 4 … role levels\" when the page gives another number.\n\n" +
		"Tools and readers lose sections, or find two names for one.\n\n" +
		"Before: `4. Head of portolio` / `A head of portfolio leads a team…`\n\n" +
		"After: `4. Head of portfolio` / `A head of portfolio leads a team…`",
	Since:    "v0.1.0",
	Category: "structure",
	Severity: Warning,
	Run:      runStructure,
}

func runStructure(p *Pass) {
	for _, doc := range p.Framework.Documents {
		if doc == nil {
			continue
		}
		for _, n := range doc.Notes {
			d := Diagnostic{Span: n.Span, Message: n.Code + ": " + n.Message}
			switch {
			case n.Code == "stray-heading" && strings.HasSuffix(n.Message, "(its colon is missing)"):
				// The heading stands where the "You can:" line belongs
				// and was read as one: the line as the format writes it.
				// The finding is on the heading's text, which the
				// message quotes; the fix replaces the whole line.
				src := n.Span.Text()
				d.Span = n.Span.Sub(len(src)-len(strings.TrimLeft(src, "# \t")), len(src))
				d.Suggestions = []Suggestion{{Message: `replace with "You can:"`, Span: n.Span, NewText: "You can:", Safe: true}}
			case n.Fix != "":
				// The parser read on as if the fix were written: a
				// missing colon, or a level word its number decides.
				d.Suggestions = []Suggestion{{Message: fmt.Sprintf("replace with %q", n.Fix), Span: n.Span, NewText: n.Fix, Safe: true}}
			}
			p.Report(d)
		}
		for _, s := range doc.Skills {
			structureSkill(p, s)
		}
		for _, r := range doc.Roles {
			structureRole(p, doc, r)
		}
	}
}

func structureSkill(p *Pass, s *framework.Skill) {
	if !s.SeniorCivilService && len(s.Levels) == 0 {
		p.Reportf(s.Name.Span, "skill %q has no levels: want level headings \"1. Awareness\" to \"4. Expert\" with their items", s.Name.Value)
	}
	var prev *framework.SkillLevel
	for _, sl := range s.Levels {
		at := sl.Heading.Span
		if !at.IsValid() {
			at = sl.Span
		}
		if prev != nil && sl.Level <= prev.Level {
			p.Report(Diagnostic{
				Span:    at,
				Message: fmt.Sprintf("skill %q: level %s comes after %s; levels must ascend without repeats", s.Name.Value, sl.Level, prev.Level),
				Related: []Related{{Span: prev.Heading.Span, Message: fmt.Sprintf("level %s", prev.Level)}},
			})
		}
		prev = sl
		if n, ns, ne, ok := headingNumber(sl.Heading.Value); ok && n != int(sl.Level) && sl.Level.Valid() {
			sp := sl.Heading.Sub(ns, ne)
			fix := strconv.Itoa(int(sl.Level))
			p.Report(Diagnostic{
				Span:        sp,
				Message:     fmt.Sprintf("skill %q: level heading %q numbers %s as %d; it is level %d of 4", s.Name.Value, sl.Heading.Value, sl.Level, n, int(sl.Level)),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix}},
			})
		}
		if sl.Status == framework.Defined && len(sl.Descriptors) == 0 {
			p.Reportf(at, "skill %q: level %s has no descriptors and is not marked as not defined", s.Name.Value, sl.Level)
		}
	}
}

// headingNumber reads the "N." that starts a level heading, with its byte
// range.
func headingNumber(h string) (n, start, end int, ok bool) {
	i := 0
	for i < len(h) && h[i] >= '0' && h[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(h) || h[i] != '.' {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(h[:i])
	return n, 0, i, err == nil
}

func structureRole(p *Pass, doc *framework.Document, r *framework.Role) {
	// Numbering.
	var prev *framework.RoleLevel
	for _, l := range r.Levels {
		if l.Number == 0 {
			continue
		}
		if prev != nil && l.Number != prev.Number+1 {
			what := "out of order"
			if l.Number > prev.Number {
				what = fmt.Sprintf("skipping %d", prev.Number+1)
			}
			p.Report(Diagnostic{
				Span:    l.Name.Span,
				Message: fmt.Sprintf("role %q: level %d %q follows level %d %q, %s", r.Name.Value, l.Number, l.Name.Value, prev.Number, prev.Name.Value, what),
				Related: []Related{{Span: prev.Name.Span, Message: fmt.Sprintf("level %d %q", prev.Number, prev.Name.Value)}},
			})
		}
		prev = l
	}
	// Empty sections.
	for _, l := range r.Levels {
		if len(l.Skills) == 0 {
			p.Reportf(l.Name.Span, "role level %q requires no skills: the skills section is missing or could not be read", l.Name.Value)
		}
		if doc.Format != framework.FormatRolePage && doc.Format != framework.FormatRoleLevel {
			continue
		}
		for _, q := range l.Skills {
			if len(q.Descriptors) == 0 && q.Description.Value == "" {
				p.Reportf(q.Skill.Span, "role level %q, skill %q has no \"You can:\" items", l.Name.Value, q.Skill.Value)
			}
		}
	}
	// Heading against description.
	for _, l := range r.Levels {
		headingAgainstDescription(p, l)
	}
	// The stated number of levels.
	if c := r.LevelCount; c.Count > 0 && c.Count != len(r.Levels) && len(r.Levels) > 0 {
		d := Diagnostic{
			Span:    c.Text.Span,
			Message: fmt.Sprintf("%q, but the page gives %d role levels of %q", countClause(c.Text.Value), len(r.Levels), r.Name.Value),
		}
		if ns, ne, digits, ok := countIn(c.Text.Value, c.Count); ok {
			d.Span = c.Text.Sub(ns, ne)
			fix := strconv.Itoa(len(r.Levels))
			if !digits {
				fix = matchCase(numberWord(len(r.Levels)), c.Text.Value[ns:ne])
			}
			if fix != "" {
				d.Suggestions = []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: d.Span, NewText: fix}}
			}
		}
		if n := len(r.Levels); n > 0 {
			d.Related = []Related{{Span: r.Levels[n-1].Name.Span, Message: fmt.Sprintf("the last role level, %q", r.Levels[n-1].Name.Value)}}
		}
		p.Report(d)
	}
}

// countClause is a count sentence up to "role levels", if it says so.
func countClause(s string) string {
	if i := framework.IndexFold(s, "role levels"); i >= 0 {
		return s[:i+len("role levels")]
	}
	return s
}

var numberWords = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

func numberWord(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return strconv.Itoa(n)
}

var countRE = lazyRegexp(`(?i)\b(\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b`)

// countIn finds the number n in a count sentence: its byte range and
// whether it is written in digits.
func countIn(s string, n int) (start, end int, digits, ok bool) {
	for _, m := range countRE().FindAllStringIndex(s, -1) {
		w := s[m[0]:m[1]]
		if v, err := strconv.Atoi(w); err == nil {
			if v == n {
				return m[0], m[1], true, true
			}
			continue
		}
		if strings.EqualFold(numberWord(n), w) {
			return m[0], m[1], false, true
		}
	}
	return 0, 0, false, false
}

// aWord is a word of a text with its byte range.
type aWord struct {
	text       string
	start, end int
}

// splitWords returns the words of s: runs of letters, digits, apostrophes
// and hyphens.
func splitWords(s string) []aWord { return slices.Collect(wordsIn(s)) }

// wordsIn yields the words of s, as [splitWords] returns them, without
// allocating.
func wordsIn(s string) iter.Seq[aWord] {
	return func(yield func(aWord) bool) {
		start := -1
		for i, r := range s {
			in := inWord(r)
			switch {
			case in && start < 0:
				start = i
			case !in && start >= 0:
				if !yield(aWord{s[start:i], start, i}) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(aWord{s[start:], start, len(s)})
		}
	}
}

// inWord reports whether r is part of a word for [wordsIn]: ASCII from a
// table (TestInWord compares it with inWordPlain on every rune).
func inWord(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiInWord[r]
	}
	return inWordPlain(r)
}

// inWordPlain reports whether r is a letter, a digit, an apostrophe or a
// hyphen.
func inWordPlain(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// asciiInWord is inWordPlain of each ASCII character.
var asciiInWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = inWordPlain(rune(r))
	}
	return t
}()

// headingAgainstDescription reports a role level name that its first
// description paragraph spells differently ("Head of portolio" over "A
// head of portfolio leads…").
func headingAgainstDescription(p *Pass, l *framework.RoleLevel) {
	if len(l.Description) == 0 || l.Name.Value == "" {
		return
	}
	name := splitWords(l.Name.Value)
	desc := l.Description[0]
	// Only the description's first words are compared: as many as the
	// name has, after an article.
	dw := make([]aWord, 0, len(name)+1)
	for w := range wordsIn(desc.Value) {
		if len(dw) == cap(dw) {
			break
		}
		dw = append(dw, w)
	}
	if len(dw) > 0 {
		switch strings.ToLower(dw[0].text) {
		case "a", "an", "the":
			dw = dw[1:]
		}
	}
	if len(name) == 0 || len(dw) < len(name) {
		return
	}
	type pair struct{ h, d aWord }
	var diffs []pair
	for i, h := range name {
		a, b := framework.Key(h.text), strings.TrimSuffix(framework.Key(dw[i].text), "'s")
		if a == b {
			continue
		}
		if i == len(name)-1 && (b == a+"s" || b == a+"es") {
			continue // "Associate product managers manage…"
		}
		n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
		if d := nearword.WordEdits(n); nearword.Distance(a, b, d) > d || n < 4 {
			return // the description is worded differently, not misspelt
		}
		diffs = append(diffs, pair{h, dw[i]})
	}
	for _, x := range diffs {
		hl, dl := strings.ToLower(x.h.text), strings.ToLower(x.d.text)
		hs, ds := l.Name.Sub(x.h.start, x.h.end), desc.Sub(x.d.start, x.d.end)
		d := Diagnostic{
			Span: hs,
			Message: fmt.Sprintf("role level heading %q disagrees with its description %q: %q against %q",
				l.Name.Value, descStart(desc.Value, dw[len(name)-1].end), x.h.text, x.d.text),
			Related: []Related{{Span: ds, Message: fmt.Sprintf("the description writes %q", x.d.text)}},
		}
		switch hok, dok := wordlist.Has(hl), wordlist.Has(dl); {
		case dok && !hok:
			fix := matchCase(dl, x.h.text)
			d.Suggestions = []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: hs, NewText: fix}}
		case hok && !dok:
			fix := matchCase(hl, x.d.text)
			d.Span, d.Related[0] = ds, Related{Span: hs, Message: fmt.Sprintf("the heading writes %q", x.h.text)}
			d.Suggestions = []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: ds, NewText: fix}}
		}
		p.Report(d)
	}
}

// descStart is the start of a description up to byte end, with an
// ellipsis when there is more.
func descStart(s string, end int) string {
	if end >= len(s) {
		return s
	}
	return s[:end] + "…"
}
