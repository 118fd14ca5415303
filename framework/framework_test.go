package framework_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

func TestParseLevel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want framework.Level
	}{
		{"awareness", framework.Awareness},
		{" Working ", framework.Working},
		{"PRACTITIONER", framework.Practitioner},
		{"expert", framework.Expert},
	} {
		got, err := framework.ParseLevel(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "practicioner", "senior", "unknown"} {
		_, err := framework.ParseLevel(in)
		if !errors.Is(err, framework.ErrUnknownLevel) {
			t.Errorf("ParseLevel(%q) error = %v, want ErrUnknownLevel", in, err)
		}
	}
	_, err := framework.ParseLevel("practicioner")
	if want := `unknown skill level "practicioner": want awareness, working, practitioner or expert`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestLevelText(t *testing.T) {
	var got []string
	for _, l := range framework.Levels {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back framework.Level
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("round trip of %v gave %v, %v", l, back, err)
		}
		got = append(got, fmt.Sprintf("%s %s %s", b, l.Title(), l.Ordinal()))
	}
	want := []string{"awareness Awareness first", "working Working second", "practitioner Practitioner third", "expert Expert fourth"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	// The zero Level (no level stated) is "", so that a model value
	// without a level marshals; another invalid level is an error.
	if b, err := framework.Level(0).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("MarshalText of the zero Level = %q, %v; want \"\", nil", b, err)
	}
	var zero framework.Level = framework.Expert
	if err := zero.UnmarshalText(nil); err != nil || zero != 0 {
		t.Errorf("UnmarshalText of \"\" = %v, %v; want the zero Level", zero, err)
	}
	if _, err := framework.Level(9).MarshalText(); err == nil {
		t.Error("MarshalText of Level(9) succeeded")
	}
	if s := framework.Level(9).String(); s != "Level(9)" {
		t.Errorf("Level(9).String() = %q", s)
	}
	if !(framework.Awareness < framework.Working && framework.Practitioner < framework.Expert) {
		t.Error("levels are not ascending")
	}
	if l := framework.OrdinalLevel("Third"); l != framework.Practitioner {
		t.Errorf("OrdinalLevel(Third) = %v", l)
	}
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Stakeholder relationship management", "stakeholder  relationship\u00a0management "},
		{"stakeholders’ needs", "stakeholders' needs"},
		{"Life‑cycle", "life-cycle"},
		{"ﬁnancial", "financial"},
		{"\u200bAgile working", "agile working"},
	} {
		if ka, kb := framework.Key(tc.a), framework.Key(tc.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", tc.a, ka, tc.b, kb)
		}
	}
	if framework.Key("Planning") == framework.Key("Plannng") {
		t.Error("Key folds away a real difference")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Agile working (content design)":        "agile-working-content-design",
		"Capability building for digital, data": "capability-building-for-digital-data",
		"User-centred content design":           "user-centred-content-design",
		"Stakeholders’ needs":                   "stakeholders-needs",
	} {
		if got := framework.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLongLineColumns checks columns in code points on lines longer than
// those counted directly, against counting them one by one, at every
// character of a line mixing 1- to 4-byte characters and invalid bytes.
func TestLongLineColumns(t *testing.T) {
	line := strings.Repeat("aé€😀\xff", 700) // 6,300 bytes, 3,500 code points
	src := "first line\n" + line + "\nlast"
	f := framework.NewFile("x", src)
	start := len("first line\n")
	n := 0
	for off := start; off <= start+len(line); {
		p := f.Position(off)
		if p.Line != 2 || p.Column != n+1 {
			t.Fatalf("Position(%d) = %d:%d, want 2:%d", off, p.Line, p.Column, n+1)
		}
		if off == start+len(line) {
			break
		}
		_, size := utf8.DecodeRuneInString(src[off:])
		off += size
		n++
	}
	if n != 3500 {
		t.Fatalf("walked %d code points", n)
	}
}

func TestPositions(t *testing.T) {
	src := "\ufeffab\r\ncé d\n\nlast"
	f := framework.NewFile("x.txt", src)
	for _, tc := range []struct {
		off       int
		line, col int
	}{
		// Columns count code points: the BOM is one, "é" is one.
		{0, 1, 1}, {3, 1, 2}, {7, 2, 1}, {8, 2, 2}, {10, 2, 3}, {13, 3, 1}, {14, 4, 1}, {18, 4, 5}, {99, 4, 5},
	} {
		p := f.Position(tc.off)
		if p.Line != tc.line || p.Column != tc.col || p.Filename != "x.txt" {
			t.Errorf("Position(%d) = %v, want %d:%d", tc.off, p, tc.line, tc.col)
		}
	}
	if n := f.LineCount(); n != 4 {
		t.Errorf("LineCount = %d, want 4", n)
	}
	for src, want := range map[string]int{"": 1, "a": 1, "\n": 2, "a\n": 2, "a\nb": 2, "\n\n": 3, "a\r\nb\r\n": 3} {
		if n := framework.NewFile("y", src).LineCount(); n != want {
			t.Errorf("LineCount of %q = %d, want %d", src, n, want)
		}
	}
	txt := framework.NewText(f, 7, 10)
	if txt.Value != "cé" || txt.Span.Text() != "cé" || txt.Span.String() != "x.txt:2:1" || txt.Span.EndPos().Column != 3 {
		t.Errorf("text = %q at %v..%v", txt.Value, txt.Span, txt.Span.EndPos())
	}
	if (framework.Span{}).String() != "-" || (framework.Span{}).Text() != "" {
		t.Error("zero span does not render as no position")
	}
}

func TestErrorList(t *testing.T) {
	var l framework.ErrorList
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	f := framework.NewFile("a.md", "one\ntwo\n")
	l.Add(f.Span(4, 7), nil, "second %s", "line")
	l.Add(f.Span(0, 3), framework.ErrUnknownLevel, "first line")
	l.Sort()
	err := l.Err()
	if err == nil || err.Error() != "a.md:1:1: first line (and 1 more errors)" {
		t.Errorf("Err() = %v", err)
	}
	if !errors.Is(err, framework.ErrUnknownLevel) {
		t.Error("errors.Is does not see the wrapped sentinel")
	}
	if got, want := l.Detail(), "a.md:1:1: first line\na.md:2:1: second line\n"; got != want {
		t.Errorf("Detail() = %q, want %q", got, want)
	}
}

func text(f *framework.File, s string) framework.Text {
	return framework.Text{Value: s, Span: f.Span(0, 0)}
}

func TestMerge(t *testing.T) {
	page := framework.NewFile("b-page.txt", "")
	export := framework.NewFile("a-level.txt", "")
	cat := framework.NewFile("z-skills.md", "")
	pageDoc := &framework.Document{File: page, Format: framework.FormatRolePage, Roles: []*framework.Role{{
		Name: text(page, "Digital portfolio manager"),
		Levels: []*framework.RoleLevel{
			{Number: 1, Name: text(page, "Digital portfolio analyst")},
			{Number: 2, Name: text(page, "Digital portfolio manager"), Skills: []*framework.Requirement{{Skill: text(page, "Planning"), Level: framework.Awareness}}},
		},
	}}}
	exportDoc := &framework.Document{File: export, Format: framework.FormatRoleLevel, Roles: []*framework.Role{{
		Name:   text(export, "Digital Portfolio Manager"),
		Family: text(export, "Product and delivery"),
		Levels: []*framework.RoleLevel{
			{Name: text(export, "digital portfolio manager"), Responsibilities: []framework.Text{text(export, "help teams")},
				Skills: []*framework.Requirement{{Skill: text(export, "Planning")}}},
			{Name: text(export, "Head of portfolio")},
		},
	}}}
	catDoc := &framework.Document{File: cat, Format: framework.FormatSkillsMarkdown, Skills: []*framework.Skill{
		{Name: text(cat, "Planning")}, {Name: text(cat, "Agile working")}, {Name: text(cat, "planning")},
	}}
	for _, order := range [][]*framework.Document{{pageDoc, exportDoc, catDoc}, {catDoc, exportDoc, pageDoc}} {
		fw := framework.Merge(order...)
		var docs []string
		for _, d := range fw.Documents {
			docs = append(docs, d.File.Name)
		}
		if diff := cmp.Diff([]string{"z-skills.md", "b-page.txt", "a-level.txt"}, docs); diff != "" {
			t.Errorf("document order (-want +got):\n%s", diff)
		}
		if len(fw.Skills) != 2 || fw.Skill("AGILE WORKING") == nil {
			t.Errorf("skills = %d, want 2 with Agile working", len(fw.Skills))
		}
		if len(fw.Roles) != 1 {
			t.Fatalf("roles = %d, want 1", len(fw.Roles))
		}
		r := fw.Role("digital portfolio manager")
		var levels []string
		for _, l := range r.Levels {
			levels = append(levels, l.Name.Value+"@"+l.Name.Span.File.Name)
		}
		want := []string{"Digital portfolio analyst@b-page.txt", "Digital portfolio manager@b-page.txt", "Head of portfolio@a-level.txt"}
		if diff := cmp.Diff(want, levels); diff != "" {
			t.Errorf("levels (-want +got):\n%s", diff)
		}
		if r.Family.Value != "Product and delivery" || r.Name.Span.File != page {
			t.Errorf("family %q from %v, name from %v", r.Family.Value, r.Family.Span.File.Name, r.Name.Span.File.Name)
		}
		l := r.Level("Digital portfolio manager")
		if l.Skill("planning").Level != framework.Awareness || len(l.Responsibilities) != 1 {
			t.Errorf("merged level: skill level %v, %d responsibilities", l.Skill("planning").Level, len(l.Responsibilities))
		}
	}
	if n := len(pageDoc.Roles[0].Levels); n != 2 {
		t.Errorf("Merge modified a document: it has %d levels", n)
	}
	// The merged level took the export's responsibilities into a copy.
	if n := len(pageDoc.Roles[0].Levels[1].Responsibilities); n != 0 {
		t.Errorf("Merge modified a document's level: it has %d responsibilities", n)
	}
}

func TestIsNoteCode(t *testing.T) {
	for code, want := range map[string]bool{
		"glued-heading": true, "stray-text": true, "x": true, "utf8-bom": true, "a-1-b": true,
		"": false, "-a": false, "a-": false, "a--b": false, "Stray": false, "stray text": false, "stray_text": false, "é": false,
	} {
		if got := framework.IsNoteCode(code); got != want {
			t.Errorf("IsNoteCode(%q) = %v, want %v", code, got, want)
		}
	}
}
