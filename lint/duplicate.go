package lint

import (
	"fmt"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// Duplicate reports things said twice where once is meant.
var Duplicate = &Rule{
	ID:    "duplicate",
	Title: "repeated skills, descriptors or requirements",
	Doc: "Finds, within one document:\n\n" +
		"  - a skill required twice by one role level (or twice in a role's skill list);\n" +
		"  - a descriptor or responsibility given twice in one level;\n" +
		"  - two catalogue skills with one normalised name (only the first is used);\n" +
		"  - a role listed twice under a skill's \"Roles that require this skill\";\n" +
		"  - two role levels of one role with one name;\n" +
		"  - a role twice in a \"Role / Shared skills\" table, or a skill twice in a row.\n\n" +
		"Names and lines are compared by normalised text (case, curly quotes, dashes " +
		"and spacing folded). The repeat is reported, with the first as a related " +
		"position; where the repeat is a whole line, removing it is suggested.\n\n" +
		"Before:\n\n" +
		"    You can:\n" +
		"      • build and reach consensus\n" +
		"      • build and reach consensus\n\n" +
		"After:\n\n" +
		"    You can:\n" +
		"      • build and reach consensus\n",
	Since:    "v0.1.0",
	Category: "structure",
	Severity: Warning,
	Run:      runDuplicate,
}

func runDuplicate(p *Pass) {
	for _, d := range p.Framework.Documents {
		if d == nil {
			continue
		}
		dupSkills(p, d)
		for _, r := range d.Roles {
			dupRole(p, r)
		}
	}
}

// dupTexts reports texts of one list whose keys repeat an earlier one.
// where names the list; it is called only for a finding.
func dupTexts(p *Pass, ts []framework.Text, what string, where func() string, removable bool) {
	if len(ts) < 2 || !keysMayRepeat(ts) {
		return
	}
	first := make(map[string]framework.Text, len(ts))
	for _, t := range ts {
		k := p.key(t)
		if k == "" {
			continue
		}
		f, ok := first[k]
		if !ok {
			first[k] = t
			continue
		}
		d := Diagnostic{
			Span:    t.Span,
			Message: fmt.Sprintf("%s %q is given twice in %s", what, t.Value, where()),
			Related: []Related{{Span: f.Span, Message: fmt.Sprintf("first given here as %q", f.Value)}},
		}
		if removable {
			if ls, ok := wholeLine(t.Span); ok {
				d.Suggestions = []Suggestion{{Message: "remove the repeated line", Span: ls}}
			}
		}
		p.Report(d)
	}
}

// keysMayRepeat reports whether two of ts may have one [framework.Key]:
// false only if their keys differ in their first eight bytes or, where
// those are one, in their last eight, which keyFirst and keyLast find
// without making the keys (most lists hold no repeat, and their texts
// are long).
func keysMayRepeat(ts []framework.Text) bool {
	var firsts [32][8]byte
	if len(ts) > len(firsts) {
		return true
	}
	for i, t := range ts {
		f, ok := keyFirst(t.Value)
		if !ok {
			return true
		}
		for j, g := range firsts[:i] {
			if g != f {
				continue
			}
			a, ok1 := keyLast(ts[j].Value)
			b, ok2 := keyLast(t.Value)
			if !ok1 || !ok2 || a == b {
				return true
			}
		}
		firsts[i] = f
	}
	return false
}

// keyEndsOf returns the first eight bytes of key k and its last eight
// from the end backwards (zeros where k is shorter).
func keyEndsOf(k string) (first, last [8]byte) {
	for i := 0; i < len(k) && i < 8; i++ {
		first[i] = k[i]
		last[i] = k[len(k)-1-i]
	}
	return first, last
}

// keyFirst and keyLast return the ends of [framework.Key](s) as
// keyEndsOf does, from the ends of s, or false where they cannot tell
// them without the whole key: a byte beyond ASCII at that end. Key folds
// ASCII as asciiKey does (A-Z lowered, '`' made an apostrophe, runs of
// space made one, the ends trimmed), and what Unicode normalisation does
// elsewhere in s leaves an ASCII end alone: no character combines with
// an ASCII one before it, and keyFirst stops only before an ASCII byte,
// which no later character can combine with. TestKeyEnds holds them to
// keyEndsOf(Key(s)).
func keyFirst(s string) (first [8]byte, ok bool) {
	n, space := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return first, false
		}
		if n >= 8 {
			break
		}
		k := keyASCII[c]
		if k == keySpace {
			space = n > 0
			continue
		}
		if space {
			first[n] = ' '
			n++
			space = false
			if n >= 8 {
				break
			}
		}
		first[n] = k
		n++
	}
	return first, true
}

// keyLast: see [keyFirst].
func keyLast(s string) (last [8]byte, ok bool) {
	n, space := 0, false
	for j := len(s) - 1; j >= 0 && n < 8; j-- {
		c := s[j]
		if c >= utf8.RuneSelf {
			return last, false
		}
		k := keyASCII[c]
		if k == keySpace {
			space = n > 0
			continue
		}
		if space {
			last[n] = ' '
			n++
			space = false
			if n >= 8 {
				break
			}
		}
		last[n] = k
		n++
	}
	return last, true
}

// keySpace marks in keyASCII the bytes that [framework.Key] treats as
// space.
const keySpace = 0xFF

// keyASCII is each ASCII byte as [framework.Key] writes it, or keySpace.
var keyASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case c == ' ', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			t[c] = keySpace
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

func dupSkills(p *Pass, d *framework.Document) {
	first := map[string]*framework.Skill{}
	for _, s := range d.Skills {
		k := s.Name.Key()
		if f, ok := first[k]; ok && k != "" {
			p.Report(Diagnostic{
				Span:    s.Name.Span,
				Message: fmt.Sprintf("skill %q is in the catalogue twice (as %q first); only the first entry is used", s.Name.Value, f.Name.Value),
				Related: []Related{{Span: f.Name.Span, Message: fmt.Sprintf("first entry %q", f.Name.Value)}},
			})
		} else {
			first[k] = s
		}
		where := func() string { return fmt.Sprintf("skill %q", s.Name.Value) }
		for _, sl := range s.Levels {
			dupTexts(p, sl.Descriptors, "descriptor", func() string { return fmt.Sprintf("%s, level %s", where(), sl.Level) }, true)
		}
		dupTexts(p, s.Requirements, "requirement", where, true)
		dupTexts(p, s.LeadershipExamples, "leadership example", where, true)
		refs := make([]framework.Text, len(s.Roles))
		for i, r := range s.Roles {
			refs[i] = r.Name
		}
		dupTexts(p, refs, "role", func() string { return fmt.Sprintf("the roles that require %s", where()) }, true)
	}
}

func dupRole(p *Pass, r *framework.Role) {
	names := make([]framework.Text, len(r.Levels))
	for i, l := range r.Levels {
		names[i] = l.Name
	}
	dupTexts(p, names, "role level", func() string { return fmt.Sprintf("role %q", r.Name.Value) }, false)
	dupReqs(p, r.Skills, func() string { return fmt.Sprintf("the skills of role %q", r.Name.Value) })
	for _, l := range r.Levels {
		where := func() string { return fmt.Sprintf("role level %q", l.Name.Value) }
		dupReqs(p, l.Skills, where)
		dupTexts(p, l.Responsibilities, "responsibility", where, true)
		for _, q := range l.Skills {
			dupTexts(p, q.Descriptors, "descriptor", func() string { return fmt.Sprintf("%s, skill %q", where(), q.Skill.Value) }, true)
		}
	}
	rows := make([]framework.Text, len(r.SharedSkills))
	for i, row := range r.SharedSkills {
		rows[i] = row.Role
		dupTexts(p, row.Skills, "shared skill", func() string { return fmt.Sprintf("the shared-skills row for %q", row.Role.Value) }, false)
	}
	dupTexts(p, rows, "role", func() string { return fmt.Sprintf("the shared-skills table of %q", r.Name.Value) }, false)
}

// dupReqs reports a skill required twice in one list.
func dupReqs(p *Pass, qs []*framework.Requirement, where func() string) {
	if len(qs) < 2 {
		return
	}
	first := make(map[string]*framework.Requirement, len(qs))
	keys := p.listSkillKeys(qs)
	for i, q := range qs {
		k := keys[i]
		f, ok := first[k]
		if !ok || k == "" {
			first[k] = q
			continue
		}
		msg := fmt.Sprintf("skill %q is required twice in %s", q.Skill.Value, where())
		switch {
		case f.Level != q.Level && f.Level.Valid() && q.Level.Valid():
			msg += fmt.Sprintf(", at %s and at %s", f.Level, q.Level)
		case f.LevelText.Key() != q.LevelText.Key():
			msg += fmt.Sprintf(", as %q and as %q", f.LevelText.Value, q.LevelText.Value)
		}
		p.Report(Diagnostic{
			Span:    q.Skill.Span,
			Message: msg,
			Related: []Related{{Span: f.Skill.Span, Message: fmt.Sprintf("first required here as %q", f.Skill.Value)}},
		})
	}
}

// wholeLine returns the span of the whole line (or lines) holding s,
// terminator included, if nothing but space and a list marker precedes s
// on its first line and nothing but space follows it on its last.
func wholeLine(s framework.Span) (framework.Span, bool) {
	f := s.File
	if f == nil || s.Start < 0 || s.End > len(f.Src) || s.Start > s.End {
		return framework.Span{}, false
	}
	start := f.LineStart(f.Position(s.Start).Line)
	for _, b := range f.Src[start:s.Start] {
		switch b {
		case ' ', '\t', '-', '*', '•', '\u00a0':
		default:
			return framework.Span{}, false
		}
	}
	end := s.End
	for end < len(f.Src) && (f.Src[end] == ' ' || f.Src[end] == '\t' || f.Src[end] == '\r') {
		end++
	}
	switch {
	case end == len(f.Src):
	case f.Src[end] == '\n':
		end++
	default:
		return framework.Span{}, false
	}
	return f.Span(start, end), true
}
