package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

// All is the list of rules, in the order ddat rules lists them. A test
// validates it with [Validate]; the README's rule table and ddat explain
// come from it.
var All = []*Rule{
	ParseError,
	Structure,
	Encoding,
	Punctuation,
	ListPunctuation,
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

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Validate checks a list of rules: IDs kebab-case and unique, every field
// set, docs with a before/after example.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	var problems []string
	for i, r := range rules {
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("rule %d (%q): ", i, r.ID)+fmt.Sprintf(format, args...))
		}
		if !isKebab(r.ID) {
			bad("id is not kebab-case")
		}
		if seen[r.ID] {
			bad("duplicate id")
		}
		seen[r.ID] = true
		if r.Title == "" || strings.HasSuffix(r.Title, ".") || strings.ToLower(r.Title[:1]) != r.Title[:1] {
			bad("title must be set, start in lower case and not end with a period")
		}
		if !strings.Contains(r.Doc, "Before:") || !strings.Contains(r.Doc, "After:") {
			bad("doc lacks a Before:/After: example")
		}
		if !strings.HasPrefix(r.Since, "v") {
			bad("since must be a version like v0.1.0")
		}
		if r.Severity < Info || r.Severity > Error {
			bad("invalid default severity")
		}
		if r.Raised != "" && r.Severity == Error {
			bad("raised above error: errors are the highest severity")
		}
		if !slices.Contains(categories[:], r.Category) {
			bad("category must be one of %s", strings.Join(categories[:], ", "))
		}
		if r.Run == nil {
			bad("no Run function")
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid rules:\n%s", strings.Join(problems, "\n"))
	}
	return nil
}

// categories are the values of [Rule.Category].
var categories = [...]string{"structure", "encoding", "writing", "levels", "consistency"}

func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// closest is [nearword.Closest], for the configuration's suggestion of a
// rule ID (within [nearword.RuleIDEdits]).
func closest(s string, candidates []string, max int) (string, bool) {
	return nearword.Closest(s, candidates, max)
}
