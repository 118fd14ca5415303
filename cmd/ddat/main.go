// Command ddat lints, exports and validates the UK Government Digital and
// Data Profession Capability Framework.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the process's soft memory limit unless GOMEMLIMIT sets
// one: near it the garbage collector runs more often rather than let the
// heap grow to twice what is live, so that a large input stays within
// the memory budget of 200 MiB (see the README's Limits). A run on the
// whole published framework uses a tenth of it, and is not slowed.
const memoryLimit = 160 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
