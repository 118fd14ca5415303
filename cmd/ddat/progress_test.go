package main

import (
	"bytes"
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
