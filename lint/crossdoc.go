package lint

// UnknownSkill is a placeholder until the rule is written.
var UnknownSkill = &Rule{
	ID:       "unknown-skill",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// RoleBacklink is a placeholder until the rule is written.
var RoleBacklink = &Rule{
	ID:       "role-backlink",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
