package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

type exportOptions struct {
	out       string
	positions bool
	format    string
	table     string
	raw       bool
	normalise bool
}

func exportFlags(fs *flag.FlagSet) *exportOptions {
	o := &exportOptions{}
	fs.StringVar(&o.out, "out", "", "write to `FILE` (atomically) instead of standard output")
	fs.BoolVar(&o.positions, "positions", false, "give every element's file, line and column (JSON)")
	fs.StringVar(&o.format, "format", "json", "output `format`: json, or csv for an official CSV layout")
	fs.StringVar(&o.table, "table", "roles", "CSV `layout`: roles or skills")
	fs.BoolVar(&o.raw, "raw", false, "write CSV cells as they are, without neutralising spreadsheet formulas")
	fs.BoolVar(&o.normalise, "normalise", false, "write CSV cells in the normal layout instead of as their source wrote them, saying on stderr what changed")
	return o
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
	if o.format == "csv" && o.table != string(framework.CSVRoles) && o.table != string(framework.CSVSkills) {
		e.errorf("unknown --table %q: want roles or skills", o.table)
		return exitUsage
	}
	if o.out != "" && isInput(o.out, paths) {
		e.errorf("--out %s is one of the inputs; ddat never writes to its inputs", o.out)
		return exitUsage
	}
	in, err := readInputs(paths)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	if len(in.skipped) > 0 {
		reportSkipped(e, in.skipped)
	}
	if !in.embedded {
		for _, d := range in.parsed {
			fmt.Fprintln(e.stderr, d.String())
		}
	}
	fw := framework.Merge(in.docs...)
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
	if o.out == "" {
		if _, err := e.stdout.Write(data); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		return exitOK
	}
	if err := writeFileAtomic(o.out, data); err != nil {
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
		fmt.Fprintf(e.stderr, "export: row %d, column %q: %s -> %s\n", c.Row, c.Column, was, now)
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

// isInput reports whether out names one of the input paths or a file
// inside an input folder.
func isInput(out string, paths []string) bool {
	ao, err := filepath.Abs(out)
	if err != nil {
		return false
	}
	for _, p := range paths {
		ap, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if ao == ap {
			return true
		}
		if rel, err := filepath.Rel(ap, ao); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			if fi, err := os.Stat(ap); err == nil && fi.IsDir() {
				if _, err := os.Stat(ao); err == nil {
					return true
				}
			}
		}
	}
	return false
}

// writeFileAtomic writes data to name through a temporary file in the
// same folder renamed over it, so that name is never left partial.
func writeFileAtomic(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
