package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// parseRule is the rule ID under which parse errors of recognised
// documents are reported.
const parseRule = "parse"

// inputs are the documents read for a command.
type inputs struct {
	docs     []*framework.Document
	parsed   []lint.Diagnostic // parse errors of recognised documents, as findings
	skipped  []string          // files met in folders that are not framework documents
	embedded bool              // the documents are the embedded published ones
}

// inputError is an input error: the command prints it and exits with
// status 2.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

// readInputs reads the documents at paths: files, and folders walked
// recursively in lexical order, skipping files and folders whose name
// starts with a dot. With no paths it returns the embedded published
// documents. Documents are named by their path relative to the current
// folder, with forward slashes.
//
// A file named in paths that is not a framework document is an input
// error; one met while walking a folder is skipped and listed in
// skipped. Parse errors of recognised documents become findings of the
// "parse" rule, and the partial document is kept.
func readInputs(paths []string) (*inputs, error) {
	in := &inputs{}
	if len(paths) == 0 {
		docs, err := parse.PublishedDocuments()
		in.docs = docs
		in.embedded = true
		if err := in.addErrors(err); err != nil {
			return nil, err
		}
		return in, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, &inputError{err.Error()}
		}
		if !fi.IsDir() {
			name := displayName(cwd, p)
			if seen[name] {
				continue
			}
			seen[name] = true
			if err := in.readFile(p, name, true); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				return &inputError{err.Error()}
			}
			if fp != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			name := displayName(cwd, fp)
			if seen[name] {
				return nil
			}
			seen[name] = true
			return in.readFile(fp, name, false)
		})
		if err != nil {
			return nil, err
		}
	}
	return in, nil
}

// readFile reads and parses one file. explicit says it was named on the
// command line.
func (in *inputs) readFile(fp, name string, explicit bool) error {
	src, err := os.ReadFile(fp)
	if err != nil {
		return &inputError{err.Error()}
	}
	doc, err := parse.Parse(name, src)
	if errors.Is(err, parse.ErrNotFramework) && doc == nil {
		if explicit {
			return &inputError{err.Error()}
		}
		in.skipped = append(in.skipped, name)
		return nil
	}
	if doc != nil {
		in.docs = append(in.docs, doc)
	}
	return in.addErrors(err)
}

// addErrors turns parse errors into findings of the "parse" rule, at
// their place in the document they belong to.
func (in *inputs) addErrors(err error) error {
	if err == nil {
		return nil
	}
	var list framework.ErrorList
	if !errors.As(err, &list) {
		return &inputError{err.Error()}
	}
	files := map[string]*framework.File{}
	for _, d := range in.docs {
		if d.File != nil {
			files[d.File.Name] = d.File
		}
	}
	for _, e := range list {
		f := files[e.Pos.Filename]
		if f == nil {
			return &inputError{e.Error()}
		}
		in.parsed = append(in.parsed, lint.Diagnostic{
			Rule:     parseRule,
			Severity: lint.Error,
			Span:     f.Span(e.Pos.Offset, e.Pos.Offset),
			Message:  e.Msg,
		})
	}
	return nil
}

// files returns the number of documents read.
func (in *inputs) files() int { return len(in.docs) }

// displayName returns p relative to cwd when it is below it, else as
// given, with forward slashes.
func displayName(cwd, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	rel, err := filepath.Rel(cwd, abs)
	if err != nil || filepath.IsAbs(p) && strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(filepath.Clean(p))
	}
	return filepath.ToSlash(rel)
}

// reportSkipped prints, in one line on stderr, the files met in folders
// that are not framework documents.
func reportSkipped(e *env, skipped []string) {
	switch len(skipped) {
	case 0:
	case 1:
		e.errorf("skipped 1 file that is not a framework document: %s", skipped[0])
	default:
		e.errorf("skipped %d files that are not framework documents: %s", len(skipped), strings.Join(skipped, ", "))
	}
}
