// Package config reads the configuration file of ddat lint (.ddat.json):
// rules switched off or given another severity, extra accepted words, and
// findings to ignore, each with a reason. [Parse] reads one, [Find] looks
// for one above a folder, and [Config.Options] applies it to a [lint.Run].
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/internal/jsonread"
)

// FileName is the name of the configuration file that [Find] looks
// for.
const FileName = ".ddat.json"

// Config is a parsed configuration file (.ddat.json): rules switched off
// or given another severity, extra accepted words, and findings to ignore.
//
// A Config is applied in two steps: [Config.Options] folds the rule
// selection and the words into the [lint.Options] of [lint.Run], and [Config.Apply]
// changes severities and drops ignored findings afterwards. The zero
// Config changes nothing.
type Config struct {
	// File is the configuration file, kept for positions; optional.
	File *framework.File

	// Rules holds the configured rules by ID.
	Rules map[string]Rule

	// Words are extra words accepted by the spelling rules, in file order.
	Words []string

	// Ignore lists the findings to drop, in file order.
	Ignore []Ignore
}

// Rule is the configuration of one rule: off, or a severity that
// replaces the severity of every finding of the rule.
type Rule struct {
	Off      bool
	Severity lint.Severity // 0 when Off
	Pos      framework.Position
}

// Ignore drops the findings of one rule in the files whose path matches
// Path and whose message or source text contains Text.
type Ignore struct {
	Rule string // a rule ID; required

	// Path is a [path.Match] pattern over slash-separated paths; optional
	// (every file). It matches a file's path or any trailing part of it
	// that starts after a slash, so "legacy/*.txt" matches
	// "content/legacy/old.txt".
	Path string

	// Text must occur in the message or in the text the finding points
	// at; optional (every finding).
	Text string

	Reason string // why the findings are acceptable; required
	Pos    framework.Position
}

// Rule returns the configuration of the rule with the given ID, if the
// configuration sets one. It is safe to call on a nil Config.
func (c *Config) Rule(id string) (Rule, bool) {
	if c == nil {
		return Rule{}, false
	}
	rc, ok := c.Rules[id]
	return rc, ok
}

// Options returns opts with the rules and words of the configuration: the
// rules switched off are left out of opts.Rules (nil meaning [lint.All]), the
// words are added to opts.Words, and [lint.Run] applies the configuration to
// each finding as it is reported (see [Config.Apply]), so that the
// findings it drops do not count towards [lint.Options.MaxFindings].
func (c *Config) Options(opts lint.Options) lint.Options {
	if c == nil {
		return opts
	}
	rules := opts.Rules
	if rules == nil {
		rules = lint.All
	}
	var kept []*lint.Rule
	for _, r := range rules {
		if rc, ok := c.Rules[r.ID]; ok && rc.Off {
			continue
		}
		kept = append(kept, r)
	}
	if kept == nil {
		kept = []*lint.Rule{}
	}
	opts.Rules = kept
	opts.Words = append(append([]string(nil), opts.Words...), c.Words...)
	opts.Filter = c.apply
	return opts
}

// Apply returns the diagnostics that the configuration keeps, in order:
// findings of a rule switched off or matched by an [Ignore] entry are
// dropped, and the severity of a rule's findings is replaced by the
// configured one. diags is not modified.
func (c *Config) Apply(diags []lint.Diagnostic) []lint.Diagnostic {
	if c == nil {
		return diags
	}
	out := make([]lint.Diagnostic, 0, len(diags))
	for _, d := range diags {
		if d, ok := c.apply(d); ok {
			out = append(out, d)
		}
	}
	return out
}

// apply returns d as the configuration keeps it, if it does (see
// [Config.Apply]). It is idempotent, so findings that [lint.Run] kept under
// options made by [Config.Options] come through Apply unchanged.
func (c *Config) apply(d lint.Diagnostic) (lint.Diagnostic, bool) {
	if rc, ok := c.Rules[d.Rule]; ok {
		if rc.Off {
			return d, false
		}
		d.Severity = rc.Severity
	}
	return d, !c.ignored(d)
}

func (c *Config) ignored(d lint.Diagnostic) bool {
	for _, ig := range c.Ignore {
		if ig.Matches(d) {
			return true
		}
	}
	return false
}

// Matches reports whether the entry drops d.
func (ig Ignore) Matches(d lint.Diagnostic) bool {
	if ig.Rule != d.Rule {
		return false
	}
	if ig.Path != "" && !MatchPath(ig.Path, fileName(d.Span)) {
		return false
	}
	if ig.Text != "" && !strings.Contains(d.Message, ig.Text) && !strings.Contains(d.Span.Text(), ig.Text) {
		return false
	}
	return true
}

// MatchPath reports whether the slash-separated name, or a trailing part of
// it that starts after a slash, matches pattern (see [path.Match]).
func MatchPath(pattern, name string) bool {
	name = strings.TrimPrefix(name, "./")
	for {
		if ok, _ := path.Match(pattern, name); ok {
			return true
		}
		i := strings.IndexByte(name, '/')
		if i < 0 {
			return false
		}
		name = name[i+1:]
	}
}

// Find returns the path of the configuration file ([FileName]) in
// dir or the nearest folder above it, and whether there is one. dir is a
// slash-separated path in fsys ("." is its root); Find reads
// nothing but fsys, so the caller chooses the file system (os.DirFS
// for the real one).
func Find(fsys fs.FS, dir string) (string, bool) {
	dir = path.Clean(dir)
	for {
		name := path.Join(dir, FileName)
		if fi, err := fs.Stat(fsys, name); err == nil && fi.Mode().IsRegular() {
			return name, true
		}
		if dir == "." || dir == "/" {
			return "", false
		}
		dir = path.Dir(dir)
	}
}

// ErrInvalid is wrapped by the errors of [Parse].
var ErrInvalid = errors.New("invalid configuration")

// Parse parses a configuration file. name is used in positions.
// It returns every problem found, as a [framework.ErrorList] of errors at
// their line and column, each wrapping [ErrInvalid]: JSON syntax errors,
// unknown keys, unknown rule IDs (with the closest ID), severities other
// than "off", "info", "warning" and "error", values of the wrong type and
// ignore entries without a reason.
func Parse(name string, src []byte) (*Config, error) {
	p := &configParser{jsonread.New(name, src, ErrInvalid)}
	c := &Config{File: p.File, Rules: map[string]Rule{}}
	err := p.parse(c)
	if err != nil && !errors.Is(err, jsonread.ErrStop) {
		p.Errorf("%v", err)
	}
	p.Errs.Sort()
	if err := p.Errs.Err(); err != nil {
		return c, err
	}
	return c, nil
}

// configParser reads a configuration file.
type configParser struct{ *jsonread.Reader }

func (p *configParser) parse(c *Config) error {
	ok, err := p.Open('{', "the configuration")
	if err != nil || !ok {
		return err
	}
	seen := map[string]bool{}
	err = p.Object(func(key string, at int) error {
		if seen[key] {
			p.Errorf("duplicate key %q", key)
		}
		seen[key] = true
		switch key {
		case "$schema":
			_, _, err := p.Str(`"$schema"`)
			return err
		case "rules":
			return p.rules(c)
		case "words":
			return p.words(c)
		case "ignore":
			return p.ignores(c)
		}
		p.Errorf("unknown key %q: want \"rules\", \"words\" or \"ignore\"", key)
		return p.SkipValue()
	})
	if err != nil {
		return err
	}
	p.End("configuration object")
	return nil
}

var settingNames = `"off", "info", "warning" or "error"`

func (p *configParser) rules(c *Config) error {
	ok, err := p.Open('{', `"rules"`)
	if err != nil || !ok {
		return err
	}
	return p.Object(func(id string, at int) error {
		pos := p.File.Position(at)
		known := lint.Lookup(id) != nil
		if !known {
			if s, ok := lint.SuggestRule(id); ok {
				p.Errorf("unknown rule %q; did you mean %q?", id, s)
			} else {
				p.Errorf("unknown rule %q; ddat rules lists them", id)
			}
		}
		v, ok, err := p.Str(fmt.Sprintf("the setting of rule %q", id))
		if err != nil || !ok {
			return err
		}
		var rc Rule
		rc.Pos = pos
		if strings.EqualFold(strings.TrimSpace(v), "off") {
			rc.Off = true
		} else if sev, err := lint.ParseSeverity(v); err == nil {
			rc.Severity = sev
		} else {
			p.Errorf("unknown setting %q for rule %q: want %s", v, id, settingNames)
			return nil
		}
		if known {
			c.Rules[id] = rc
		}
		return nil
	})
}

func (p *configParser) words(c *Config) error {
	ok, err := p.Open('[', `"words"`)
	if err != nil || !ok {
		return err
	}
	return p.Array(func(tok json.Token) error {
		s, ok := tok.(string)
		if !ok {
			p.Errorf("a word must be a string, not %s", jsonread.Kind(tok))
			return p.Skip(tok)
		}
		if strings.TrimSpace(s) == "" {
			p.Errorf("empty word")
			return nil
		}
		c.Words = append(c.Words, s)
		return nil
	})
}

func (p *configParser) ignores(c *Config) error {
	ok, err := p.Open('[', `"ignore"`)
	if err != nil || !ok {
		return err
	}
	return p.Array(func(tok json.Token) error {
		if tok != json.Delim('{') {
			p.Errorf("an ignore entry must be an object, not %s", jsonread.Kind(tok))
			return p.Skip(tok)
		}
		ig := Ignore{Pos: p.File.Position(p.Start)}
		entry := p.Start
		err := p.Object(func(key string, at int) error {
			ok, err := p.StringMember(key, "an ignore entry",
				jsonread.Field{Name: "rule", Dst: &ig.Rule}, jsonread.Field{Name: "path", Dst: &ig.Path},
				jsonread.Field{Name: "text", Dst: &ig.Text}, jsonread.Field{Name: "reason", Dst: &ig.Reason})
			if err != nil || !ok {
				return err
			}
			switch key {
			case "rule":
				if lint.Lookup(ig.Rule) == nil {
					if sug, ok := lint.SuggestRule(ig.Rule); ok {
						p.Errorf("unknown rule %q; did you mean %q?", ig.Rule, sug)
					} else {
						p.Errorf("unknown rule %q; ddat rules lists them", ig.Rule)
					}
				}
			case "path":
				if _, err := path.Match(ig.Path, ""); err != nil {
					p.Errorf("bad path pattern %q: %v", ig.Path, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if ig.Rule == "" {
			p.ErrorAt(entry, "ignore entry without a \"rule\"")
		}
		if strings.TrimSpace(ig.Reason) == "" {
			p.ErrorAt(entry, "ignore entry without a \"reason\": say why the findings are acceptable")
		}
		c.Ignore = append(c.Ignore, ig)
		return nil
	})
}

func fileName(s framework.Span) string {
	if s.File == nil {
		return ""
	}
	return s.File.Name
}
