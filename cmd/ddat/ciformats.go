package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// More CI formats: checkstyle (Jenkins and others), rdjson (reviewdog),
// gitlab (GitLab Code Quality) and junit (test report panes). Lines and
// columns are 1-based; columns count code points, except in rdjson,
// whose format counts bytes.

// ruleURL is the page of a rule's documentation.
func ruleURL(rule string) string {
	return informationURI + "#" + rule
}

// xmlText makes s fit in XML 1.0: the characters XML cannot hold (most
// control characters, U+FFFE and U+FFFF) and bytes that are not UTF-8
// are written as Go escapes (\x1b, \xff, \ufffe); the encoder escapes
// the rest.
func xmlText(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !xmlChar(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case !xmlChar(r) && r < 0x80:
			fmt.Fprintf(&b, "\\x%02x", r)
		case !xmlChar(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// The checkstyle report.
type (
	checkstyleReport struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	checkstyleFile struct {
		Name   string            `xml:"name,attr"`
		Errors []checkstyleError `xml:"error"`
	}
	checkstyleError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

// writeCheckstyle prints the findings as a Checkstyle XML report: one
// file element a file, in the order of the findings.
func writeCheckstyle(r *report) error {
	out := checkstyleReport{Version: "4.3"}
	index := map[string]int{}
	for _, d := range r.diags {
		p := d.Span.Pos()
		i, ok := index[p.Filename]
		if !ok {
			i = len(out.Files)
			index[p.Filename] = i
			out.Files = append(out.Files, checkstyleFile{Name: xmlText(p.Filename)})
		}
		out.Files[i].Errors = append(out.Files[i].Errors, checkstyleError{
			Line: p.Line, Column: p.Column,
			Severity: severityIn(d.Severity, [3]string{"error", "warning", "info"}),
			Message:  xmlText(d.Message),
			Source:   "ddat." + d.Rule,
		})
	}
	return writeXML(r, out)
}

func writeXML(r *report, v any) error {
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if _, err := r.out.Write([]byte(xml.Header)); err != nil {
		return err
	}
	_, err = r.out.Write(append(data, '\n'))
	return err
}

// The reviewdog diagnostic format (rdjson).
type (
	rdResult struct {
		Source      rdSource       `json:"source"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}
	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	rdDiagnostic struct {
		Message     string         `json:"message"`
		Location    rdLocation     `json:"location"`
		Severity    string         `json:"severity"`
		Source      rdSource       `json:"source"`
		Code        rdCode         `json:"code"`
		Suggestions []rdSuggestion `json:"suggestions,omitempty"`
	}
	rdLocation struct {
		Path  string   `json:"path"`
		Range *rdRange `json:"range,omitempty"`
	}
	rdRange struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	}
	rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
)

// rdRangeOf returns the range of s with columns in bytes, as rdjson
// counts them.
func rdRangeOf(s framework.Span) *rdRange {
	if !s.IsValid() {
		return nil
	}
	p, e := s.Pos(), s.EndPos()
	col := func(p framework.Position) int {
		return p.Offset - s.File.LineStart(p.Line) + 1
	}
	return &rdRange{Start: rdPosition{p.Line, col(p)}, End: rdPosition{e.Line, col(e)}}
}

// writeRDJSON prints the findings in reviewdog's diagnostic format
// (rdjson), with their suggestions, so that reviewdog can post them as
// suggested changes.
func writeRDJSON(r *report) error {
	out := rdResult{Source: rdSource{Name: "ddat", URL: informationURI}, Diagnostics: []rdDiagnostic{}}
	for _, d := range r.diags {
		rd := rdDiagnostic{
			Message:  d.Message,
			Location: rdLocation{Path: d.Span.Pos().Filename, Range: rdRangeOf(d.Span)},
			Severity: strings.ToUpper(severityIn(d.Severity, [3]string{"error", "warning", "info"})),
			Source:   rdSource{Name: "ddat"},
			Code:     rdCode{Value: d.Rule, URL: ruleURL(d.Rule)},
		}
		for _, s := range d.Suggestions {
			// reviewdog applies suggestions to the finding's file.
			if s.Span.File != d.Span.File || !s.Span.IsValid() {
				continue
			}
			rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: *rdRangeOf(s.Span), Text: s.NewText})
		}
		out.Diagnostics = append(out.Diagnostics, rd)
	}
	return writeJSONValue(r, out)
}

func writeJSONValue(r *report, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = r.out.Write(append(data, '\n'))
	return err
}

// The GitLab Code Quality report.
type (
	gitlabIssue struct {
		Description string         `json:"description"`
		CheckName   string         `json:"check_name"`
		Fingerprint string         `json:"fingerprint"`
		Severity    string         `json:"severity"`
		Location    gitlabLocation `json:"location"`
	}
	gitlabLocation struct {
		Path      string          `json:"path"`
		Positions gitlabPositions `json:"positions"`
	}
	gitlabPositions struct {
		Begin gitlabPosition `json:"begin"`
		End   gitlabPosition `json:"end"`
	}
	gitlabPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
)

// writeGitLab prints the findings as a GitLab Code Quality report: paths
// relative to the repository's root (as SARIF's, see [sourceRoot]),
// fingerprints as SARIF's (stable across runs and edits elsewhere, taken
// before a baseline filters), severities major (error), minor (warning)
// and info.
func writeGitLab(r *report) error {
	loc := sarifLocator{root: sourceRoot(cwd())}
	out := []gitlabIssue{}
	for i, d := range r.diags {
		p, e := d.Span.Pos(), d.Span.EndPos()
		path := p.Filename
		if d.Span.IsValid() {
			a := loc.artifact(d.Span.File)
			if a.URIBaseID == srcRoot {
				path = relToRoot(loc.root, d.Span.File.Name)
			}
		}
		out = append(out, gitlabIssue{
			Description: d.Message,
			CheckName:   d.Rule,
			Fingerprint: r.fingerprints[i],
			Severity:    severityIn(d.Severity, [3]string{"major", "minor", "info"}),
			Location: gitlabLocation{Path: path, Positions: gitlabPositions{
				Begin: gitlabPosition{max(p.Line, 1), max(p.Column, 1)},
				End:   gitlabPosition{max(e.Line, 1), max(e.Column, 1)},
			}},
		})
	}
	return writeJSONValue(r, out)
}

// relToRoot returns the file name (relative to the current folder) as a
// slash path relative to root, or name when it is not under root.
func relToRoot(root, name string) string {
	abs, err := filepath.Abs(filepath.FromSlash(name))
	if err != nil {
		return name
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return filepath.ToSlash(rel)
}

// The JUnit XML report.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		File      string        `xml:"file,attr,omitempty"`
		Line      int           `xml:"line,attr,omitempty"`
		Failure   *junitFailure `xml:"failure"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// writeJUnit prints the findings as a JUnit XML report for test report
// panes: a test suite a rule, a failed test case a finding (named by its
// place, its type the severity); a run with no findings is one suite
// with one passing case.
func writeJUnit(r *report) error {
	out := junitSuites{Name: "ddat lint"}
	index := map[string]int{}
	for _, d := range r.diags {
		i, ok := index[d.Rule]
		if !ok {
			i = len(out.Suites)
			index[d.Rule] = i
			out.Suites = append(out.Suites, junitSuite{Name: d.Rule})
		}
		p := d.Span.Pos()
		s := &out.Suites[i]
		s.Tests++
		s.Failures++
		s.Cases = append(s.Cases, junitCase{
			Name:      xmlText(p.String()),
			Classname: "ddat." + d.Rule,
			File:      xmlText(p.Filename),
			Line:      p.Line,
			Failure: &junitFailure{
				Message: xmlText(d.Message),
				Type:    d.Severity.String(),
				Text:    xmlText(d.String()),
			},
		})
	}
	if len(out.Suites) == 0 {
		out.Suites = []junitSuite{{Name: "ddat lint", Tests: 1, Cases: []junitCase{{
			Name: fmt.Sprintf("%d %s linted", r.files, plural(r.files, "file", "files")), Classname: "ddat"}}}}
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	return writeXML(r, out)
}
