package main

import (
	"fmt"
	"sort"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// maxFixRounds bounds the rounds of lint --fix: a round applies every
// safe fix that overlaps none applied before it, then lints again; a
// fix left out for an overlap, or a repeat beyond those a finding lists,
// is applied in a later round.
const maxFixRounds = 8

// fixInputs applies the safe fixes of diags (see [lint.SafeEdits]) to
// the input files, in memory, linting again after each round with
// relint, until none is left or maxFixRounds have run. It then writes
// each changed file over itself (see [writeFixed]), or, with diff,
// prints a unified diff of them on stdout. Only files among the inputs
// are changed: never the embedded snapshot, a catalogue or anything
// else. It returns the findings left, as a fresh lint of the fixed files
// gives them, and a non-zero exit status on an error.
func fixInputs(e *env, in *inputs, diags []lint.Diagnostic, relint func(*inputs) ([]lint.Diagnostic, error), asDiff bool) ([]lint.Diagnostic, int) {
	if in.embedded {
		e.errorf("--fix never writes the embedded published framework")
		return nil, exitUsage
	}
	orig := map[string]string{} // the files' contents as read, by name
	fixes := map[string]int{}   // the edits applied, by name
	rounds := 0
	for ; rounds < maxFixRounds; rounds++ {
		edits := lint.SafeEdits(diags)
		changed := false
		for i, doc := range in.docs {
			f := doc.File
			es := edits[f]
			if f == nil || len(es) == 0 {
				continue
			}
			if p, ok := in.paths[f.Name]; !ok || p == "-" && !asDiff {
				continue // not a file read from the inputs, or standard input
			}
			src := lint.ApplyEdits(f.Src, es)
			nd, err := parse.ParseString(f.Name, src)
			if nd == nil || nd.Format != doc.Format {
				// A fix that would make the file another kind of
				// document, or none, is not a safe one: left out.
				continue
			}
			if _, ok := orig[f.Name]; !ok {
				orig[f.Name] = f.Src
			}
			fixes[f.Name] += len(es)
			in.docs[i] = nd
			in.replaceErrors(f, nd, err)
			changed = true
		}
		if !changed {
			break
		}
		var err error
		if diags, err = relint(in); err != nil {
			e.errorf("%v", err)
			return nil, exitUsage
		}
	}
	names := make([]string, 0, len(orig))
	for name := range orig {
		names = append(names, name)
	}
	sort.Strings(names)
	current := map[string]string{}
	for _, d := range in.docs {
		if d.File != nil {
			current[d.File.Name] = d.File.Src
		}
	}
	if !asDiff {
		// Every file is checked before any is written, so that a run
		// writes all its fixes or none.
		for _, name := range names {
			if _, err := checkFixable(e.reads, in.paths[name], name, orig[name]); err != nil {
				e.errorf("%v; no file was written", err)
				return nil, exitUsage
			}
		}
	}
	total := 0
	for _, name := range names {
		total += fixes[name]
		if asDiff {
			fmt.Fprint(e.stdout, unifiedDiff(name, orig[name], current[name]))
			continue
		}
		if err := writeFixed(e.reads, in.paths[name], name, orig[name], []byte(current[name])); err != nil {
			e.errorf("%v", err)
			return nil, exitUsage
		}
	}
	verb := "applied"
	if asDiff {
		verb = "would apply"
	}
	e.errorf("%s %d %s in %d %s", verb, total, plural(total, "fix", "fixes"), len(names), plural(len(names), "file", "files"))
	if rounds == maxFixRounds {
		if left := len(lint.SafeEdits(diags)); left > 0 {
			// More fixes than --max-findings findings a round, or fixes
			// that make others.
			e.errorf("files with safe fixes are left after %d rounds; run --fix again", maxFixRounds)
		}
	}
	return diags, 0
}

// replaceErrors replaces the parse errors of old, a file reparsed as
// doc (already in in.docs) with the errors err, by those of doc.
func (in *inputs) replaceErrors(old *framework.File, doc *framework.Document, err error) {
	kept := in.problems[:0:0]
	for _, e := range in.problems {
		if e.Pos.Filename != old.Name {
			kept = append(kept, e)
		}
	}
	in.problems = kept
	if aerr := in.addErrors(err); aerr != nil {
		in.problems = append(in.problems, &framework.Error{Pos: doc.File.Position(0), Msg: aerr.Error()})
	}
}
