package main

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

type exportOptions struct {
	out       string
	positions bool
	format    string
	table     string
	raw       bool
	stats     bool
	normalise bool
}

var exportCommand = &command{
	name:    "export",
	usage:   "[--out FILE] [--positions] [--format json|csv] [--table roles|skills] [--raw] [--stats] [PATH...]",
	summary: "write the merged framework as JSON (the embedded published framework with no PATH)",
	flags:   func(fs *flag.FlagSet) { exportFlags(fs) },
	run:     runExport,
}

func exportFlags(fs *flag.FlagSet) *exportOptions {
	o := &exportOptions{}
	fs.StringVar(&o.out, "out", "", "write to `FILE` (atomically) instead of standard output")
	fs.BoolVar(&o.positions, "positions", false, "give every element's file, line and column (JSON)")
	fs.StringVar(&o.format, "format", "json", "output `format`: json, or csv for an official CSV layout")
	fs.StringVar(&o.table, "table", string(framework.CSVRoles), "CSV `layout`: "+strings.Join(csvTables(), " or "))
	fs.BoolVar(&o.raw, "raw", false, "write CSV cells as they are, without neutralising spreadsheet formulas")
	fs.BoolVar(&o.normalise, "normalise", false, "write CSV cells in the normal layout instead of as their source wrote them, saying on stderr what changed")
	fs.BoolVar(&o.stats, "stats", false, "print the time of each phase and the peak memory on stderr")
	return o
}

// csvTables lists the CSV layouts that export writes: the tables of the
// formats that have one, in name order.
func csvTables() []string {
	var ts []string
	for _, f := range framework.Formats() {
		if f.Table != "" {
			ts = append(ts, string(f.Table))
		}
	}
	slices.Sort(ts)
	return ts
}

// runExport writes the merged framework as JSON. Parse errors of
// recognised documents are printed on stderr and the partial documents
// exported, as the linter lints them; a file named on the command line
// that is not a framework document is an input error.
func runExport(e *env, args []string) int {
	fs := newFlags(e, "export")
	o := exportFlags(fs)
	paths, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	if o.format != "json" && o.format != "csv" {
		e.errorf("unknown --format %q: want json or csv", o.format)
		return exitUsage
	}
	if o.format == "csv" && !slices.Contains(csvTables(), o.table) {
		e.errorf("unknown --table %q: want %s", o.table, strings.Join(csvTables(), " or "))
		return exitUsage
	}
	if o.out != "" {
		// Refused at once what can be told before reading: a device, a
		// named pipe, a link. Whether it is an input is checked when
		// writing, against the files read.
		if _, err := checkOutput(nil, "--out", o.out); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
	}
	var stats *runStats
	if o.stats {
		stats = &runStats{}
		defer stats.print(e)
	}
	phase := stats.phase("read and parse")
	in, err := readInputs(e, paths)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	phase.done(len(in.docs), "documents")
	reportSkipped(e, in)
	if !in.embedded {
		for _, p := range in.problems {
			e.println(fmt.Sprintf("%s: %s: %s (%s)", p.Pos, lint.ParseError.Severity, p.Msg, lint.ParseError.ID))
		}
	}
	phase = stats.phase("merge")
	fw := framework.Merge(in.docs...)
	phase.done(len(fw.Roles)+len(fw.Skills), "roles and skills")
	phase = stats.phase("export")
	var data []byte
	if o.format == "csv" {
		var changes []framework.CellChange
		data, changes, err = framework.ExportCSVChanges(fw, framework.CSVOptions{Table: framework.CSVTable(o.table), Raw: o.raw, Normalise: o.normalise})
		if err == nil {
			reportCellChanges(e, changes)
		}
	} else {
		data, err = framework.Export(fw, framework.ExportOptions{Positions: o.positions})
	}
	if err != nil {
		e.errorf("export: %v", err)
		return exitUsage
	}
	phase.done(len(data), "bytes")
	phase = stats.phase("output")
	defer func() { phase.done(0, "") }()
	if o.out == "" {
		if _, err := e.stdout.Write(data); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		return exitOK
	}
	if err := writeOutput(e.reads, "--out", o.out, data); err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	return exitOK
}

// reportCellChanges says on stderr, per cell, what the CSV writer wrote
// otherwise than the source had it: the record, the column and the
// changed bytes with a little context.
func reportCellChanges(e *env, changes []framework.CellChange) {
	for _, c := range changes {
		was, now := changedPart(c.Was, c.Now)
		e.println(fmt.Sprintf("export: row %d, column %q: %s -> %s", c.Row, c.Column, was, now))
	}
}

// changedPart returns the parts of a and b that differ, without their
// common prefix and suffix but for up to 10 bytes of context, quoted.
func changedPart(a, b string) (string, string) {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	from := max(p-10, 0)
	for from > 0 && !utf8.RuneStart(a[from]) {
		from--
	}
	ta, tb := len(a)-s+min(s, 10), len(b)-s+min(s, 10)
	for ta < len(a) && !utf8.RuneStart(a[ta]) {
		ta++
	}
	for tb < len(b) && !utf8.RuneStart(b[tb]) {
		tb++
	}
	q := func(s string, cut bool) string {
		if cut {
			return "…" + strconv.Quote(s)
		}
		return strconv.Quote(s)
	}
	return q(a[from:ta], from > 0), q(b[from:tb], from > 0)
}
