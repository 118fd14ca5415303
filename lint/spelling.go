package lint

import _ "github.com/golangci/misspell"

// Spelling is a placeholder until the rule is written.
var Spelling = &Rule{
	ID:       "spelling",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// BritishSpelling is a placeholder until the rule is written.
var BritishSpelling = &Rule{
	ID:       "british-spelling",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
