package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// outputCases are the commands whose standard output on the real inputs
// TestOutputsUnchanged holds byte for byte, run from the module root:
// lint and its fixes on the embedded framework, the seeds and the full
// published downloads, and export in JSON and both CSV layouts. A golden
// file ending in .sha256 holds the digest and size of a large output
// instead of the output.
var outputCases = []struct {
	golden string
	args   []string
}{
	{"lint-embedded.json", []string{"lint", "--format", "json", "--fail-on", "none"}},
	{"lint-seeds.json", []string{"lint", "--format", "json", "--fail-on", "none", "testdata"}},
	{"lint-published.json", append([]string{"lint", "--format", "json", "--fail-on", "none"}, publishedFiles...)},
	{"fix-seeds.diff", []string{"lint", "--fix", "--diff", "--fail-on", "none", "testdata"}},
	{"fix-published.diff", append([]string{"lint", "--fix", "--diff", "--fail-on", "none"}, publishedFiles...)},
	{"export-embedded.json.sha256", []string{"export"}},
	{"export-embedded-positions.json.sha256", []string{"export", "--positions"}},
	{"export-seeds.json.sha256", []string{"export", "testdata"}},
	{"export-published.json.sha256", append([]string{"export"}, publishedFiles...)},
	{"export-embedded-roles.csv.sha256", []string{"export", "--format", "csv", "--table", "roles"}},
	{"export-embedded-skills.csv.sha256", []string{"export", "--format", "csv", "--table", "skills"}},
}

// publishedFiles are the full official downloads of September 2025 as
// the module holds them, from its root.
var publishedFiles = []string{
	"parse/published/roles-2025-09.csv",
	"parse/testdata/published/skills-2025-09.csv",
	"parse/published/skills-a-to-z-2025-09.md",
}

// TestOutputsUnchanged compares what ddat prints on the real inputs with
// golden files in testdata/golden/outputs. They were first written by the
// binary of commit 4e6d89d, before the code was reorganised (issue #20),
// so that a move that changes any byte fails here; a change of output
// that is meant is accepted with -update, after reading the diff.
func TestOutputsUnchanged(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "golden", "outputs"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(repoRoot(t))
	for _, c := range outputCases {
		t.Run(c.golden, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if st := run(c.args, strings.NewReader(""), &stdout, &stderr); st != exitOK {
				t.Fatalf("ddat %s: exit %d\n%s", strings.Join(c.args, " "), st, stderr.String())
			}
			got := stdout.String()
			if strings.HasSuffix(c.golden, ".sha256") {
				got = fmt.Sprintf("%x  %d bytes\n", sha256.Sum256(stdout.Bytes()), stdout.Len())
			}
			name := filepath.Join(dir, c.golden)
			if *update {
				if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("ddat %s changed (-want +got); run go test -update to accept:\n%s", strings.Join(c.args, " "), diff)
			}
		})
	}
}
