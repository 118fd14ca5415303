package lint

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortHashes checks the radix sort of hashes against slices.Sort,
// on sizes either side of where it takes over and on hashes that share
// their low or high bits.
func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 100, 1<<16 - 1, 1 << 16, 200_000} {
		for _, mask := range []uint64{^uint64(0), 0xffff_0000_0000_ffff, 0x0000_ffff_ffff_0000, 0xff} {
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
