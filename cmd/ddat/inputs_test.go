package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMayLackPublished checks the size test that lets lint parse the
// published framework while it reads the inputs: the folder of the
// embedded documents holds them, a folder of other files cannot.
func TestMayLackPublished(t *testing.T) {
	seeds, _, err := listInputs([]string{filepath.Join(repoRoot(t), "parse", "published")})
	if err != nil {
		t.Fatal(err)
	}
	if mayLackPublished(seeds) {
		t.Error("the embedded documents' folder holds every published document, but mayLackPublished says it may not")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("## Skill\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	other, _, err := listInputs([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if !mayLackPublished(other) {
		t.Error("a folder with one small file may lack the published documents, but mayLackPublished says not")
	}
	if !mayLackPublished(append(seeds[:len(seeds):len(seeds)], inputFile{path: filepath.Join(dir, "gone")})) {
		t.Error("a file that cannot be read must count as lacking")
	}
}

// TestReadInputsAlongside checks that the function alongside returns runs
// once, while the files are read, and changes nothing of what is read.
func TestReadInputsAlongside(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "testdata")
	plain, err := readInputs(testEnv(), []string{seeds})
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	var given []inputFile
	in, err := readInputsProgress(testEnv(), []string{seeds}, nil, func(files []inputFile) func() {
		given = files
		return func() { runs++ }
	})
	if err != nil {
		t.Fatal(err)
	}
	if runs != 1 {
		t.Errorf("the function alongside ran %d times, want once", runs)
	}
	listed, _, _ := listInputs([]string{seeds})
	if !slices.Equal(given, listed) {
		t.Errorf("alongside was given %v, want the listed files %v", given, listed)
	}
	if len(in.docs) != len(plain.docs) || len(in.problems) != len(plain.problems) || !slices.Equal(in.skipped, plain.skipped) {
		t.Errorf("read %d documents, %d parse findings, skipped %v alongside; %d, %d, %v without",
			len(in.docs), len(in.problems), in.skipped, len(plain.docs), len(plain.problems), plain.skipped)
	}
	for i := range in.docs {
		if in.docs[i].File.Name != plain.docs[i].File.Name {
			t.Errorf("document %d is %s alongside, %s without", i, in.docs[i].File.Name, plain.docs[i].File.Name)
		}
	}
	// Nothing runs when alongside returns nil.
	if _, err := readInputsProgress(testEnv(), []string{seeds}, nil, func([]inputFile) func() { return nil }); err != nil {
		t.Fatal(err)
	}
}

// testEnv returns an env for calling commands' parts directly, its
// output discarded.
func testEnv() *env {
	return &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, reads: &readSet{}, safe: escapeText}
}
