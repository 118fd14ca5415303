package lint

// Encoding is a placeholder until the rule is written.
var Encoding = &Rule{
	ID:       "encoding",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// Punctuation is a placeholder until the rule is written.
var Punctuation = &Rule{
	ID:       "punctuation",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
