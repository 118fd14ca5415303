// Command ddat lints, exports and validates the UK Government Digital and
// Data Profession Capability Framework.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// memoryLimit is the process's soft memory limit unless GOMEMLIMIT sets
// one: near it the garbage collector runs more often rather than let the
// heap grow to twice what is live, so that a large input stays within
// the memory budget of 200 MiB (see the README's Limits). A run on the
// whole published framework uses a tenth of it, and is not slowed.
const memoryLimit = 160 << 20

// startHeap is the memory the process may take before its first garbage
// collection (see [deferCollection]). A lint of the embedded framework or
// the seeds allocates less than this and keeps most of it live to the
// end, so that the collections GOGC=100 makes from a heap of 4 MB free
// little, and cost a sixth of the run's instructions; the published
// downloads collect once. (At 32 MiB they would not, for 6% fewer
// instructions, but a peak of 36 MiB instead of 35 MiB, and the 1×
// corpus 39 MiB, near the budget of 40 MiB.)
const startHeap = 24 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
		if os.Getenv("GOGC") == "" {
			deferCollection(startHeap)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// deferCollection turns the garbage collector off until the process's
// memory reaches n bytes, as cmd/compile lets its heap start large: then
// it collects, and from that first collection on runs as by default
// (GOGC=100, the soft limit memoryLimit). A small run never collects; a
// large one collects first at n bytes instead of 4 MB, and then as it
// would have.
func deferCollection(n int64) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(n)
	// The first collection finds the sentinel unreachable and runs its
	// finalizer. (It holds a pointer, so that the allocator does not
	// pack it with other objects that could keep it alive.)
	type sentinel struct{ _ *int }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(memoryLimit)
	})
}
