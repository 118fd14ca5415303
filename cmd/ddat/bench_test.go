package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Budgets (README, "Performance"): the whole `ddat lint` process on the
// seeds in 20 ms; on the embedded framework (no PATH) in 25 ms; on the
// full published downloads within twice the time of `wc -w` reading the
// same files, measured in the same run; every lint process within 40 MiB
// at its peak; on the 1× corpus in 100 ms; 100× in at most 100 times the
// 1× time. Run with
//
//	go test -run '^$' -bench . -benchmem ./cmd/ddat
//
// and compare with benchstat. The corpus benchmarks also check that the
// findings grow with the content: n copies give n times the findings of
// one.

// The budgets, as the README states them.
const (
	budgetSeeds    = 20 * time.Millisecond  // whole process, seeds
	budgetEmbedded = 25 * time.Millisecond  // whole process, `ddat lint` with no PATH
	budgetWC       = 2                      // whole process on the published downloads, over `wc -w` on them
	budgetMiB      = 40                     // MiB peak resident memory of a lint process
	budgetCorpus   = 100 * time.Millisecond // whole process, 1× corpus
	budgetScale    = 100                    // 100× time over 1× time, at most
	scaleSamples   = 31                     // runs of the 1× corpus whose median is the scale budget's reference
)

// builtCommand builds the command once per test binary, for the
// whole-process benchmarks, in a folder that TestMain removes.
var builtCommand = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "ddat-bench")
	if err != nil {
		return "", err
	}
	builtDir.Store(&dir)
	exe := filepath.Join(dir, "ddat")
	// Built as a machine with Go alone builds it (the CI machine, and
	// the README's set-up): without a C compiler, cgo is off and the
	// binary static. Where one is installed, jsonschema/v5's import of
	// package net links the C library for a DNS resolver that ddat never
	// calls, and every process pays about a millisecond to load it.
	build := exec.Command(goCommand(), "build", "-o", exe, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := build.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return exe, nil
})

// builtDir is the folder builtCommand built in, if it has.
var builtDir atomic.Pointer[string]

// removeBuilt removes the folder builtCommand built in, if it has.
func removeBuilt() {
	if dir := builtDir.Load(); dir != nil {
		os.RemoveAll(*dir)
	}
}

// goCommand returns the go command that runs the tests: the one in
// $GOROOT/bin of the toolchain (go test sets GOROOT), else the go on the
// PATH.
func goCommand() string {
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// benchProcess runs the built command with args as a separate process,
// as CI runs it, start-up and embedded data included, and reports its
// time against the budget. For lint it also reports the peak resident
// memory that `--stats` gives (measured by the process itself: a
// parent's rusage would count the test binary's memory too, which the
// child shares until it execs). A missed budget is logged, not failed:
// timing depends on the machine.
func benchProcess(b *testing.B, budget time.Duration, memBudgetMiB float64, args ...string) {
	exe, err := builtCommand()
	if err != nil {
		b.Fatal(err)
	}
	lint := args[0] == "lint" || args[0] == "diff" // commands with --stats
	if lint {
		args = append(args[:1:1], append([]string{"--stats"}, args[1:]...)...)
	}
	peak := -1.0
	var total, cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(exe, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			if _, ok := err.(*exec.ExitError); !ok || cmd.ProcessState.ExitCode() > 1 {
				b.Fatalf("%s %s: %v\n%s", exe, strings.Join(args, " "), err, stderr.Bytes())
			}
		}
		total += time.Since(start)
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if mib, ok := statsPeak(stderr.String()); ok {
			peak = max(peak, mib)
		}
	}
	per := total / time.Duration(b.N)
	b.ReportMetric(100*float64(per)/float64(budget), "%time-budget")
	// Processor time, which a machine busy with other work does not
	// inflate as it does the clock's.
	b.ReportMetric(float64(cpu/time.Duration(b.N))/1e6, "cpu-ms/op")
	if per > budget {
		b.Logf("over budget: %v per run, budget %v", per, budget)
	}
	if peak >= 0 {
		b.ReportMetric(peak, "peak-MiB")
		if memBudgetMiB > 0 && peak > memBudgetMiB {
			b.Logf("over budget: %.1f MiB peak, budget %.0f MiB", peak, memBudgetMiB)
		}
	} else if lint && runtime.GOOS == "linux" {
		b.Errorf("no peak memory in the --stats output")
	}
}

// statsPeak returns the peak memory, in MiB, of a `--stats` output.
func statsPeak(stats string) (float64, bool) {
	for line := range strings.Lines(stats) {
		if rest, ok := strings.CutPrefix(line, "peak memory"); ok {
			var mib float64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%g MiB", &mib); err == nil {
				return mib, true
			}
		}
	}
	return 0, false
}

// BenchmarkProcess is the budget check: the whole `ddat lint` process on
// the seeds, on the embedded framework, on the published downloads
// (paired with `wc -w`) and on the 1× corpus.
func BenchmarkProcess(b *testing.B) {
	b.Run("LintSeeds", func(b *testing.B) {
		benchProcess(b, budgetSeeds, budgetMiB, "lint", "--fail-on", "none", filepath.Join(repoRoot(b), "testdata"))
	})
	b.Run("LintEmbedded", func(b *testing.B) {
		benchProcess(b, budgetEmbedded, budgetMiB, "lint", "--fail-on", "none")
	})
	b.Run("LintPublished", benchPublished)
	b.Run("LintCorpus1x", func(b *testing.B) {
		dir := b.TempDir()
		writeCorpus(b, dir, 1)
		benchProcess(b, budgetCorpus, budgetMiB, "lint", "--fail-on", "none", dir)
	})
	b.Run("Version", func(b *testing.B) {
		benchProcess(b, budgetSeeds, 0, "version")
	})
}

// publishedDownloads are the full official downloads of September 2025
// as the repository holds them: two embedded, the skills CSV as test data.
func publishedDownloads(tb testing.TB) []string {
	root := repoRoot(tb)
	return []string{
		filepath.Join(root, "parse", "published", "roles-2025-09.csv"),
		filepath.Join(root, "parse", "testdata", "published", "skills-2025-09.csv"),
		filepath.Join(root, "parse", "published", "skills-a-to-z-2025-09.md"),
	}
}

// benchPublished times the whole `ddat lint` process on the published
// downloads against `wc -w` reading and splitting the same files, the
// two run alternately in one loop so that both see the same machine, and
// reports the ratio of their total times against the budget.
func benchPublished(b *testing.B) {
	exe, err := builtCommand()
	if err != nil {
		b.Fatal(err)
	}
	wc, err := exec.LookPath("wc")
	if err != nil {
		b.Fatalf("wc, the reference the budget is set against, is not on the PATH: %v", err)
	}
	files := publishedDownloads(b)
	var lintTime, wcTime time.Duration
	peak := -1.0
	for b.Loop() {
		start := time.Now()
		if out, err := exec.Command(wc, append([]string{"-w"}, files...)...).CombinedOutput(); err != nil {
			b.Fatalf("wc -w: %v\n%s", err, out)
		}
		wcTime += time.Since(start)
		cmd := exec.Command(exe, append([]string{"lint", "--stats", "--fail-on", "none"}, files...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start = time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("ddat lint: %v\n%s", err, stderr.Bytes())
		}
		lintTime += time.Since(start)
		if mib, ok := statsPeak(stderr.String()); ok {
			peak = max(peak, mib)
		}
	}
	ratio := float64(lintTime) / float64(wcTime)
	b.ReportMetric(float64(lintTime/time.Duration(b.N))/1e6, "lint-ms/op")
	b.ReportMetric(float64(wcTime/time.Duration(b.N))/1e6, "wc-ms/op")
	b.ReportMetric(ratio, "x-wc")
	if ratio > budgetWC {
		b.Logf("over budget: %.1f times `wc -w` on the same files, budget %d", ratio, budgetWC)
	}
	if peak >= 0 {
		b.ReportMetric(peak, "peak-MiB")
		if peak > budgetMiB {
			b.Logf("over budget: %.1f MiB peak, budget %d MiB", peak, budgetMiB)
		}
	} else if runtime.GOOS == "linux" {
		b.Errorf("no peak memory in the --stats output")
	}
}

// BenchmarkLintProfile runs, in process, the lints the budgets time: the
// embedded framework, the seeds and the published downloads, for a CPU
// profile of them together:
//
//	go test ./cmd/ddat -run '^$' -bench BenchmarkLintProfile -cpuprofile /tmp/cpu.out
//
// (Given to the compiler as cmd/ddat/default.pgo, such a profile changed
// neither the instructions nor the time of the three lints measurably, on
// 2026-12-01: the command is built without one.)
func BenchmarkLintProfile(b *testing.B) {
	for _, in := range []struct {
		name  string
		paths []string
	}{
		{"Embedded", nil},
		{"Seeds", []string{filepath.Join(repoRoot(b), "testdata")}},
		{"Published", publishedDownloads(b)},
	} {
		b.Run(in.name, func(b *testing.B) {
			args := append([]string{"lint", "--fail-on", "none"}, in.paths...)
			for b.Loop() {
				if st := run(args, nil, io.Discard, io.Discard); st != 0 {
					b.Fatalf("exit %d", st)
				}
			}
		})
	}
}

func BenchmarkLintSeeds(b *testing.B) {
	seeds := filepath.Join(repoRoot(b), "testdata")
	b.ReportAllocs()
	for b.Loop() {
		if st := run([]string{"lint", "--fail-on", "none", seeds}, nil, io.Discard, io.Discard); st != 0 {
			b.Fatalf("exit %d", st)
		}
	}
}

func BenchmarkLintCorpus(b *testing.B) {
	// Copies after the first rename their roles, which the table of role
	// levels then does not know (one level-order finding a level), so the
	// expected count for n copies is f1 + (n-1)·(f2-f1).
	f1, f2 := corpusFindings(b, 1), corpusFindings(b, 2)
	var perOp1 time.Duration // the 1× time, for the scale budget: a median
	for _, n := range corpusSizes() {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, n)
			b.ReportAllocs()
			var out bytes.Buffer
			// One untimed run first (b.Loop starts the timer afresh): a
			// size that takes a second runs once, and would otherwise be
			// timed with the page faults of a process's first use of its
			// memory, which the 1× loop pays only once in many runs.
			if st := run([]string{"lint", "--fail-on", "none", "--max-findings", "0", dir}, nil, io.Discard, io.Discard); st != 0 {
				b.Fatalf("exit %d", st)
			}
			var took []time.Duration
			for b.Loop() {
				out.Reset()
				start := time.Now()
				if st := run([]string{"lint", "--fail-on", "none", "--max-findings", "0", dir}, nil, &out, io.Discard); st != 0 {
					b.Fatalf("exit %d", st)
				}
				took = append(took, time.Since(start))
			}
			perOp := b.Elapsed() / time.Duration(b.N)
			if n == 1 {
				// The scale budget's reference: the median of at least
				// scaleSamples runs, whatever -benchtime gives the
				// sizes (the 100× corpus is timed over a few runs of
				// seconds, in which the host's hiccups average out; a
				// few runs of 20 ms are a draw).
				for len(took) < scaleSamples {
					start := time.Now()
					run([]string{"lint", "--fail-on", "none", "--max-findings", "0", dir}, nil, io.Discard, io.Discard)
					took = append(took, time.Since(start))
				}
				slices.Sort(took)
				perOp1 = took[len(took)/2]
				b.ReportMetric(float64(perOp1.Nanoseconds()), "median-ns/op")
			} else if perOp1 > 0 {
				ratio := float64(perOp) / float64(perOp1)
				b.ReportMetric(ratio, "x-1x-time")
				if n == 100 && ratio > budgetScale {
					b.Logf("over budget: 100× takes %.0f times the 1× time, budget %d", ratio, budgetScale)
				}
			}
			got := strings.Count(out.String(), "\n")
			if want := f1 + (n-1)*(f2-f1); got != want {
				b.Errorf("%d copies gave %d findings, want %d + %d × %d = %d", n, got, f1, n-1, f2-f1, want)
			}
			b.ReportMetric(float64(got), "findings")
		})
	}
}

// corpusFindings returns the number of findings of lint on n copies.
func corpusFindings(b *testing.B, n int) int {
	dir := b.TempDir()
	writeCorpus(b, dir, n)
	var out bytes.Buffer
	if st := run([]string{"lint", "--fail-on", "none", "--max-findings", "0", dir}, nil, &out, io.Discard); st != 0 {
		b.Fatalf("exit %d", st)
	}
	return strings.Count(out.String(), "\n")
}

// corpusSizes are the corpus sizes benchmarked: 1×, 10× and 100×, or
// with -short (as .ci/run runs the benchmarks, once each) 1× and 10×:
// the 100× corpus (240 MB) takes 3 s to lint and 7 s to export on an
// idle machine, and many times that on a loaded one, more than CI's
// share for a check that they still run.
func corpusSizes() []int {
	if testing.Short() {
		return []int{1, 10}
	}
	return []int{1, 10, 100}
}

func BenchmarkExportCorpus(b *testing.B) {
	for _, n := range corpusSizes() {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, n)
			b.ReportAllocs()
			for b.Loop() {
				if st := run([]string{"export", dir}, nil, io.Discard, io.Discard); st != 0 {
					b.Fatalf("exit %d", st)
				}
			}
		})
	}
}
