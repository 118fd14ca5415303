package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

// SARIF 2.1.0, the subset that GitHub code scanning reads.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		Help                 sarifHelp         `json:"help"`
		DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
		Properties           map[string]string `json:"properties,omitempty"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifRuleConfig struct {
		Enabled bool   `json:"enabled"`
		Level   string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

const (
	sarifSchema    = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	informationURI = "https://github.com/ddat-tools/ddat"
	// fingerprintKey names ddat's fingerprints in partialFingerprints.
	fingerprintKey = "ddat/v1"
)

// parseRuleDoc describes the "parse" pseudo-rule under which parse errors
// are reported.
var parseRuleDoc = &lint.Rule{
	ID:       parseRule,
	Title:    "text the parser could not read as the framework format it detected",
	Doc:      "Reports errors met while parsing a recognised framework document. The rest of the document is still linted.\n\nBefore: a role page whose role levels cannot be found\n\nAfter: the page as published",
	Severity: lint.Error,
}

// maxFindingsRuleDoc describes the "max-findings" pseudo-rule of the
// finding that says how many findings --max-findings left out.
var maxFindingsRuleDoc = &lint.Rule{
	ID:       lint.MaxFindingsRule,
	Title:    "findings left out beyond --max-findings",
	Doc:      "Says how many findings were left out because a run reports at most --max-findings of them (10,000 by default), at the first finding left out. Its severity is the highest of those left out, so a run that fails on them still fails.\n\nBefore: `ddat lint` on a file with 20,000 findings\n\nAfter: `ddat lint --max-findings 0` reports them all",
	Severity: lint.Info,
}

// pseudoRule returns the documentation of a pseudo-rule (parse,
// max-findings), or nil.
func pseudoRule(id string) *lint.Rule {
	switch id {
	case parseRule:
		return parseRuleDoc
	case lint.MaxFindingsRule:
		return maxFindingsRuleDoc
	}
	return nil
}

// writeSARIF prints the findings as a SARIF 2.1.0 log for GitHub code
// scanning. Columns are counted in UTF-16 code units, SARIF's default.
func writeSARIF(r *report) error {
	rules := append(append([]*lint.Rule{parseRuleDoc}, lint.All...), maxFindingsRuleDoc)
	index := map[string]int{}
	driver := sarifDriver{Name: "ddat", Version: version(), InformationURI: informationURI, Rules: []sarifRule{}}
	for i, rule := range rules {
		index[rule.ID] = i
		cfg := sarifRuleConfig{Enabled: true, Level: sarifLevel(rule.Severity)}
		if rc, ok := r.config.Rule(rule.ID); ok {
			cfg.Enabled = !rc.Off
			if !rc.Off {
				cfg.Level = sarifLevel(rc.Severity)
			}
		}
		sr := sarifRule{
			ID:                   rule.ID,
			Name:                 pascal(rule.ID),
			ShortDescription:     sarifText{upperFirst(rule.Title)},
			FullDescription:      sarifText{firstParagraph(rule.Doc)},
			Help:                 sarifHelp{Text: rule.Doc, Markdown: rule.Doc},
			DefaultConfiguration: cfg,
		}
		if rule.Since != "" {
			sr.Properties = map[string]string{"since": rule.Since}
		}
		driver.Rules = append(driver.Rules, sr)
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, ColumnKind: "utf16CodeUnits", Results: []sarifResult{}}
	for i, d := range r.diags {
		res := sarifResult{
			RuleID:              d.Rule,
			RuleIndex:           index[d.Rule],
			Level:               sarifLevel(d.Severity),
			Message:             sarifText{d.Message},
			Locations:           []sarifLocation{{PhysicalLocation: sarifPhysicalLocation(d.Span)}},
			PartialFingerprints: map[string]string{fingerprintKey: r.fingerprints[i]},
		}
		for j, rel := range d.Related {
			id := j
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: sarifPhysicalLocation(rel.Span), Message: &sarifText{rel.Message},
			})
		}
		for _, s := range d.Suggestions {
			if s.Span.File == nil {
				continue
			}
			res.Fixes = append(res.Fixes, sarifFix{
				Description: sarifText{s.Message},
				ArtifactChanges: []sarifArtifactChange{{
					ArtifactLocation: sarifArtifactLocation(s.Span.File),
					Replacements:     []sarifReplacement{{DeletedRegion: *sarifSpanRegion(s.Span), InsertedContent: sarifText{s.NewText}}},
				}},
			})
		}
		run.Results = append(run.Results, res)
	}
	data, err := json.MarshalIndent(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = r.out.Write(append(data, '\n'))
	return err
}

func sarifLevel(s lint.Severity) string { return severityIn(s, [3]string{"error", "warning", "note"}) }

func sarifArtifactLocation(f *framework.File) sarifArtifact {
	return sarifArtifact{URI: (&url.URL{Path: f.Name}).String(), URIBaseID: "%SRCROOT%"}
}

func sarifPhysicalLocation(s framework.Span) sarifPhysical {
	if s.File == nil {
		return sarifPhysical{ArtifactLocation: sarifArtifact{URI: "", URIBaseID: "%SRCROOT%"}}
	}
	return sarifPhysical{ArtifactLocation: sarifArtifactLocation(s.File), Region: sarifSpanRegion(s)}
}

// sarifSpanRegion returns the region of s, with columns in UTF-16 code
// units.
func sarifSpanRegion(s framework.Span) *sarifRegion {
	p, e := s.Pos(), s.EndPos()
	return &sarifRegion{
		StartLine: p.Line, StartColumn: utf16Column(s.File, p),
		EndLine: e.Line, EndColumn: utf16Column(s.File, e),
	}
}

// utf16Column returns the 1-based column of p counted in UTF-16 code
// units rather than bytes.
func utf16Column(f *framework.File, p framework.Position) int {
	start := p.Offset - (p.Column - 1)
	if start < 0 || p.Offset > len(f.Src) {
		return p.Column
	}
	n := 1
	for b := f.Src[start:p.Offset]; len(b) > 0; {
		r, size := utf8.DecodeRuneInString(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// pascal turns a kebab-case ID into the PascalCase name SARIF rules carry.
func pascal(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

// firstParagraph returns the first paragraph of Markdown text.
func firstParagraph(doc string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(doc), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}
