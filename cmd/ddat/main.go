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
// collection (see [deferCollection]). A lint of the embedded framework,
// the seeds, the published downloads or the 1× corpus allocates less
// than this and keeps most of it live to the end, so that a collection
// frees little and lowers no peak: the collections GOGC=100 makes from a
// heap of 4 MB cost a sixth of the run's instructions. At 24 MiB the
// seeds and the published downloads still collected once, late: a fifth
// of the published run's instructions and 5 ms of the seeds' 32 ms, for
// the same peak (31.3 and 35.2 MiB with or without it). The 1× corpus
// peaks at 38 MiB without a collection, within the budget of 40 MiB.
const startHeap = 32 << 20

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
