package lint

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/parse"
)

// TestSortHashes checks the radix sort of hashes against slices.Sort,
// on sizes either side of where it takes over and on hashes that share
// their low or high bits.
func TestSortHashes(t *testing.T) {
	sizes := []int{0, 1, 100, 1<<16 - 1, 1 << 16, 200_000}
	masks := []uint64{^uint64(0), 0xffff_0000_0000_ffff, 0x0000_ffff_ffff_0000, 0xff}
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range sizes {
		for _, mask := range masks {
			hs := make([]uint64, n)
			for i := range hs {
				hs[i] = r.Uint64() & mask
			}
			want := slices.Clone(hs)
			slices.Sort(want)
			if got := sortHashes(hs); !slices.Equal(got, want) {
				t.Fatalf("%d hashes masked %#x: not sorted as slices.Sort sorts them", n, mask)
			}
		}
	}
}

// TestHasValueAsSet checks the index's answer to whether some text's
// bytes have a hash, scanned for the first askers and searched sorted
// after, against a set of the hashes: on the published framework's
// texts, asked of every text's hash and of as many that are no text's.
func TestHasValueAsSet(t *testing.T) {
	fw, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	x := newContainerIndex(fw, uniqueTexts(fw.Documents))
	set := map[uint64]bool{}
	var probes []uint64
	for _, hs := range x.hashes {
		for _, h := range hs {
			set[h] = true
			probes = append(probes, h, h+1)
		}
	}
	if len(set) < 1000 {
		t.Fatalf("%d hashes in the published downloads' index", len(set))
	}
	// The first askers scan, and make nothing: a lint of the published
	// downloads asks no more often than that.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i, v := range probes[:maxValueScans] {
		if got := x.hasValue(v); got != set[v] {
			t.Fatalf("probe %d (scanned): hasValue %v, set %v", i, got, set[v])
		}
	}
	runtime.ReadMemStats(&after)
	if n := after.Mallocs - before.Mallocs; n != 0 {
		t.Errorf("%d allocations by the first %d askers, want none (the hashes sorted for them)", n, maxValueScans)
	}
	// The next asker has them sorted: all of them, once.
	runtime.ReadMemStats(&before)
	x.hasValue(probes[maxValueScans])
	runtime.ReadMemStats(&after)
	if after.Mallocs == before.Mallocs {
		t.Errorf("no allocation by asker %d: the hashes not sorted for it", maxValueScans+1)
	}
	if vs := x.values(); len(vs) != len(probes)/2 || !slices.IsSorted(vs) {
		t.Errorf("%d hashes sorted (in order: %v), want the texts' %d", len(vs), slices.IsSorted(vs), len(probes)/2)
	}
	// Every probe by either path: the count of askers set back for a
	// scan, and past the scans for a search of the sorted hashes.
	for i, v := range probes {
		x.asked.Store(0)
		if got := x.hasValue(v); got != set[v] {
			t.Fatalf("probe %d (scanned): hasValue %v, set %v", i, got, set[v])
		}
		x.asked.Store(maxValueScans)
		if got := x.hasValue(v); got != set[v] {
			t.Fatalf("probe %d (sorted): hasValue %v, set %v", i, got, set[v])
		}
	}
}
