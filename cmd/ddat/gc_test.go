package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestDeferCollection runs the built command on the embedded framework
// with the runtime's trace of collections: it makes none (see
// [deferCollection]), unless GOGC is set, which it respects. The counts
// depend on memory allocated, not on time.
func TestDeferCollection(t *testing.T) {
	exe, err := builtCommand()
	if err != nil {
		t.Fatal(err)
	}
	collections := func(env ...string) int {
		t.Helper()
		cmd := exec.Command(exe, "lint", "--fail-on", "none")
		cmd.Env = append(os.Environ(), append([]string{"GODEBUG=gctrace=1"}, env...)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		n := 0
		for line := range strings.Lines(stderr.String()) {
			if strings.HasPrefix(line, "gc ") {
				n++
			}
		}
		return n
	}
	if n := collections(); n != 0 {
		t.Errorf("ddat lint made %d collections, want none below %d MiB", n, startHeap>>20)
	}
	if n := collections("GOGC=100"); n == 0 {
		t.Error("with GOGC=100, ddat lint made no collection: GOGC is not respected")
	}
}
