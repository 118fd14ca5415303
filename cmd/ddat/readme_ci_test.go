package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeBlock returns the fenced block of README.md between the markers
// <!-- name --> and <!-- /name -->.
func readmeBlock(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- " + name + " -->\n```yaml\n(.*?)```\n<!-- /" + name + " -->").FindSubmatch(src)
	if m == nil {
		t.Fatalf("README.md has no %s block", name)
	}
	return string(m[1])
}

// TestREADMECI runs the README's GitHub workflow and pre-commit hook as
// written, in a repository whose ddat clone (.ddat) is this module: the
// workflow's run steps in order under sh, installing ddat from the clone
// with the go command, with GITHUB_STEP_SUMMARY set; then the hook's
// entry. The documents are the seeds, with a README among them, as a
// content folder holds.
func TestREADMECI(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to run the workflow's install step: %v", err)
	}
	repo := t.TempDir()
	for _, d := range []string{".git", "content", "bin"} {
		if err := os.Mkdir(filepath.Join(repo, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(repoRoot(t), filepath.Join(repo, ".ddat")); err != nil {
		t.Fatal(err)
	}
	docs := 0
	for _, name := range []string{"skills-a-to-z.md", "role-page-digital-portfolio-manager-2024.txt", "roles-sample.csv", "seeds-README.md"} {
		src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "seeds-README.md" {
			name = "README.md"
		} else {
			docs++
		}
		if err := os.WriteFile(filepath.Join(repo, "content", name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	summaryFile := filepath.Join(repo, "summary.md")
	env := append(os.Environ(),
		"GOBIN="+filepath.Join(repo, "bin"),
		"PATH="+filepath.Join(repo, "bin")+string(os.PathListSeparator)+filepath.Dir(goCmd)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GITHUB_ACTIONS=true",
		"GITHUB_STEP_SUMMARY="+summaryFile,
		"GOTOOLCHAIN=local",
		// The clone here is a link to this worktree, whose VCS state the
		// test does not control.
		"GOFLAGS=-buildvcs=false",
	)
	sh := func(cmd string) (int, string, string) {
		t.Helper()
		c := exec.Command("sh", "-c", cmd)
		c.Dir, c.Env = repo, env
		var stdout, stderr bytes.Buffer
		c.Stdout, c.Stderr = &stdout, &stderr
		err := c.Run()
		st := 0
		if ee, ok := err.(*exec.ExitError); ok {
			st = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		return st, stdout.String(), stderr.String()
	}

	wf := readmeBlock(t, "workflow")
	var runs []string
	for _, l := range strings.Split(wf, "\n") {
		if cmd, ok := strings.CutPrefix(strings.TrimSpace(l), "run: "); ok {
			runs = append(runs, cmd)
		}
	}
	if len(runs) != 3 || !strings.Contains(wf, "repository: ddat-tools/ddat") || !strings.Contains(wf, "path: .ddat") ||
		!strings.Contains(wf, "upload-sarif") || !strings.Contains(wf, "sarif_file: ddat.sarif") {
		t.Fatalf("the workflow is not the one tested here: runs %q\n%s", runs, wf)
	}
	// Install from the clone.
	if st, out, errOut := sh(runs[0]); st != 0 {
		t.Fatalf("%s: exit %d\n%s%s", runs[0], st, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(repo, "bin", "ddat")); err != nil {
		t.Fatalf("%s installed no ddat: %v", runs[0], err)
	}
	// Annotations and the step summary.
	st, out, errOut := sh(runs[1])
	if st != exitOK && st != exitFailing || !strings.Contains(out, "::warning file=content/") {
		t.Fatalf("%s: exit %d\n%s%s", runs[1], st, out, errOut)
	}
	summary, err := os.ReadFile(summaryFile)
	if err != nil || !bytes.Contains(summary, []byte("## ddat lint\n")) || !bytes.Contains(summary, []byte("| content/")) {
		t.Errorf("step summary: %v\n%s", err, summary)
	}
	if !strings.Contains(errOut, "skipped 1 file that is not a framework document: content/README.md") {
		t.Errorf("the content README was not skipped: %s", errOut)
	}
	// SARIF, from the repository's root, for code scanning.
	if st, _, errOut := sh(runs[2]); st != exitOK {
		t.Fatalf("%s: exit %d\n%s", runs[2], st, errOut)
	}
	data, err := os.ReadFile(filepath.Join(repo, "ddat.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, compileSARIFSchema(t), "the workflow's SARIF", data)
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if got, want := log.Runs[0].OriginalURIBaseIDs[srcRoot].URI, fileURI(repo, true); got != want {
		t.Errorf("SARIF %%SRCROOT%% %q, want %q", got, want)
	}
	if len(log.Runs[0].Results) == 0 || !strings.HasPrefix(log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI, "content/") {
		t.Errorf("SARIF results: %+v", log.Runs[0].Results[:min(1, len(log.Runs[0].Results))])
	}

	hook := readmeBlock(t, "pre-commit")
	for _, want := range []string{"repo: local", "language: system", "pass_filenames: false", "files: ^content/"} {
		if !strings.Contains(hook, want) {
			t.Errorf("the hook lacks %q:\n%s", want, hook)
		}
	}
	entry := regexp.MustCompile(`(?m)^\s*entry: (.*)$`).FindStringSubmatch(hook)
	if entry == nil {
		t.Fatalf("the hook has no entry:\n%s", hook)
	}
	// As pre-commit runs it with pass_filenames false: the entry alone,
	// from the repository's root; every document linted, the README
	// skipped, not an input error.
	st, _, errOut = sh(entry[1])
	if st != exitOK && st != exitFailing || !strings.Contains(errOut, " in 3 files\n") {
		t.Errorf("hook %q: exit %d\n%s", entry[1], st, errOut)
	}
	if docs != 3 {
		t.Fatalf("%d documents", docs)
	}
}

// TestREADMENamesTests checks that every test, fuzz target, benchmark and
// example the README names (as `TestX`, in its table of what is tested and
// elsewhere) is declared in a test file of the module: a promise must
// point at a test that exists.
func TestREADMENamesTests(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	decl := regexp.MustCompile(`(?m)^func ((?:Test|Fuzz|Benchmark|Example)[A-Za-z0-9_]*)\(`)
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, "_test.go") {
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range decl.FindAllSubmatch(src, -1) {
				declared[string(m[1])] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile("`((?:Test|Fuzz|Benchmark)[A-Z][A-Za-z0-9_]*)").FindAllSubmatch(readme, -1)
	if len(named) < 20 {
		t.Fatalf("the README names %d tests; the pattern no longer finds them", len(named))
	}
	for _, m := range named {
		if name := string(m[1]); !declared[name] {
			t.Errorf("the README names %s, which no test file declares", name)
		}
	}
}
