// Package start sets up the ddat command's process: the garbage
// collector's settings and the heap's huge pages (see [adviseHugeHeap]),
// then, while the command's other packages are still being initialised,
// the decoding of the embedded published framework, or the reading of
// the documents a `ddat lint` command line names as files (see [Early]).
//
// Commands that never read the published framework (version, help,
// rules, explain, validate) do not decode it.
//
// Go initialises packages one at a time, in the order of their import
// paths where their imports allow, so this package's init runs before
// that of github.com/santhosh-tekuri/jsonschema/v5, which compiles its
// metaschemas for 2 to 3 ms (GODEBUG=inittrace=1 shows the order and the
// times; TestStartsFirst holds the order). Nearly every command needs the
// published framework: the lint of the embedded framework lints it, the
// lint of other documents takes it as their vocabulary, and report,
// show, diff and assess read it. Decoding it, or reading the documents
// to lint, on a second processor during those milliseconds takes them
// off the command's path.
package start

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ddat-tools/ddat/parse"
)

// MemoryLimit is the process's soft memory limit unless GOMEMLIMIT sets
// one, or the inputs raise it (see [FitMemoryLimit]): near it the garbage collector runs more often rather than let the
// heap grow to twice what is live, so that a large input stays within
// the memory budget of 200 MiB (see the README's Limits). A run on the
// whole published framework uses a tenth of it, and is not slowed.
const MemoryLimit = 160 << 20

// StartHeap is the memory the process may take before its first garbage
// collection (see [deferCollection]). A lint of the embedded framework,
// the seeds, the published downloads or the 1× corpus allocates less
// than this and keeps most of it live to the end, so that a collection
// frees little and lowers no peak: the collections GOGC=100 makes from a
// heap of 4 MB cost a sixth of the run's instructions. At 24 MiB the
// seeds and the published downloads still collected once, late: a fifth
// of the published run's instructions and 5 ms of the seeds' 32 ms, for
// the same peak (31.3 and 35.2 MiB with or without it). The 1× corpus
// peaks at 38 MiB without a collection, within the budget of 40 MiB.
const StartHeap = 32 << 20

// HugeHeap is how much of the heap is backed by huge pages where Linux
// allows it (see [adviseHugeHeap]): most of what a run on the published
// framework allocates, and less than StartHeap by the heap's first 4 MB
// and room to spare, so that the span, freed but still mapped, neither
// brings the first collection forward nor makes the runtime give it back.
const HugeHeap = 24 << 20

func init() {
	// The process's settings are the command's: a test binary (the
	// command's tests run its code in process, many runs and sizes in
	// one process) keeps Go's defaults, which the in-process benchmarks
	// are measured at.
	if !testing.Testing() && os.Getenv("GOMEMLIMIT") == "" {
		ownLimit = true
		debug.SetMemoryLimit(MemoryLimit)
		if os.Getenv("GOGC") == "" {
			if readsDocuments(os.Args[1:]) {
				adviseHugeHeap(HugeHeap)
			}
			deferCollection(StartHeap)
		}
	}
	// With one processor, decoding or reading now would only delay the
	// rest.
	if runtime.GOMAXPROCS(0) > 1 && ReadsPublished(os.Args[1:]) {
		go parse.Published()
	}
	if runtime.GOMAXPROCS(0) > 1 && !testing.Testing() && len(os.Args) > 1 && os.Args[1] == "lint" {
		readEarly(LintPaths(os.Args[2:]))
	}
}

// Commands that never read the published framework: for them, decoding
// it would only take the processor and memory their start shares.
var NotReading = []string{"version", "help", "rules", "explain", "validate"}

// ReadsPublished reports whether the command line args (the program's
// name left out) may read the published framework whole: every command
// but those of NotReading, and a call without one; and `ddat lint` only
// without an input named, when it lints the published framework. A lint
// of inputs needs only the published documents' sources, for the
// spelling rule's vocabulary (see check.Options.PublishedSources), unless
// they lack skills and it is their catalogue; the published documents
// given as inputs are decoded as such. The inputs are guessed: an
// argument that is "-" or names a file or folder that exists; a wrong
// guess only costs time.
func ReadsPublished(args []string) bool {
	if !readsDocuments(args) {
		return false
	}
	if args[0] != "lint" {
		return true
	}
	for _, a := range args[1:] {
		if a == "-" {
			return false
		}
		if _, err := os.Stat(a); err == nil && !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// readsDocuments reports whether args (the program's name left out) name
// a command that reads framework documents: one not in NotReading.
func readsDocuments(args []string) bool {
	return len(args) > 0 && !slices.Contains(NotReading, args[0]) && !strings.HasPrefix(args[0], "-")
}

// deferCollection turns the garbage collector off until the process's
// memory reaches n bytes, as cmd/compile lets its heap start large: then
// it collects, and from that first collection on runs as by default
// (GOGC=100, the soft limit MemoryLimit, or what [FitMemoryLimit] has
// raised it to). A small run never collects; a
// large one collects first at n bytes instead of 4 MB, and then as it
// would have.
func deferCollection(n int64) {
	limitMu.Lock()
	deferred = true
	limitMu.Unlock()
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(n)
	// The first collection finds the sentinel unreachable and runs its
	// finalizer. (It holds a pointer, so that the allocator does not
	// pack it with other objects that could keep it alive.)
	type sentinel struct{ _ *int }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		limitMu.Lock()
		defer limitMu.Unlock()
		deferred = false
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(limit)
	})
}

// PerInputByte is how much memory FitMemoryLimit allows a byte of input:
// a lint keeps its sources and what it parsed of them, about two and a
// half times their size, live to the end, and the collector lets the
// heap grow to twice what is live. (At four times, the 100× corpus took
// a tenth longer for a twentieth less memory.)
const PerInputByte = 5

var (
	ownLimit bool       // the memory limit is this package's: GOMEMLIMIT is not set, and this is no test
	limitMu  sync.Mutex // guards limit and deferred
	limit    int64      = MemoryLimit
	deferred bool       // the first collection is put off (see deferCollection)
)

// FitMemoryLimit raises the soft memory limit of the process to
// PerInputByte times n, the bytes of the inputs a command is about to
// read, if that is more than MemoryLimit; unless GOMEMLIMIT sets the
// limit. Below the memory a run keeps live, a soft limit makes the
// collector run without end, at up to half the processors: a lint of
// 250 MB of documents (the 100× corpus), which keeps 600 MB live, took
// 5.8 s under MemoryLimit and takes 2.5–2.7 s so (as a process). Inputs
// of up to 32 MB keep MemoryLimit, and those of the README's limits
// (4 MB) its budget.
func FitMemoryLimit(n int64) {
	if !ownLimit || n <= 0 || n > math.MaxInt64/PerInputByte {
		return
	}
	limitMu.Lock()
	defer limitMu.Unlock()
	if want := PerInputByte * n; want > limit {
		limit = want
		if !deferred {
			debug.SetMemoryLimit(limit)
		}
	}
}
