package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/parse"
)

// TestReadInputsPublished: the published documents read from files are
// the embedded snapshot (lint then parses no vocabulary), and other
// documents are not.
func TestReadInputsPublished(t *testing.T) {
	in, err := readInputs(testEnv(), []string{filepath.Join(repoRoot(t), "parse", "published")})
	if err != nil {
		t.Fatal(err)
	}
	if !parse.IsPublished(in.docs) {
		t.Error("the embedded documents' folder read from files is not the snapshot")
	}
	other, err := readInputs(testEnv(), []string{filepath.Join(repoRoot(t), "testdata")})
	if err != nil {
		t.Fatal(err)
	}
	if parse.IsPublished(other.docs) {
		t.Error("testdata is the snapshot")
	}
}

// testEnv returns an env for calling commands' parts directly, its
// output discarded.
func testEnv() *env {
	return &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, reads: &readSet{}, safe: escapeText}
}

// TestLargestFirst checks the order files are read in: standard input
// first, then by size, largest first, files of one size (and a file that
// is gone, as size 0) in walk order.
func TestLargestFirst(t *testing.T) {
	dir := t.TempDir()
	var files []inputFile
	for i, size := range []int{10, 300, 0, 300, 20} {
		p := filepath.Join(dir, fmt.Sprintf("f%d", i))
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, inputFile{path: p, name: p})
	}
	files = append(files, inputFile{path: filepath.Join(dir, "gone"), name: "gone"}, inputFile{path: "-", name: "stdin", stdin: true})
	got := largestFirst(files)
	want := []int{6, 1, 3, 4, 0, 2, 5}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// TestLintReadsNoSums checks that a lint's documents are read without the
// SHA-256 of their editions, which it never shows, and other commands'
// with it.
func TestLintReadsNoSums(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "testdata")
	for _, sums := range []bool{false, true} {
		in, err := readInputsProgress(testEnv(), []string{seeds}, nil, sums)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.docs) < 5 {
			t.Fatalf("%d documents in the seeds", len(in.docs))
		}
		for _, d := range in.docs {
			if (d.Edition.SHA256 != "") != sums {
				t.Errorf("sums %v: %s has sum %q", sums, d.File.Name, d.Edition.SHA256)
			}
		}
	}
}
