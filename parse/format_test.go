package parse_test

import (
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// TestReadersCoverRegistry checks that every format of the registry has
// a reader, once, and that there is no reader of a format the registry
// does not know.
func TestReadersCoverRegistry(t *testing.T) {
	got := parse.Formats()
	for _, f := range framework.Formats() {
		if n := len(slices.DeleteFunc(slices.Clone(got), func(g framework.Format) bool { return g != f.Format })); n != 1 {
			t.Errorf("format %q has %d readers, want 1", f.Format, n)
		}
	}
	for _, f := range got {
		if _, ok := f.Info(); !ok {
			t.Errorf("reader of %q, which the registry does not know", f)
		}
	}
}
