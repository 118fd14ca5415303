package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// Budgets (README, "Performance"): the whole `ddat lint` on the seeds in
// 30 ms; on the 1× corpus in 100 ms and 60 MiB; 100× in at most 110 times
// the 1× time. Run with
//
//	go test -run '^$' -bench . -benchmem ./cmd/ddat
//
// and compare with benchstat. The corpus benchmarks also check that the
// findings grow with the content: n copies give n times the findings of
// one.

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
	var perCopy int
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, n)
			b.ReportAllocs()
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if st := run([]string{"lint", "--fail-on", "none", dir}, nil, &out, io.Discard); st != 0 {
					b.Fatalf("exit %d", st)
				}
			}
			got := strings.Count(out.String(), "\n")
			if n == 1 {
				perCopy = got
			} else if perCopy > 0 && got != n*perCopy {
				b.Errorf("%d copies gave %d findings, want %d × %d", n, got, n, perCopy)
			}
			b.ReportMetric(float64(got), "findings")
		})
	}
}

func BenchmarkExportCorpus(b *testing.B) {
	for _, n := range []int{1, 10} {
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
