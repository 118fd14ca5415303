package main

import (
	"io"
	"path/filepath"
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
