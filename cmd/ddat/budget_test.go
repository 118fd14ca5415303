package main

import (
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// cost is what one in-process run of ddat took: bytes and objects
// allocated, and time.
type cost struct {
	bytes, allocs uint64
	time          time.Duration
}

// measure runs ddat with args and returns its cost; it fails t unless
// the run exits with status 0.
func measure(t *testing.T, args ...string) cost {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	st := run(args, strings.NewReader(""), io.Discard, io.Discard)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if st != exitOK {
		t.Fatalf("ddat %s: exit %d", strings.Join(args, " "), st)
	}
	return cost{after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs, elapsed}
}

// TestLintScalesLinearly holds the budget of "How it stays linear" as a
// ratio measured in one run, which a loaded machine slows alike: linting
// the corpus of 10 copies costs at most 12 times linting one, in bytes
// and objects allocated and in time (the least of three runs each,
// interleaved). A cost that grows with the square of the input is 100
// times.
func TestLintScalesLinearly(t *testing.T) {
	dir1, dir10 := t.TempDir(), t.TempDir()
	writeCorpus(t, dir1, 1)
	writeCorpus(t, dir10, 10)
	lint := func(dir string) []string { return []string{"lint", "--fail-on", "none", "--max-findings", "0", dir} }
	measure(t, lint(dir10)...) // the process's heap grown once, untimed
	var one, ten cost
	for i := range 3 {
		c1, c10 := measure(t, lint(dir1)...), measure(t, lint(dir10)...)
		if i == 0 || c1.time < one.time {
			one.time = c1.time
		}
		if i == 0 || c10.time < ten.time {
			ten.time = c10.time
		}
		one.bytes, one.allocs, ten.bytes, ten.allocs = c1.bytes, c1.allocs, c10.bytes, c10.allocs
	}
	const budget = 12.0
	for _, r := range []struct {
		what     string
		one, ten float64
	}{
		{"bytes allocated", float64(one.bytes), float64(ten.bytes)},
		{"objects allocated", float64(one.allocs), float64(ten.allocs)},
		{"time", float64(one.time), float64(ten.time)},
	} {
		ratio := r.ten / r.one
		t.Logf("%s: 1× %.4g, 10× %.4g: %.2f×", r.what, r.one, r.ten, ratio)
		if ratio > budget {
			t.Errorf("%s: linting 10 copies costs %.1f times one, budget %.0f", r.what, ratio, budget)
		}
	}
}
