package main

import (
	"bytes"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// TestDeterministic runs lint (in each output format) and export (JSON,
// JSON with positions, both CSV layouts) with one core and with all, and
// with the input paths in both orders, and checks that every run writes
// the same bytes.
func TestDeterministic(t *testing.T) {
	root := repoRoot(t)
	var inputs []string
	for _, name := range []string{
		"skills-a-to-z.md", "role-page-digital-portfolio-manager-2024.txt", "role-level-digital-portfolio-manager.txt",
		"legacy-guidance-product-manager-2020.txt", "roles-sample.csv", "skills-sample.csv", "changelog-sample.csv",
		"legacy-guidance-software-developer.html",
	} {
		inputs = append(inputs, filepath.Join(root, "testdata", name))
	}
	reversed := slices.Clone(inputs)
	slices.Reverse(reversed)
	for _, flags := range [][]string{
		{"lint", "--fail-on", "none"},
		{"lint", "--fail-on", "none", "--format", "json"},
		{"lint", "--fail-on", "none", "--format", "sarif"},
		{"lint", "--fail-on", "none", "--format", "github"},
		{"export"},
		{"export", "--positions"},
		{"export", "--format", "csv", "--table", "roles"},
		{"export", "--format", "csv", "--table", "skills"},
	} {
		var first []byte
		for _, procs := range []int{1, runtime.NumCPU(), 1} {
			for _, in := range [][]string{inputs, reversed} {
				prev := runtime.GOMAXPROCS(procs)
				var out, errb bytes.Buffer
				st := run(append(slices.Clone(flags), in...), nil, &out, &errb)
				runtime.GOMAXPROCS(prev)
				if st != 0 {
					t.Fatalf("%v: exit %d: %s", flags, st, errb.String())
				}
				if first == nil {
					first = out.Bytes()
					continue
				}
				if !bytes.Equal(first, out.Bytes()) {
					t.Fatalf("%v with GOMAXPROCS %d and %d inputs reversed=%v: output differs", flags, procs, len(in), &in[0] == &reversed[0])
				}
			}
		}
	}
}
