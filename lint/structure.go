package lint

import "fmt"

// Structure reports what the parsers recovered from.
var Structure = &Rule{
	ID:    "structure",
	Title: "damaged document structure",
	Doc: "Reports the notes the parsers left on damaged structure, such as a heading " +
		"glued to the end of a paragraph or a stray heading. Tools and readers lose sections.\n\n" +
		"Before: `objectivesExamples of leadership using this skill:`\n\n" +
		"After: the heading on its own line",
	Since:    "v0.1.0",
	Severity: Warning,
	Run: func(p *Pass) {
		for _, doc := range p.Framework.Documents {
			if doc == nil {
				continue
			}
			for _, n := range doc.Notes {
				p.Reportf(n.Span, "%s", fmt.Sprintf("%s: %s", n.Code, n.Message))
			}
		}
	},
}

// Duplicate is registered; its checks are not written yet.
var Duplicate = &Rule{
	ID:       "duplicate",
	Title:    "repeated skills, descriptors or requirements",
	Doc:      "Finds a skill listed twice in one role level.\n\nBefore: `Agile working` twice\n\nAfter: once",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
