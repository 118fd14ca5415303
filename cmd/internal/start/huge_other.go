//go:build !linux

package start

// adviseHugeHeap does nothing but on Linux (see huge_linux.go).
func adviseHugeHeap(int) {}
