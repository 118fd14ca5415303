package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/schema"
)

// writeText prints one line a finding: "file:line:col: severity: message
// (rule)", the findings of each file together (they come sorted by file)
// and a blank line between files; nothing with --quiet.
func writeText(r *report) error {
	if r.quiet {
		return nil
	}
	lines := inOrder(len(r.diags), func(i int) string { return r.e.safe(r.diags[i].String()) })
	var last *framework.File
	for i, d := range r.diags {
		if f := d.Span.File; i > 0 && f != last {
			fmt.Fprintln(r.out)
		}
		last = d.Span.File
		fmt.Fprintln(r.out, lines[i])
	}
	return nil
}

// orderedChunk is how many results inOrder makes in one piece of work.
const orderedChunk = 256

// inOrder returns fn(i) for each i in [0, n), in order, made in pieces of
// orderedChunk on up to GOMAXPROCS goroutines (see [parallel]) when
// there are more: printing tens of thousands of findings is mostly
// finding their lines and columns and escaping them, which one processor
// did while the others idled at the end of the run.
func inOrder[T any](n int, fn func(i int) T) []T {
	out := make([]T, n)
	if n <= orderedChunk {
		for i := range out {
			out[i] = fn(i)
		}
		return out
	}
	parallel((n+orderedChunk-1)/orderedChunk, func(c int) {
		for i := c * orderedChunk; i < min(n, (c+1)*orderedChunk); i++ {
			out[i] = fn(i)
		}
	})
	return out
}

// The JSON report (schema/diagnostics.schema.json).
type (
	jsonReport struct {
		Schema      string           `json:"$schema"`
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
		Summary     jsonSummary      `json:"summary"`
	}
	jsonDiagnostic struct {
		Rule        string           `json:"rule"`
		Severity    string           `json:"severity"`
		File        string           `json:"file"`
		Line        int              `json:"line"`
		Column      int              `json:"column"`
		EndLine     int              `json:"endLine"`
		EndColumn   int              `json:"endColumn"`
		Message     string           `json:"message"`
		Suggestions []jsonSuggestion `json:"suggestions"`
		Related     []jsonRelated    `json:"related"`
	}
	jsonSuggestion struct {
		Message   string `json:"message"`
		Text      string `json:"text"` // the replacement
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"endLine"`
		EndColumn int    `json:"endColumn"`
	}
	jsonRelated struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"endLine"`
		EndColumn int    `json:"endColumn"`
		Message   string `json:"message"`
	}
	jsonSummary struct {
		Files    int      `json:"files"`
		Errors   int      `json:"errors"`
		Warnings int      `json:"warnings"`
		Infos    int      `json:"infos"`
		Skipped  []string `json:"skipped"` // files not framework documents, met in folders
	}
)

// writeJSON prints the findings as one JSON document.
func writeJSON(r *report) error {
	out := jsonReport{Schema: schema.Diagnostics.ID(), Diagnostics: []jsonDiagnostic{}}
	for _, d := range r.diags {
		p, end := d.Span.Pos(), d.Span.EndPos()
		jd := jsonDiagnostic{
			Rule:        d.Rule,
			Severity:    d.Severity.String(),
			File:        p.Filename,
			Line:        p.Line,
			Column:      p.Column,
			EndLine:     end.Line,
			EndColumn:   end.Column,
			Message:     d.Message,
			Suggestions: []jsonSuggestion{},
			Related:     []jsonRelated{},
		}
		for _, s := range d.Suggestions {
			sp, se := s.Span.Pos(), s.Span.EndPos()
			jd.Suggestions = append(jd.Suggestions, jsonSuggestion{
				Message: s.Message, Text: s.NewText,
				Line: sp.Line, Column: sp.Column, EndLine: se.Line, EndColumn: se.Column,
			})
		}
		for _, rel := range d.Related {
			rp, re := rel.Span.Pos(), rel.Span.EndPos()
			jd.Related = append(jd.Related, jsonRelated{File: rp.Filename, Line: rp.Line, Column: rp.Column,
				EndLine: re.Line, EndColumn: re.Column, Message: rel.Message})
		}
		out.Diagnostics = append(out.Diagnostics, jd)
		switch d.Severity {
		case lint.Error:
			out.Summary.Errors++
		case lint.Warning:
			out.Summary.Warnings++
		case lint.Info:
			out.Summary.Infos++
		}
	}
	out.Summary.Files = r.files
	out.Summary.Skipped = append([]string{}, r.skipped...)
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = r.out.Write(append(data, '\n'))
	return err
}

func githubType(s lint.Severity) string {
	return severityIn(s, [3]string{"error", "warning", "notice"})
}

// severityIn names s in an output format's own words for error, warning
// and anything less.
func severityIn(s lint.Severity, words [3]string) string {
	switch s {
	case lint.Error:
		return words[0]
	case lint.Warning:
		return words[1]
	}
	return words[2]
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
