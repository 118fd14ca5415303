package lint

// Structure is a placeholder until the rule is written.
var Structure = &Rule{
	ID:       "structure",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// Duplicate is a placeholder until the rule is written.
var Duplicate = &Rule{
	ID:       "duplicate",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
