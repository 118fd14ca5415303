package parse_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func TestRolesCSV(t *testing.T) {
	doc := mustParse(t, "roles-sample.csv")
	if doc.Format != framework.FormatRolesCSV {
		t.Fatalf("format %s", doc.Format)
	}
	var got []string
	for _, r := range doc.Roles {
		line := fmt.Sprintf("%s (%s) scs=%v skills=%d:", r.Name.Value, r.Family.Value, r.SeniorCivilService, len(r.Skills))
		for _, l := range r.Levels {
			line += fmt.Sprintf(" %d.%s[%s]", l.Number, l.Name.Value, strings.Join(texts(l.Grades), "/"))
		}
		got = append(got, line)
	}
	// The CSV lists levels alphabetically; the embedded table restores
	// seniority and grades.
	want := []string{
		"Chief technology officer (Chief digital and data) scs=true skills=6:",
		"Digital portfolio manager (Product and delivery) scs=false skills=0: 1.Digital portfolio analyst[HEO/SEO] 2.Digital portfolio manager[HEO/SEO] 3.Senior digital portfolio manager[G7] 4.Head of portfolio[G6]",
		"Content strategist (User-centred design) scs=false skills=0: 1.Content strategist[SEO/G7]",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
	cto := doc.Roles[0]
	if len(cto.Responsibilities) != 10 || len(cto.Description) != 1 {
		t.Errorf("CTO: %d description paragraphs, %d responsibilities", len(cto.Description), len(cto.Responsibilities))
	}
	if r := cto.Skills[0]; len(r.Descriptors) != 3 || len(r.LeadershipExamples) != 4 {
		t.Errorf("CTO %s: %d descriptors, %d leadership examples", r.Skill.Value, len(r.Descriptors), len(r.LeadershipExamples))
	}
	// Every line of a multi-line quoted cell keeps its own position.
	r := doc.Roles[1].Levels[0].Skills[0]
	if r.Skill.Value != "Agile working" || r.Level != framework.Awareness {
		t.Fatalf("first DPM requirement %s %s", r.Skill.Value, r.Level)
	}
	d := r.Descriptors[1]
	if d.Value != "take an open-minded approach" || pos(d.Span) != "129:3" || d.Span.Text() != d.Value {
		t.Errorf("descriptor %q at %s (source %q)", d.Value, pos(d.Span), d.Span.Text())
	}
	var missing int
	for _, n := range doc.Notes {
		if n.Code == "missing-description" {
			missing++
		}
	}
	if missing != 8 {
		t.Errorf("%d missing-description notes, want 8 (MISSING in 8 rows)", missing)
	}
}

func TestSkillsCSV(t *testing.T) {
	doc := mustParse(t, "skills-sample.csv")
	if len(doc.Skills) != 15 {
		t.Fatalf("%d skills, want 15", len(doc.Skills))
	}
	var scs []string
	for _, s := range doc.Skills {
		if s.SeniorCivilService {
			scs = append(scs, fmt.Sprintf("%s %d/%d", s.Name.Value, len(s.Requirements), len(s.LeadershipExamples)))
			if len(s.Levels) != 0 {
				t.Errorf("SCS skill %s has levels", s.Name.Value)
			}
		}
	}
	if diff := cmp.Diff([]string{
		"Capability building for digital, data and technology 3/4",
		"Financial decision making for technology 3/3",
		"Innovation in digital, data and technology 4/3",
		"Strategic technology planning 3/4",
		"Technology architecture 3/3",
		"Technology evaluation 3/3",
	}, scs); diff != "" {
		t.Errorf("Senior Civil Service skills (-want +got):\n%s", diff)
	}
	planning := doc.Skills[6]
	if planning.Name.Value != "Planning" || planning.Level(framework.Working).Status != framework.Undefined {
		t.Errorf("Planning working level: %+v", planning.Level(framework.Working))
	}
	var roles []string
	for _, r := range doc.Skills[0].Roles {
		roles = append(roles, r.Name.Value+"@"+pos(r.Name.Span))
	}
	if len(roles) != 3 || !strings.HasPrefix(roles[0], "Content strategist@") {
		t.Errorf("Agile working roles %v", roles)
	}
	var colon []string
	for _, n := range doc.Notes {
		if n.Code == "you-can-colon" {
			colon = append(colon, pos(n.Span))
		}
	}
	if diff := cmp.Diff([]string{"143:33"}, colon); diff != "" {
		t.Errorf("colon-less \"You can\" (-want +got):\n%s", diff)
	}
}

func TestChangesCSV(t *testing.T) {
	doc := mustParse(t, "changelog-sample.csv")
	if len(doc.Changes) != 12 {
		t.Fatalf("%d changes, want 12", len(doc.Changes))
	}
	for _, c := range doc.Changes {
		if c.Date.IsZero() || c.Page.Value == "" || c.Note.Value == "" {
			t.Errorf("incomplete change at %s: %q %q", c.Span, c.Page.Value, c.Note.Value)
		}
	}
	if c := doc.Changes[3]; c.Page.Value != "Agile coach" || !strings.HasPrefix(c.Note.Value, "First published.") || c.Date.Time.Format("2006-01-02") != "2026-08-28" {
		t.Errorf("fourth change %s %q %q", c.Date.Value, c.Page.Value, c.Note.Value)
	}
}

// TestCSVDamage feeds the CSV readers the quirks of the real downloads
// and checks that each is kept for the linter, at its position.
func TestCSVDamage(t *testing.T) {
	header := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	row := func(level, skill string) string {
		return fmt.Sprintf("Data,Data scientist,Does data.,%s,A level.,%s,MISSING,Working,\"You can:\n- do \"\"things\"\"\",\n", level, skill)
	}
	for _, tc := range []struct {
		name, src string
		want      []string // notes and errors, "line:col code" or "line:col error"
	}{
		{"duplicate row", header + row("Data scientist", "Planning") + row("Data scientist", "Planning"),
			[]string{"2:65 missing-description", "4:1 duplicate-row"}},
		{"trailing space", header + row("Data scientist ", "Planning"),
			[]string{"2:32 untrimmed-cell", "2:66 missing-description"}},
		{"field count", header + "a,b,c\n" + row("Data scientist", "Planning"),
			[]string{"3:65 missing-description", "2:1 error"}},
		{"bare quote", header + "a,b\"c,d\n",
			[]string{"2:4 error"}},
		{"no skill", header + row("Data scientist", ""),
			[]string{"2:1 error"}},
	} {
		doc, err := parse.Parse("roles.csv", []byte(tc.src))
		if doc == nil {
			t.Errorf("%s: no document: %v", tc.name, err)
			continue
		}
		var got []string
		for _, n := range doc.Notes {
			got = append(got, pos(n.Span)+" "+n.Code)
		}
		if err != nil {
			for _, e := range err.(framework.ErrorList) {
				got = append(got, fmt.Sprintf("%d:%d error", e.Pos.Line, e.Pos.Column))
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestCSVBOMAndCRLF checks that a BOM and CRLF line ends change no value
// and keep positions pointing at the same text.
func TestCSVBOMAndCRLF(t *testing.T) {
	src := readFixture(t, "roles-sample.csv")
	crlf := append([]byte("\ufeff"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	a := mustParse(t, "roles-sample.csv")
	b, err := parse.Parse("roles-sample.csv", crlf)
	if err != nil {
		t.Fatal(err)
	}
	if x, y := detail(a), detail(b); x != y {
		t.Errorf("CRLF+BOM differs:\n%s", cmp.Diff(x, y))
	}
	d := b.Roles[1].Levels[0].Skills[0].Descriptors[1]
	if d.Span.Text() != d.Value || pos(d.Span) != "129:3" {
		t.Errorf("descriptor %q at %s reads %q in the source", d.Value, pos(d.Span), d.Span.Text())
	}
}

// TestInferredOrder checks the order given to levels that the embedded
// table does not know.
func TestInferredOrder(t *testing.T) {
	header := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	var b strings.Builder
	b.WriteString(header)
	for _, l := range [][2]string{{"Senior widget maker", "Expert"}, {"Head of widgets", "Expert"}, {"Junior widget maker", "Awareness"}, {"Widget maker", "Working"}, {"Lead widget maker", "Practitioner"}} {
		fmt.Fprintf(&b, "Widgets,Widget maker,Makes widgets.,%s,A level.,Planning,Plans.,%s,\"You can:\n- plan\",\n", l[0], l[1])
	}
	doc, err := parse.Parse("roles.csv", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range doc.Roles[0].Levels {
		got = append(got, fmt.Sprintf("%d %s", l.Number, l.Name.Value))
		if !strings.Contains(l.InferredOrder, "the role is not in the embedded table") {
			t.Errorf("%s: InferredOrder %q", l.Name.Value, l.InferredOrder)
		}
	}
	if diff := cmp.Diff([]string{"1 Junior widget maker", "2 Widget maker", "3 Senior widget maker", "4 Lead widget maker", "5 Head of widgets"}, got); diff != "" {
		t.Errorf("inferred order (-want +got):\n%s", diff)
	}
}

func TestLegacyHTML(t *testing.T) {
	doc := mustParse(t, "legacy-guidance-software-developer.html")
	if doc.Format != framework.FormatLegacyHTML || doc.Title.Value != "Software developer" || doc.Published.Value != "7 January 2020" || doc.Updated.Value != "30 August 2022" {
		t.Errorf("format %s, title %q, published %q, updated %q", doc.Format, doc.Title.Value, doc.Published.Value, doc.Updated.Value)
	}
	role := doc.Roles[0]
	var counts []int
	for _, l := range role.Levels {
		counts = append(counts, len(l.Skills))
		for _, r := range l.Skills {
			if r.Level == 0 {
				t.Errorf("%s / %s: level %q", l.Name.Value, r.Skill.Value, r.LevelText.Value)
			}
		}
	}
	if diff := cmp.Diff([]int{7, 9, 10, 10, 10, 10, 10, 10, 10}, counts); diff != "" {
		t.Errorf("skills per level (-want +got):\n%s", diff)
	}
	if n := role.Levels[4].Name.Value; n != "Senior developer - management" {
		t.Errorf("fifth level %q", n)
	}
	if len(role.Skills) != 11 || len(role.Responsibilities) != 2 {
		t.Errorf("role: %d skills, %d responsibilities", len(role.Skills), len(role.Responsibilities))
	}
	// Positions are byte spans of the served HTML.
	r := role.Levels[0].Skills[0]
	if r.Skill.Span.Text() != "Availability and capacity management" || pos(r.Skill.Span) != "582:9" {
		t.Errorf("skill %q at %s", r.Skill.Span.Text(), pos(r.Skill.Span))
	}
	if r.LevelText.Span.Text() != "awareness" {
		t.Errorf("level text span reads %q", r.LevelText.Span.Text())
	}
}

func TestHTMLDepthLimit(t *testing.T) {
	src := `<html><body><div class="govspeak"><h2>Introduction to the role of tester</h2>` +
		strings.Repeat("<div>", 10000) + `<li><strong>Testing</strong>. You test. (Skill level: working)</li>` + `</div></body></html>`
	_, err := parse.Parse("deep.html", []byte(src))
	var msgs []string
	if el, ok := err.(framework.ErrorList); ok {
		for _, e := range el {
			msgs = append(msgs, e.Error())
		}
	}
	if !strings.Contains(strings.Join(msgs, "\n"), "deep.html:1:2633:") || !strings.Contains(strings.Join(msgs, "\n"), "nested more than 512 elements") {
		t.Errorf("errors %q, want the nesting limit at its position", msgs)
	}
}

// TestCSVRoundTrip parses each official download, the samples and the
// full September 2025 downloads, and writes it back in its layout: it
// comes back byte for byte, and the export parses back to the same model.
// With Normalise, the skills sample's colon-less "You can" gets its colon,
// and that cell, in that row, is the one change reported.
func TestCSVRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table framework.CSVTable
	}{
		{"roles-sample.csv", framework.CSVRoles},
		{"skills-sample.csv", framework.CSVSkills},
		{"../published/roles-2025-09.csv", framework.CSVRoles},
		{"published/skills-2025-09.csv", framework.CSVSkills},
	} {
		var src []byte
		var doc *framework.Document
		if strings.HasPrefix(tc.name, "published/") || strings.HasPrefix(tc.name, "../published/") {
			// The full downloads are in this package: the embedded
			// snapshot and, for the skills download, its testdata.
			var err error
			if src, err = os.ReadFile(filepath.Join("testdata", tc.name)); err != nil {
				t.Fatal(err)
			}
			doc, _ = parse.Parse(tc.name, src)
		} else {
			src, doc = readFixture(t, tc.name), mustParse(t, tc.name)
		}
		out, err := framework.ExportCSV(framework.Merge(doc), framework.CSVOptions{Table: tc.table})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, src) {
			t.Errorf("%s: export differs from the download:\n%s", tc.name, cmp.Diff(string(src), string(out)))
		}
		// And the export parses back to the same model.
		again, err := parse.Parse(tc.name, out)
		if err != nil && !strings.Contains(tc.name, "published/") {
			t.Fatal(err)
		}
		if a, b := detail(doc), detail(again); a != b {
			t.Errorf("%s: re-parsed export differs:\n%s", tc.name, cmp.Diff(a, b))
		}
		// Its JSON export reads back to the same JSON, and that writes
		// the download back.
		js, err := framework.Export(framework.Merge(doc), framework.ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		fromJSON, err := parse.Parse(tc.name+".json", js)
		if err != nil {
			t.Fatalf("%s: reading its JSON export: %v", tc.name, err)
		}
		js2, err := framework.Export(framework.Merge(fromJSON), framework.ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(js, js2) {
			t.Errorf("%s: JSON export -> parse -> export differs:\n%s", tc.name, cmp.Diff(string(js), string(js2)))
		}
		out, err = framework.ExportCSV(framework.Merge(fromJSON), framework.CSVOptions{Table: tc.table})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, src) {
			t.Errorf("%s: CSV export of its JSON export differs from the download:\n%s", tc.name, cmp.Diff(string(src), string(out)))
		}
	}
}

func TestCSVNormalise(t *testing.T) {
	src := readFixture(t, "skills-sample.csv")
	out, changes, err := framework.ExportCSVChanges(framework.Merge(mustParse(t, "skills-sample.csv")),
		framework.CSVOptions{Table: framework.CSVSkills, Normalise: true})
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Replace(src, []byte("\"You can\n"), []byte("\"You can:\n"), 1)
	if bytes.Equal(want, src) {
		t.Fatal("the fixture was expected to hold a colon-less \"You can\"")
	}
	if !bytes.Equal(out, want) {
		t.Errorf("normalised export:\n%s", cmp.Diff(string(want), string(out)))
	}
	if len(changes) != 1 || changes[0].Column != "Working" || !strings.HasPrefix(changes[0].Was, "You can\n") || !strings.HasPrefix(changes[0].Now, "You can:\n") {
		t.Errorf("changes = %+v, want the Working cell's colon only", changes)
	}
}

// TestCSVFormulaCells checks that by default no exported cell starts a
// spreadsheet formula, and that Raw writes the model's bytes.
func TestCSVFormulaCells(t *testing.T) {
	doc := mustParse(t, "roles-sample.csv")
	doc.Roles[1].Levels[0].Skills[0].Description = framework.Text{Value: `=HYPERLINK("http://example.com","x")`}
	fw := framework.Merge(doc)
	safe, err := framework.ExportCSV(fw, framework.CSVOptions{Table: framework.CSVRoles})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := framework.ExportCSV(fw, framework.CSVOptions{Table: framework.CSVRoles, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(safe, []byte(`"'=HYPERLINK(""http://example.com"",""x"")"`)) || bytes.Contains(safe, []byte(`,"=HYPERLINK`)) {
		t.Errorf("default export does not neutralise the formula")
	}
	if !bytes.Contains(raw, []byte(`,"=HYPERLINK(""http://example.com"",""x"")"`)) {
		t.Errorf("raw export changed the cell")
	}
	for _, c := range []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+44", "'+44"}, {"-x", "'-x"}, {"@SUM", "'@SUM"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"You can:\n- x", "You can:\n- x"}, {"", ""}, {"a=b", "a=b"},
	} {
		if got := framework.NeutraliseCell(c.in); got != c.want {
			t.Errorf("NeutraliseCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPagesAndCSVAgree checks that a role read from the roles download
// and from the equivalent role page give the same names, levels and
// skills, so services can switch sources.
func TestPagesAndCSVAgree(t *testing.T) {
	csvRole := mustParse(t, "roles-sample.csv").Roles[1]
	pageRole := mustParse(t, "role-page-digital-portfolio-manager-2024.txt").Roles[0]
	shape := func(r *framework.Role) []string {
		var out []string
		for _, l := range r.Levels {
			for _, q := range l.Skills {
				out = append(out, fmt.Sprintf("%d %s", l.Number, q.Skill.Value))
			}
		}
		return out
	}
	if csvRole.Name.Value != pageRole.Name.Value {
		t.Errorf("names %q and %q", csvRole.Name.Value, pageRole.Name.Value)
	}
	if diff := cmp.Diff(shape(pageRole), shape(csvRole)); diff != "" {
		t.Errorf("levels and skills differ (-page +csv):\n%s", diff)
	}
}

// TestCSVNothingLost counts the rows of each roles download in and out:
// every row becomes a requirement, a noted duplicate or an error; none is
// dropped silently.
func TestCSVNothingLost(t *testing.T) {
	header := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	damaged := header +
		"Data,Data scientist,Does data.,Data scientist,A level.,Planning,Plans.,Working,\"You can:\n- plan\",\n" +
		"Data,Data scientist,Does data.,Data scientist,A level.,Planning,Plans.,Working,\"You can:\n- plan\",\n" + // duplicate
		"Data,Data scientist,Does data.,,A level.,Testing,Tests.,Working,\"You can:\n- test\",\n" + // no level
		"too,few,fields\n" +
		"Data,,Does data.,Data scientist,A level.,Testing,Tests.,Working,\"You can:\n- test\",\n" // no role
	for name, src := range map[string][]byte{
		"roles-sample.csv": readFixture(t, "roles-sample.csv"),
		"damaged.csv":      []byte(damaged),
	} {
		var rowsIn int
		r := csv.NewReader(bytes.NewReader(src))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rowsIn = len(recs) - 1
		doc, perr := parse.Parse(name, src)
		out := 0
		for _, role := range doc.Roles {
			out += len(role.Skills)
			for _, l := range role.Levels {
				out += len(l.Skills)
			}
		}
		for _, n := range doc.Notes {
			if n.Code == "duplicate-row" {
				out++
			}
		}
		var el framework.ErrorList
		if errors.As(perr, &el) {
			out += len(el)
		}
		if out != rowsIn {
			t.Errorf("%s: %d rows in, %d accounted for (requirements, duplicates, errors)", name, rowsIn, out)
		}
	}
}

// TestRolesCSVNotes reads testdata/roles-notes.csv, a made-up roles
// download of 175 rows (more than one batch of the reading goroutine)
// with every kind of note and row error the roles parser gives, and
// checks the notes, in document order, and the errors against
// testdata/roles-notes.golden. The golden file was checked against the
// sequential parser that came before the reading goroutine: the order of
// the notes is part of the export.
func TestRolesCSVNotes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "roles-notes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, procs := range []int{1, 4} {
		got.Reset()
		prev := runtime.GOMAXPROCS(procs)
		doc, err := parse.As(framework.FormatRolesCSV, "roles-notes.csv", src)
		runtime.GOMAXPROCS(prev)
		if doc == nil {
			t.Fatal(err)
		}
		for _, n := range doc.Notes {
			fmt.Fprintf(&got, "%v: %s: %s\n", n.Span, n.Code, n.Message)
		}
		got.WriteString("-- errors --\n")
		var errs framework.ErrorList
		if !errors.As(err, &errs) {
			t.Fatalf("error %v is not an ErrorList", err)
		}
		for _, e := range errs {
			fmt.Fprintf(&got, "%v\n", e)
		}
		golden := filepath.Join("testdata", "roles-notes.golden")
		if *update {
			if err := os.WriteFile(golden, []byte(got.String()), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if d := cmp.Diff(string(want), got.String()); d != "" {
			t.Errorf("GOMAXPROCS=%d: notes and errors differ from %s (-want +got):\n%s", procs, golden, d)
		}
	}
}

// TestCSVHeaderCaseAndSpace checks the README's "CSV downloads are
// recognised by their header row (case and surrounding space
// tolerated)": each official download, its header names in other cases
// and with space around them (one quoted), reads as the same format and
// the same content as the download itself.
func TestCSVHeaderCaseAndSpace(t *testing.T) {
	for _, tc := range []struct {
		file   string
		format framework.Format
	}{
		{"roles-sample.csv", "roles-csv"},
		{"skills-sample.csv", "skills-csv"},
		{"changelog-sample.csv", "changes-csv"},
	} {
		src := string(readFixture(t, tc.file))
		end := strings.IndexByte(src, '\n')
		names := strings.Split(strings.TrimRight(src[:end], "\r"), ",")
		for i, n := range names {
			switch i % 3 {
			case 0:
				names[i] = " " + strings.ToUpper(n) + "  "
			case 1:
				names[i] = `"` + "\t" + strings.ToLower(n) + ` "`
			default:
				names[i] = strings.ToLower(n[:1]) + strings.ToUpper(n[1:]) + " "
			}
		}
		header := strings.Join(names, ",")
		want := mustParse(t, tc.file)
		got, err := parse.Parse(tc.file, []byte(header+src[end:]))
		if got == nil {
			t.Fatalf("%s with header %q: %v", tc.file, header, err)
		}
		if got.Format != tc.format || want.Format != tc.format {
			t.Errorf("%s with header %q: format %q, want %q", tc.file, header, got.Format, tc.format)
		}
		if len(got.Skills) != len(want.Skills) || len(got.Roles) != len(want.Roles) || len(got.Changes) != len(want.Changes) || len(got.Notes) != len(want.Notes) {
			t.Errorf("%s with header %q: %d skills, %d roles, %d changes, %d notes; the download has %d, %d, %d, %d",
				tc.file, header, len(got.Skills), len(got.Roles), len(got.Changes), len(got.Notes),
				len(want.Skills), len(want.Roles), len(want.Changes), len(want.Notes))
		}
		if a, b := detail(want), detail(got); a != b {
			t.Errorf("%s with header %q reads differently:\n%s", tc.file, header, cmp.Diff(a, b))
		}
	}
}

// TestCSVEmptyLastFieldAtEOF reads a download whose last record ends in
// an empty field with no line end after it (a cell that starts at the
// end of the source), positions it and writes it back.
func TestCSVEmptyLastFieldAtEOF(t *testing.T) {
	src := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n" +
		"Data,Data analyst,A role.,Data analyst,A level.,Data visualisation,A skill.,Working,You can: do it.,"
	doc, err := parse.Parse("eof.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fw := framework.Merge(doc)
	if _, err := framework.Export(fw, framework.ExportOptions{Positions: true}); err != nil {
		t.Fatal(err)
	}
	out, err := framework.ExportCSV(fw, framework.CSVOptions{Table: framework.CSVRoles})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != src+"\n" {
		t.Errorf("written back as %q", out)
	}
}

// TestCSVPositionsThroughEscapes checks that texts of a quoted cell,
// after "" escapes and CRLF line ends inside it, keep the span of the raw
// bytes they were decoded from.
func TestCSVPositionsThroughEscapes(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		src := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type" + eol +
			`Data,Data analyst,A role.,Data analyst,A level.,Data visualisation,A skill.,Working,"You can:` + eol +
			`- say ""hello"" first` + eol + `- then ""bye"" and go",` + eol
		doc, err := parse.Parse("q.csv", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		ds := doc.Roles[0].Levels[0].Skills[0].Descriptors
		var got []string
		for _, d := range ds {
			got = append(got, fmt.Sprintf("%s %q %q", pos(d.Span), d.Value, d.Span.Text()))
		}
		want := []string{
			`3:3 "say \"hello\" first" "say \"\"hello\"\" first"`,
			`4:3 "then \"bye\" and go" "then \"\"bye\"\" and go"`,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("line ends %q: descriptors (-want +got):\n%s", eol, diff)
		}
	}
}

// TestCSVTextsStartingWithEscapes checks the spans of cells whose texts
// start or end with a quote written "": the span covers both bytes of the
// escape, whether the cell is trimmed or not (fuzzing found a span that
// began at the escape's second quote, and one that ended after its
// first, a cell of one quote read as a shift of its raw bytes).
func TestCSVTextsStartingWithEscapes(t *testing.T) {
	header := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	for _, tc := range []struct{ cell, want string }{
		{`""""`, `""`},                   // one quote
		{`"""` + "\u2028" + `"`, `""`},   // one quote, then space that trimming drops
		{`" ""x"" "`, `""x""`},           // trimmed at both ends
		{`""""""`, `""""`},               // two quotes: raw bytes that start as the value does
		{`"""a"""`, `""a""`},             // quoted
		{`"a""b"`, `a""b`},               // inside
		{`"` + "\u2028" + `""z"`, `""z`}, // trimmed at the start only
	} {
		src := header + "Data,Data analyst," + tc.cell + ",Data analyst,A level.,Data visualisation,A skill.,Working,\"You can:\n- work\",Digital\n"
		doc, err := parse.Parse("q.csv", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		d := doc.Roles[0].Description
		if len(d) != 1 {
			t.Fatalf("cell %s: description %v, want one text", tc.cell, d)
		}
		if got := d[0].Span.Text(); got != tc.want {
			t.Errorf("cell %s: text %q spans %q, want %q", tc.cell, d[0].Value, got, tc.want)
		}
	}
}

// TestCSVFieldLimit checks the limit of 64 fields a record at its edge:
// 64 fields are read (a record too wide for the layout), 65 refuse the
// file, at the record's place after a byte order mark.
func TestCSVFieldLimit(t *testing.T) {
	header := "\ufeffRole Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	for _, tc := range []struct {
		fields int
		want   string
	}{
		{64, "w.csv:2:1: record has 64 fields, expected 10"},
		{65, "w.csv:2:1: CSV record has 65 fields, more than the limit of 64; the file is not read"},
	} {
		src := header + strings.Repeat("x,", tc.fields-1) + "x\n"
		_, err := parse.Parse("w.csv", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%d fields: error %v, want one starting %q", tc.fields, err, tc.want)
		}
	}
}
