package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// UndefinedLevel reports catalogue levels marked as not defined, and role
// levels that require a skill at a level the catalogue leaves undefined or
// does not give.
var UndefinedLevel = &Rule{
	ID:    "undefined-level",
	Title: "skill levels the catalogue does not define",
	Doc: "Reports a catalogue skill level that reads \"This skill level is currently not " +
		"defined.\" (a warning: readers and role pages have nothing to go on), and a role " +
		"level that requires a skill at a level the catalogue leaves undefined or does not " +
		"give at all (an error: the requirement cannot be met or assessed). The second kind " +
		"points at the catalogue's level.\n\n" +
		"With two catalogues among the inputs, a level both leave undefined is reported " +
		"once, in the reference catalogue.\n\n" +
		"Skills the catalogue lacks are left to unknown-skill, level names that are not " +
		"skill levels to unknown-level.\n\n" +
		"Before:\n\n" +
		"    ## Data maturity\n" +
		"    1. Awareness\n" +
		"      - This skill level is currently not defined.\n\n" +
		"After:\n\n" +
		"    ## Data maturity\n" +
		"    1. Awareness\n" +
		"      - explain what data maturity is and why it matters\n",
	Since:    "v0.1.0",
	Severity: Warning,
	Raised:   "a role level requiring the skill at a level the catalogue leaves undefined or does not give",
	Run:      runUndefinedLevel,
}

func runUndefinedLevel(p *Pass) {
	// With a second catalogue among the inputs, a level that the
	// reference leaves undefined too is the reference's finding.
	cats := catalogueDocs(p)
	for _, doc := range p.Framework.Documents {
		if doc == nil {
			continue
		}
		second := len(cats) > 1 && doc != cats[0]
		for _, s := range doc.Skills {
			for _, sl := range s.Levels {
				if sl.Status != framework.Undefined {
					continue
				}
				if second {
					if ref := p.CatalogueSkill(s.Name.Value); ref != nil && ref.Name.Span.File != s.Name.Span.File {
						if rl := ref.Level(sl.Level); rl != nil && rl.Status == framework.Undefined {
							continue
						}
					}
				}
				at := sl.Placeholder
				if at.Value == "" {
					at = sl.Heading
				}
				d := Diagnostic{
					Span:    at.Span,
					Message: fmt.Sprintf("skill %q leaves level %s undefined: %q", s.Name.Value, sl.Level, at.Value),
				}
				if sl.Heading.Value != "" && at.Span != sl.Heading.Span {
					d.Related = []Related{{Span: sl.Heading.Span, Message: fmt.Sprintf("level heading %q", sl.Heading.Value)}}
				}
				p.Report(d)
			}
		}
	}
	for _, s := range p.Requirements() {
		if !s.Req.Level.Valid() {
			continue
		}
		sk := p.CatalogueSkill(s.Req.Skill.Value)
		if sk == nil {
			continue // unknown-skill
		}
		at := s.Req.LevelText.Span
		if !at.IsValid() {
			at = s.Req.Skill.Span
		}
		where := roleWhere(s)
		sl := sk.Level(s.Req.Level)
		switch {
		case sl != nil && sl.Status == framework.Undefined:
			p.Report(Diagnostic{
				Severity: Error,
				Span:     at,
				Message: fmt.Sprintf("%s requires %q at %s, a level the catalogue leaves undefined",
					where, s.Req.Skill.Value, s.Req.Level),
				Related: []Related{{Span: sl.Span, Message: fmt.Sprintf("the catalogue's %s level of %q is not defined", s.Req.Level, sk.Name.Value)}},
			})
		case sl == nil:
			msg := fmt.Sprintf("%s requires %q at %s, a level the catalogue does not give", where, s.Req.Skill.Value, s.Req.Level)
			if sk.SeniorCivilService {
				msg = fmt.Sprintf("%s requires %q at %s, but the catalogue describes it as a Senior Civil Service skill without levels",
					where, s.Req.Skill.Value, s.Req.Level)
			} else if len(sk.Levels) > 0 {
				var have []string
				for _, l := range sk.Levels {
					have = append(have, l.Level.String())
				}
				msg += fmt.Sprintf(" (it gives %s)", strings.Join(have, ", "))
			}
			p.Report(Diagnostic{
				Severity: Error,
				Span:     at,
				Message:  msg,
				Related:  []Related{{Span: sk.Name.Span, Message: fmt.Sprintf("the catalogue's entry for %q", sk.Name.Value)}},
			})
		}
	}
}

// roleWhere names the role level (or role) of a site for messages.
func roleWhere(s Site) string {
	if s.Level != nil && s.Level.Name.Value != "" {
		return fmt.Sprintf("role level %q", s.Level.Name.Value)
	}
	return fmt.Sprintf("role %q", s.Role.Name.Value)
}

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
	maxD := max(2, len([]rune(k))/3)
	if best, ok := closest(text, names, maxD); ok {
		lv, _ := framework.ParseLevel(best)
		return lv, "the nearest level name"
	}
	return 0, ""
}

func isLetterOrDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f
}

// LevelScale reports a scale sentence that disagrees with the level it
// follows.
var LevelScale = &Rule{
	ID:    "level-scale",
	Title: "scale sentences that disagree with the level",
	Doc: "Role pages follow each \"Level: …\" line with a sentence placing the level on " +
		"the scale: \"Working is the second of 4 ascending skill levels\". Reports such a " +
		"sentence whose level name, ordinal or count disagrees with the stated level, " +
		"or with itself: readers cannot tell which level is meant.\n\n" +
		"Before:\n\n" +
		"    Level: practitioner\n" +
		"    Practitioner is the second of 4 ascending skill levels\n\n" +
		"After:\n\n" +
		"    Level: practitioner\n" +
		"    Practitioner is the third of 4 ascending skill levels\n",
	Since:    "v0.1.0",
	Severity: Error,
	Run:      runLevelScale,
}

// scaleRE matches a scale sentence: level name, ordinal word, count.
var scaleRE = regexp.MustCompile(`(?i)^\s*(\pL+)\s+is\s+the\s+(\pL+)\s+of\s+(\d+|\pL+)\s+ascending\s+skill\s+levels?\.?\s*$`)

var countWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// scale is a parsed scale sentence; the int pairs are byte ranges in the
// sentence.
type scale struct {
	ok           bool
	named        framework.Level // the level the sentence names; 0 if not a level
	ordinal      framework.Level // the level its ordinal word gives; 0 if none
	count        int             // the number of levels it states; 0 if unreadable
	name, ord, n [2]int
}

func parseScale(s string) scale {
	m := scaleRE.FindStringSubmatchIndex(s)
	if m == nil {
		return scale{}
	}
	sc := scale{ok: true, name: [2]int{m[2], m[3]}, ord: [2]int{m[4], m[5]}, n: [2]int{m[6], m[7]}}
	sc.named, _ = framework.ParseLevel(s[m[2]:m[3]])
	sc.ordinal = framework.OrdinalLevel(s[m[4]:m[5]])
	c := s[m[6]:m[7]]
	if v, err := strconv.Atoi(c); err == nil {
		sc.count = v
	} else {
		sc.count = countWords[strings.ToLower(c)]
	}
	return sc
}

func runLevelScale(p *Pass) {
	for _, s := range p.Requirements() {
		q := s.Req
		if q.Scale.Value == "" {
			continue
		}
		sc := parseScale(q.Scale.Value)
		t := q.Scale
		if !sc.ok {
			if strings.Contains(strings.ToLower(t.Value), "skill level") {
				p.Reportf(t.Span, "scale sentence %q is not in the form \"Working is the second of 4 ascending skill levels\"", t.Value)
			}
			continue
		}
		lv := q.Level
		where := fmt.Sprintf("%s, skill %q", roleWhere(s), q.Skill.Value)
		if !lv.Valid() {
			if q.LevelText.Value != "" {
				continue // unknown-level reports it
			}
			// No level stated: the sentence must at least agree with itself.
			if sc.named.Valid() && sc.ordinal.Valid() && sc.named != sc.ordinal {
				sp := t.Sub(sc.ord[0], sc.ord[1])
				fix := matchCase(sc.named.Ordinal(), t.Value[sc.ord[0]:sc.ord[1]])
				p.Report(Diagnostic{
					Span:        sp,
					Message:     fmt.Sprintf("scale sentence %q (%s) contradicts itself: %s is the %s level", t.Value, where, sc.named, sc.named.Ordinal()),
					Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix}},
				})
			}
			continue
		}
		var rel []Related
		if q.LevelText.Value != "" {
			rel = append(rel, Related{Span: q.LevelText.Span, Message: fmt.Sprintf("the level is stated as %q here", q.LevelText.Value)})
		}
		if sc.named.Valid() && sc.named == sc.ordinal && sc.named != lv {
			// The sentence of another level, copied: one finding.
			sp := t.Sub(sc.name[0], sc.ord[1])
			written := t.Value[sc.name[0]:sc.ord[1]]
			fix := matchCase(lv.String(), written) + t.Value[sc.name[1]:sc.ord[0]] + matchCase(lv.Ordinal(), t.Value[sc.ord[0]:sc.ord[1]])
			p.Report(Diagnostic{
				Span:        sp,
				Message:     fmt.Sprintf("scale sentence %q describes %s, but the level is %s (%s)", t.Value, sc.named, lv, where),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix}},
				Related:     rel,
			})
		} else if sc.named != lv {
			sp := t.Sub(sc.name[0], sc.name[1])
			written := t.Value[sc.name[0]:sc.name[1]]
			fix := matchCase(lv.String(), written)
			p.Report(Diagnostic{
				Span:        sp,
				Message:     fmt.Sprintf("scale sentence %q names %q but the level is %s (%s)", t.Value, written, lv, where),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix}},
				Related:     rel,
			})
		}
		if sc.ordinal != lv && !(sc.named.Valid() && sc.named == sc.ordinal) {
			sp := t.Sub(sc.ord[0], sc.ord[1])
			written := t.Value[sc.ord[0]:sc.ord[1]]
			fix := matchCase(lv.Ordinal(), written)
			p.Report(Diagnostic{
				Span:        sp,
				Message:     fmt.Sprintf("scale sentence %q places %s %q but %s is the %s of the skill levels (%s)", t.Value, lv, written, lv, lv.Ordinal(), where),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix}},
				Related:     rel,
			})
		}
		if sc.count != len(framework.Levels) {
			sp := t.Sub(sc.n[0], sc.n[1])
			written := t.Value[sc.n[0]:sc.n[1]]
			fix := strconv.Itoa(len(framework.Levels))
			if _, err := strconv.Atoi(written); err != nil {
				fix = matchCase("four", written)
			}
			p.Report(Diagnostic{
				Span:        sp,
				Message:     fmt.Sprintf("scale sentence %q counts %q skill levels; there are %d (%s)", t.Value, written, len(framework.Levels), where),
				Suggestions: []Suggestion{{Message: fmt.Sprintf("replace with %q", fix), Span: sp, NewText: fix}},
				Related:     rel,
			})
		}
	}
}

// LevelRegression reports a skill whose required level drops from one
// role level to the next.
var LevelRegression = &Rule{
	ID:    "level-regression",
	Title: "required skill levels that drop as the role level rises",
	Doc: "Reports a skill whose required level is lower at a role level than at the " +
		"role level before it, within one role on one page and one career track (levels " +
		"named \"… - management\" form a track of their own). Career paths are read " +
		"upwards, so a drop usually means one of the two levels was copied wrongly. It " +
		"can be deliberate: leadership levels may drop day-to-day skills; then say so " +
		"on the page, or ignore the finding with a reason.\n\n" +
		"Before:\n\n" +
		"    Senior product manager: Life-cycle perspective (expert)\n" +
		"    Lead product manager: Life-cycle perspective (practitioner)\n\n" +
		"After:\n\n" +
		"    Senior product manager: Life-cycle perspective (expert)\n" +
		"    Lead product manager: Life-cycle perspective (expert)\n",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      runLevelRegression,
}

// trackSkill is a career track and a skill, by their keys.
type trackSkill struct{ track, skill string }

func runLevelRegression(p *Pass) {
	for _, doc := range p.Framework.Documents {
		if doc == nil {
			continue
		}
		for _, r := range doc.Roles {
			type last struct {
				level *framework.RoleLevel
				req   *framework.Requirement
			}
			prev := map[trackSkill]last{}
			for _, l := range r.Levels {
				tr := track(l.Name.Value)
				seen := map[trackSkill]bool{}
				for _, q := range l.Skills {
					k := trackSkill{tr, p.key(q.Skill)}
					if !q.Level.Valid() || seen[k] {
						continue
					}
					seen[k] = true
					if pr, ok := prev[k]; ok && q.Level < pr.req.Level {
						at := q.LevelText
						if at.Value == "" {
							at = q.Skill
						}
						p.Report(Diagnostic{
							Span: at.Span,
							Message: fmt.Sprintf("skill %q drops from %s at role level %q to %s at %q; leadership levels may drop day-to-day skills, but check the level is meant",
								q.Skill.Value, pr.req.Level, pr.level.Name.Value, q.Level, l.Name.Value),
							Related: []Related{{Span: reqLevelSpan(pr.req), Message: fmt.Sprintf("%q requires %s at role level %q", q.Skill.Value, pr.req.Level, pr.level.Name.Value)}},
						})
					}
				}
				set := map[trackSkill]bool{}
				for _, q := range l.Skills {
					if k := (trackSkill{tr, p.key(q.Skill)}); q.Level.Valid() && !set[k] {
						set[k] = true
						prev[k] = last{l, q}
					}
				}
			}
		}
	}
}

// track returns the career track a role level name states, as a key:
// "management" for "Lead developer - management" or "Lead developer
// (management)", "" for the main track. Levels are compared only with
// earlier levels of their own track.
func track(name string) string {
	k := framework.Key(name)
	if i := strings.LastIndex(k, " - "); i > 0 {
		return strings.TrimSpace(k[i+3:])
	}
	if i := strings.LastIndex(k, " ("); i > 0 && strings.HasSuffix(k, ")") {
		return k[i+2 : len(k)-1]
	}
	return ""
}

// reqLevelSpan is where a requirement states its level, or its skill.
func reqLevelSpan(q *framework.Requirement) framework.Span {
	if q.LevelText.Span.IsValid() {
		return q.LevelText.Span
	}
	return q.Skill.Span
}
