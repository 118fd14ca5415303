package main

import (
	"io"
	"testing"
)

func BenchmarkZZEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		run([]string{"lint", "--fail-on", "none"}, nil, io.Discard, io.Discard)
	}
}
func BenchmarkZZSeeds(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		run([]string{"lint", "--fail-on", "none", "../../testdata"}, nil, io.Discard, io.Discard)
	}
}
