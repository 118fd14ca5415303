package start

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/cmd/internal/input"
)

// TestEarlyEachCheck holds each of the three
// checks Early makes before it gives a document read early, one at a
// time: TestEarly changes both the size and the modification time of its
// file, so that removing either check, or the os.SameFile one, leaves it
// passing. Here a file read early is changed in one way only:
//   - replaced by another file (rename) of the same size and time,
//   - written in place to another size, its time put back,
//   - written in place to the same size, at another time;
//
// and none may be given.
func TestEarlyEachCheck(t *testing.T) {
	saved, savedReady := early, earlyReady
	defer func() { early, earlyReady = saved, savedReady }()
	src, err := os.ReadFile("../../../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cwd, _ := os.Getwd()
	then := time.Date(2025, 9, 1, 12, 0, 0, 0, time.UTC)
	write := func(p string, b []byte, at time.Time) {
		t.Helper()
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	other := append([]byte(nil), src...)
	other[len(other)/2] ^= 1 // the same size, other bytes
	for _, c := range []struct {
		name   string
		change func(p string)
	}{
		{"another file, same size and time", func(p string) {
			q := p + ".new"
			write(q, other, then)
			if err := os.Rename(q, p); err != nil {
				t.Fatal(err)
			}
		}},
		{"same file, other size, same time", func(p string) {
			write(p, append(append([]byte(nil), src...), ' '), then)
		}},
		{"same file, same size, other time", func(p string) {
			write(p, other, then.Add(time.Second))
		}},
	} {
		p := filepath.Join(dir, "skills.md")
		write(p, src, then)
		readEarly([]string{p})
		<-earlyReady   // the files listed
		early[p].get() // read now, before the change
		c.change(p)
		if _, ok := Early(p, input.DisplayName(cwd, p)); ok {
			t.Errorf("%s: the document read before the change is given", c.name)
		}
	}
}
