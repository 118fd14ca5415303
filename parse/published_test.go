package parse_test

import (
	"os"
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
			parse.IsPublished(nil)
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

// TestIsPublished: the published documents read from files are the
// snapshot; without one of them, or with one byte changed, they are not.
func TestIsPublished(t *testing.T) {
	var docs []*framework.Document
	for _, name := range []string{"published/skills-a-to-z-2025-09.md", "published/roles-2025-09.csv"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := parse.Parse(name, src)
		if doc == nil {
			t.Fatalf("%s: not a framework document", name)
		}
		docs = append(docs, doc)
	}
	if !parse.IsPublished(docs) {
		t.Error("the published documents read from files are not the snapshot")
	}
	embedded, _ := parse.PublishedDocuments()
	if !parse.IsPublished(embedded) {
		t.Error("the embedded documents are not the snapshot")
	}
	if parse.IsPublished(docs[1:]) {
		t.Error("the roles alone are the snapshot")
	}
	src := []byte(docs[0].File.Src)
	src[len(src)/2] ^= ' '
	changed, _ := parse.Parse(docs[0].File.Name, src)
	if changed == nil {
		t.Fatal("the changed catalogue does not parse")
	}
	if parse.IsPublished([]*framework.Document{changed, docs[1]}) {
		t.Error("a catalogue with a byte changed is the snapshot")
	}
}
