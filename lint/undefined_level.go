package lint

import (
	"fmt"
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
	Category: "levels",
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
		sl := sk.Level(s.Req.Level)
		switch {
		case sl != nil && sl.Status == framework.Undefined:
			where := roleWhere(s) // formatted only for a finding
			p.Report(Diagnostic{
				Severity: Error,
				Span:     at,
				Message: fmt.Sprintf("%s requires %q at %s, a level the catalogue leaves undefined",
					where, s.Req.Skill.Value, s.Req.Level),
				Related: []Related{{Span: sl.Span, Message: fmt.Sprintf("the catalogue's %s level of %q is not defined", s.Req.Level, sk.Name.Value)}},
			})
		case sl == nil:
			where := roleWhere(s)
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
