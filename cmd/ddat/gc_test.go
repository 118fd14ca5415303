package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/cmd/internal/start"
)

// TestDeferCollection runs the built command on the embedded framework
// with the runtime's trace of collections: it makes none (see
// package start) but the one forced at start to give the heap huge pages
// on Linux, unless GOGC is set, which it respects. The counts depend on
// memory allocated, not on time.
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
		n, forced := 0, 0
		for line := range strings.Lines(stderr.String()) {
			if !strings.HasPrefix(line, "gc ") {
				continue
			}
			if strings.HasSuffix(strings.TrimSpace(line), "(forced)") {
				forced++
			} else {
				n++
			}
		}
		if forced > 1 {
			t.Errorf("ddat lint forced %d collections, want at most the one that gives the heap huge pages", forced)
		}
		return n
	}
	if n := collections(); n != 0 {
		t.Errorf("ddat lint made %d collections, want none below %d MiB", n, start.StartHeap>>20)
	}
	if n := collections("GOGC=100"); n == 0 {
		t.Error("with GOGC=100, ddat lint made no collection: GOGC is not respected")
	}
}

// TestStartsFirst checks, from the runtime's trace of package
// initialisation, that package start is initialised before jsonschema/v5,
// whose init takes milliseconds: the published framework is then decoded
// during it (see package start). An import that made start wait for it
// would lose that.
func TestStartsFirst(t *testing.T) {
	exe, err := builtCommand()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	order := map[string]int{}
	n := 0
	for line := range strings.Lines(stderr.String()) {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order[f[1]] = n
			n++
		}
	}
	const startPkg, slow = "github.com/ddat-tools/ddat/cmd/internal/start", "github.com/santhosh-tekuri/jsonschema/v5"
	s, ok1 := order[startPkg]
	j, ok2 := order[slow]
	switch {
	case !ok1 || !ok2:
		t.Fatalf("the trace of %d inits does not name %s and %s:\n%s", n, startPkg, slow, stderr.String())
	case s > j:
		t.Errorf("%s is initialised after %s (%d, %d of %d): the published framework is no longer decoded meanwhile", startPkg, slow, s, j, n)
	}
}

// TestNotReadingPublished checks that the commands package start does
// not decode the published framework for are commands of the table, so
// that a renamed command cannot leave the list stale, that every other
// command, and no call without one, is taken to read it, and that a lint
// is taken to read it only without an input named.
func TestNotReadingPublished(t *testing.T) {
	for _, name := range start.NotReading {
		if lookupCommand(name) == nil {
			t.Errorf("start.NotReading names %q, which is not a command", name)
		}
		if start.ReadsPublished([]string{name}) {
			t.Errorf("ReadsPublished(%q) is true", name)
		}
	}
	for _, c := range commands {
		if !slices.Contains(start.NotReading, c.name) && !start.ReadsPublished([]string{c.name, "x"}) {
			t.Errorf("ReadsPublished(%q) is false, but the command may read the published framework", c.name)
		}
	}
	for _, args := range [][]string{nil, {"--help"}, {"-h"}, {"lint", "-"}, {"lint", "--format", "json", "."}, {"lint", repoRoot(t)}} {
		if start.ReadsPublished(args) {
			t.Errorf("ReadsPublished(%q) is true", args)
		}
	}
	// A lint of the published framework, however its flags are written.
	for _, args := range [][]string{{"lint"}, {"lint", "--format", "json"}, {"lint", "--fail-on", "none", "--stats"}} {
		if !start.ReadsPublished(args) {
			t.Errorf("ReadsPublished(%q) is false", args)
		}
	}
}

// TestLintBoolFlags holds start.LintBoolFlags, which package start reads
// `ddat lint` command lines with before the command does, to the
// command's flags that take no value (and -h, -help).
func TestLintBoolFlags(t *testing.T) {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	lintFlags(fs)
	want := []string{"h", "help"}
	fs.VisitAll(func(f *flag.Flag) {
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			want = append(want, f.Name)
		}
	})
	got := slices.Clone(start.LintBoolFlags)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("start.LintBoolFlags = %q, the lint command's flags without a value %q", got, want)
	}
}

// TestEarlyOutputs runs the built command on the published downloads and
// a seed, named as files, and on the seeds' folder: with two processors
// package start reads and parses them while the command initialises,
// with one it does not, and the output is the same.
func TestEarlyOutputs(t *testing.T) {
	exe, err := builtCommand()
	if err != nil {
		t.Fatal(err)
	}
	files := append(publishedDownloads(t), filepath.Join(repoRoot(t), "testdata", "roles-sample.csv"))
	folder := []string{filepath.Join(repoRoot(t), "testdata")}
	for _, paths := range [][]string{files, folder} {
		checkEarlyOutputs(t, exe, paths)
	}
}

func checkEarlyOutputs(t *testing.T, exe string, paths []string) {
	args := append([]string{"lint", "--format", "json", "--fail-on", "none"}, paths...)
	out := func(procs string) string {
		t.Helper()
		cmd := exec.Command(exe, args...)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("GOMAXPROCS=%s: %v", procs, err)
		}
		return string(b)
	}
	if one, two := out("1"), out("2"); one != two || len(one) < 1000 {
		t.Errorf("%q: the output with GOMAXPROCS=2 (%d bytes) differs from GOMAXPROCS=1's (%d bytes)", paths, len(two), len(one))
	}
}
