package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressShowsAfterDelayAndClears(t *testing.T) {
	var w syncBuffer
	p := startProgress(&w, 10*time.Millisecond)
	c := p.start("parsing files", 3)
	c.add(2, 2_500_000)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(w.String(), "parsing files 2/3 (2.5 MB)") {
		if time.Now().After(deadline) {
			t.Fatalf("no progress line after 5s; got %q", w.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	p.stop()
	p.stop() // a second stop does nothing
	got := w.String()
	if !strings.HasPrefix(got, "\r\x1b[Kddat: parsing files 2/3 (2.5 MB)") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress output %q: want the line drawn in place and cleared at the end", got)
	}
}

func TestProgressQuietForShortRuns(t *testing.T) {
	var w syncBuffer
	p := startProgress(&w, time.Hour)
	p.start("parsing files", 1).add(1, 10)
	p.stop()
	if got := w.String(); got != "" {
		t.Errorf("a run shorter than the delay wrote %q", got)
	}
	var nilp *progress // not a terminal: everything is a no-op
	nilp.start("rules", 2).add(1, 0)
	nilp.stop()
}

// TestProgressTerminal checks where progress may be drawn: on a
// character device (a terminal; /dev/null stands in for one here), and
// never on a pipe, a regular file, a writer that is not a file or, with
// CI set or TERM=dumb, even a terminal.
func TestProgressTerminal(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name   string
		stderr io.Writer
		getenv func(string) string
		want   bool
	}{
		{"terminal", dev, env("TERM", "xterm-256color"), true},
		{"terminal, no TERM", dev, env(), true},
		{"terminal in CI", dev, env("CI", "true", "TERM", "xterm"), false},
		{"terminal, TERM=dumb", dev, env("TERM", "dumb"), false},
		{"pipe", pw, env("TERM", "xterm"), false},
		{"regular file", file, env("TERM", "xterm"), false},
		{"buffer", &bytes.Buffer{}, env("TERM", "xterm"), false},
	} {
		if got := progressTerminal(tc.stderr, tc.getenv) != nil; got != tc.want {
			t.Errorf("%s: progress shown %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestProgressNeverToPipeOrFile runs ddat lint with stderr a pipe, then
// a regular file, with progress due at once and redrawn every
// millisecond, so that a run that drew it anywhere would be seen to.
// summaryLine matches the summary line of a lint run on stderr.
var summaryLine = regexp.MustCompile(`(?m)^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ files?$`)

func TestProgressNeverToPipeOrFile(t *testing.T) {
	defer func(d, tick time.Duration) { progressDelay, progressTick = d, tick }(progressDelay, progressTick)
	progressDelay, progressTick = 0, time.Millisecond
	t.Setenv("CI", "")
	t.Setenv("TERM", "xterm")
	t.Chdir(repoRoot(t))

	lint := func(stderr *os.File) {
		var stdout bytes.Buffer
		if st := run([]string{"lint", "--fail-on", "none", "testdata"}, strings.NewReader(""), &stdout, stderr); st != exitOK {
			t.Fatalf("ddat lint testdata: exit %d", st)
		}
		if strings.ContainsAny(stdout.String(), "\r\x1b") {
			t.Errorf("stdout holds a progress line")
		}
	}
	check := func(where, got string) {
		t.Helper()
		if strings.ContainsAny(got, "\r\x1b") || strings.Contains(got, "ddat: parsing") {
			t.Errorf("progress written to %s: %q", where, got)
		}
		if !summaryLine.MatchString(got) {
			t.Errorf("%s lacks the summary line: %q", where, got)
		}
	}

	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	read := make(chan string)
	go func() {
		b, _ := io.ReadAll(pr)
		read <- string(b)
	}()
	lint(pw)
	pw.Close()
	check("a pipe", <-read)
	pr.Close()

	name := filepath.Join(t.TempDir(), "stderr.log")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	lint(f)
	f.Close()
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	check("a file", string(got))
}
