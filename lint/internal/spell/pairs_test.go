package spell

import (
	"maps"
	"math/rand/v2"
	"testing"
)

// TestPairTableAsMap holds pairTable to the map it stands for: random
// additions of keys from small and wide ranges (zero and the largest key
// among them), with counts of zero too, through several growths; every
// key asked of after each step, and the whole compared at the end.
func TestPairTableAsMap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, size := range []int{0, 1, 10, 1000} {
		tab := newPairTable(size)
		want := map[uint64]int{}
		keys := []uint64{0, ^uint64(0), 1 << 32, 1}
		for step := range 20000 {
			var k uint64
			switch step % 4 {
			case 0:
				k = keys[r.IntN(len(keys))]
			case 1:
				k = uint64(r.IntN(300))
			case 2:
				k = uint64(r.Uint32())<<32 | uint64(r.IntN(50))
			default:
				k = r.Uint64()
			}
			n := r.IntN(3)
			tab.add(k, n)
			if n > 0 {
				want[k] += n
			}
			if got := tab.get(k); got != want[k] {
				t.Fatalf("size %d, step %d: get(%#x) = %d, want %d", size, step, k, got, want[k])
			}
			if q := r.Uint64(); tab.get(q) != want[q] {
				t.Fatalf("size %d, step %d: get(%#x) = %d, want %d", size, step, q, tab.get(q), want[q])
			}
		}
		if got := tab.asMap(); !maps.Equal(got, want) {
			t.Fatalf("size %d: %d pairs, want %d", size, len(got), len(want))
		}
		if tab.n != len(want) {
			t.Fatalf("size %d: %d slots used for %d pairs", size, tab.n, len(want))
		}
	}
}
