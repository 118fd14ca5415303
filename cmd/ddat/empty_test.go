package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingToLint checks that inputs holding no framework document are
// an input error (exit 2) saying what was looked at, unless
// --allow-empty.
func TestNothingToLint(t *testing.T) {
	empty := t.TempDir()
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("shopping list\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"lint", empty}, exitUsage, "no framework document among " + empty + " (no file in it); pass --allow-empty"},
		{[]string{"lint", other}, exitUsage, "(1 file, none a framework document)"},
		{[]string{"lint", "--format", "json", empty, other}, exitUsage, "no framework document among " + empty + ", " + other},
		{[]string{"lint", "--allow-empty", empty}, exitOK, "0 files"},
	} {
		var stdout, stderr bytes.Buffer
		st := run(c.args, nil, &stdout, &stderr)
		if st != c.want || !strings.Contains(stderr.String(), c.msg) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d and %q", c.args, st, stderr.String(), c.want, c.msg)
		}
		if c.want == exitUsage && stdout.Len() != 0 {
			t.Errorf("%v: printed a report: %s", c.args, stdout.String())
		}
	}
}
