package start

import (
	"cmp"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// An EarlyDocument is a file a `ddat lint` command line names, read and
// parsed while the command's other packages initialise (see [Early]).
type EarlyDocument struct {
	Info os.FileInfo // the file read
	Size int         // its length
	Doc  *framework.Document
	Err  error // the parse errors

	name string // the name it was parsed under
	read bool   // whether it was read without an error
}

// An earlyRead is the early reading of one file: done by the early
// goroutine, or by the command if it asks first, and given once.
type earlyRead struct {
	path, name string
	mu         sync.Mutex
	done       bool
	d          *EarlyDocument // let go once given, so that only the command holds it
}

// get reads and parses the file, unless that was done.
func (e *earlyRead) get() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.done {
		return
	}
	e.done = true
	fi, src, err := input.ReadDocument(e.path, e.name)
	if err != nil {
		e.d = &EarlyDocument{}
		return
	}
	// The source is held by the document, if it is one, and not here: a
	// file that is no framework document is let go as the command would
	// let it go.
	// As the lint parses it: without the sum of its edition.
	doc, perr := parse.ParseWith(e.name, src, parse.Options{NoSum: true})
	e.d = &EarlyDocument{Info: fi, Size: len(src), Doc: doc, Err: perr, name: e.name, read: true}
}

// early holds the documents read early, by path as given; it is made by
// the early goroutine, and read only once earlyReady is closed.
var (
	early      map[string]*earlyRead
	earlyReady chan struct{} // nil if nothing is read early
)

// LintBoolFlags are the flags of `ddat lint` that take no value: after
// any other flag written without "=", the next argument is its value,
// not a PATH (TestLintBoolFlags holds the list to the command's).
var LintBoolFlags = []string{"stats", "quiet", "fix", "diff", "allow-empty", "h", "help"}

// LintPaths returns the PATH arguments of a `ddat lint` command line
// (args, "lint" left out), as the command reads them (parseFlags in
// cmd/ddat): the arguments that are neither flags nor a flag's value,
// flags and PATHs in any order, and all the arguments after "--".
func LintPaths(args []string) []string {
	var paths []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(paths, args[i+1:]...)
		case a == "-" || !strings.HasPrefix(a, "-"):
			paths = append(paths, a)
			continue
		}
		if name, _, value := strings.Cut(strings.TrimLeft(a, "-"), "="); !value && !slices.Contains(LintBoolFlags, name) {
			i++ // the flag's value
		}
	}
	return paths
}

// readEarly reads and parses, one after another on a goroutine of their
// own, the regular files among paths and in the folders among them (see
// [input.Walk]), as the command would (with [input.ReadDocument] and
// [parse.ParseWith], under the name the command shows), so that the
// command finds them parsed (see [Early]). Standard input is left to the
// command. A document read early and not asked for (a PATH the command
// refuses) costs the processor that would have been idle, and its
// memory.
func readEarly(paths []string) {
	cwd, err := os.Getwd()
	if err != nil {
		return
	}
	ready := make(chan struct{})
	earlyReady = ready
	// The files are listed on the goroutine too, so that a large folder
	// does not hold up the command's start; Early waits for the list.
	go func() {
		early = map[string]*earlyRead{}
		var order []*earlyRead
		add := func(p string) {
			if _, ok := early[p]; ok {
				return
			}
			e := &earlyRead{path: p, name: input.DisplayName(cwd, p)}
			early[p] = e
			order = append(order, e)
		}
		for _, p := range paths {
			if p == "-" {
				continue
			}
			fi, err := os.Stat(p)
			switch {
			case err != nil:
				// The command reports it.
			case fi.Mode().IsRegular():
				add(p)
			case fi.IsDir():
				// The files the command would read in it, as it walks it.
				_ = input.Walk(p, func(fp string, regular bool) {
					if regular {
						add(fp)
					}
				})
			}
		}
		close(ready)
		// Largest first: the command, once it starts, reads on every
		// processor what is left, and small files share out better.
		size := make(map[*earlyRead]int64, len(order))
		for _, e := range order {
			if fi, err := os.Stat(e.path); err == nil {
				size[e] = fi.Size()
			}
		}
		slices.SortStableFunc(order, func(a, b *earlyRead) int { return cmp.Compare(size[b], size[a]) })
		for _, e := range order {
			e.get()
		}
	}()
}

// Early returns the document at path that was read early, if one was,
// under name, and the file at path is still the one read (the same file,
// of the same size and modification time): waiting for it if it is
// being read, reading it if it is not yet. It gives each document once,
// and keeps nothing of it after: a command that reads a file again
// (after --fix wrote it) reads it itself.
func Early(path, name string) (*EarlyDocument, bool) {
	if earlyReady == nil {
		return nil, false
	}
	<-earlyReady
	e, ok := early[path]
	if !ok {
		return nil, false
	}
	e.get()
	e.mu.Lock()
	d := e.d
	e.d = nil
	e.mu.Unlock()
	if d == nil || !d.read || d.name != name {
		return nil, false
	}
	fi, err := os.Stat(path)
	if err != nil || !os.SameFile(fi, d.Info) || fi.Size() != d.Info.Size() || !fi.ModTime().Equal(d.Info.ModTime()) {
		return nil, false
	}
	return d, true
}
