package start

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestFitMemoryLimit checks that the memory limit is raised to
// PerInputByte times the inputs' size when that is more than
// MemoryLimit, and never lowered; that while the first collection is put
// off the raise waits for it (the limit then is the collection's
// trigger); and that a limit that is not the package's (GOMEMLIMIT, or
// a test binary's) is left as it is.
func TestFitMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer func(own bool, l int64, d bool) { ownLimit, limit, deferred = own, l, d }(ownLimit, limit, deferred)
	current := func() int64 { return debug.SetMemoryLimit(-1) }

	ownLimit, limit, deferred = false, MemoryLimit, false
	debug.SetMemoryLimit(math.MaxInt64)
	FitMemoryLimit(1 << 30)
	if got := current(); got != math.MaxInt64 {
		t.Errorf("a limit not the package's changed to %d", got)
	}

	ownLimit = true
	debug.SetMemoryLimit(MemoryLimit)
	FitMemoryLimit(4 << 20) // the README's largest input: the limit stays
	if got := current(); got != MemoryLimit {
		t.Errorf("4 MB of inputs: limit %d, want %d", got, MemoryLimit)
	}
	FitMemoryLimit(100 << 20)
	if got, want := current(), int64(PerInputByte*100<<20); got != want {
		t.Errorf("100 MB of inputs: limit %d, want %d", got, want)
	}
	FitMemoryLimit(50 << 20)
	if got, want := current(), int64(PerInputByte*100<<20); got != want {
		t.Errorf("50 MB after 100 MB: limit %d, want %d (never lowered)", got, want)
	}
	// Sizes whose product with PerInputByte overflows: to a negative
	// number, and (1<<62 + 1<<40, times five) to a positive one, which
	// the limit would take.
	for _, n := range []int64{math.MaxInt64, 1<<62 + 1<<40} {
		FitMemoryLimit(n)
		if got, want := current(), int64(PerInputByte*100<<20); got != want {
			t.Errorf("a size that overflows (%d): limit %d, want %d", n, got, want)
		}
	}

	limit, deferred = MemoryLimit, true
	debug.SetMemoryLimit(StartHeap)
	FitMemoryLimit(100 << 20)
	if got := current(); got != StartHeap {
		t.Errorf("before the first collection: limit %d, want the start heap %d", got, StartHeap)
	}
	if limit != PerInputByte*100<<20 {
		t.Errorf("the limit kept for after the first collection is %d", limit)
	}
}
