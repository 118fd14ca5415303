package lint

import (
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

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
	Category: "levels",
	Severity: Warning,
	Run:      runLevelRegression,
}

// trackSkill is a career track and a skill, by their keys.
type trackSkill struct{ track, skill string }

func runLevelRegression(p *Pass) {
	// The skills met at a level, by key, and the first requirement of
	// each: reused from level to level.
	seen := map[string]bool{}
	type first struct {
		k trackSkill
		q *framework.Requirement
	}
	var firsts []first
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
				clear(seen)
				firsts = firsts[:0]
				keys := p.listSkillKeys(l.Skills)
				for i, q := range l.Skills {
					if !q.Level.Valid() {
						continue
					}
					sk := keys[i]
					if seen[sk] {
						continue
					}
					seen[sk] = true
					k := trackSkill{tr, sk}
					firsts = append(firsts, first{k, q})
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
				// Later levels compare with this one's first requirement
				// of each skill.
				for _, f := range firsts {
					prev[f.k] = last{l, f.q}
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
