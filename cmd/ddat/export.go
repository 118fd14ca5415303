package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ddat-tools/ddat/framework"
)

type exportOptions struct {
	out       string
	positions bool
}

func exportFlags(fs *flag.FlagSet) *exportOptions {
	o := &exportOptions{}
	fs.StringVar(&o.out, "out", "", "write to `FILE` (atomically) instead of standard output")
	fs.BoolVar(&o.positions, "positions", false, "give every element's file, line and column")
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
	data, err := framework.Export(framework.Merge(in.docs...), framework.ExportOptions{Positions: o.positions})
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
