package lint

import (
	"strconv"

	"github.com/ddat-tools/ddat/framework"
)

// LevelOrder reports role levels whose place in the seniority order was
// inferred rather than read.
var LevelOrder = &Rule{
	ID:    "level-order",
	Title: "role level placed in seniority order by inference",
	Doc: "The official CSV download lists a role's levels alphabetically and gives no job " +
		"grades. ddat restores the seniority order and the indicative grades from a table " +
		"read off the live role pages (embedded, dated). A level that table does not know " +
		"is placed by the conventions of its name (junior, senior, principal, lead, head " +
		"of …), then by the skill levels it requires; this finding says so, so that a " +
		"reviewer can check the order and the table can be brought up to date.\n\n" +
		"Before: `Lead widget maker` (not in the table; placed 4th of 5 by its name)\n\n" +
		"After: the role's live page lists the level, and the next edition of the table has it.",
	Since:    "v0.1.0",
	Category: "levels",
	Severity: Info,
	Run:      runLevelOrder,
}

func runLevelOrder(p *Pass) {
	for _, doc := range p.Framework.Documents {
		for _, r := range doc.Roles {
			for _, l := range r.Levels {
				if l.InferredOrder == "" {
					continue
				}
				p.Reportf(levelSpan(l), "role level %q of %q placed %s of %d by inference: %s",
					l.Name.Value, r.Name.Value, ordinal(l.Number), len(r.Levels), l.InferredOrder)
			}
		}
	}
}

// levelSpan is where a finding about a role level points: its name.
func levelSpan(l *framework.RoleLevel) framework.Span {
	if l.Name.Span.IsValid() {
		return l.Name.Span
	}
	return l.Span
}

// ordinal writes 1 as "1st", 2 as "2nd" and so on.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
