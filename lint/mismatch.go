package lint

// DescriptorMismatch is a placeholder until the rule is written.
var DescriptorMismatch = &Rule{
	ID:       "descriptor-mismatch",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
