package start

import (
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// An EarlyDocument is a file a `ddat lint` command line names, read and
// parsed while the command's other packages initialise (see [Early]).
type EarlyDocument struct {
	Info os.FileInfo // the file read
	Src  string      // its bytes
	Doc  *framework.Document
	Err  error // the parse errors

	name  string      // the name it was parsed under
	read  bool        // whether it was read without an error
	taken atomic.Bool // whether Early gave it
}

// early holds the documents read early, by path as given; it is made
// by init and only read afterwards.
var early map[string]func() *EarlyDocument

// LintBoolFlags are the flags of `ddat lint` that take no value: after
// any other flag written without "=", the next argument is its value,
// not a PATH (TestLintBoolFlags holds the list to the command's).
var LintBoolFlags = []string{"stats", "quiet", "fix", "diff", "allow-empty", "h", "help"}

// LintPaths returns the PATH arguments of a `ddat lint` command line
// (args, "lint" left out), as its flag set reads them: the arguments
// after the flags and their values, or after "--".
func LintPaths(args []string) []string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return args[i+1:]
		case a == "-" || !strings.HasPrefix(a, "-"):
			return args[i:]
		}
		if name, _, value := strings.Cut(strings.TrimLeft(a, "-"), "="); !value && !slices.Contains(LintBoolFlags, name) {
			i++ // the flag's value
		}
	}
	return nil
}

// readEarly reads and parses, one after another on a goroutine of their
// own, the regular files among paths and in the folders among them (see
// [input.Walk]), as the command would (with [input.ReadDocument] and
// [parse.ParseString], under the name the command shows), so that the
// command finds them parsed (see [Early]). Standard input is left to the
// command. A document read early and not asked for (a PATH the command
// refuses) costs the processor that would have been idle, and its
// memory.
func readEarly(paths []string) {
	cwd, err := os.Getwd()
	if err != nil {
		return
	}
	early = map[string]func() *EarlyDocument{}
	var order []func() *EarlyDocument
	add := func(p string) {
		if _, ok := early[p]; ok {
			return
		}
		name := input.DisplayName(cwd, p)
		read := sync.OnceValue(func() *EarlyDocument {
			fi, src, err := input.ReadDocument(p, name)
			if err != nil {
				return &EarlyDocument{}
			}
			doc, perr := parse.ParseString(name, src)
			return &EarlyDocument{Info: fi, Src: src, Doc: doc, Err: perr, name: name, read: true}
		})
		early[p] = read
		order = append(order, read)
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
	if len(order) > 0 {
		go func() {
			for _, read := range order {
				read()
			}
		}()
	}
}

// Early returns the document at path that was read early, if one was,
// under name, and the file at path is still the one read (the same file,
// of the same size and modification time): waiting for it if it is
// being read. It gives each document once: a command that reads a file
// again (after --fix wrote it) reads it itself.
func Early(path, name string) (*EarlyDocument, bool) {
	read, ok := early[path]
	if !ok {
		return nil, false
	}
	d := read()
	if !d.read || d.name != name {
		return nil, false
	}
	fi, err := os.Stat(path)
	if err != nil || !os.SameFile(fi, d.Info) || fi.Size() != d.Info.Size() || !fi.ModTime().Equal(d.Info.ModTime()) {
		return nil, false
	}
	if d.taken.Swap(true) {
		return nil, false
	}
	return d, true
}
