package lint

import (
	"fmt"
	"sort"

	"github.com/ddat-tools/ddat/framework"
)

// A Diagnostic is one finding: plain data, rendered by the command.
type Diagnostic struct {
	Rule        string
	Severity    Severity
	Span        framework.Span // where the finding is; End may equal Start
	Message     string         // lower case, no final period, quotes the offending text
	Suggestions []Suggestion   // replacements that would fix it; optional
	Related     []Related      // other places that explain it; optional

	// Repeats is the number of other places with the same finding (the
	// same rule and message at the same place of the same text: a text a
	// download repeats on many rows), which [Run] reports as this one: the
	// first of them are the last entries of Related, at most 1,000, and
	// the message ends with their number ("; also on 14 more rows").
	// [BaseMessage] is the message of each. Zero when it stands alone.
	Repeats int
}

// Suggestion proposes replacing the text of Span with NewText.
type Suggestion struct {
	Message string // what the replacement does ("replace with \"portfolio\"")
	Span    framework.Span
	NewText string
	// Safe marks a replacement that repairs the text without choosing
	// between meanings (an encoding repair, a spacing or repeated-word
	// fix, a British spelling, a misspelling with one confident
	// candidate): ddat lint --fix applies it. The others are offered,
	// never applied unasked.
	Safe bool
}

// Related is another place that bears on a finding.
type Related struct {
	Span    framework.Span
	Message string
}

// Sort sorts diagnostics by file, line, column, rule and message; a
// finding of [MaxFindingsRule] goes last.
func Sort(diags []Diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool { return less(diags[i], diags[j]) })
}

// less is the order of [Sort].
func less(a, b Diagnostic) bool {
	if am, bm := a.Rule == MaxFindingsRule, b.Rule == MaxFindingsRule; am != bm {
		return bm
	}
	an, bn := fileName(a.Span), fileName(b.Span)
	if an != bn {
		return an < bn
	}
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

func fileName(s framework.Span) string {
	if s.File == nil {
		return ""
	}
	return s.File.Name
}

// String formats the diagnostic as "file:line:col: severity: message
// (rule)", the form editors and CI logs make clickable.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s (%s)", d.Span.Pos(), d.Severity, d.Message, d.Rule)
}
