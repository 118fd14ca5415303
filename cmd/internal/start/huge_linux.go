package start

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on with 4 KiB pages (amd64, arm64 with 4 KiB pages).
const hugePage = 2 << 20

// adviseHugeHeap asks Linux to back the next n bytes of the heap with
// huge pages, so that the first touch of each 2 MiB costs one page fault
// instead of 512.
//
// Every byte a run allocates is a page the kernel gives it on first
// touch, and in a virtual machine a fault costs microseconds: the lint of
// the published downloads touched 4,800 pages, about a quarter of its
// processor time. Linux gives huge pages to memory that asks for them
// (madvise(MADV_HUGEPAGE)), or to all memory when
// /sys/kernel/mm/transparent_hugepage/enabled says "always", and Go's
// runtime asks for none: on the common setting, "madvise", the heap is
// all small pages. The runtime maps its heap as it grows, and a mapping
// made after the advice does not keep it, so the heap is grown first:
// one allocation of n bytes, never touched, advised, then freed by a
// collection, after which the runtime fills that span with the run's
// allocations, lowest address first. It costs a collection of a heap of
// almost nothing, about a millisecond; a lint of the seeds then touches
// 1,300 pages instead of 3,000 and takes 2–4 ms less.
//
// It is only advice: where huge pages are off, or the runtime would place
// the heap elsewhere, nothing changes but that collection. It is not
// given when GODEBUG asks the runtime to keep huge pages off
// (disablethp=1). The caller runs it before it defers collection, while
// the collector is still the runtime's own (see [deferCollection]).
func adviseHugeHeap(n int) {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return
	}
	// No collection may start on its own while the span is live: the
	// allocation alone is over the first heap goal of 4 MB.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	b := make([]byte, n)
	// The huge pages inside b: from its first 2 MiB boundary to its last.
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	from := int((p+hugePage-1)&^(hugePage-1) - p)
	to := int((p+uintptr(n))&^(hugePage-1) - p)
	if from < to {
		// The error is ignored: advice refused changes nothing.
		_ = syscall.Madvise(b[from:to], syscall.MADV_HUGEPAGE)
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
}
