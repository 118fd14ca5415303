package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"

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
		Tool               sarifTool                   `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactURI `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
	}
	sarifArtifactURI struct {
		URI         string     `json:"uri"`
		Description *sarifText `json:"description,omitempty"`
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
		URIBaseID string `json:"uriBaseId,omitempty"`
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

// maxFindingsRuleDoc describes the "max-findings" pseudo-rule of the
// finding that says how many findings --max-findings left out.
var maxFindingsRuleDoc = &lint.Rule{
	ID:       lint.MaxFindingsRule,
	Title:    "findings left out beyond --max-findings",
	Doc:      "Says how many findings were left out because a run reports at most --max-findings of them (10,000 by default), at the first finding left out. Its severity is the highest of those left out, so a run that fails on them still fails.\n\nBefore: `ddat lint` on a file with 20,000 findings\n\nAfter: `ddat lint --max-findings 0` reports them all",
	Severity: lint.Info,
}

// pseudoRule returns the documentation of a pseudo-rule (max-findings),
// or nil.
func pseudoRule(id string) *lint.Rule {
	if id == lint.MaxFindingsRule {
		return maxFindingsRuleDoc
	}
	return nil
}

// writeSARIF prints the findings as a SARIF 2.1.0 log for GitHub code
// scanning. Columns are counted in Unicode code points, as everywhere in
// ddat, and the run says so ("columnKind"). Artifact URIs are relative
// to %SRCROOT%, the repository's root (see [sourceRoot]), which the run
// gives in originalUriBaseIds, so that they are the same from any
// current folder; a file outside the root gets its absolute file: URI.
func writeSARIF(r *report) error {
	root := sourceRoot(cwd())
	loc := sarifLocator{root: root}
	rules := allRules()
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
	run := sarifRun{
		Tool: sarifTool{Driver: driver},
		OriginalURIBaseIDs: map[string]sarifArtifactURI{srcRoot: {
			URI:         fileURI(root, true),
			Description: &sarifText{"the root of the repository: the nearest folder above the current one that holds .git, else the current folder"},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	for i, d := range r.diags {
		res := sarifResult{
			RuleID:              d.Rule,
			RuleIndex:           index[d.Rule],
			Level:               sarifLevel(d.Severity),
			Message:             sarifText{d.Message},
			Locations:           []sarifLocation{{PhysicalLocation: loc.physical(d.Span)}},
			PartialFingerprints: map[string]string{fingerprintKey: r.fingerprints[i]},
		}
		for j, rel := range d.Related {
			id := j
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: loc.physical(rel.Span), Message: &sarifText{rel.Message},
			})
		}
		for _, s := range d.Suggestions {
			if s.Span.File == nil {
				continue
			}
			res.Fixes = append(res.Fixes, sarifFix{
				Description: sarifText{s.Message},
				ArtifactChanges: []sarifArtifactChange{{
					ArtifactLocation: loc.artifact(s.Span.File),
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

// srcRoot is the URI base ID of the repository's root.
const srcRoot = "%SRCROOT%"

// sourceRoot returns the root that SARIF URIs are relative to: the
// nearest folder at or above dir that holds .git (a folder, or the file
// of a worktree), else dir.
func sourceRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return abs
		}
		d = up
	}
}

// fileURI returns the file: URI of the absolute path p, ending in "/"
// for a folder.
func fileURI(p string, dir bool) string {
	s := filepath.ToSlash(p)
	if !strings.HasPrefix(s, "/") {
		s = "/" + s // a Windows path: file:///C:/...
	}
	if dir && !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return (&url.URL{Scheme: "file", Path: s}).String()
}

// sarifLocator makes the artifact locations of one log, each file's
// once.
type sarifLocator struct {
	root string
	memo map[*framework.File]sarifArtifact
}

// artifact returns the location of f: its path relative to the root,
// with uriBaseId %SRCROOT%, when it is under the root; else its absolute
// file: URI.
func (l *sarifLocator) artifact(f *framework.File) sarifArtifact {
	if a, ok := l.memo[f]; ok {
		return a
	}
	a := sarifArtifact{URI: (&url.URL{Path: filepath.ToSlash(f.Name)}).String(), URIBaseID: srcRoot}
	if abs, err := filepath.Abs(filepath.FromSlash(f.Name)); err == nil {
		if rel, err := filepath.Rel(l.root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			a.URI = (&url.URL{Path: filepath.ToSlash(rel)}).String()
		} else {
			a = sarifArtifact{URI: fileURI(abs, false)}
		}
	}
	if l.memo == nil {
		l.memo = map[*framework.File]sarifArtifact{}
	}
	l.memo[f] = a
	return a
}

func (l *sarifLocator) physical(s framework.Span) sarifPhysical {
	if s.File == nil {
		return sarifPhysical{ArtifactLocation: sarifArtifact{URI: "", URIBaseID: srcRoot}}
	}
	return sarifPhysical{ArtifactLocation: l.artifact(s.File), Region: sarifSpanRegion(s)}
}

// sarifSpanRegion returns the region of s, with columns in code points
// (the run's columnKind).
func sarifSpanRegion(s framework.Span) *sarifRegion {
	p, e := s.Pos(), s.EndPos()
	return &sarifRegion{StartLine: p.Line, StartColumn: p.Column, EndLine: e.Line, EndColumn: e.Column}
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
