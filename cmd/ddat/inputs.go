package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/cmd/internal/start"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// inputs are the documents read for a command.
type inputs struct {
	docs     []*framework.Document
	problems framework.ErrorList // parse errors of recognised documents (see lint.ParseError)
	skipped  []string            // files met in folders that are not framework documents
	// irregular are the entries met in folders that are not regular
	// files (named pipes, devices, sockets, symbolic links): never read.
	irregular []string
	embedded  bool // the documents are the embedded published ones
	// paths are the paths of the documents read from files, by name:
	// the only files lint --fix writes.
	paths map[string]string
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
// skipped. Parse errors of recognised documents are kept in problems, for
// the "parse" rule (lint.ParseError), and so is the partial document.
//
// Files are parsed concurrently; the result, errors included, is the
// same as parsing them one after another in walk order.
func readInputs(e *env, paths []string) (*inputs, error) {
	return readInputsProgress(e, paths, nil, true)
}

// readInputsProgress is readInputs, counting parsed files in prog.
func readInputsProgress(e *env, paths []string, prog *progress, sums bool) (*inputs, error) {
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
	// A path that cannot be listed stops the run where a sequential
	// reader would have stopped: after the files listed before it.
	stdinName := e.stdinName
	if stdinName == "" {
		stdinName = "stdin"
	}
	files, irregular, listErr := listInputsNamed(paths, stdinName)
	in.irregular = irregular
	count := prog.start("parsing files", len(files))
	results := make([]parsed, len(files))
	order := largestFirst(files)
	parallel(len(files), func(k int) {
		i := order[k]
		if f := files[i]; f.stdin {
			results[i] = parseStdin(e, f, sums)
		} else {
			results[i] = parseFile(e.reads, f, sums)
		}
		count.add(1, int64(results[i].size))
	})
	for i, f := range files {
		if err := in.add(f, results[i]); err != nil {
			return nil, err
		}
	}
	if listErr != nil {
		return nil, listErr
	}
	return in, nil
}

// largestFirst returns the indexes of files in the order they are read
// in, having fitted the process's memory limit to their sizes (see
// [start.FitMemoryLimit]): standard input first, then the largest files
// first, as the early reading orders them (see [start.Early]), so that
// the largest are started first, on different processors, and the small
// ones share out between the processors at the end (a file read in walk
// order could wait for one that the early reading has started). The
// files are still added in walk order.
func largestFirst(files []inputFile) []int {
	order := make([]int, len(files))
	size := make([]int64, len(files))
	var total int64
	for i, f := range files {
		order[i] = i
		if f.stdin {
			size[i] = math.MaxInt64
		} else if fi, err := os.Stat(f.path); err == nil {
			size[i] = fi.Size()
			total += min(size[i], maxDocumentBytes)
		}
	}
	// The files' memory, before it is taken.
	start.FitMemoryLimit(total)
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size[b], size[a]) })
	return order
}

// inputFile is a file to read: its path, its name in findings, and
// whether the command line named it.
type inputFile struct {
	path, name string
	explicit   bool
	stdin      bool // the path is "-": standard input
}

// listInputsNamed returns the files at paths in walk order, each once,
// and the entries met in folders that are not regular files (named
// pipes, devices, sockets, symbolic links), which are not read; standard
// input (PATH "-") is named stdinName. A path named that is neither a
// folder nor a regular file is an input error. On an error it returns the
// files listed before it, and the error.
func listInputsNamed(paths []string, stdinName string) (files []inputFile, irregular []string, err error) {
	files, irregular, err = listInputsOnce(paths, stdinName)
	if err == nil && slices.Contains(paths, "-") {
		// Standard input's name must not be another input's: findings,
		// fixes and diffs would mix the two documents.
		for _, f := range files {
			if !f.stdin && f.name == stdinName {
				return files, irregular, &inputError{fmt.Sprintf("standard input is named %s, as another input is: name it otherwise (--stdin-filename)", stdinName)}
			}
		}
	}
	return files, irregular, err
}

func listInputsOnce(paths []string, stdinName string) (files []inputFile, irregular []string, err error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "-" {
			if !seen["-"] {
				seen["-"] = true
				files = append(files, inputFile{path: "-", name: stdinName, explicit: true, stdin: true})
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return files, irregular, &inputError{err.Error()}
		}
		if !fi.IsDir() && !fi.Mode().IsRegular() {
			return files, irregular, &inputError{fmt.Sprintf("%s: %s, not a regular file: ddat reads only regular files", input.DisplayName(cwd, p), input.FileKind(fi.Mode()))}
		}
		if !fi.IsDir() {
			name := input.DisplayName(cwd, p)
			if !seen[name] {
				seen[name] = true
				files = append(files, inputFile{path: p, name: name, explicit: true})
			}
			continue
		}
		err = input.Walk(p, func(fp string, regular bool) {
			name := input.DisplayName(cwd, fp)
			if !regular {
				irregular = append(irregular, name)
				return
			}
			if !seen[name] {
				seen[name] = true
				files = append(files, inputFile{path: fp, name: name})
			}
		})
		if err != nil {
			return files, irregular, &inputError{err.Error()}
		}
	}
	return files, irregular, nil
}

// parsed is the outcome of reading and parsing one file.
type parsed struct {
	doc     *framework.Document
	err     error // parse errors
	readErr error
	size    int
}

// parseStdin reads standard input, at most maxDocumentBytes of it, and
// parses it as the document f.name.
func parseStdin(e *env, f inputFile, sums bool) parsed {
	if e.stdin == nil {
		return parsed{readErr: fmt.Errorf("%s: no standard input", f.name)}
	}
	var b strings.Builder
	n, err := io.Copy(&b, io.LimitReader(e.stdin, maxDocumentBytes+1))
	if err != nil {
		return parsed{readErr: fmt.Errorf("%s: %w", f.name, err)}
	}
	if n > maxDocumentBytes {
		return parsed{readErr: input.LimitError(f.name+" (standard input)", n, maxDocumentBytes)}
	}
	doc, err := parse.ParseWith(f.name, b.String(), parse.Options{NoSum: !sums})
	return parsed{doc: doc, err: err, size: int(n)}
}

func parseFile(reads *readSet, f inputFile, sums bool) parsed {
	// Read and parsed while the command initialised, if it was: by a
	// lint, which asks for no sums.
	if !sums {
		if d, ok := start.Early(f.path, f.name); ok {
			reads.add(d.Info)
			return parsed{doc: d.Doc, err: d.Err, size: d.Size}
		}
	}
	src, err := readDocument(reads, f.path, f.name)
	if err != nil {
		return parsed{readErr: err}
	}
	doc, err := parse.ParseWith(f.name, src, parse.Options{NoSum: !sums})
	return parsed{doc: doc, err: err, size: len(src)}
}

// add takes in one file's outcome.
func (in *inputs) add(f inputFile, r parsed) error {
	if r.readErr != nil {
		return &inputError{r.readErr.Error()}
	}
	if errors.Is(r.err, parse.ErrNotFramework) && r.doc == nil {
		if f.explicit {
			return &inputError{r.err.Error()}
		}
		in.skipped = append(in.skipped, f.name)
		return nil
	}
	if r.doc != nil {
		in.docs = append(in.docs, r.doc)
		if in.paths == nil {
			in.paths = map[string]string{}
		}
		in.paths[f.name] = f.path
	}
	return in.addErrors(r.err)
}

// parallel calls fn(i) for i in [0, n) on up to GOMAXPROCS goroutines
// and waits for them all.
func parallel(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// addErrors adds parse errors to the problems, each of which must be in
// a document read.
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
		in.problems = append(in.problems, e)
	}
	return nil
}

// files returns the number of documents read.
func (in *inputs) files() int { return len(in.docs) }

// reportSkipped prints, in one line on stderr each, the files met in
// folders that are not framework documents and the entries that are not
// regular files.
func reportSkipped(e *env, in *inputs) {
	switch len(in.skipped) {
	case 0:
	case 1:
		e.errorf("skipped 1 file that is not a framework document: %s", in.skipped[0])
	default:
		e.errorf("skipped %d files that are not framework documents: %s", len(in.skipped), strings.Join(in.skipped, ", "))
	}
	switch len(in.irregular) {
	case 0:
	case 1:
		e.errorf("skipped 1 entry that is not a regular file: %s", in.irregular[0])
	default:
		e.errorf("skipped %d entries that are not regular files: %s", len(in.irregular), strings.Join(in.irregular, ", "))
	}
}
