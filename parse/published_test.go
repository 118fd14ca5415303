package parse_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// TestPublishedConcurrent makes first calls of Published from several
// goroutines at once: they all get the one framework (run with -race).
func TestPublishedConcurrent(t *testing.T) {
	parse.ResetPublished()
	const n = 8
	got := make([]*framework.Framework, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got[i], _ = parse.Published()
			parse.PublishedDocuments()
			parse.PublishedSources()
		})
	}
	wg.Wait()
	for i, fw := range got {
		if fw == nil || fw != got[0] {
			t.Fatalf("call %d returned %p, call 0 %p", i, fw, got[0])
		}
	}
	if len(got[0].Roles) != 52 {
		t.Errorf("%d roles, want 52", len(got[0].Roles))
	}
}

// TestPublishedAllocs holds the memory budget of the first load: at most
// 15 MiB allocated (BenchmarkPublishedFirst measures its time).
func TestPublishedAllocs(t *testing.T) {
	parse.ResetPublished()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	parse.Published() // its error lists the downloads' defects
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 15<<20 {
		t.Errorf("first Published allocated %.1f MiB, budget 15 MiB", float64(got)/(1<<20))
	} else {
		t.Logf("first Published allocated %.1f MiB", float64(got)/(1<<20))
	}
}
