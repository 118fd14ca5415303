package lint

import "fmt"

// LevelName reports role levels that two documents name differently.
var LevelName = &Rule{
	ID:    "level-name",
	Title: "role levels that documents name differently",
	Doc: "Reports a role level that a document names otherwise than another document " +
		"gives the same level: at the same place in the role's seniority order (between " +
		"the same levels named alike, or at the same end), under a name with the same " +
		"words of seniority (senior, lead, head of …) and at most one typing slip in eight " +
		"letters (\"Head of portolio\", \"Head of portfolio\") or one word added or dropped " +
		"(\"Head of digital portfolio\"). ddat takes the " +
		"two for one level, named as the first document in merge order names it (the " +
		"catalogue, then a JSON export, the roles download, role pages, role-level " +
		"exports, older guidance; then by file name), and reports the other name at the " +
		"level's heading, with the first as related position.\n\n" +
		"Readers and tools that match levels by name find two levels, or none.\n\n" +
		"Before: `4. Head of portolio` on the role page, `Head of portfolio` in the " +
		"roles download\n\n" +
		"After: `4. Head of portfolio` in both",
	Since:    "v0.1.0",
	Category: "levels",
	Severity: Warning,
	Run:      runLevelName,
}

func runLevelName(p *Pass) {
	for _, a := range p.Framework.Aliases {
		d := Diagnostic{
			Span: levelSpan(a.Level),
			Message: fmt.Sprintf("role level %q of %q is %q in %s: one level under two names",
				a.Level.Name.Value, a.Role.Name.Value, a.Name.Value, fileName(a.Name.Span)),
		}
		if a.Name.Span.IsValid() {
			d.Related = []Related{{Span: a.Name.Span, Message: fmt.Sprintf("%s names the level %q here", fileName(a.Name.Span), a.Name.Value)}}
		}
		p.Report(d)
	}
}
