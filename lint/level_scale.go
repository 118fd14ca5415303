package lint

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

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
	Category: "levels",
	Severity: Error,
	Run:      runLevelScale,
}

// scaleRE matches a scale sentence: level name, ordinal word, count.
var scaleRE = lazyRegexp(`(?i)^\s*(\pL+)\s+is\s+the\s+(\pL+)\s+of\s+(\d+|\pL+)\s+ascending\s+skill\s+levels?\.?\s*$`)

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
	m := scaleRE().FindStringSubmatchIndex(s)
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
