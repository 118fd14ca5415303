package main

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// cost is what one in-process run of ddat allocated: bytes and objects.
type cost struct {
	bytes, allocs uint64
}

// measure runs ddat with args and returns its cost; it fails t unless
// the run exits with status 0.
func measure(t *testing.T, args ...string) cost {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	st := run(args, strings.NewReader(""), io.Discard, io.Discard)
	runtime.ReadMemStats(&after)
	if st != exitOK {
		t.Fatalf("ddat %s: exit %d", strings.Join(args, " "), st)
	}
	return cost{after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs}
}

// TestLintScalesLinearly holds the budget of "How it stays linear" as a
// ratio measured in one run: linting the corpus of 10 copies costs at
// most 12 times linting one, in bytes and in objects allocated. A cost
// that grows with the square of the input is 100 times. (Time is left to
// BenchmarkLintCorpus, which reports the same ratio: under load, with
// the other packages' tests alongside, the 10× run's time was measured
// at 15.8 times the 1× one, against 5.2 on a quieter machine, so a time
// ratio here would flake; allocations do not vary with load.)
func TestLintScalesLinearly(t *testing.T) {
	dir1, dir10 := t.TempDir(), t.TempDir()
	writeCorpus(t, dir1, 1)
	writeCorpus(t, dir10, 10)
	lint := func(dir string) []string { return []string{"lint", "--fail-on", "none", "--max-findings", "0", dir} }
	measure(t, lint(dir1)...) // first-use costs (the word list, the published catalogue) paid once
	one, ten := measure(t, lint(dir1)...), measure(t, lint(dir10)...)
	const budget = 12.0
	for _, r := range []struct {
		what     string
		one, ten float64
	}{
		{"bytes allocated", float64(one.bytes), float64(ten.bytes)},
		{"objects allocated", float64(one.allocs), float64(ten.allocs)},
	} {
		ratio := r.ten / r.one
		t.Logf("%s: 1× %.4g, 10× %.4g: %.2f×", r.what, r.one, r.ten, ratio)
		if ratio > budget {
			t.Errorf("%s: linting 10 copies costs %.1f times one, budget %.0f", r.what, ratio, budget)
		}
	}
}
