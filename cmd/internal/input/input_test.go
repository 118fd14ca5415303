package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"
)

// TestReadAgainst checks that a file read against a known string (an
// embedded published document) gives its own bytes whatever they are:
// the known string itself, not a copy, when they are its bytes (or its
// start, when the file is cut short as it is read); and
// otherwise the file as read, whether it differs at its first byte, in a
// later chunk, at its last byte, or is shorter or longer than the string.
func TestReadAgainst(t *testing.T) {
	known := strings.Repeat("Data analysts work with data. ", 10000) // 300,000 bytes: several chunks
	dir := t.TempDir()
	at := func(s string, i int, b byte) string { return s[:i] + string(b) + s[i+1:] }
	for name, content := range map[string]string{
		"same":         known,
		"first byte":   at(known, 0, 'd'),
		"later chunk":  at(known, 200000, '!'),
		"last byte":    at(known, len(known)-1, '!'),
		"shorter":      known[:len(known)-7],
		"longer":       known + "and more",
		"empty":        "",
		"one byte off": at(known, 65536, 'X'),
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAgainst(f, known, path, MaxDocumentBytes)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != content {
			t.Errorf("%s: read %d bytes otherwise than the file's %d", name, len(got), len(content))
		}
		if same := len(got) > 0 && unsafe.StringData(got) == unsafe.StringData(known); same != (name == "same" || name == "shorter") {
			t.Errorf("%s: the known string given: %v", name, same)
		}
	}
	// A file that grows past the limit as it is read is refused.
	path := filepath.Join(dir, "big")
	if err := os.WriteFile(path, []byte(known+strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := readAgainst(f, known, path, int64(len(known)+50)); !errors.Is(err, ErrLimit) {
		t.Errorf("a file past the limit: %v, want the limit's error", err)
	}
}
