// Package check lints framework documents as ddat lint does: it chooses
// the reference catalogue and the spelling vocabulary, applies the
// configuration and the rules switched on or off, runs the rules of
// [lint.All] (the parser's errors among them), cuts the findings at a
// maximum, and drops those a baseline accepts, keeping the fingerprints
// that SARIF and GitLab reports carry. A service that wants what the
// command does calls [Run]; the command only reads files and flags, and
// renders the [Result].
//
// Check reads no files: the caller parses the documents (package parse)
// and reads the configuration ([config.Parse]) and the baseline
// ([baseline.Read]).
package check

import (
	"fmt"
	"sync/atomic"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/baseline"
	"github.com/ddat-tools/ddat/lint/config"
)

// Input is what [Run] checks.
type Input struct {
	// Documents are the parsed documents, partial ones included.
	Documents []*framework.Document

	// Problems are the errors the parser met in Documents, which the
	// "parse" rule ([lint.ParseError]) reports; optional. Each must be
	// in one of Documents.
	Problems framework.ErrorList
}

// Options say how [Run] checks. The zero Options run every rule with its
// default severity, no reference catalogue but the documents' own, and
// no limit on findings.
type Options struct {
	// Config is the configuration (see [config.Find]); optional.
	Config *config.Config

	// Enable and Disable are IDs of rules switched on whatever the
	// configuration says, and off; optional.
	Enable, Disable []string

	// Catalogue is the reference skills catalogue for documents that
	// hold none; optional (see Published).
	Catalogue *framework.Framework

	// Published returns the published framework, as parse.Published
	// does: the reference catalogue when neither the documents nor
	// Catalogue hold one, and the spelling vocabulary unless IsPublished
	// says that the documents are the published framework themselves. It
	// is called only then. Optional: without it, there is neither.
	Published func() (*framework.Framework, error)

	// IsPublished reports whether documents are the published framework,
	// as parse.IsPublished does; optional (they are not).
	IsPublished func([]*framework.Document) bool

	// PublishedSources, when set, gives the published framework's
	// documents as sources only (parse.PublishedSources), which is all
	// the spelling rule needs of the vocabulary: Published is then called
	// for it only should the rule need the texts.
	PublishedSources func() *framework.Framework

	// MaxFindings is the most findings reported; 0 means no limit (see
	// [lint.Options.MaxFindings]).
	MaxFindings int

	// Baseline drops the findings it accepts (see [Result.Filter]);
	// optional.
	Baseline *baseline.Baseline

	// Fingerprints asks for [Result.Fingerprints] even without a
	// Baseline.
	Fingerprints bool

	// Stats, when not nil, receives what each rule cost, in rule order.
	Stats *[]lint.RuleStats

	// Progress, when not nil, is called with 0 and the number of rules
	// before they run, then as each finishes with the number finished,
	// possibly from several goroutines at once.
	Progress func(done, total int)
}

// Result is what [Run] found.
type Result struct {
	// Findings are the findings reported, sorted (see [lint.Sort]).
	Findings []lint.Diagnostic

	// Fingerprints are the fingerprints of Findings, one each, as the
	// findings had them before a baseline filtered them, so that they are
	// the baseline's (see [baseline.Fingerprints]); nil unless asked for
	// by [Options.Fingerprints] or a baseline.
	Fingerprints []string

	// Stale are the baseline's entries that accept no finding: fixed or
	// changed since it was written.
	Stale []baseline.Entry

	// Config is the configuration applied: [Options.Config] with the
	// rules of Enable and Disable switched on and off; nil when there
	// was none.
	Config *config.Config
}

// Run checks in with opts. Its error says what is wrong with the input or
// the options (a problem outside the documents, an unknown rule); the
// findings are in the Result.
func Run(in Input, opts Options) (*Result, error) {
	cfg, err := Configure(opts.Config, opts.Enable, opts.Disable)
	if err != nil {
		return nil, err
	}
	if err := checkProblems(in); err != nil {
		return nil, err
	}
	fw := framework.Merge(in.Documents...)
	published := func() *framework.Framework {
		if opts.Published == nil {
			return nil
		}
		fw, _ := opts.Published() // its errors are the published documents' defects, not the input's
		return fw
	}
	cat := opts.Catalogue
	catPublished := false
	if cat == nil && len(fw.Skills) == 0 {
		cat, catPublished = published(), true
	}
	var vocab *framework.Framework
	var loadVocab func() *framework.Framework
	if opts.IsPublished == nil || !opts.IsPublished(in.Documents) {
		// The spelling rule needs only the published documents' sources
		// (see lint.Options.LoadVocabulary), unless it has them decoded
		// already as the catalogue.
		if opts.PublishedSources != nil && !catPublished {
			vocab, loadVocab = opts.PublishedSources(), published
		} else {
			vocab = published()
		}
	}
	lo := cfg.Options(lint.Options{Catalogue: cat, Vocabulary: vocab, LoadVocabulary: loadVocab, MaxFindings: opts.MaxFindings, Problems: in.Problems, Stats: opts.Stats})
	if opts.Progress != nil {
		total := len(lo.Rules)
		if lo.Rules == nil {
			total = len(lint.All)
		}
		opts.Progress(0, total)
		var done atomic.Int64
		lo.Done = func(*lint.Rule) { opts.Progress(int(done.Add(1)), total) }
	}
	r := &Result{Findings: lint.Run(fw, lo), Config: cfg}
	if opts.Fingerprints {
		r.Fingerprints = baseline.Fingerprints(r.Findings)
	}
	if opts.Baseline != nil {
		r.Filter(opts.Baseline)
	}
	return r, nil
}

// Filter drops the findings that b accepts, with their fingerprints, and
// records b's stale entries. The fingerprints are computed first if r has
// none.
func (r *Result) Filter(b *baseline.Baseline) {
	if r.Fingerprints == nil {
		r.Fingerprints = baseline.Fingerprints(r.Findings)
	}
	keep, stale := b.Filter(r.Fingerprints)
	var kept []lint.Diagnostic
	fps := r.Fingerprints[:0]
	for _, i := range keep {
		kept = append(kept, r.Findings[i])
		fps = append(fps, r.Fingerprints[i])
	}
	r.Findings, r.Fingerprints, r.Stale = kept, fps, stale
}

// Fails reports whether a finding is at least as severe as least; no
// finding fails when least is 0.
func (r *Result) Fails(least lint.Severity) bool {
	if least == 0 {
		return false
	}
	for _, d := range r.Findings {
		if d.Severity >= least {
			return true
		}
	}
	return false
}

// Configure returns cfg with the rules of enable switched on (whatever
// cfg says) and those of disable switched off; cfg itself is not
// changed. It returns cfg when both are empty, and an error for an ID
// that is not a rule of [lint.All] or is [lint.MaxFindingsRule], which
// cannot be switched off.
func Configure(cfg *config.Config, enable, disable []string) (*config.Config, error) {
	if len(enable) == 0 && len(disable) == 0 {
		return cfg, nil
	}
	out := &config.Config{Rules: map[string]config.Rule{}}
	if cfg != nil {
		c := *cfg
		out = &c
		out.Rules = make(map[string]config.Rule, len(cfg.Rules))
		for k, v := range cfg.Rules {
			out.Rules[k] = v
		}
	}
	for _, id := range enable {
		if err := knownRule(id); err != nil {
			return nil, err
		}
		if rc, ok := out.Rules[id]; ok && rc.Off {
			delete(out.Rules, id)
		}
	}
	for _, id := range disable {
		if err := knownRule(id); err != nil {
			return nil, err
		}
		out.Rules[id] = config.Rule{Off: true}
	}
	return out, nil
}

func knownRule(id string) error {
	if id == lint.MaxFindingsRule {
		return fmt.Errorf("rule %s cannot be switched on or off: MaxFindings 0 reports every finding instead", id)
	}
	if lint.Lookup(id) == nil {
		if s, ok := lint.SuggestRule(id); ok {
			return fmt.Errorf("unknown rule %q; did you mean %q?", id, s)
		}
		return fmt.Errorf("unknown rule %q", id)
	}
	return nil
}

// checkProblems returns an error if a problem of in is not in one of its
// documents.
func checkProblems(in Input) error {
	if len(in.Problems) == 0 {
		return nil
	}
	names := make(map[string]bool, len(in.Documents))
	for _, d := range in.Documents {
		if d.File != nil {
			names[d.File.Name] = true
		}
	}
	for _, e := range in.Problems {
		if !names[e.Pos.Filename] {
			return fmt.Errorf("a parse error outside the documents checked: %v", e)
		}
	}
	return nil
}
