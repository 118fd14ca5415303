package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/baseline"
	"github.com/ddat-tools/ddat/lint/check"
	"github.com/ddat-tools/ddat/lint/config"
	"github.com/ddat-tools/ddat/parse"
)

type lintOptions struct {
	enable, disable                                            ruleList
	stdinFilename                                              string
	format, failOn, catalogue, config, baseline, writeBaseline string
	stats, quiet, fix, diff, allowEmpty                        bool
	maxFindings                                                int
}

var lintCommand = &command{
	name:    "lint",
	usage:   "[--format text|json|sarif|github|checkstyle|rdjson|gitlab|junit] [--fail-on error|warning|info|none] [--fix [--diff]] [--allow-empty] [--catalogue FILE] [--config FILE] [--baseline FILE] [--write-baseline FILE] [PATH...]",
	summary: "check documents and print findings (the embedded published framework with no PATH)",
	flags:   func(fs *flag.FlagSet) { lintFlags(fs) },
	run:     runLint,
}

func lintFlags(fs *flag.FlagSet) *lintOptions {
	o := &lintOptions{}
	fs.StringVar(&o.format, "format", "text", "output `format`: "+formatNames)
	fs.StringVar(&o.failOn, "fail-on", "error", "least `severity` that fails: error, warning, info or none")
	fs.StringVar(&o.catalogue, "catalogue", "", "reference skills catalogue `FILE` when none is among the inputs")
	fs.StringVar(&o.config, "config", "", "configuration `FILE` (default: "+config.FileName+" in the folder of the first PATH or above)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in baseline `FILE`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the findings in baseline `FILE` and exit 0")
	fs.BoolVar(&o.stats, "stats", false, "print the time and counts of each phase and rule on stderr")
	fs.BoolVar(&o.quiet, "quiet", false, "print only the count of findings of each rule and the summary (text format)")
	fs.BoolVar(&o.fix, "fix", false, "apply the fixes their rules mark safe to the input files, then report what is left")
	fs.BoolVar(&o.diff, "diff", false, "with --fix, print the fixes as a unified diff instead of writing them")
	fs.Var(&o.enable, "enable", "switch `RULE` on, whatever the configuration says (repeat it, or separate rules by commas)")
	fs.Var(&o.disable, "disable", "switch `RULE` off (repeat it, or separate rules by commas)")
	fs.StringVar(&o.stdinFilename, "stdin-filename", "", "the `NAME` of the document read from standard input (PATH \"-\"), in findings")
	fs.BoolVar(&o.allowEmpty, "allow-empty", false, "pass when no framework document is among the inputs (by default an error)")
	fs.IntVar(&o.maxFindings, "max-findings", defaultMaxFindings, "report at most `N` findings, then one saying how many more there were (0: no limit)")
	return o
}

// formats are the output formats of ddat lint.
var formats = map[string]func(*report) error{
	"text":       writeText,
	"json":       writeJSON,
	"sarif":      writeSARIF,
	"github":     writeGitHub,
	"checkstyle": writeCheckstyle,
	"rdjson":     writeRDJSON,
	"gitlab":     writeGitLab,
	"junit":      writeJUnit,
}

// formatNames lists the formats for messages and help.
const formatNames = "text, json, sarif, github, checkstyle, rdjson, gitlab or junit"

// report is what the renderers print.
type report struct {
	e       *env
	out     io.Writer // stdout, through a buffer
	diags   []lint.Diagnostic
	files   int
	skipped []string
	config  *config.Config
	quiet   bool // text format: counts only

	// fingerprints are the diagnostics' fingerprints, for SARIF only,
	// computed before the baseline filtered them so that they match the
	// baseline's.
	fingerprints []string
}

// defaultMaxFindings is the most findings a run reports by default: far
// more than a person reads, and few enough that any input's report stays
// small.
const defaultMaxFindings = 10_000

func runLint(e *env, args []string) int {
	fs := newFlags(e, "lint")
	o := lintFlags(fs)
	paths, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	render, ok := formats[o.format]
	if !ok {
		e.errorf("unknown --format %q: want %s", o.format, formatNames)
		return exitUsage
	}
	if o.quiet && o.format != "text" {
		e.errorf("--quiet prints counts in place of the text format's findings: it does not go with --format %s", o.format)
		return exitUsage
	}
	if o.format == "github" {
		// Actions reads workflow commands from stderr too (run sets
		// this whenever GITHUB_ACTIONS is true).
		e.safe = commandSafe
	}
	if o.maxFindings < 0 {
		e.errorf("--max-findings %d: want 0 (no limit) or more", o.maxFindings)
		return exitUsage
	}
	// Rule names are checked before anything is read.
	if st := checkRuleFlags(e, o.enable, o.disable); st != 0 {
		return st
	}
	e.stdinName = o.stdinFilename
	if o.stdinFilename != "" && !slices.Contains(paths, "-") {
		e.errorf("--stdin-filename names standard input, which is read only with the PATH \"-\"")
		return exitUsage
	}
	if o.diff && !o.fix {
		e.errorf("--diff works with --fix: ddat lint --fix --diff prints the fixes instead of writing them")
		return exitUsage
	}
	if o.fix && len(paths) == 0 {
		e.errorf("--fix needs the files or folders to fix: it never writes the embedded published framework")
		return exitUsage
	}
	if o.fix && !o.diff && slices.Contains(paths, "-") {
		e.errorf("--fix cannot write standard input back: use --fix --diff to print the fixes")
		return exitUsage
	}
	if o.fix && o.writeBaseline != "" {
		e.errorf("--fix and --write-baseline do not go together: fix first, then record what is left")
		return exitUsage
	}
	failAt, ok := failLevel(o.failOn)
	if !ok {
		e.errorf("unknown --fail-on %q: want error, warning, info or none", o.failOn)
		return exitUsage
	}

	var stats *runStats
	if o.stats {
		stats = &runStats{}
		defer stats.print(e)
	}
	// Progress shows only while nothing else writes to stderr: during
	// parsing, and while the rules run.
	prog := newProgress(e)
	phase := stats.phase("read and parse")
	// A lint needs no document's edition: the sums of its documents are
	// not made (see parse.Options).
	in, err := readInputsProgress(e, paths, prog, false)
	prog.stop()
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	phase.done(len(in.docs), "documents")
	reportSkipped(e, in)
	if len(in.docs) == 0 && !o.allowEmpty {
		e.errorf("nothing to lint: %s", nothingFound(paths, in))
		return exitUsage
	}

	cfg, st := loadConfig(e, o.config, paths)
	if st != 0 {
		return st
	}
	opts := check.Options{
		Config:           cfg,
		Enable:           o.enable,
		Disable:          o.disable,
		Published:        parse.Published,
		IsPublished:      parse.IsPublished,
		PublishedSources: parse.PublishedSources,
		MaxFindings:      o.maxFindings,
		// Only SARIF and GitLab report fingerprints.
		Fingerprints: o.format == "sarif" || o.format == "gitlab",
	}
	if o.catalogue != "" {
		if opts.Catalogue, st = loadCatalogue(e, o.catalogue); st != 0 {
			return st
		}
	}

	phase = stats.phase("rules")
	prog = newProgress(e)
	defer prog.stop()
	var count *counter
	opts.Progress = func(done, total int) {
		if done == 0 {
			count = prog.start("running rules", total)
			return
		}
		count.add(1, 0)
	}
	if stats != nil {
		opts.Stats = &stats.rules
	}
	res, err := check.Run(check.Input{Documents: in.docs, Problems: in.problems}, opts)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	phase.done(len(res.Findings), "findings")
	prog.stop()
	if o.fix {
		phase = stats.phase("fix")
		// Each round lints as a fresh run on the fixed files would: the
		// fixed inputs may no longer hold the published framework byte
		// for byte, which then becomes the vocabulary.
		again := opts
		again.Stats, again.Progress = nil, nil
		relint := func(in *inputs) ([]lint.Diagnostic, error) {
			r, err := check.Run(check.Input{Documents: in.docs, Problems: in.problems}, again)
			if err != nil {
				return nil, err
			}
			res = r
			return r.Findings, nil
		}
		diags, st := fixInputs(e, in, res.Findings, relint, o.diff)
		phase.done(len(diags), "findings left")
		if st != 0 {
			return st
		}
		if o.diff {
			e.println(summary(diags, in.files()) + " left after the fixes")
			return failStatus(res, failAt)
		}
	}
	phase = stats.phase("output")
	defer func() { phase.done(0, "") }()

	if o.writeBaseline != "" {
		var buf bytes.Buffer
		if err := baseline.Write(&buf, res.Findings); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		if err := writeOutput(e.reads, "--write-baseline", o.writeBaseline, buf.Bytes()); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		n := len(res.Findings)
		e.errorf("wrote %d %s to %s", n, plural(n, "finding", "findings"), o.writeBaseline)
		return exitOK
	}

	if o.baseline != "" {
		shown := input.DisplayName(cwd(), o.baseline)
		src, err := readLimited(e.reads, o.baseline, shown, maxBaselineBytes)
		if err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		b, err := baseline.Read(shown, []byte(src))
		if err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		res.Filter(b)
		if stale := res.Stale; len(stale) > 0 {
			e.errorf("%s: %d stale %s no longer %s a finding; refresh it with --write-baseline:",
				shown, len(stale), plural(len(stale), "entry", "entries"), plural(len(stale), "matches", "match"))
			for _, s := range stale {
				fmt.Fprintf(e.stderr, "\t%s\n", e.safe(fmt.Sprintf("%s: %s (%s)", s.File, s.Message, s.Rule)))
			}
		}
	}

	out := bufio.NewWriter(e.stdout)
	r := &report{e: e, out: out, diags: res.Findings, files: in.files(), skipped: in.skipped, config: res.Config, fingerprints: res.Fingerprints, quiet: o.quiet}
	err = render(r)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		e.errorf("writing the report: %v", err)
		return exitUsage
	}
	if o.format == "text" {
		for _, line := range ruleCounts(res.Findings) {
			e.println(line)
		}
	}
	e.println(summary(res.Findings, in.files()))
	return failStatus(res, failAt)
}

// failStatus returns the exit status for res: exitFailing when a finding
// is at least failAt (0: none fails).
func failStatus(res *check.Result, failAt lint.Severity) int {
	if res.Fails(failAt) {
		return exitFailing
	}
	return exitOK
}

// failLevel returns the least failing severity for a --fail-on value,
// 0 for "none".
func failLevel(s string) (lint.Severity, bool) {
	if s == "none" {
		return 0, true
	}
	sev, err := lint.ParseSeverity(s)
	return sev, err == nil && s == sev.String()
}

// loadConfig reads the configuration named by --config, else the
// .ddat.json in the folder of the first path (the current folder with no
// path) or the nearest folder above it. It returns a nil Config when
// there is none, or a non-zero exit status.
func loadConfig(e *env, name string, paths []string) (*config.Config, int) {
	if name == "" {
		dir := "."
		if len(paths) > 0 {
			dir = paths[0]
			if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
				dir = filepath.Dir(dir)
			}
		}
		found, ok := findConfig(dir)
		if !ok {
			return nil, 0
		}
		name = found
	}
	shown := input.DisplayName(cwd(), name)
	src, err := readLimited(e.reads, name, shown, maxConfigBytes)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitUsage
	}
	cfg, err := config.Parse(shown, []byte(src))
	if err != nil {
		var list framework.ErrorList
		if errors.As(err, &list) {
			for _, x := range list {
				e.println(x.Error())
			}
		} else {
			e.errorf("%v", err)
		}
		return nil, exitUsage
	}
	return cfg, 0
}

// findConfig looks for the configuration file in dir and the folders
// above it, with [config.Find] on the real file system.
func findConfig(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	vol := filepath.VolumeName(abs)
	root := vol + string(filepath.Separator)
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", false
	}
	found, ok := config.Find(os.DirFS(root), filepath.ToSlash(rel))
	if !ok {
		return "", false
	}
	return filepath.Join(root, filepath.FromSlash(found)), true
}

func cwd() string {
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}

// loadCatalogue returns the reference catalogue for linted documents
// that hold none: the --catalogue file, else the embedded published one.
func loadCatalogue(e *env, name string) (*framework.Framework, int) {
	if name == "" {
		fw, _ := parse.Published() // its parse errors are not the user's
		return fw, 0
	}
	shown := input.DisplayName(cwd(), name)
	src, err := readLimited(e.reads, name, shown, maxDocumentBytes)
	if err != nil {
		e.errorf("--catalogue: %v", err)
		return nil, exitUsage
	}
	doc, err := parse.ParseString(shown, src)
	if doc == nil {
		e.errorf("--catalogue: %v", err)
		return nil, exitUsage
	}
	if len(doc.Skills) == 0 {
		e.errorf("--catalogue: %s holds no skills catalogue", doc.File.Name)
		return nil, exitUsage
	}
	return framework.Merge(doc), 0
}

// summary returns the line printed on stderr after the findings.
func summary(diags []lint.Diagnostic, files int) string {
	var n [lint.Error + 1]int
	for _, d := range diags {
		if d.Severity >= lint.Info && d.Severity <= lint.Error {
			n[d.Severity]++
		}
	}
	return fmt.Sprintf("%d %s, %d %s, %d %s in %d %s",
		n[lint.Error], plural(n[lint.Error], "error", "errors"),
		n[lint.Warning], plural(n[lint.Warning], "warning", "warnings"),
		n[lint.Info], plural(n[lint.Info], "info", "infos"),
		files, plural(files, "file", "files"))
}

// ruleCounts returns a line for each rule with findings, saying how many
// of each severity it has ("spelling: 3 warnings"), the rules with the
// most findings first, then by ID: printed on stderr after the text
// format's findings, before the summary.
func ruleCounts(diags []lint.Diagnostic) []string {
	type count struct {
		rule string
		n    [lint.Error + 1]int
		all  int
	}
	var counts []*count
	byRule := map[string]*count{}
	for _, d := range diags {
		c := byRule[d.Rule]
		if c == nil {
			c = &count{rule: d.Rule}
			byRule[d.Rule] = c
			counts = append(counts, c)
		}
		if d.Severity >= lint.Info && d.Severity <= lint.Error {
			c.n[d.Severity]++
		}
		c.all++
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].all != counts[j].all {
			return counts[i].all > counts[j].all
		}
		return counts[i].rule < counts[j].rule
	})
	lines := make([]string, 0, len(counts))
	for _, c := range counts {
		var parts []string
		for _, s := range []struct {
			sev       lint.Severity
			one, many string
		}{{lint.Error, "error", "errors"}, {lint.Warning, "warning", "warnings"}, {lint.Info, "info", "infos"}} {
			if n := c.n[s.sev]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, s.one, s.many)))
			}
		}
		lines = append(lines, fmt.Sprintf("%s: %s", c.rule, strings.Join(parts, ", ")))
	}
	return lines
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// nothingFound says what was looked at when the inputs hold no framework
// document.
func nothingFound(paths []string, in *inputs) string {
	looked := make([]string, len(paths))
	for i, p := range paths {
		looked[i] = input.DisplayName(cwd(), p)
	}
	msg := fmt.Sprintf("no framework document among %s", strings.Join(looked, ", "))
	switch n := len(in.skipped); n {
	case 0:
		msg += " (no file in it)"
		if len(paths) > 1 {
			msg = strings.TrimSuffix(msg, " (no file in it)") + " (no file in them)"
		}
	default:
		msg += fmt.Sprintf(" (%d %s, none a framework document)", n, plural(n, "file", "files"))
	}
	return msg + "; pass --allow-empty to allow it"
}
