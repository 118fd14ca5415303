package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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

// Sort sorts diagnostics by file, line, column, rule and message,
// stably; a finding of [MaxFindingsRule] goes last. It sorts their
// indexes and then moves each diagnostic once: a stable sort moves its
// elements many times, and a diagnostic is 120 bytes (a large run's tens
// of thousands took a quarter of the time its findings were sorted and
// grouped in).
func Sort(diags []Diagnostic) {
	if len(diags) < 2 || slices.IsSortedFunc(diags, compareDiagnostics) {
		return
	}
	order := make([]int32, len(diags))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int { return compareDiagnostics(diags[i], diags[j]) })
	sorted := make([]Diagnostic, len(diags))
	for k, i := range order {
		sorted[k] = diags[i]
	}
	copy(diags, sorted)
}

// less is the order of [Sort].
func less(a, b Diagnostic) bool { return compareDiagnostics(a, b) < 0 }

// compareDiagnostics is the order of [Sort], as cmp.Compare gives it.
func compareDiagnostics(a, b Diagnostic) int {
	if am, bm := a.Rule == MaxFindingsRule, b.Rule == MaxFindingsRule; am != bm {
		if bm {
			return -1
		}
		return 1
	}
	if c := strings.Compare(fileName(a.Span), fileName(b.Span)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
		return c
	}
	if c := strings.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
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
