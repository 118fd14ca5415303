package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows what a long run is doing: when stderr is a terminal and
// the run has taken more than a second, one line on stderr, rewritten in
// place, says which phase it is in and how far it has got. It never
// writes to stdout, nor when stderr is a file, a pipe or a CI log. A nil
// *progress does nothing.
type progress struct {
	w    io.Writer
	mu   sync.Mutex
	line func() string // the current line; nil before the first phase
	quit chan struct{}
	over chan struct{}
	once sync.Once
}

// progressDelay is how long a run goes before progress shows (a
// variable so that tests can make every run long enough).
var progressDelay = time.Second

// progressTick is how often the progress line is redrawn (a variable
// for the same reason).
var progressTick = 200 * time.Millisecond

// newProgress returns a progress for e's stderr, or nil when stderr is
// not an interactive terminal.
func newProgress(e *env) *progress {
	f := progressTerminal(e.stderr, os.Getenv)
	if f == nil {
		return nil
	}
	return startProgress(f, progressDelay)
}

// progressTerminal returns stderr as a file when progress may be drawn
// on it: a character device (a terminal), with CI unset and TERM not
// "dumb". It returns nil for anything else: a regular file, a pipe, a
// socket, a writer that is not a file, or a CI log.
func progressTerminal(stderr io.Writer, getenv func(string) string) *os.File {
	f, ok := stderr.(*os.File)
	if !ok || getenv("CI") != "" || getenv("TERM") == "dumb" {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return f
}

// startProgress shows progress on w after delay.
func startProgress(w io.Writer, delay time.Duration) *progress {
	p := &progress{w: w, quit: make(chan struct{}), over: make(chan struct{})}
	go p.loop(delay)
	return p
}

func (p *progress) loop(delay time.Duration) {
	defer close(p.over)
	select {
	case <-p.quit:
		return
	case <-time.After(delay):
	}
	tick := time.NewTicker(progressTick)
	defer tick.Stop()
	shown := false
	for {
		p.mu.Lock()
		if p.line != nil {
			fmt.Fprintf(p.w, "\r\x1b[Kddat: %s", p.line())
			shown = true
		}
		p.mu.Unlock()
		select {
		case <-p.quit:
			if shown {
				fmt.Fprint(p.w, "\r\x1b[K")
			}
			return
		case <-tick.C:
		}
	}
}

// counter is a phase's count of done items out of total.
type counter struct {
	mu          sync.Mutex
	done, total int
	bytes       int64
}

// start begins a phase of total items and returns its counter.
func (p *progress) start(phase string, total int) *counter {
	c := &counter{total: total}
	if p == nil {
		return c
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line = func() string {
		c.mu.Lock()
		defer c.mu.Unlock()
		s := fmt.Sprintf("%s %d/%d", phase, c.done, c.total)
		if c.bytes > 0 {
			s += fmt.Sprintf(" (%.1f MB)", float64(c.bytes)/1e6)
		}
		return s
	}
	return c
}

// add counts n items of the given size done.
func (c *counter) add(n int, size int64) {
	c.mu.Lock()
	c.done += n
	c.bytes += size
	c.mu.Unlock()
}

// stop ends the progress line, if one was shown, before output
// follows. Stopping again does nothing.
func (p *progress) stop() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.quit)
		<-p.over
	})
}
