package main

import (
	"flag"
	"os"

	htmlreport "github.com/ddat-tools/ddat/cmd/internal/report"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/check"
	"github.com/ddat-tools/ddat/parse"
)

// defaultReportName is the file report writes without --out.
const defaultReportName = "ddat-report.html"

type reportOptions struct {
	out, base, config string
}

var reportCommand = &command{
	name:    "report",
	usage:   "[--out FILE] [--base OLD] [--config FILE] [PATH...]",
	summary: "write the framework and its findings as one self-contained HTML page (the embedded published framework with no PATH)",
	flags:   func(fs *flag.FlagSet) { reportFlags(fs) },
	run:     runReport,
}

func reportFlags(fs *flag.FlagSet) *reportOptions {
	o := &reportOptions{}
	fs.StringVar(&o.out, "out", defaultReportName, "write the page to `FILE` (atomically; - for standard output)")
	fs.StringVar(&o.base, "base", "", "mark the changes since the edition `OLD`: a file, a folder, published (the embedded snapshot) or a git revision (the PATHs as they were there)")
	fs.StringVar(&o.config, "config", "", "read the lint configuration from `FILE` instead of the nearest .ddat.json")
	return o
}

// runReport writes the framework of PATHs (the embedded published
// framework with none) and its lint findings as one self-contained HTML
// page; with --base, the changes since the base edition are marked.
func runReport(e *env, args []string) int {
	fs := newFlags(e, "report")
	o := reportFlags(fs)
	paths, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	if o.out != "-" {
		if _, err := checkOutput(nil, "--out", o.out); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
	}
	in, err := readInputs(e, paths)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	reportSkipped(e, in)
	if len(in.docs) == 0 {
		e.errorf("nothing to report: %s", nothingFound(paths, in))
		return exitUsage
	}
	cfg, st := loadConfig(e, o.config, paths)
	if st != 0 {
		return st
	}
	res, err := check.Run(check.Input{Documents: in.docs, Problems: in.problems},
		// At most as many findings as ddat lint reports by default: the
		// page of a hostile input stays bounded (one finding past the cap
		// says how many more there were).
		check.Options{Config: cfg, Published: parse.Published, IsPublished: parse.IsPublished, PublishedSources: parse.PublishedSources, MaxFindings: defaultMaxFindings})
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	fw := framework.Merge(in.docs...)
	opts := htmlreport.Options{
		Findings: res.Findings,
		Note:     note,
	}
	if o.base != "" {
		if opts.Base, st = loadBase(e, o.base, paths); opts.Base == nil {
			return st
		}
		opts.BaseName = o.base
	}
	data, err := htmlreport.HTML(fw, opts)
	if err != nil {
		e.errorf("report: %v", err)
		return exitUsage
	}
	if o.out == "-" {
		_, err = e.stdout.Write(data)
	} else {
		err = writeOutput(e.reads, "--out", o.out, data)
	}
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	return exitOK
}

// loadBase reads the base edition as diff reads an edition: published,
// a file or a folder, else a git revision, the PATHs as they are there
// (as diff --base reads it).
func loadBase(e *env, base string, paths []string) (*framework.Framework, int) {
	if base == publishedArg {
		return loadSide(e, []string{base})
	}
	if _, err := os.Stat(base); err == nil {
		return loadSide(e, []string{base})
	}
	if len(paths) == 0 {
		e.errorf("--base %q: no such file or folder; a git revision is compared with the PATHs as they are there, and none was given", base)
		return nil, exitUsage
	}
	fw, err := readRevision(base, paths)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitUsage
	}
	return fw, exitOK
}
