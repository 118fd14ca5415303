package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/lint"
)

// GitHub's limits on annotations: it shows at most 10 of each type
// (error, warning, notice) from one step, and 50 in all from one job.
// The github format prints no more than it shows.
const (
	maxAnnotationsPerType = 10
	maxAnnotationsPerJob  = 50
)

// rulePriority orders the rules by how much their findings matter to a
// reader, for choosing the annotations GitHub shows: wrong text a reader
// sees (a misspelling, a level that drops) before layout and invisible
// characters. Rules not listed (a new rule needs no line here) take the
// place of otherRules, in the order of lint.All: after the findings of
// wrong content, before spacing, encoding and the cap.
var rulePriority = []string{
	lint.ParseError.ID,
	"level-regression",
	"spelling",
	"unknown-skill",
	"unknown-level",
	"level-scale",
	"descriptor-mismatch",
	"level-name",
	"role-backlink",
	"level-order",
	"british-spelling",
	"structure",
	"duplicate",
	"undefined-level",
	otherRules,
	"punctuation",
	"encoding",
	lint.MaxFindingsRule,
}

// otherRules marks the place in rulePriority of the rules it does not list.
const otherRules = ""

func priorityOf(rule string) int {
	// Each listed rule has a rank of its own, spaced so that the rules
	// not listed fit between otherRules and the next.
	step := len(lint.All) + 1
	other := 0
	for i, id := range rulePriority {
		if id == rule && rule != otherRules {
			return i * step
		}
		if id == otherRules {
			other = i * step
		}
	}
	for i, r := range lint.All {
		if r.ID == rule {
			return other + 1 + i
		}
	}
	return other + step - 1
}

// chooseAnnotations returns the indexes of the findings of diags to
// annotate, in the order of diags: of each type at most limit[type], the
// most important first: errors before warnings before the rest, and
// within a severity, the rules taken in turn by priority (the first
// finding of each rule, then the second of each, …), so that one rule
// with many findings does not hide the others.
func chooseAnnotations(diags []lint.Diagnostic, limit map[string]int) []int {
	type group struct {
		prio int
		idx  []int
	}
	bySev := map[lint.Severity]map[string]*group{}
	for i, d := range diags {
		if bySev[d.Severity] == nil {
			bySev[d.Severity] = map[string]*group{}
		}
		g := bySev[d.Severity][d.Rule]
		if g == nil {
			g = &group{prio: priorityOf(d.Rule)}
			bySev[d.Severity][d.Rule] = g
		}
		g.idx = append(g.idx, i)
	}
	var chosen []int
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		var groups []*group
		for _, g := range bySev[sev] {
			groups = append(groups, g)
		}
		sort.Slice(groups, func(i, j int) bool {
			if groups[i].prio != groups[j].prio {
				return groups[i].prio < groups[j].prio
			}
			return groups[i].idx[0] < groups[j].idx[0]
		})
		typ := githubType(sev)
		for k := 0; limit[typ] > 0; k++ {
			took := false
			for _, g := range groups {
				if k < len(g.idx) && limit[typ] > 0 {
					chosen = append(chosen, g.idx[k])
					limit[typ]--
					took = true
				}
			}
			if !took {
				break
			}
		}
	}
	sort.Ints(chosen)
	return chosen
}

// writeGitHub prints GitHub Actions workflow commands ("::error
// file=…::message") for the findings GitHub shows (see
// chooseAnnotations), then the others as plain lines of the log and one
// notice saying how many were not annotated. When GITHUB_STEP_SUMMARY
// names a file, a Markdown summary is appended to it.
func writeGitHub(r *report) error {
	limits := func(notices int) map[string]int {
		return map[string]int{"error": maxAnnotationsPerType, "warning": maxAnnotationsPerType, "notice": notices}
	}
	chosen := chooseAnnotations(r.diags, limits(maxAnnotationsPerType))
	if len(chosen) < len(r.diags) {
		// The notice for the remainder is one of the notices shown.
		chosen = chooseAnnotations(r.diags, limits(maxAnnotationsPerType-1))
	}
	if len(chosen) > maxAnnotationsPerJob {
		chosen = chosen[:maxAnnotationsPerJob]
	}
	annotated := make([]bool, len(r.diags))
	for _, i := range chosen {
		annotated[i] = true
		writeAnnotation(r, r.diags[i])
	}
	rest := len(r.diags) - len(chosen)
	if rest > 0 {
		for i, d := range r.diags {
			if !annotated[i] {
				fmt.Fprintln(r.out, commandSafe(d.String()))
			}
		}
		fmt.Fprintf(r.out, "::notice title=ddat::%s\n", escapeData(fmt.Sprintf(
			"%d more %s not annotated (GitHub shows at most %d errors, %d warnings and %d notices from a step); they are listed in the log",
			rest, plural(rest, "finding", "findings"), maxAnnotationsPerType, maxAnnotationsPerType, maxAnnotationsPerType)))
	}
	if name := os.Getenv("GITHUB_STEP_SUMMARY"); name != "" {
		if err := appendSummary(r.e.reads, name, stepSummary(r)); err != nil {
			return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
		}
	}
	return nil
}

func writeAnnotation(r *report, d lint.Diagnostic) {
	p, end := d.Span.Pos(), d.Span.EndPos()
	props := []string{"file=" + escapeProperty(escapeText(p.Filename))}
	if p.IsValid() {
		props = append(props, fmt.Sprintf("line=%d", p.Line), fmt.Sprintf("col=%d", p.Column))
		if end.IsValid() {
			props = append(props, fmt.Sprintf("endLine=%d", end.Line), fmt.Sprintf("endColumn=%d", end.Column))
		}
	}
	props = append(props, "title="+escapeProperty(d.Rule))
	fmt.Fprintf(r.out, "::%s %s::%s\n", githubType(d.Severity), strings.Join(props, ","), escapeData(escapeMessage(d.Message)))
}

// Bounds of the step summary: GitHub drops a step's summary over 1 MiB,
// and a run can have findings in thousands of files or quote a long
// text.
const (
	maxSummaryFindings = 5         // findings listed for each rule
	maxSummaryFiles    = 100       // rows of the table of files
	maxSummaryMessage  = 500       // characters of a finding's message
	maxSummaryBytes    = 512 << 10 // the whole summary
)

// stepSummary returns the Markdown summary of a run for GitHub's step
// summary: the counts by rule and by file, and the first findings of
// each rule. Everything that came from a file is escaped for Markdown.
func stepSummary(r *report) string {
	var b strings.Builder
	b.WriteString("## ddat lint\n\n")
	b.WriteString(markdownEscape(summary(r.diags, r.files)) + "\n\n")
	if len(r.diags) == 0 {
		return b.String()
	}
	type counts struct{ n [lint.Error + 1]int }
	byRule := map[string]*counts{}
	byFile := map[string]*counts{}
	var rules, files []string
	first := map[string][]lint.Diagnostic{}
	for _, d := range r.diags {
		if byRule[d.Rule] == nil {
			byRule[d.Rule] = &counts{}
			rules = append(rules, d.Rule)
		}
		file := d.Span.Pos().Filename
		if byFile[file] == nil {
			byFile[file] = &counts{}
			files = append(files, file)
		}
		if d.Severity >= lint.Info && d.Severity <= lint.Error {
			byRule[d.Rule].n[d.Severity]++
			byFile[file].n[d.Severity]++
		}
		if len(first[d.Rule]) < maxSummaryFindings {
			first[d.Rule] = append(first[d.Rule], d)
		}
	}
	sort.SliceStable(rules, func(i, j int) bool { return priorityOf(rules[i]) < priorityOf(rules[j]) })
	row := func(name string, c *counts) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", name, c.n[lint.Error], c.n[lint.Warning], c.n[lint.Info])
	}
	b.WriteString("| Rule | Errors | Warnings | Infos |\n| --- | ---: | ---: | ---: |\n")
	for _, rule := range rules {
		row("`"+rule+"`", byRule[rule])
	}
	b.WriteString("\n| File | Errors | Warnings | Infos |\n| --- | ---: | ---: | ---: |\n")
	unlisted := 0
	if len(files) > maxSummaryFiles {
		unlisted = len(files) - maxSummaryFiles
		files = files[:maxSummaryFiles]
	}
	for _, f := range files {
		name := markdownEscape(f)
		if f == "" {
			name = "(no file)"
		}
		row(name, byFile[f])
	}
	if unlisted > 0 {
		fmt.Fprintf(&b, "\n%d more files are not listed.\n", unlisted)
	}
	for _, rule := range rules {
		total := byRule[rule].n[lint.Error] + byRule[rule].n[lint.Warning] + byRule[rule].n[lint.Info]
		fmt.Fprintf(&b, "\n### `%s`\n\n", rule)
		for _, d := range first[rule] {
			fmt.Fprintf(&b, "- %s: %s: %s\n", markdownEscape(d.Span.Pos().String()), d.Severity, markdownEscape(clipRunes(d.Message, maxSummaryMessage)))
		}
		if more := total - len(first[rule]); more > 0 {
			fmt.Fprintf(&b, "- and %d more\n", more)
		}
	}
	return capSummary(b.String())
}

// capSummary cuts a summary over maxSummaryBytes at the end of a line,
// saying so.
func capSummary(s string) string {
	if len(s) <= maxSummaryBytes {
		return s
	}
	cut := strings.LastIndexByte(s[:maxSummaryBytes], '\n') + 1
	return s[:cut] + fmt.Sprintf("\nThe summary is cut at %d KiB; the log has every finding.\n", maxSummaryBytes>>10)
}

// clipRunes returns s cut to at most n characters, with "…" where it
// was cut.
func clipRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// markdownEscape escapes text from a file for Markdown within a line
// (a table cell or a list item's text): control and invisible
// characters as escapeText shows them, then the ASCII punctuation that
// Markdown, GitHub's extensions (tables, mentions, math, strikethrough)
// or HTML could read inside a line, backslash-escaped, and "&" as an
// entity, so that the text shows as written and does nothing else.
func markdownEscape(s string) string {
	s = escapeText(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x80 && strings.ContainsRune("\\`*_{}[]()#+!|<>~@$", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// appendSummary appends text to the step summary file name: a regular
// file or a new one, never one ddat read.
func appendSummary(reads *readSet, name, text string) error {
	if fi, err := os.Lstat(name); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is %s; ddat appends only to regular files", name, input.FileKind(fi.Mode()))
		}
		if reads.holds(fi) {
			return fmt.Errorf("%s is one of the inputs; ddat never writes over its inputs", name)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
