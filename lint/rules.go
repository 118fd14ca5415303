package lint

// All is the list of rules, in the order ddat rules lists them. A test
// validates it with [Validate]; the README's rule table and ddat explain
// come from it.
var All = []*Rule{
	ParseError,
	Structure,
	Encoding,
	Punctuation,
	Spelling,
	BritishSpelling,
	UnknownLevel,
	LevelScale,
	UndefinedLevel,
	UnknownSkill,
	DescriptorMismatch,
	LevelRegression,
	RoleBacklink,
	Duplicate,
	LevelOrder,
	LevelName,
}
