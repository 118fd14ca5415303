package start

import (
	"bufio"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestAdviseHugeHeap checks that the heap's next allocations, after
// adviseHugeHeap, are backed by huge pages: of 8 MiB of small objects
// allocated and written, some lie in a mapping that asked for huge pages
// (VmFlags hg in /proc/self/smaps) and has them (AnonHugePages). It needs
// a kernel that gives huge pages to memory that asks for them, and that
// does not give them to all memory (then the advice changes nothing that
// can be seen).
func TestAdviseHugeHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	switch {
	case err != nil:
		t.Skipf("this kernel has no transparent huge pages to advise: %v", err)
	case strings.Contains(string(mode), "[never]"):
		t.Skip("transparent huge pages are off on this machine (/sys/kernel/mm/transparent_hugepage/enabled is never): nothing to advise")
	case strings.Contains(string(mode), "[always]"):
		t.Skip("transparent huge pages are given to all memory on this machine (always): the advice cannot be told apart")
	}
	// In a process of its own, whose heap the other tests have not
	// shaped: this test binary, run again for this test alone.
	if os.Getenv("DDAT_HUGE_HEAP_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAdviseHugeHeap$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DDAT_HUGE_HEAP_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	adviseHugeHeap(16 << 20)
	keep := make([][]byte, 4096)
	for i := range keep {
		keep[i] = make([]byte, 2048)
		for j := range keep[i] {
			keep[i][j] = byte(j)
		}
	}
	in := 0
	for _, m := range hugeMappings(t) {
		for _, b := range keep {
			if p := uintptr(unsafe.Pointer(unsafe.SliceData(b))); p >= m.lo && p < m.hi {
				in++
			}
		}
	}
	runtime.KeepAlive(keep)
	if in == 0 {
		t.Errorf("none of %d objects allocated after the advice lies in memory backed by huge pages", len(keep))
	}
}

// hugeMappings returns the process's mappings that asked for huge pages
// and have some.
func hugeMappings(t *testing.T) []struct{ lo, hi uintptr } {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps to find huge pages in: %v", err)
	}
	defer f.Close()
	var out []struct{ lo, hi uintptr }
	var lo, hi uint64
	huge := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if r, _, ok := strings.Cut(line, " "); ok && strings.Contains(r, "-") && !strings.HasSuffix(r, ":") {
			a, b, _ := strings.Cut(r, "-")
			lo, _ = strconv.ParseUint(a, 16, 64)
			hi, _ = strconv.ParseUint(b, 16, 64)
			huge = false
			continue
		}
		if rest, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			huge = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")) != "0"
		}
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok && huge && slices.Contains(strings.Fields(rest), "hg") {
			out = append(out, struct{ lo, hi uintptr }{uintptr(lo), uintptr(hi)})
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
