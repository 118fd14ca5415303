package parse_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

var ignoreFormSpans = cmp.Options{
	cmpopts.IgnoreFields(framework.Form{}, "LevelSpan", "TargetSpan"),
	cmpopts.IgnoreFields(framework.FormSkill{}, "Span", "IDSpan", "RatingSpan"),
}

func published(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// fillForm answers every skill of a form, cycling through none and the four
// levels, with evidence that a spreadsheet would take for a formula.
func fillForm(fm *framework.Form, person string) {
	fm.Person = person
	for i, s := range fm.Skills {
		s.Rated, s.Rating = true, framework.Level(i%5)
		s.Evidence = "=HYPERLINK(\"http://x\")\nand \"quoted\", with commas"
		if i%3 == 0 {
			s.Evidence = ""
		}
	}
}

// TestFormEveryLevel writes the form of every role level of the
// published framework, with the next level as its target, as CSV and
// JSON, reads it back unchanged, and assesses it with no error.
func TestFormEveryLevel(t *testing.T) {
	fw := published(t)
	n := 0
	for _, r := range fw.Roles {
		for i, l := range r.Levels {
			target := ""
			if i+1 < len(r.Levels) {
				target = r.Levels[i+1].Name.Value
			}
			fm, err := framework.NewForm(fw, l.Name.Value, target)
			if err != nil {
				t.Fatalf("%s: %v", l.Name.Value, err)
			}
			if len(fm.Skills) < len(l.Skills) || fm.Edition != fw.Edition() || fm.Level != l.Name.Value {
				t.Fatalf("%s: form has %d skills for %d requirements, edition %v, level %q", l.Name.Value, len(fm.Skills), len(l.Skills), fm.Edition, fm.Level)
			}
			fillForm(fm, "Ada")
			for _, out := range []struct {
				ext string
				src []byte
			}{{"csv", fm.CSV()}, {"json", fm.JSON()}} {
				got, err := parse.ReadForm(r.Slug+"."+out.ext, out.src)
				if err != nil {
					t.Fatalf("%s as %s: %v", l.Name.Value, out.ext, err)
				}
				if d := cmp.Diff(fm, got, ignoreFormSpans); d != "" {
					t.Fatalf("%s as %s read back (-want +got):\n%s", l.Name.Value, out.ext, d)
				}
				a, errs := framework.Assess(fw, got, "")
				if errs.Err() != nil {
					t.Fatalf("%s as %s: %v", l.Name.Value, out.ext, errs.Err())
				}
				if len(a.Skills) != len(fm.Skills) || len(a.Dropped) != 0 || a.Count(framework.NotAssessed) != 0 {
					t.Fatalf("%s: %d gaps for %d skills, %d dropped, %d not assessed", l.Name.Value, len(a.Skills), len(fm.Skills), len(a.Dropped), a.Count(framework.NotAssessed))
				}
			}
			n++
		}
	}
	if n != 201 {
		t.Errorf("%d role levels, want 201", n)
	}
}

// spreadsheet rewrites a form's CSV as a spreadsheet saves it: a byte
// order mark, CRLF, the columns in another order with one added, blank
// rows padded with commas, and the levels in capitals.
func spreadsheet(t *testing.T, src []byte) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	width := 0
	for _, rec := range recs {
		width = max(width, len(rec)+1)
	}
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	header := false
	for _, rec := range recs {
		out := make([]string, width)
		if rec[0] == framework.FormColumnID {
			header = true
		}
		if header {
			// The table: columns reversed, a column added at the front,
			// levels in capitals.
			out[0] = "my notes"
			for i, c := range rec {
				if c == "None" || c == "Working" || c == "Expert" {
					c = strings.ToUpper(c)
				}
				out[len(rec)-i] = c
			}
		} else {
			copy(out, rec)
		}
		if rec[0] == framework.FormColumnID {
			out[0] = "Notes"
		}
		w.Write(out)
		w.Write(make([]string, width)) // a blank row
	}
	w.Flush()
	return b.Bytes()
}

func TestFormSpreadsheetRoundTrip(t *testing.T) {
	fw := published(t)
	fm, err := framework.NewForm(fw, "Senior data analyst", "principal-data-analyst")
	if err != nil {
		t.Fatal(err)
	}
	fillForm(fm, "Grace")
	src := spreadsheet(t, fm.CSV())
	if !bytes.Contains(src, []byte("\r\n,,,")) || !bytes.Contains(src, []byte("EXPERT")) {
		t.Fatalf("the rewrite is not what a spreadsheet writes:\n%s", src)
	}
	got, err := parse.ReadForm("grace.csv", src)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(fm, got, ignoreFormSpans); d != "" {
		t.Fatalf("read back (-want +got):\n%s", d)
	}
	// The rating cells are where the reader says they are.
	for _, s := range got.Skills {
		want := strings.ToUpper(s.Rating.Title())
		if s.Rating == 0 {
			want = "NONE"
		}
		if sp := s.RatingSpan.Text(); !strings.EqualFold(sp, want) {
			t.Fatalf("%s: rating span holds %q, want %q", s.ID, sp, want)
		}
	}
}

func TestFormProblems(t *testing.T) {
	fw := published(t)
	fm, err := framework.NewForm(fw, "Data analyst", "")
	if err != nil {
		t.Fatal(err)
	}
	// A form filled in by hand: no descriptors, an unknown level word,
	// and a row for a skill the level does not require.
	id := fm.Skills[0].ID
	src := "DDaT self-assessment\nRole,Data analyst\nRole level,Data analyst\n" +
		"Edition," + fw.Edition().Date + "\nEdition SHA-256," + fw.Edition().SHA256 + "\n" +
		"Skill ID,Your level,Evidence\n" +
		id + ",Wizard,\n" +
		"user-research,working,\n"
	got, err := parse.ReadForm("f.csv", []byte(src))
	var el framework.ErrorList
	if !errors.As(err, &el) || len(el) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	if e := el[0]; e.Pos.Line != 7 || e.Pos.Column != len(id)+2 || !errors.Is(e, framework.ErrUnknownLevel) || !strings.Contains(e.Msg, `"Wizard"`) {
		t.Errorf("got %v, want an unknown level at 7:%d", e, len(id)+2)
	}
	a, errs := framework.Assess(fw, got, "")
	if len(errs) != 1 || errs[0].Pos.String() != "f.csv:8:1" || !strings.Contains(errs[0].Msg, `"user-research" is not on the form`) {
		t.Errorf("got %v, want skill not on the form at f.csv:8:1", errs)
	}
	if n := a.Count(framework.NotAssessed); n != len(fm.Skills) {
		t.Errorf("%d skills not assessed, want %d", n, len(fm.Skills))
	}

	// A form for a role level the framework does not have, by its cell.
	other := strings.Replace(string(fm.CSV()), "Role level,Data analyst", "Role level,Senior data wizard", 1)
	got, err = parse.ReadForm("g.csv", []byte(other))
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := framework.Assess(fw, got, ""); len(errs) != 1 || errs[0].Pos.String() != "g.csv:3:12" || !errors.Is(errs[0], framework.ErrNoRoleLevel) {
		t.Errorf("got %v, want no such role level at g.csv:3:12", errs)
	}

	// Not a form at all.
	if _, err := parse.ReadForm("h.csv", []byte("Skill Name,Skill Description\n")); !errors.Is(err, parse.ErrNotForm) {
		t.Errorf("got %v, want ErrNotForm", err)
	}
}

// TestFormHostile reads 4 MB forms of the shapes that cost most: a
// million rows of unknown skills and level words, of another edition
// (each a candidate rename), with descriptors, and one skill repeated.
// What is read and reported is bounded, and so is the memory.
func TestFormHostile(t *testing.T) {
	fw := published(t)
	ed := fw.Edition()
	head := "DDaT self-assessment,1\nRole level,Senior data analyst\nEdition," + ed.Date + "\nEdition SHA-256," + ed.SHA256 + "\n"
	other := strings.Replace(head, ed.SHA256, strings.Repeat("0", 64), 1)
	shapes := []struct {
		name, head string
		row        func(i int) string
	}{
		{"unknown", head + "Skill ID,Your level\n", func(i int) string { return fmt.Sprintf("s%d,x\n", i) }},
		{"other-edition", other + "Skill ID,Your level\n", func(i int) string { return fmt.Sprintf("skill-%d,working\n", i) }},
		{"descriptors", other + "Skill ID,Skill,Awareness,Your level\n", func(i int) string {
			return fmt.Sprintf("skill-%d,Skill %d,\"do thing %d well\nand thing %d\",working\n", i, i, i, 7*i)
		}},
		{"repeated", head + "Skill ID,Your level\n", func(int) string { return "data-visualisation,working\n" }},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(sh.head)
			for i := 0; b.Len() < parse.MaxFormBytes-100; i++ {
				b.WriteString(sh.row(i))
			}
			src := b.String()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			fm, err := parse.ReadFormString("h.csv", src)
			if fm == nil {
				t.Fatalf("no form: %v", err)
			}
			a, errs := framework.Assess(fw, fm, "")
			runtime.ReadMemStats(&after)
			var el framework.ErrorList
			errors.As(err, &el)
			if len(fm.Skills) != parse.MaxFormSkills || !strings.Contains(el.Detail(), "more than 1000 skills") {
				t.Errorf("%d skills read, error %v; want %d and the rest not read", len(fm.Skills), err, parse.MaxFormSkills)
			}
			if len(errs) > framework.MaxAssessErrors || len(a.Skills)+len(a.Dropped) > parse.MaxFormSkills+len(fm.Skills) {
				t.Errorf("%d errors, %d skills, %d dropped", len(errs), len(a.Skills), len(a.Dropped))
			}
			if mib := (after.TotalAlloc - before.TotalAlloc) >> 20; mib > 64 {
				t.Errorf("%d MiB allocated, budget 64", mib)
			}
		})
	}
}

// FuzzReadForm: no panic; every span of what is read is inside the input
// and resolves to a position; a form read is assessed without panic, and
// written again as CSV reads back the same.
func FuzzReadForm(f *testing.F) {
	fw := published(f)
	// Small forms: the fuzzing engine stalls on the 10-30 KB forms of a
	// real level (TestFormEveryLevel reads those).
	fm := &framework.Form{Role: "Data analyst", Level: "Data analyst", Target: "Senior data analyst", Edition: fw.Edition()}
	fm.Skills = []*framework.FormSkill{
		{ID: "data-visualisation", Name: "Data visualisation", Required: framework.Working, Target: framework.Practitioner,
			Descriptors: [4][]string{{"a"}, {"b", "c"}, nil, {"=d"}}},
		{ID: "gone", Name: "Gone", Required: framework.Awareness},
	}
	f.Add(fm.CSV())
	f.Add(fm.JSON())
	fillForm(fm, "Ada")
	f.Add(fm.CSV())
	f.Add(fm.JSON())
	f.Add([]byte("\ufeffDDaT self-assessment\r\nRole level,Data analyst\r\n\r\nNotes,Your level,Skill ID\r\n,PRACTITIONER,data-visualisation\r\n,,\r\n"))
	f.Add([]byte("DDaT self-assessment\nSkill ID,Your level,Your level\n\"a\"\"b\",wizard\nx\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		got, err := parse.ReadForm("f", src)
		if got == nil {
			if err == nil {
				t.Fatal("no form and no error")
			}
			return
		}
		check := func(what string, sp framework.Span) {
			if !sp.IsValid() {
				return
			}
			if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End || !sp.Pos().IsValid() || !sp.EndPos().IsValid() {
				t.Fatalf("%s: span [%d,%d) of a %d-byte input", what, sp.Start, sp.End, len(src))
			}
		}
		check("level", got.LevelSpan)
		check("target", got.TargetSpan)
		for _, s := range got.Skills {
			check(s.ID, s.Span)
			check(s.ID, s.IDSpan)
			check(s.ID, s.RatingSpan)
		}
		framework.Assess(fw, got, "")
		if err != nil {
			return
		}
		again, err := parse.ReadForm("g", got.CSV())
		if err != nil {
			t.Fatalf("a form read without error, written again: %v", err)
		}
		if d := cmp.Diff(got, again, ignoreFormSpans); d != "" {
			t.Fatalf("written again and read back (-want +got):\n%s", d)
		}
	})
}
