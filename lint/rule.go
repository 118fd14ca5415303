package lint

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Severity is how much a finding matters. Its zero value is invalid, so a
// rule that forgets to set one is caught by [Validate].
type Severity int

// The severities, least severe first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = [...]string{"invalid", "info", "warning", "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return severityNames[0]
	}
	return severityNames[s]
}

// ParseSeverity returns the severity named s ("info", "warning", "error"),
// ignoring case.
func ParseSeverity(s string) (Severity, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i := Info; i <= Error; i++ {
		if severityNames[i] == t {
			return i, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want info, warning or error", s)
}

// MarshalText encodes the severity's name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// A Rule is one check. Rules are values listed in [All]; their IDs are
// permanent.
type Rule struct {
	ID       string   // permanent kebab-case identifier ("spelling")
	Title    string   // one line, lower case, no final period
	Doc      string   // Markdown: what it finds, why, a before/after example
	Since    string   // the version that introduced the rule ("v0.1.0")
	Severity Severity // the default severity of its findings
	// Category groups rules by what they look at: "structure", "encoding",
	// "writing" (spelling and punctuation), "levels" or "consistency"
	// (documents held against each other). Validate checks it.
	Category string
	// Raised says which findings are errors when Severity is lower ("a
	// wholesale difference (…)"); empty when every finding has the
	// default severity. The Doc says which and why; ddat rules and ddat
	// explain show it.
	Raised string
	Run    func(*Pass)
}

// lazyRegexp returns a function that compiles expr on its first call and
// returns the expression: compiling the rules' expressions at start-up
// cost every command, most of which lint nothing.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
