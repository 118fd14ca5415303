package lint

import (
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

// UnknownLevel reports a required skill level that is not one of the
// four.
var UnknownLevel = &Rule{
	ID:    "unknown-level",
	Title: "skill level names that are not skill levels",
	Doc: "Reports a required skill level that is not awareness, working, practitioner or " +
		"expert, and suggests the level that was probably meant: the one the page's " +
		"scale sentence names, a level word inside the text, or the nearest level by " +
		"spelling. Tools cannot place the requirement, so it is left out of every " +
		"comparison with the catalogue.\n\n" +
		"A requirement that states no level at all (the structured role-level export) " +
		"is not reported.\n\n" +
		"Before: `Level: practicioner`\n\nAfter: `Level: practitioner`",
	Since:    "v0.1.0",
	Category: "levels",
	Severity: Error,
	Run:      runUnknownLevel,
}

func runUnknownLevel(p *Pass) {
	for _, s := range p.Requirements() {
		q := s.Req
		if q.Level.Valid() || q.LevelText.Value == "" {
			continue
		}
		lt := q.LevelText
		d := Diagnostic{
			Span:    lt.Span,
			Message: fmt.Sprintf("%q is not a skill level (%s, skill %q): want awareness, working, practitioner or expert", lt.Value, roleWhere(s), q.Skill.Value),
		}
		if lv, why := guessLevel(lt.Value, q.Scale.Value); lv.Valid() {
			fix := lv.String()
			if startsUpper(lt.Value) {
				fix = lv.Title()
			}
			d.Message += fmt.Sprintf("; did you mean %q (%s)?", fix, why)
			d.Suggestions = []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: lt.Span, NewText: fix}}
			if why == byScale {
				d.Related = []Related{{Span: q.Scale.Span, Message: fmt.Sprintf("the scale sentence %q", q.Scale.Value)}}
			}
		}
		p.Report(d)
	}
}

// byScale is guessLevel's reason when the scale sentence names the level.
const byScale = "as the scale sentence says"

// guessLevel returns the level a level text that is not a level name
// probably means, and why: the level the scale sentence names, a level
// word inside the text, or the level nearest by spelling.
func guessLevel(text, scale string) (framework.Level, string) {
	if m := parseScale(scale); m.ok {
		switch {
		case m.named.Valid():
			return m.named, byScale
		case m.ordinal.Valid():
			return m.ordinal, byScale
		}
	}
	for _, w := range strings.FieldsFunc(framework.Key(text), func(r rune) bool { return !isLetterOrDigit(r) }) {
		if lv, err := framework.ParseLevel(w); err == nil {
			return lv, "a level word in the text"
		}
	}
	names := make([]string, len(framework.Levels))
	for i, l := range framework.Levels {
		names[i] = l.String()
	}
	k := framework.Key(text)
	if best, ok := nearword.Closest(text, names, nearword.LevelEdits(len([]rune(k)))); ok {
		lv, _ := framework.ParseLevel(best)
		return lv, "the nearest level name"
	}
	return 0, ""
}

func isLetterOrDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f
}
