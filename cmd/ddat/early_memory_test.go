package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEarlyFolderOfNonDocumentsMemory lints a folder of 60 files of 4 MB
// each that are not framework documents (one file, hard-linked 60 times,
// so that it costs 4 MB of disk; found by review). Every file is within
// the 4 MB input bound; the command reads each, finds it is no framework
// document, skips it and lets it go, and so must package start's early
// reading of the folder (cmd/internal/start, readEarly), which at first
// kept every file it read until the process ended: 248 MiB at the peak,
// over the budget of 200.
func TestEarlyFolderOfNonDocumentsMemory(t *testing.T) {
	if _, ok := peakMemory(); !ok {
		t.Skip("the memory budget is checked where the system gives a process's peak memory (Linux's /proc)")
	}
	exe, err := builtCommand()
	if err != nil {
		t.Fatal(err)
	}
	article, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "not-framework-pmo-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const size = 4_000_000
	src := strings.Repeat(string(article), size/len(article)+1)[:size]
	dir := filepath.Join(t.TempDir(), "notes")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "article-00.txt")
	if err := os.WriteFile(first, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < 60; i++ {
		p := filepath.Join(dir, fmt.Sprintf("article-%02d.txt", i))
		if err := os.Link(first, p); err != nil {
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, _, peak := shapeRun(t, exe, "lint", "--stats", "--allow-empty", "--fail-on", "none", "--format", "json", dir)
	t.Logf("peak memory %.1f MiB", peak)
	if peak > budgetShapeMiB {
		t.Errorf("peak memory %.1f MiB for a folder of 60 files of 4 MB that are not documents, budget %d MiB", peak, budgetShapeMiB)
	}
}
