package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/parse"
)

// The hostile shapes: inputs of about 4 MB (or of as many lines as the
// parser takes, where lines are short), each of a shape that once cost
// ddat time or memory growing with its square, or memory past the budget
// (a long name, many unknown skills in one role, many unknown skills
// against a catalogue of many names, many levels in one role, a long
// word, many misspellings, many headings, many bad rows, many findings,
// a cell of many escapes and findings). Every input of up to 4 MB,
// whatever its shape, is to be linted and exported in at most 2 s and
// 200 MiB on the 2-core CI machine.
//
// TestHostileShapes checks the memory budget (the process's own peak
// resident memory, from --stats) and a time bound five times the budget
// that only a cost growing faster than the input can miss;
// BenchmarkHostileShapes measures the time against the budget itself.
// `go test ./cmd/ddat -run TestHostileShapes -args -shapes-out DIR` writes
// the inputs for timing by hand.

const (
	shapeBytes      = 4_000_000       // the size of each hostile input
	budgetShape     = 2 * time.Second // whole process, lint or export
	budgetShapeMiB  = 200             // peak resident memory, MiB
	generousShapeBy = 5               // the test's time bound over the budget
	shapeLineLimit  = 4<<20 - 4096    // under the parser's line limit
	shapeLetters    = "abcdefghijklmnopqrstuvwxyz"
	skillsHead      = "# United Kingdom Government Digital and Data Profession Capability Framework Skills\n\n" +
		"<https://ddat-capability-framework.service.gov.uk/skills>\n\nLearn about the skills.\n\n"
	skillsHeader = "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n"
	rolesHeader  = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
)

var shapesOut = flag.String("shapes-out", "", "write the hostile shapes to this folder")

// hostileShape is one generated input: a file, or a folder of files.
type hostileShape struct {
	name  string // the file name, whose extension tells its format; or the folder's
	gen   func() []byte
	files func() map[string][]byte // a folder's files, by name, if gen is nil
}

// roleRow is a row of the roles download with the given role, level and
// skill and short texts.
func roleRow(role, level, skill string) string {
	return "Data,\"" + role + "\",A role.,\"" + level + "\",A level.,\"" + skill + "\",A skill.,Working,\"You can:\n- work\",Digital\n"
}

// fill repeats row(i) for i = 0, 1, … after head until the input is
// about shapeBytes long, or has as many lines as the parser takes
// (parse.DefaultLimits.MaxLines: a longer input is refused at once).
func fill(head string, row func(i int) string) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	lines := strings.Count(head, "\n")
	for i := 0; b.Len() < shapeBytes; i++ {
		r := row(i)
		if lines += strings.Count(r, "\n"); lines > parse.DefaultLimits.MaxLines {
			break
		}
		b.WriteString(r)
	}
	return b.Bytes()
}

// word returns a made-up word of n letters, different for each i.
func word(i, n int) string {
	b := make([]byte, n)
	for j := range b {
		b[j] = shapeLetters[(i*7+j*j*13+i/26+j)%26]
	}
	return string(b)
}

// unknownWord returns a made-up word of six consonants, different for
// each i below 20⁶: the digits of i times a number prime to 20, in base
// 20.
func unknownWord(i int) string {
	const consonants = "bcdfghjklmnpqrstvwxz"
	v := i * 7_919_723 % 64_000_000
	b := make([]byte, 6)
	for j := range b {
		b[j] = consonants[v%20]
		v /= 20
	}
	return string(b)
}

// cellOf returns a skills download whose one description holds words,
// each uses times over, ten to a line.
func cellOf(words []string, uses int) []byte {
	var b bytes.Buffer
	b.WriteString(skillsHeader + "Test skill,\"Intro para.\n- a bullet")
	k := 0
	for range uses {
		for _, w := range words {
			b.WriteByte("\n "[min(k%10, 1)])
			b.WriteString(w)
			k++
		}
	}
	b.WriteString("\",a,b,c,d,Data analyst\n")
	return b.Bytes()
}

var hostileShapes = []hostileShape{
	// One skill cell of "Planning " and a single long word.
	{name: "long-skill-name.csv", gen: func() []byte {
		return []byte(rolesHeader + roleRow("Data analyst", "Data analyst", "Planning "+strings.Repeat("x", shapeLineLimit-200)))
	}},
	// Many unknown skills in one role: "Data analysys N".
	{name: "many-unknown-skills.csv", gen: func() []byte {
		return fill(rolesHeader, func(i int) string { return roleRow("Data analyst", "Data analyst", fmt.Sprintf("Data analysys %d", i)) })
	}},
	// Many unknown skills in a catalogue of many names, each unknown
	// name sharing a word with every catalogue name ("Data <word>"), so
	// that every lookup meets the whole catalogue and every name of it
	// scores alike: half the bytes a skills download, half a roles
	// download.
	{name: "many-unknown-skills-many-names", files: func() map[string][]byte {
		var skills, roles bytes.Buffer
		skills.WriteString(skillsHeader)
		for i := 0; skills.Len() < shapeBytes/2; i++ {
			fmt.Fprintf(&skills, "Data %se,It involves things.,\"You can:\n- do\",\"You can:\n- do\",\"You can:\n- do\",\"You can:\n- do\",Tester\n", unknownWord(i))
		}
		roles.WriteString(rolesHeader)
		for i := 0; roles.Len() < shapeBytes/2; i++ {
			roles.WriteString(roleRow("Data analyst", fmt.Sprintf("Data analyst %d", i), "Data "+unknownWord(1_000_000+i)))
		}
		return map[string][]byte{"skills.csv": skills.Bytes(), "roles.csv": roles.Bytes()}
	}},
	// Many levels in one role.
	{name: "many-levels.csv", gen: func() []byte {
		return fill(rolesHeader, func(i int) string {
			return roleRow("Data analyst", fmt.Sprintf("Level %d data analyst", i), "Data analysis and synthesis")
		})
	}},
	// One long word in a skill's descriptor.
	{name: "long-word.md", gen: func() []byte {
		return []byte(skillsHead + "## Planning\n\nPlanning.\n\n2. Working\n\n  - " + strings.Repeat("plan", (shapeLineLimit-100)/4) + "\n")
	}},
	// Many distinct misspellings.
	{name: "many-misspellings.md", gen: func() []byte {
		return fill(skillsHead+"## Planning\n\nPlanning.\n\n2. Working\n\n", func(i int) string {
			return "  - plan the " + word(i, 9) + " and " + word(i+1, 11) + " well\n\n"
		})
	}},
	// Many empty headings.
	{name: "many-headings.md", gen: func() []byte {
		return fill(skillsHead+"## Planning\n\nPlanning.\n\n2. Working\n\n  - plan\n\n", func(int) string { return "##\n" })
	}},
	// Many skills, each a heading alone.
	{name: "many-skills.md", gen: func() []byte {
		return fill(skillsHead+"## Planning\n\nPlanning.\n\n2. Working\n\n  - plan\n\n", func(i int) string { return fmt.Sprintf("## Skill %d\n", i) })
	}},
	// Many malformed rows (too many fields).
	{name: "many-bad-rows.csv", gen: func() []byte {
		return fill(rolesHeader, func(i int) string { return fmt.Sprintf("a,b,c,d,e,f,g,h,i,j,k,%d\n", i) })
	}},
	// One skill description of distinct unknown words, ten to a line:
	// more than half a million words that are not words, in one cell.
	{name: "cell-of-unknown-words.csv", gen: func() []byte {
		var b bytes.Buffer
		b.WriteString(skillsHeader + "Test skill,\"Intro para.\n- a bullet")
		for i := 0; b.Len() < shapeBytes-100; i++ {
			b.WriteByte("\n "[min(i%10, 1)])
			b.WriteString(unknownWord(i))
		}
		b.WriteString("\",a,b,c,d,Data analyst\n")
		return b.Bytes()
	}},
	// One skill description of many unknown words each used often, so
	// that each is a frequent word of the corpus one edit from many
	// others: the 34,650 orders of "aaaabbbbcccc", nine times over.
	{name: "cell-of-frequent-unknown-words.csv", gen: func() []byte {
		var words []string
		var order func(prefix []byte, left [3]int)
		order = func(prefix []byte, left [3]int) {
			if len(prefix) == 12 {
				words = append(words, string(prefix))
				return
			}
			for k := range left {
				if left[k] > 0 {
					left[k]--
					order(append(prefix, "abc"[k]), left)
					left[k]++
				}
			}
		}
		order(nil, [3]int{4, 4, 4})
		return cellOf(words, 9)
	}},
	// The same of 60,000 distinct words of twelve letters of "abc", five
	// times over: fewer neighbours each, more of them.
	{name: "cell-of-frequent-random-words.csv", gen: func() []byte {
		seen := map[string]bool{}
		var words []string
		for v := uint64(1); len(words) < 60_000; v = v*6364136223846793005 + 1442695040888963407 {
			b := make([]byte, 12)
			for j, x := 0, v>>20; j < len(b); j, x = j+1, x/3 {
				b[j] = "abc"[x%3]
			}
			if !seen[string(b)] {
				seen[string(b)] = true
				words = append(words, string(b))
			}
		}
		return cellOf(words, 5)
	}},
	// One skill description of escaped quotes and doubled spaces: a
	// finding every eight bytes, each placed through the escapes before
	// it.
	{name: "escaped-cell.csv", gen: func() []byte {
		return []byte(rolesHeader + "Data,Data analyst,A role.,Data analyst,A level.,Planning,\"" +
			strings.Repeat(`a""b  c `, (shapeBytes-400)/8) + "\",Working,\"You can:\n- work\",Digital\n")
	}},
	// One HTML paragraph of plain words, a repeated word every 18 bytes:
	// its text reads as its bytes, which are not the same memory, and
	// each finding placed in it compared the two (4 MB) once.
	{name: "plain-paragraph.html", gen: func() []byte {
		return []byte("<html><head><title>Software developer - GOV.UK</title></head><body><div class=\"govspeak\">\n" +
			"<h2 id=\"introduction\">Introduction to the role of software developer</h2>\n<p>" +
			strings.Repeat("plan the the work ", (shapeBytes-600)/18) + "</p>\n" +
			"<h2 id=\"apprentice-developer\">Apprentice developer</h2>\n<ul>\n<li>\n" +
			"<strong>Service support</strong>. You can maintain and support services. (Skill level: awareness)</li>\n</ul>\n</div></body></html>\n")
	}},
	// Many findings: a punctuation slip in every distinct descriptor.
	{name: "many-findings.md", gen: func() []byte {
		return fill(skillsHead+"## Planning\n\nPlanning.\n\n2. Working\n\n", func(i int) string {
			return fmt.Sprintf("  - plan the work , the the plan %d\n\n", i)
		})
	}},
}

// writeShapes writes every hostile shape into dir and returns their paths.
func writeShapes(tb testing.TB, dir string) []string {
	tb.Helper()
	var paths []string
	for _, s := range hostileShapes {
		p := filepath.Join(dir, s.name)
		files := map[string][]byte{"": nil}
		if s.gen != nil {
			files[""] = s.gen()
		} else {
			files = s.files()
			if err := os.MkdirAll(p, 0o755); err != nil {
				tb.Fatal(err)
			}
		}
		size := 0
		for name, data := range files {
			size += len(data)
			if err := os.WriteFile(filepath.Join(p, name), data, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
		if size > shapeBytes+shapeBytes/10 {
			tb.Fatalf("%s: %d bytes, more than the shape size", s.name, size)
		}
		paths = append(paths, p)
	}
	return paths
}

// shapeRun runs the built command on one input with --stats and returns
// its time, the processor time it used (user and system, on all cores)
// and its peak memory.
func shapeRun(tb testing.TB, exe string, args ...string) (elapsed, cpu time.Duration, peak float64) {
	tb.Helper()
	cmd := exec.Command(exe, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed = time.Since(start)
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if err != nil {
		// Every shape is a framework document, however bad: exit 1 at
		// most (findings), never an input error.
		if _, ok := err.(*exec.ExitError); !ok || cmd.ProcessState.ExitCode() > 1 {
			tb.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
		}
	}
	p, ok := statsPeak(stderr.String())
	if !ok {
		tb.Fatalf("%s: no peak memory in --stats:\n%s", strings.Join(args, " "), stderr.Bytes())
	}
	return elapsed, cpu, p
}

// shapeCommands are the commands each shape is run through, by name.
var shapeCommands = []struct {
	name string
	args []string
}{
	{"lint", []string{"lint", "--stats", "--fail-on", "none", "--format", "json"}},
	{"export", []string{"export", "--stats"}},
	{"export-csv", []string{"export", "--stats", "--format", "csv"}},
}

func TestHostileShapes(t *testing.T) {
	if _, ok := peakMemory(); !ok {
		t.Skip("the memory budget is checked where the system gives a process's peak memory (Linux's /proc)")
	}
	exe, err := builtCommand()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if *shapesOut != "" {
		dir = *shapesOut
	}
	for _, p := range writeShapes(t, dir) {
		for _, c := range shapeCommands {
			t.Run(filepath.Base(p)+"/"+c.name, func(t *testing.T) {
				elapsed, cpu, peak := shapeRun(t, exe, append(c.args, p)...)
				t.Logf("%v (%v of processor time), %.1f MiB", elapsed.Round(time.Millisecond), cpu.Round(time.Millisecond), peak)
				if peak > budgetShapeMiB {
					t.Errorf("peak memory %.1f MiB, budget %d MiB", peak, budgetShapeMiB)
				}
				// Processor time, not time on the clock, so that a busy
				// machine does not fail the test; two cores' worth.
				if cpu > 2*generousShapeBy*budgetShape {
					t.Errorf("used %v of processor time, more than %d times the budget of %v on each of 2 cores: a cost that grows faster than the input", cpu, generousShapeBy, budgetShape)
				}
			})
		}
	}
}

// BenchmarkHostileShapes times each hostile shape, whole process, against
// the 2 s budget (reported as %time-budget).
func BenchmarkHostileShapes(b *testing.B) {
	dir := b.TempDir()
	for _, p := range writeShapes(b, dir) {
		for _, c := range shapeCommands[:2] {
			b.Run(filepath.Base(p)+"/"+c.name, func(b *testing.B) {
				benchProcess(b, budgetShape, budgetShapeMiB, append(c.args, p)...)
			})
		}
	}
}
