package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// ConfigName is the name of the configuration file that [FindConfig] looks
// for.
const ConfigName = ".ddat.json"

// Config is a parsed configuration file (.ddat.json): rules switched off
// or given another severity, extra accepted words, and findings to ignore.
//
// A Config is applied in two steps: [Config.Options] folds the rule
// selection and the words into the [Options] of [Run], and [Config.Apply]
// changes severities and drops ignored findings afterwards. The zero
// Config changes nothing.
type Config struct {
	// File is the configuration file, kept for positions; optional.
	File *framework.File

	// Rules holds the configured rules by ID.
	Rules map[string]RuleConfig

	// Words are extra words accepted by the spelling rules, in file order.
	Words []string

	// Ignore lists the findings to drop, in file order.
	Ignore []Ignore
}

// RuleConfig is the configuration of one rule: off, or a severity that
// replaces the severity of every finding of the rule.
type RuleConfig struct {
	Off      bool
	Severity Severity // 0 when Off
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
func (c *Config) Rule(id string) (RuleConfig, bool) {
	if c == nil {
		return RuleConfig{}, false
	}
	rc, ok := c.Rules[id]
	return rc, ok
}

// Options returns opts with the rules and words of the configuration: the
// rules switched off are left out of opts.Rules (nil meaning [All]), the
// words are added to opts.Words, and [Run] applies the configuration to
// each finding as it is reported (see [Config.Apply]), so that the
// findings it drops do not count towards [Options.MaxFindings].
func (c *Config) Options(opts Options) Options {
	if c == nil {
		return opts
	}
	rules := opts.Rules
	if rules == nil {
		rules = All
	}
	var kept []*Rule
	for _, r := range rules {
		if rc, ok := c.Rules[r.ID]; ok && rc.Off {
			continue
		}
		kept = append(kept, r)
	}
	if kept == nil {
		kept = []*Rule{}
	}
	opts.Rules = kept
	opts.Words = append(append([]string(nil), opts.Words...), c.Words...)
	opts.config = c
	return opts
}

// Apply returns the diagnostics that the configuration keeps, in order:
// findings of a rule switched off or matched by an [Ignore] entry are
// dropped, and the severity of a rule's findings is replaced by the
// configured one. diags is not modified.
func (c *Config) Apply(diags []Diagnostic) []Diagnostic {
	if c == nil {
		return diags
	}
	out := make([]Diagnostic, 0, len(diags))
	for _, d := range diags {
		if d, ok := c.apply(d); ok {
			out = append(out, d)
		}
	}
	return out
}

// apply returns d as the configuration keeps it, if it does (see
// [Config.Apply]). It is idempotent, so findings that [Run] kept under
// options made by [Config.Options] come through Apply unchanged.
func (c *Config) apply(d Diagnostic) (Diagnostic, bool) {
	if rc, ok := c.Rules[d.Rule]; ok {
		if rc.Off {
			return d, false
		}
		d.Severity = rc.Severity
	}
	return d, !c.ignored(d)
}

func (c *Config) ignored(d Diagnostic) bool {
	for _, ig := range c.Ignore {
		if ig.Matches(d) {
			return true
		}
	}
	return false
}

// Matches reports whether the entry drops d.
func (ig Ignore) Matches(d Diagnostic) bool {
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

// FindConfig returns the path of the configuration file ([ConfigName]) in
// dir or the nearest folder above it, and whether there is one. dir is a
// slash-separated path in fsys ("." is its root); FindConfig reads
// nothing but fsys, so the caller chooses the file system (os.DirFS
// for the real one).
func FindConfig(fsys fs.FS, dir string) (string, bool) {
	dir = path.Clean(dir)
	for {
		name := path.Join(dir, ConfigName)
		if fi, err := fs.Stat(fsys, name); err == nil && fi.Mode().IsRegular() {
			return name, true
		}
		if dir == "." || dir == "/" {
			return "", false
		}
		dir = path.Dir(dir)
	}
}

// SuggestRule returns the ID of the rule of [All] closest to id, if one is
// close enough to be what was meant.
func SuggestRule(id string) (string, bool) {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
	}
	return closest(id, ids, 3)
}

// ErrConfig is wrapped by the errors of [ParseConfig].
var ErrConfig = errors.New("invalid configuration")

// ParseConfig parses a configuration file. name is used in positions.
// It returns every problem found, as a [framework.ErrorList] of errors at
// their line and column, each wrapping [ErrConfig]: JSON syntax errors,
// unknown keys, unknown rule IDs (with the closest ID), severities other
// than "off", "info", "warning" and "error", values of the wrong type and
// ignore entries without a reason.
func ParseConfig(name string, src []byte) (*Config, error) {
	p := &configParser{newJSONReader(name, src, ErrConfig)}
	c := &Config{File: p.file, Rules: map[string]RuleConfig{}}
	err := p.parse(c)
	if err != nil && !errors.Is(err, errStop) {
		p.errorf("%v", err)
	}
	p.errs.Sort()
	if err := p.errs.Err(); err != nil {
		return c, err
	}
	return c, nil
}

// configParser reads a configuration file.
type configParser struct{ *jsonReader }

func (p *configParser) parse(c *Config) error {
	ok, err := p.open('{', "the configuration")
	if err != nil || !ok {
		return err
	}
	seen := map[string]bool{}
	err = p.object(func(key string, at int) error {
		if seen[key] {
			p.errorf("duplicate key %q", key)
		}
		seen[key] = true
		switch key {
		case "$schema":
			_, _, err := p.str(`"$schema"`)
			return err
		case "rules":
			return p.rules(c)
		case "words":
			return p.words(c)
		case "ignore":
			return p.ignores(c)
		}
		p.errorf("unknown key %q: want \"rules\", \"words\" or \"ignore\"", key)
		return p.skipValue()
	})
	if err != nil {
		return err
	}
	p.end("configuration object")
	return nil
}

var settingNames = `"off", "info", "warning" or "error"`

func (p *configParser) rules(c *Config) error {
	ok, err := p.open('{', `"rules"`)
	if err != nil || !ok {
		return err
	}
	return p.object(func(id string, at int) error {
		pos := p.file.Position(at)
		known := Lookup(id) != nil
		if !known {
			if s, ok := SuggestRule(id); ok {
				p.errorf("unknown rule %q; did you mean %q?", id, s)
			} else {
				p.errorf("unknown rule %q; ddat rules lists them", id)
			}
		}
		v, ok, err := p.str(fmt.Sprintf("the setting of rule %q", id))
		if err != nil || !ok {
			return err
		}
		var rc RuleConfig
		rc.Pos = pos
		if strings.EqualFold(strings.TrimSpace(v), "off") {
			rc.Off = true
		} else if sev, err := ParseSeverity(v); err == nil {
			rc.Severity = sev
		} else {
			p.errorf("unknown setting %q for rule %q: want %s", v, id, settingNames)
			return nil
		}
		if known {
			c.Rules[id] = rc
		}
		return nil
	})
}

func (p *configParser) words(c *Config) error {
	ok, err := p.open('[', `"words"`)
	if err != nil || !ok {
		return err
	}
	return p.array(func(tok json.Token) error {
		s, ok := tok.(string)
		if !ok {
			p.errorf("a word must be a string, not %s", kind(tok))
			return p.skip(tok)
		}
		if strings.TrimSpace(s) == "" {
			p.errorf("empty word")
			return nil
		}
		c.Words = append(c.Words, s)
		return nil
	})
}

func (p *configParser) ignores(c *Config) error {
	ok, err := p.open('[', `"ignore"`)
	if err != nil || !ok {
		return err
	}
	return p.array(func(tok json.Token) error {
		if tok != json.Delim('{') {
			p.errorf("an ignore entry must be an object, not %s", kind(tok))
			return p.skip(tok)
		}
		ig := Ignore{Pos: p.file.Position(p.start)}
		entry := p.start
		err := p.object(func(key string, at int) error {
			var dst *string
			switch key {
			case "rule":
				dst = &ig.Rule
			case "path":
				dst = &ig.Path
			case "text":
				dst = &ig.Text
			case "reason":
				dst = &ig.Reason
			default:
				p.errorf("unknown key %q in an ignore entry: want \"rule\", \"path\", \"text\" or \"reason\"", key)
				return p.skipValue()
			}
			s, ok, err := p.str(fmt.Sprintf("%q", key))
			if err != nil || !ok {
				return err
			}
			*dst = s
			switch key {
			case "rule":
				if Lookup(s) == nil {
					if sug, ok := SuggestRule(s); ok {
						p.errorf("unknown rule %q; did you mean %q?", s, sug)
					} else {
						p.errorf("unknown rule %q; ddat rules lists them", s)
					}
				}
			case "path":
				if _, err := path.Match(s, ""); err != nil {
					p.errorf("bad path pattern %q: %v", s, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if ig.Rule == "" {
			p.errorAt(entry, "ignore entry without a \"rule\"")
		}
		if strings.TrimSpace(ig.Reason) == "" {
			p.errorAt(entry, "ignore entry without a \"reason\": say why the findings are acceptable")
		}
		c.Ignore = append(c.Ignore, ig)
		return nil
	})
}
