package start

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/parse"
)

// TestLintPaths checks the PATHs read from `ddat lint` command lines,
// flags with values and without, written with "=" or not, and "--".
func TestLintPaths(t *testing.T) {
	for _, c := range []struct {
		args, want []string
	}{
		{nil, nil},
		{[]string{"a.csv", "b.md"}, []string{"a.csv", "b.md"}},
		{[]string{"--format", "json", "a.csv"}, []string{"a.csv"}},
		{[]string{"--format=json", "--stats", "a.csv"}, []string{"a.csv"}},
		{[]string{"-fix", "-diff", "--config", "c.json", "--baseline=b.json", "x", "y"}, []string{"x", "y"}},
		{[]string{"--fail-on", "none"}, nil},
		{[]string{"--stats", "--", "--odd-name.csv"}, []string{"--odd-name.csv"}},
		{[]string{"-", "a.csv"}, []string{"-", "a.csv"}},
		{[]string{"--allow-empty", "--quiet", "a.csv", "--stats"}, []string{"a.csv"}},
		{[]string{"a.csv", "--format", "json", "b.md", "--", "-x"}, []string{"a.csv", "b.md", "-x"}},
	} {
		if got := LintPaths(c.args); !slices.Equal(got, c.want) {
			t.Errorf("LintPaths(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// TestEarly reads the published downloads early and checks that Early
// gives each as the command would read and parse it, once; and nothing
// for a file that changed since, a name other than the one read under, a
// folder, standard input or a path not read.
func TestEarly(t *testing.T) {
	saved, savedReady := early, earlyReady
	defer func() { early, earlyReady = saved, savedReady }()
	dir := t.TempDir()
	changed := filepath.Join(dir, "changed.md")
	src, err := os.ReadFile("../../../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, src, 0o644); err != nil {
		t.Fatal(err)
	}
	inFolder, hidden := filepath.Join(dir, "sub", "only.md"), filepath.Join(dir, ".hidden.md")
	if err := os.Mkdir(filepath.Dir(inFolder), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{inFolder, hidden} {
		if err := os.WriteFile(p, src[:1000], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{
		"../../../parse/published/roles-2025-09.csv",
		"../../../parse/testdata/published/skills-2025-09.csv",
		"../../../parse/published/skills-a-to-z-2025-09.md",
		changed, dir, "-",
	}
	readEarly(paths)
	<-earlyReady // the files listed
	cwd, _ := os.Getwd()
	for _, p := range paths[:2] {
		name := input.DisplayName(cwd, p)
		d, ok := Early(p, name)
		if !ok {
			t.Fatalf("%s: not read early", p)
		}
		_, src, err := input.ReadDocument(p, name)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := parse.ParseString(name, src)
		if d.Size != len(src) || d.Doc.File.Src != src || d.Doc.File.Name != want.File.Name || len(d.Doc.Roles) != len(want.Roles) || len(d.Doc.Skills) != len(want.Skills) || (d.Err == nil) != (wantErr == nil) {
			t.Errorf("%s: read early otherwise than read now", p)
		}
		if _, ok := Early(p, name); ok {
			t.Errorf("%s: given twice", p)
		}
	}
	// Asked for under another name: not given, then or after.
	if _, ok := Early(paths[2], "another name"); ok {
		t.Error("a document read under another name is given")
	}
	if _, ok := Early(paths[2], input.DisplayName(cwd, paths[2])); ok {
		t.Error("a document asked for once is given again")
	}
	// Changed after it was read: longer, and later.
	if _, ok := early[changed]; !ok {
		t.Fatal("the copy was not read early")
	}
	early[changed].get() // read now, before the change
	if err := os.WriteFile(changed, append(src, " "...), 0o644); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(changed, future, future); err != nil {
		t.Fatal(err)
	}
	if _, ok := Early(changed, input.DisplayName(cwd, changed)); ok {
		t.Error("a file changed since it was read early is given")
	}
	// The folder's files are read early, by their paths as walked, but
	// for those the command leaves out.
	if _, ok := early[inFolder]; !ok {
		t.Error("a file in a folder named was not read early")
	}
	if _, ok := early[hidden]; ok {
		t.Error("a hidden file in a folder named was read early")
	}
	for _, p := range []string{dir, "-", "not-named.csv"} {
		if _, ok := Early(p, p); ok {
			t.Errorf("%s: given", p)
		}
	}
}

// TestLintPathsFlagsAfterPaths reads command lines with flags after the
// PATHs, which `ddat lint` takes (parseFlags: "ddat lint content/ --format
// json"; found by review): the values of those flags are not PATHs, and
// must not be read early (LintPaths returned everything from the first
// PATH on, so that `ddat lint roles.csv --config /usr/lib` walked /usr/lib
// before reporting that the configuration is a folder).
func TestLintPathsFlagsAfterPaths(t *testing.T) {
	for _, c := range []struct {
		args    []string
		notPath string
	}{
		{[]string{"roles.csv", "--config", "/usr/lib"}, "/usr/lib"},
		{[]string{"roles.csv", "--catalogue", "skills.csv"}, "skills.csv"},
		{[]string{"content", "--baseline", "old.json", "more"}, "old.json"},
		{[]string{"a.csv", "-write-baseline", "b.json"}, "b.json"},
	} {
		if len(LintPaths(c.args)) == 0 {
			t.Errorf("LintPaths(%q) found no PATH", c.args)
		}
		for _, p := range LintPaths(c.args) {
			if p == c.notPath {
				t.Errorf("LintPaths(%q) = %q: %s is a flag's value, not a PATH", c.args, LintPaths(c.args), p)
			}
		}
	}
}
