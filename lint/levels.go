package lint

// UndefinedLevel is a placeholder until the rule is written.
var UndefinedLevel = &Rule{
	ID:       "undefined-level",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// UnknownLevel is a placeholder until the rule is written.
var UnknownLevel = &Rule{
	ID:       "unknown-level",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// LevelScale is a placeholder until the rule is written.
var LevelScale = &Rule{
	ID:       "level-scale",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}

// LevelRegression is a placeholder until the rule is written.
var LevelRegression = &Rule{
	ID:       "level-regression",
	Title:    "placeholder",
	Doc:      "Before: x\nAfter: y",
	Since:    "v0.1.0",
	Severity: Warning,
	Run:      func(*Pass) {},
}
