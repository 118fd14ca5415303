package lint_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// Generators of the hostile shapes of issue 16: each returns a document
// of about size bytes (or with an n-letter name or word) that costs a
// quadratic rule dearly.

const hostileRolesHeader = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"

func hostileRow(skill, desc string) string {
	return "Architecture,Business architect,A role.,Senior business architect,A level.," + skill + "," + desc + ",Working,You can do it.,DDaT\n"
}

// randomLetters returns n lower-case letters drawn from a fixed seed.
func randomLetters(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}

// longSkillNameCSV is a roles CSV whose one skill is "Planning " and n
// random letters.
func longSkillNameCSV(n int) string {
	r := rand.New(rand.NewPCG(1, 1))
	return hostileRolesHeader + hostileRow("Planning "+randomLetters(r, n), "A skill.")
}

// longSkillNameLegacy is the legacy guidance page of testdata with its
// first skill renamed "Planning " and n random letters.
func longSkillNameLegacy(t testing.TB, n int) string {
	src := readTestdata(t, "legacy-guidance-product-manager-2020.txt")
	r := rand.New(rand.NewPCG(2, 2))
	const first = "Agile working. You know about agile methodology"
	if !strings.Contains(src, first) {
		t.Fatalf("the legacy page lacks %q", first)
	}
	return strings.Replace(src, first, "Planning "+randomLetters(r, n)+". You know about agile methodology", 1)
}

// manyUnknownSkillsCSV is a roles CSV of about size bytes whose rows
// require "Data analysys N" of one role.
func manyUnknownSkillsCSV(size int) string {
	var b strings.Builder
	b.WriteString(hostileRolesHeader)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(hostileRow(fmt.Sprintf("Data analysys %d", i), "A skill."))
	}
	return b.String()
}

// longWordCSV is a roles CSV whose skill description holds a word of n
// random letters.
func longWordCSV(n int) string {
	r := rand.New(rand.NewPCG(3, 3))
	return hostileRolesHeader + hostileRow("Planning", "You plan "+randomLetters(r, n)+".")
}

// manyMisspellingsCSV is a roles CSV of about size bytes whose skill
// description is distinct random nine-letter words.
func manyMisspellingsCSV(size int) string {
	r := rand.New(rand.NewPCG(4, 4))
	var b strings.Builder
	b.WriteString("You plan")
	for b.Len() < size-200 {
		b.WriteString(" " + randomLetters(r, 9))
	}
	return hostileRolesHeader + hostileRow("Planning", `"`+b.String()+`."`)
}

// unknownWordsCellCSV is a skills CSV of about size bytes whose one
// description cell is an introduction, a bullet and lines of ten
// distinct random six-consonant words: a text of a word for every seven
// bytes, each a finding.
func unknownWordsCellCSV(size int) string {
	const consonants = "bcdfghjklmnpqrstvwxz"
	r := rand.New(rand.NewPCG(5, 5))
	seen := map[string]bool{}
	var b strings.Builder
	b.WriteString("Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n" +
		"Test skill,\"Intro para.\n- a bullet")
	for i := 0; b.Len() < size-100; {
		w := make([]byte, 6)
		for k := range w {
			w[k] = consonants[r.IntN(len(consonants))]
		}
		if seen[string(w)] {
			continue
		}
		seen[string(w)] = true
		b.WriteByte("\n "[min(i%10, 1)])
		b.Write(w)
		i++
	}
	b.WriteString("\",a,b,c,d,Data analyst\n")
	return b.String()
}

// manyHeadingsMarkdown is a Skills A to Z catalogue of about size bytes:
// one skill, then "## Skill N" headings with nothing under them.
func manyHeadingsMarkdown(size int) string {
	var b strings.Builder
	b.WriteString("# United Kingdom Government Digital and Data Profession Capability Framework Skills\n\n" +
		"## Accessibility\n\nA skill.\n\n1. Awareness\n\n  - do it\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## Skill %d\n", i)
	}
	return b.String()
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// maxLine is the length of the longest name or word of the shapes: the
// parsers refuse a line of more than 4 MiB.
const maxLine = 4<<20 - 1024

var hostileShapes = []struct {
	name string
	src  func(testing.TB) string
}{
	{"long-skill-name.csv", func(testing.TB) string { return longSkillNameCSV(maxLine) }},
	{"long-skill-name-legacy.txt", func(t testing.TB) string { return longSkillNameLegacy(t, maxLine) }},
	{"many-unknown-skills.csv", func(testing.TB) string { return manyUnknownSkillsCSV(4 << 20) }},
	{"long-word.csv", func(testing.TB) string { return longWordCSV(maxLine) }},
	{"many-misspellings.csv", func(testing.TB) string { return manyMisspellingsCSV(4 << 20) }},
	// 3.5 MB: 4 MB of headings would be over the parser's limit of 250,000 lines.
	{"many-headings.md", func(testing.TB) string { return manyHeadingsMarkdown(7 << 19) }},
}

// BenchmarkHostile lints each hostile shape at 4 MB with the command's
// limit of 10,000 findings. Budget: 2 s and 200 MiB each, parsing
// included, on an idle 2-core machine (issue 16).
func BenchmarkHostile(b *testing.B) {
	for _, s := range hostileShapes {
		b.Run(s.name, func(b *testing.B) {
			src := s.src(b)
			pub, _ := parse.Published()
			b.ReportAllocs()
			for b.Loop() {
				doc, err := parse.ParseString(s.name, src)
				if doc == nil {
					b.Fatal(err)
				}
				lint.Run(framework.Merge(doc), lint.Options{Catalogue: pub, Vocabulary: pub, MaxFindings: 10000})
			}
		})
	}
}

// TestMaxFindings checks that a run with a limit returns what sorting all
// the findings and cutting would, at any GOMAXPROCS, and one finding
// saying how many more there were; and that the findings kept while
// rules report stay bounded.
func TestMaxFindings(t *testing.T) {
	// Many structure findings, and spelling, british-spelling and
	// unknown-skill ones after them in the roles CSV.
	src := manyHeadingsMarkdown(200 << 10)
	doc, _ := parse.ParseString("a.md", src)
	roles, _ := parse.ParseString("b.csv", readTestdata(t, "roles-sample.csv")+
		hostileRow("Planing", "You plan colors. You organize things."))
	pub, _ := parse.Published()
	fw := framework.Merge(doc, roles)
	all := lint.Run(fw, lint.Options{Catalogue: pub, Vocabulary: pub})
	if len(all) < 10000 {
		t.Fatalf("%d findings, want many", len(all))
	}
	for _, max := range []int{1, 7, 5000, len(all) - 1, len(all), len(all) + 1} {
		for _, procs := range []int{1, 2, 4} {
			old := runtime.GOMAXPROCS(procs)
			got := lint.Run(fw, lint.Options{Catalogue: pub, Vocabulary: pub, MaxFindings: max})
			runtime.GOMAXPROCS(old)
			if max >= len(all) {
				if diff := cmp.Diff(strs(all), strs(got)); diff != "" {
					t.Errorf("max %d of %d, GOMAXPROCS %d: (-want +got):\n%s", max, len(all), procs, diff)
				}
				continue
			}
			// The first max findings, each with as many of its repeats
			// as were met before a cut; no place is lost: those left out
			// are counted.
			want := baseStrs(all[:max])
			var sev lint.Severity
			for _, d := range all[max:] {
				sev = maxSeverity(sev, d.Severity)
			}
			cut := places(all) - places(got[:min(max, len(got))])
			what := "findings"
			if cut == 1 {
				what = "finding"
			}
			more := fmt.Sprintf("%s: %s: %d more %s from here on left out: at most %d findings are reported (max-findings)",
				all[max].Span.Pos(), sev, cut, what, max)
			want = append(want, more)
			if diff := cmp.Diff(want, append(baseStrs(got[:len(got)-1]), got[len(got)-1].String())); diff != "" {
				t.Errorf("max %d, GOMAXPROCS %d: (-want +got):\n%s", max, procs, diff)
			}
		}
	}
	// The highest severity cut: the unknown-skill error of b.csv is last.
	got := lint.Run(fw, lint.Options{Catalogue: pub, Vocabulary: pub, MaxFindings: 10})
	if last := got[len(got)-1]; last.Severity != lint.Error {
		t.Errorf("the limit's finding is %v, want error: %v", last.Severity, last)
	}
	// Bounded while reporting: 3.5 MB of headings (within the parser's
	// limit of 250,000 lines) give about 235,000 structure findings;
	// without a limit the rule allocates about 200 MiB.
	big := framework.Merge(mustParse(t, "a.md", manyHeadingsMarkdown(7<<19)))
	var n int
	bytes := allocated(func() {
		n = len(lint.Run(big, lint.Options{Rules: []*lint.Rule{lint.Structure}, Catalogue: pub, MaxFindings: 100}))
	})
	t.Logf("%d KiB allocated", bytes>>10)
	if n != 101 {
		t.Errorf("%d findings, want 101", n)
	}
	if bytes > 80<<20 {
		t.Errorf("the structure rule on 4 MB of headings with at most 100 findings allocated %d MiB, want at most 80", bytes>>20)
	}
}

func maxSeverity(a, b lint.Severity) lint.Severity {
	if a > b {
		return a
	}
	return b
}

// baseStrs is strs with each finding's message without the count of
// its repeats.
func baseStrs(ds []lint.Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		d.Message = lint.BaseMessage(d)
		out[i] = d.String()
	}
	return out
}

// places returns the number of places ds stand for, repeats included.
func places(ds []lint.Diagnostic) int {
	n := 0
	for _, d := range ds {
		n += 1 + d.Repeats
	}
	return n
}

func strs(ds []lint.Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func mustParse(t testing.TB, name, src string) *framework.Document {
	t.Helper()
	doc, err := parse.ParseString(name, src)
	if doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// TestHostileShapes lints each reproducer of issue 16 and checks its
// findings and the bytes it allocates, which grew with the square of the
// size before the fix (their figures then are in the comments; the time
// budget is in BenchmarkHostile).
func TestHostileShapes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		src      func(testing.TB) string
		maxBytes uint64 // allocated by lint.Run
		want     []string
	}{
		// 40,000 letters: 5.5 s and 2.0 GiB (unknown-skill and spelling).
		{"long-skill-name.csv", func(testing.TB) string { return longSkillNameCSV(40000) }, 8 << 20, []string{
			`; no catalogue skill has a close name, but "Planning" shares a word with it; the name is too long to compare its spelling with the catalogue's (at most 200 characters, and words of at most 64 bytes, are compared) (unknown-skill)`,
			`is not a word; check its spelling or add it to the accepted words (it is too long to look for the word meant: at most 64 bytes are compared) (spelling)`,
		}},
		{"long-skill-name-legacy.txt", func(t testing.TB) string { return longSkillNameLegacy(t, 40000) }, 12 << 20, []string{
			`(role "Product manager"); the page is older guidance, so the skill may have been renamed or retired since; no catalogue skill has a close name, but "Planning" shares a word with it; the name is too long to compare its spelling with the catalogue's (at most 200 characters, and words of at most 64 bytes, are compared) (unknown-skill)`,
		}},
		// 1 MB, 10,000 unknown skills in one role: 12-22 s.
		{"many-unknown-skills.csv", func(testing.TB) string { return manyUnknownSkillsCSV(1 << 20) }, 200 << 20, []string{
			`error: the catalogue has no skill "Data analysys 0" (role "Business architect"); did you mean "Data analysis and synthesis"? (unknown-skill)`,
		}},
		// One 100,000-letter word: 10 s.
		{"long-word.csv", func(testing.TB) string { return longWordCSV(100000) }, 8 << 20, []string{
			`is not a word; check its spelling or add it to the accepted words (it is too long to look for the word meant: at most 64 bytes are compared) (spelling)`,
		}},
		// One cell of 150,000 distinct unknown words in 1 MB: 355 MiB
		// allocated (now 197), and at 4 MB 8 s and 240 MiB at peak for
		// the command (a table of every finding's span, a set of contexts
		// a word, the words filed twice, 64 MB of offsets of the cell).
		{"unknown-words-cell.csv", func(testing.TB) string { return unknownWordsCellCSV(1 << 20) }, 250 << 20, []string{
			`unknown-words-cell.csv:4:1: warning: "sngfbl" is not a word`,
			`is not a word; check its spelling or add it to the accepted words (not looked up: the word meant is looked for only for the first 2000 misspelt words) (spelling)`,
		}},
		// 20,000 misspellings in 0.2 MB: 6.8 s.
		{"many-misspellings.csv", func(testing.TB) string { return manyMisspellingsCSV(200 << 10) }, 100 << 20, []string{
			`is not a word; check its spelling or add it to the accepted words (not looked up: the word meant is looked for only for the first 2000 misspelt words) (spelling)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			doc := mustParse(t, tc.name, src)
			pub, _ := parse.Published()
			fw := framework.Merge(doc)
			var got []lint.Diagnostic
			n := allocated(func() { got = lint.Run(fw, lint.Options{Catalogue: pub, Vocabulary: pub}) })
			t.Logf("%d findings, %d KiB allocated", len(got), n>>10)
			if n > tc.maxBytes {
				t.Errorf("allocated %d MiB, want at most %d", n>>20, tc.maxBytes>>20)
			}
			lines := strings.Join(strs(got), "\n")
			for _, w := range tc.want {
				if !strings.Contains(lines, w) {
					t.Errorf("no finding holds %q", w)
				}
			}
		})
	}
}
