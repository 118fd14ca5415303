package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/schema"
)

// changedCopy writes into dir a copy of the embedded published framework
// (the roles download and the Skills A to Z) with planted changes: the
// first of them one of each kind that the downloads can carry, then, up
// to n in all, a descriptor reworded in one skill after another. It
// returns how many it planted.
func changedCopy(t testing.TB, dir string, n int) int {
	t.Helper()
	root := repoRoot(t)
	rolesSrc, err := os.ReadFile(filepath.Join(root, "parse", "published", "roles-2025-09.csv"))
	if err != nil {
		t.Fatal(err)
	}
	mdSrc, err := os.ReadFile(filepath.Join(root, "parse", "published", "skills-a-to-z-2025-09.md"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(rolesSrc)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	const (
		colFamily, colRole, colRoleDesc, colLevel, colLevelDesc, colSkill, colSkillDesc, colSkillLevel = 0, 1, 2, 3, 4, 5, 6, 7
	)
	rows := recs[1:]
	md := string(mdSrc)
	planted := 0
	must := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Fatalf("changedCopy: cannot plant %s: the published framework has changed", what)
		}
		planted++
	}
	// each applies f to the rows where match holds, and says whether any did.
	each := func(match func(r []string) bool, f func(r []string)) bool {
		found := false
		for _, r := range rows {
			if match(r) {
				f(r)
				found = true
			}
		}
		return found
	}
	replaceMD := func(old, new string, count int) bool {
		if strings.Count(md, old) < 1 {
			return false
		}
		md = strings.Replace(md, old, new, count)
		return true
	}
	role := func(name string) func(r []string) bool { return func(r []string) bool { return r[colRole] == name } }

	// 1. A role renamed, in the download and in the catalogue's links.
	must("role renamed", each(role("Data ethicist"), func(r []string) { r[colRole] = "Data and AI ethicist" }) &&
		replaceMD("[Data ethicist](/role/data-ethicist)", "[Data and AI ethicist](/role/data-and-ai-ethicist)", -1))
	// 2. A role's description changed (a sentence added).
	must("role description", each(role("Product manager"), func(r []string) {
		r[colRoleDesc] = strings.Replace(r[colRoleDesc], "\n", " They own the roadmap.\n", 1)
	}))
	// 3. A role moved to another family.
	must("role family", each(role("Technical writer"), func(r []string) { r[colFamily] = "Product and delivery" }))
	// 4. A required skill level raised, on one level.
	var raised []string
	must("requirement raised", each(func(r []string) bool {
		return raised == nil && r[colRole] == "Data analyst" && r[colSkillLevel] == "Awareness"
	}, func(r []string) { r[colSkillLevel] = "Working"; raised = r }))
	// 5. A requirement removed: the Business analyst's last row.
	last := -1
	for i, r := range rows {
		if r[colRole] == "Business analyst" {
			last = i
		}
	}
	must("requirement removed", last >= 0)
	rows = append(rows[:last:last], rows[last+1:]...)
	// 6. A role level's description reworded.
	must("level description", each(func(r []string) bool { return r[colLevel] == "Senior data analyst" }, func(r []string) {
		r[colLevelDesc] = strings.Replace(r[colLevelDesc], "senior data analyst", "senior data analyst (a specialist)", 1)
	}))
	// 7. A role level removed: every row of the Head of product.
	kept := rows[:0]
	for _, r := range rows {
		if r[colLevel] != "Head of product" {
			kept = append(kept, r)
		}
	}
	must("level removed", len(kept) < len(rows))
	rows = kept
	// 8. A skill renamed, in the catalogue and in the rows that require it.
	must("skill renamed", replaceMD("## Systems analysis\n", "## Digital and data systems analysis\n", 1) &&
		each(func(r []string) bool { return r[colSkill] == "Systems analysis" }, func(r []string) { r[colSkill] = "Digital and data systems analysis" }))
	// 9. A skill's descriptor reworded.
	must("descriptor reworded", replaceMD("  - identify and analyse IT system capabilities\n", "  - identify and analyse the capabilities of IT systems\n", 1))
	// 10. A skill level left undefined.
	must("level undefined", replaceMD("  - understand accessibility and that users have different accessibility needs\n\n  - help fix accessibility issues under the direction of others\n",
		"  - This skill level is currently not defined.\n", 1))
	// 11. A skill's description changed.
	must("skill description", replaceMD("IT systems analysis involves assessing", "IT systems analysis involves reviewing", 1))
	// 12. A role added to a skill's "Roles that require".
	must("skill roles", replaceMD("Roles that require this skill:\n\n- [Business analyst](/role/business-analyst)\n\n\n## Systems design",
		"Roles that require this skill:\n\n- [Business analyst](/role/business-analyst)\n- [Data analyst](/role/data-analyst)\n\n\n## Systems design", 1))
	// 13. A skill added to the catalogue.
	must("skill added", replaceMD("\n## Systems design\n", "\n## Prompt engineering\n\nPrompt engineering involves writing instructions for AI models.\n\n1. Awareness\n\n  - explain what a prompt is\n\n\n## Systems design\n", 1))
	// 14. A requirement added: the Data analyst's first level requires
	// Accessibility.
	var add []string
	for _, r := range rows {
		if r[colRole] == "Data analyst" {
			add = append([]string(nil), r...)
			break
		}
	}
	must("requirement added", add != nil)
	add[colSkill], add[colSkillDesc], add[colSkillLevel] = "Accessibility", "Accessibility involves ensuring your service can be used by as many people as possible.", "Awareness"
	rows = append(rows, add)
	// Then descriptors reworded, one skill after another: the first
	// descriptor of the first level of each skill ("  - x" becomes
	// "  - x, always"), from the end of the catalogue.
	heads := regexp.MustCompile(`(?m)^1\. Awareness\n\n  - ([^\n]*)\n`).FindAllStringSubmatchIndex(md, -1)
	for i := len(heads) - 1; i >= 0 && planted < n; i-- {
		h := heads[i]
		md = md[:h[3]] + ", always" + md[h[3]:]
		planted++
	}
	if planted < n {
		t.Fatalf("changedCopy: planted %d changes, want %d", planted, n)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(recs[0])
	w.WriteAll(rows)
	if err := os.WriteFile(filepath.Join(dir, "roles-2025-09.csv"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "skills-a-to-z-2025-09.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	return planted
}

// runIn runs the command in folder dir and returns its exit status,
// stdout and stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	st := run(args, nil, &out, &errb)
	return st, out.String(), errb.String()
}

// TestDiffPlantedCopy: `ddat diff published <changed copy>` reports each
// planted change once, renames as renames, in all four formats (golden
// files), and the JSON validates.
func TestDiffPlantedCopy(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	copyDir := filepath.Join(dir, "copy")
	if err := os.Mkdir(copyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	changedCopy(t, copyDir, 14)
	for _, f := range diffFormats {
		st, out, errs := runIn(t, dir, "diff", "--format", f, "published", "copy")
		if st != exitFailing {
			t.Fatalf("--format %s: exit %d, want 1; stderr:\n%s", f, st, errs)
		}
		ext := map[string]string{"text": "txt", "json": "json", "markdown": "md", "changes-csv": "csv"}[f]
		checkGolden(t, root, filepath.Join("cmd", "ddat", "testdata", "diff", "planted."+ext), out)
		if f == "json" {
			if err := schema.Validate(schema.Diff, []byte(out)); err != nil {
				t.Errorf("the JSON does not validate: %v", err)
			}
		}
	}
	// Each planted change once, by kind (a role level removed also
	// removes its requirements with it: one difference).
	st, out, _ := runIn(t, dir, "diff", "--format", "json", "published", "copy")
	if st != exitFailing {
		t.Fatalf("exit %d", st)
	}
	kinds := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^      "kind": "([a-z-]+)"`).FindAllStringSubmatch(out, -1) {
		kinds[m[1]]++
	}
	want := map[string]int{
		"role-renamed": 1, "role-description-changed": 1, "role-family-changed": 1, "requirement-raised": 1,
		"requirement-removed": 1, "level-description-changed": 1, "level-removed": 1, "skill-renamed": 1,
		"skill-descriptors-changed": 1, "skill-level-undefined": 1, "skill-description-changed": 1,
		"skill-added": 1, "skill-roles-changed": 1, "requirement-added": 1,
	}
	if d := cmp.Diff(want, kinds); d != "" {
		t.Errorf("kinds of differences (-want +got):\n%s", d)
	}
	// --exit-zero, and no differences between an edition and itself.
	if st, _, _ := runIn(t, dir, "diff", "--exit-zero", "published", "copy"); st != exitOK {
		t.Errorf("--exit-zero: exit %d", st)
	}
	if st, out, _ := runIn(t, dir, "diff", "copy", "copy"); st != exitOK || out != "" {
		t.Errorf("copy against itself: exit %d, output %q", st, out)
	}
}

// checkGolden compares got with the golden file at path, relative to the
// module's root, or rewrites it with -update.
func checkGolden(t *testing.T, root, path, got string) {
	t.Helper()
	path = filepath.Join(root, path)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s (-want +got):\n%s", path, d)
	}
}

// TestDiffUsage: usage errors and unreadable inputs are exit 2.
func TestDiffUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"diff"},
		{"diff", "published"},
		{"diff", "--format", "yaml", "published", "published"},
		{"diff", "published", "no-such-folder"},
	} {
		if st, _, _ := runIn(t, dir, args...); st != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, st)
		}
	}
}

// gitRun runs git in dir for a test, failing it on an error.
func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestDiffBase: `ddat diff --base HEAD~1 content` in a real git
// repository made by the test compares the files as they are with the
// same files one commit back, read with git show.
func TestDiffBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("this test needs git on the PATH: %v", err)
	}
	repo := t.TempDir()
	content := filepath.Join(repo, "content")
	if err := os.Mkdir(content, 0o755); err != nil {
		t.Fatal(err)
	}
	root := repoRoot(t)
	for _, f := range []string{"parse/published/roles-2025-09.csv", "parse/published/skills-a-to-z-2025-09.md"} {
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(content, filepath.Base(f)), src, 0o644)
	}
	os.WriteFile(filepath.Join(content, "README.txt"), []byte("not a framework document\n"), 0o644)
	gitRun(t, repo, "init", "-q")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "published")
	changedCopy(t, content, 14)
	gitRun(t, repo, "commit", "-q", "-a", "-m", "planted")

	// HEAD against HEAD~1: the planted changes, as `published copy` gives them.
	st, out, errs := runIn(t, repo, "diff", "--base", "HEAD~1", "content")
	if st != exitFailing {
		t.Fatalf("exit %d; stderr:\n%s", st, errs)
	}
	want, err := os.ReadFile(filepath.Join(root, "cmd", "ddat", "testdata", "diff", "planted.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), out); d != "" {
		t.Errorf("--base HEAD~1 (-want +got):\n%s", d)
	}
	// The working tree against HEAD: nothing. From a subfolder, with no
	// PATH: the folder itself.
	if st, out, errs := runIn(t, repo, "diff", "--base", "HEAD", "content"); st != exitOK || out != "" {
		t.Errorf("--base HEAD: exit %d, output %q, stderr %q", st, out, errs)
	}
	if st, _, errs := runIn(t, content, "diff", "--base", "HEAD~1"); st != exitFailing {
		t.Errorf("--base HEAD~1 in content/: exit %d, stderr %q", st, errs)
	}
	// A path the revision does not have: everything in it is added.
	os.Mkdir(filepath.Join(repo, "new"), 0o755)
	os.WriteFile(filepath.Join(repo, "new", "page.txt"), mustRead(t, filepath.Join(root, "testdata", "role-page-digital-portfolio-manager-2024.txt")), 0o644)
	if st, out, errs := runIn(t, repo, "diff", "--base", "HEAD", "new"); st != exitFailing || out != "Digital portfolio manager\n  - First published.\n" {
		t.Errorf("--base HEAD new: exit %d, output %q, stderr %q", st, out, errs)
	}
	// Not a revision, or not a repository: exit 2, saying so.
	if st, _, errs := runIn(t, repo, "diff", "--base", "no-such-rev", "content"); st != exitUsage || !strings.Contains(errs, "not a revision") {
		t.Errorf("bad revision: exit %d, stderr %q", st, errs)
	}
	if st, _, errs := runIn(t, repo, "diff", "--base", "--upload-pack=x", "content"); st != exitUsage {
		t.Errorf("option as revision: exit %d, stderr %q", st, errs)
	}
}

// TestDiffBaseHostileTree: at a revision, only files are read: a
// submodule and a symbolic link are passed over, and a file over the
// document limit is refused by the size git lists, before it is read.
func TestDiffBaseHostileTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("this test needs git on the PATH: %v", err)
	}
	repo := t.TempDir()
	content := filepath.Join(repo, "content")
	os.Mkdir(content, 0o755)
	os.WriteFile(filepath.Join(content, "page.txt"), mustRead(t, filepath.Join(repoRoot(t), "testdata", "role-page-digital-portfolio-manager-2024.txt")), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(content, "link.txt"))
	gitRun(t, repo, "init", "-q")
	gitRun(t, repo, "add", ".")
	// A submodule: a gitlink to a commit this repository does not have.
	gitRun(t, repo, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,content/sub")
	gitRun(t, repo, "commit", "-q", "-m", "tree")
	if st, out, errs := runIn(t, repo, "diff", "--base", "HEAD", "content"); st != exitOK || out != "" {
		t.Errorf("--base HEAD with a submodule and a link: exit %d, output %q, stderr %q", st, out, errs)
	}
	// A file over the limit, committed and then removed from the work
	// tree: refused by its listed size (the test would take seconds and
	// gigabytes if it were read).
	big := filepath.Join(content, "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(maxDocumentBytes + 1)
	f.Close()
	gitRun(t, repo, "add", "content/big.csv")
	gitRun(t, repo, "commit", "-q", "-m", "big")
	os.Remove(big)
	st, _, errs := runIn(t, repo, "diff", "--base", "HEAD", "content")
	if st != exitUsage || !strings.Contains(errs, "big.csv: input limit exceeded: the file has 67108865 bytes") {
		t.Errorf("--base HEAD with a file over the limit: exit %d, stderr %q", st, errs)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// BenchmarkDiffProcess is the diff budget: the whole `ddat diff` process,
// the published framework against a copy with 50 planted changes, in 80
// ms and 60 MiB.
func BenchmarkDiffProcess(b *testing.B) {
	dir := b.TempDir()
	if n := changedCopy(b, dir, 50); n != 50 {
		b.Fatalf("planted %d", n)
	}
	benchProcess(b, budgetDiff, budgetDiffMB, "diff", "published", dir)
}

// The diff budgets, as the README states them.
const (
	budgetDiff   = 80 * time.Millisecond // whole process
	budgetDiffMB = 60                    // MiB peak resident memory
)

// BenchmarkDiff is the diff in process, for profiling.
func BenchmarkDiff(b *testing.B) {
	dir := b.TempDir()
	changedCopy(b, dir, 50)
	b.ReportAllocs()
	for b.Loop() {
		if st := run([]string{"diff", "published", dir}, nil, io.Discard, io.Discard); st != exitFailing {
			b.Fatalf("exit %d", st)
		}
	}
}

// TestDiffKindsSchema: the schema lists every kind of difference the
// library has, and every kind has a note in the service's phrasing.
func TestDiffKindsSchema(t *testing.T) {
	var s struct {
		Defs struct {
			Difference struct {
				Properties struct {
					Kind struct {
						Enum []framework.DiffKind `json:"enum"`
					} `json:"kind"`
				} `json:"properties"`
			} `json:"difference"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.Source(schema.Diff), &s); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(framework.DiffKinds(), s.Defs.Difference.Properties.Kind.Enum); d != "" {
		t.Errorf("schema's kinds (-library +schema):\n%s", d)
	}
	for _, k := range framework.DiffKinds() {
		d := framework.Difference{Kind: k, Level: "L", Skill: "S", From: "a", To: "b", SkillLevel: framework.Working, Added: []string{"R"}}
		if n := note(d); n == string(k) || !strings.HasSuffix(n, ".") {
			t.Errorf("%s: note %q", k, n)
		}
	}
}

// BenchmarkDiffCorpus: diff time linear in size, the 1× and 10× corpus
// each against a copy of itself with every descriptor reworded (the
// x-1x-time metric is the 10× time over the 1× time).
func BenchmarkDiffCorpus(b *testing.B) {
	var perOp1 time.Duration
	for _, n := range []int{1, 10} {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			old, new := b.TempDir(), b.TempDir()
			writeCorpus(b, old, n)
			writeCorpus(b, new, n)
			files, _ := filepath.Glob(filepath.Join(new, "skills-*.csv"))
			for _, f := range files {
				src := mustReadB(b, f)
				src = regexp.MustCompile(`(?m)^- [^\n"]*$`).ReplaceAllStringFunc(src, func(s string) string {
					return s + " well" // every descriptor reworded: the line and word diffs at scale
				})
				os.WriteFile(f, []byte(src), 0o644)
			}
			b.ReportAllocs()
			for b.Loop() {
				if st := run([]string{"diff", old, new}, nil, io.Discard, io.Discard); st != exitFailing {
					b.Fatalf("exit %d", st)
				}
			}
			perOp := b.Elapsed() / time.Duration(b.N)
			if n == 1 {
				perOp1 = perOp
			} else if perOp1 > 0 {
				b.ReportMetric(float64(perOp)/float64(perOp1), "x-1x-time")
			}
		})
	}
}

func mustReadB(b *testing.B, name string) string {
	src, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}
