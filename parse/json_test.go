package parse_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
	"github.com/ddat-tools/ddat/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under parse/testdata")

// TestExportGolden exports each framework document of the repository's
// testdata, and the merged embedded snapshot, compares the export with its
// golden file, validates it against the export schema and reads it back.
func TestExportGolden(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	tested := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		doc, err := parse.Parse(name, readFixture(t, name))
		if errors.Is(err, parse.ErrNotFramework) {
			continue
		}
		tested++
		t.Run(name, func(t *testing.T) {
			if doc == nil {
				t.Fatalf("Parse: no document: %v", err)
			}
			if err != nil {
				// The seeds have real defects; the parsers report them
				// and return the document all the same.
				t.Logf("Parse: %v", err)
			}
			if len(doc.Skills) == 0 && len(doc.Roles) == 0 && len(doc.Changes) == 0 {
				t.Errorf("Parse gave no skills, roles or changes")
			}
			checkExport(t, name+".json", framework.Merge(doc))
		})
	}
	if tested < 4 {
		t.Errorf("tested %d framework documents in ../testdata, want at least 4", tested)
	}
	t.Run("published", func(t *testing.T) {
		fw, err := parse.Published()
		if err != nil {
			t.Logf("Published: %v", err)
		}
		checkExport(t, "published.json", fw)
	})
}

// checkExport exports fw, compares the export with the golden file name
// under testdata/export, validates it with and without positions, and
// checks that it reads back into a framework that exports to the same
// bytes.
func checkExport(t *testing.T, name string, fw *framework.Framework) {
	t.Helper()
	got, err := framework.Export(fw, framework.ExportOptions{})
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	golden := filepath.Join("testdata", "export", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("Export differs from %s (-want +got):\n%s", golden, d)
	}
	if err := schema.Validate(schema.Export, got); err != nil {
		t.Errorf("export does not validate: %v", err)
	}
	withPos, err := framework.Export(fw, framework.ExportOptions{Positions: true})
	if err != nil {
		t.Fatalf("Export with positions: %v", err)
	}
	if err := schema.Validate(schema.Export, withPos); err != nil {
		t.Errorf("export with positions does not validate: %v", err)
	}
	if !bytes.Contains(withPos, []byte(`"source": {`)) && len(fw.Skills)+len(fw.Roles) > 0 {
		t.Errorf("export with positions has no source")
	}

	// Round trip, from the export with and without positions.
	for _, src := range []struct {
		name string
		data []byte
	}{{name, got}, {"positions-" + name, withPos}} {
		doc, err := parse.Parse(src.name, src.data)
		if err != nil {
			t.Fatalf("Parse(%s): %v", src.name, err)
		}
		if doc.Format != framework.FormatJSON {
			t.Fatalf("Parse(%s) detected %q", src.name, doc.Format)
		}
		checkJSONSpans(t, doc)
		again, err := framework.Export(framework.Merge(doc), framework.ExportOptions{})
		if err != nil {
			t.Fatalf("Export of %s read back: %v", src.name, err)
		}
		if d := cmp.Diff(string(got), string(again)); d != "" {
			t.Errorf("%s read back exports differently (-want +got):\n%s", src.name, d)
		}
	}
}

// checkJSONSpans checks that every skill, role and role level read from
// a JSON export has the span of the JSON object that describes it, and
// every name the span of its string's contents.
func checkJSONSpans(t *testing.T, doc *framework.Document) {
	t.Helper()
	object := func(sp framework.Span, name string) {
		t.Helper()
		var v struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal([]byte(sp.Text()), &v); err != nil || v.Name != name {
			t.Errorf("%s: span of %q holds no object of that name (%v): %.40q", sp, name, err, sp.Text())
		}
	}
	name := func(n framework.Text) {
		t.Helper()
		if b, _ := json.Marshal(n.Value); string(b) == `"`+n.Value+`"` && n.Span.Text() != n.Value {
			t.Errorf("%s: span of name %q holds %q", n.Span, n.Value, n.Span.Text())
		}
	}
	for _, s := range doc.Skills {
		object(s.Span, s.Name.Value)
		name(s.Name)
		for _, l := range s.Levels {
			var v struct {
				Level string `json:"level"`
			}
			if err := json.Unmarshal([]byte(l.Span.Text()), &v); err != nil || v.Level != l.Level.String() {
				t.Errorf("%s: span of level %s of %q holds no such level: %.40q", l.Span, l.Level, s.Name.Value, l.Span.Text())
			}
		}
	}
	for _, r := range doc.Roles {
		object(r.Span, r.Name.Value)
		name(r.Name)
		for _, l := range r.Levels {
			object(l.Span, l.Name.Value)
			for _, q := range l.Skills {
				var v struct {
					Skill string `json:"skill"`
				}
				if err := json.Unmarshal([]byte(q.Span.Text()), &v); err != nil || v.Skill != q.Skill.Value {
					t.Errorf("%s: span of requirement %q holds no such requirement: %.40q", q.Span, q.Skill.Value, q.Span.Text())
				}
			}
		}
	}
}

const smallExport = `{
  "$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json",
  "schemaVersion": "1",
  "skills": [
    {
      "name": "Agile \"working\"",
      "slug": "agile-working",
      "levels": [
        {
          "level": "awareness",
          "status": "defined",
          "descriptors": ["explain why \u00e9 matters", "plan</work>"]
        }
      ],
      "roles": [{"name": "Product manager", "slug": "product-manager"}]
    }
  ],
  "roles": [
    {
      "name": "Product manager",
      "slug": "product-manager",
      "levelCount": {"count": 1},
      "levels": [
        {
          "number": 1,
          "name": "Associate product manager",
          "skills": [{"skill": "Agile working", "level": "working"}]
        }
      ]
    }
  ],
  "documents": [{"name": "skills.md", "format": "skills-markdown", "published": "2024-02-28"}]
}
`

func TestParseJSONSmall(t *testing.T) {
	src := []byte(smallExport)
	if got := parse.Detect(src); got != framework.FormatJSON {
		t.Fatalf("Detect = %q, want %q", got, framework.FormatJSON)
	}
	doc, err := parse.As(framework.FormatJSON, "small.json", src)
	if err != nil {
		t.Fatalf("As(FormatJSON): %v", err)
	}
	if len(doc.Skills) != 1 || len(doc.Roles) != 1 {
		t.Fatalf("got %d skills and %d roles, want 1 and 1", len(doc.Skills), len(doc.Roles))
	}
	s := doc.Skills[0]
	var got []string
	add := func(what string, sp framework.Span, value string) {
		got = append(got, what+" "+pos(sp)+" "+value)
	}
	add("skill", s.Span, s.Name.Value)
	add("name", s.Name.Span, s.Name.Span.Text())
	add("level", s.Levels[0].Span, s.Levels[0].Level.String()+" "+s.Levels[0].Status.String())
	for _, d := range s.Levels[0].Descriptors {
		add("descriptor", d.Span, d.Value)
	}
	add("role ref", s.Roles[0].Name.Span, s.Roles[0].Name.Value+" "+s.Roles[0].Slug)
	r := doc.Roles[0]
	add("role", r.Span, r.Name.Value)
	add("role level", r.Levels[0].Span, r.Levels[0].Name.Value)
	add("requirement", r.Levels[0].Skills[0].Span, r.Levels[0].Skills[0].Skill.Value+" "+r.Levels[0].Skills[0].Level.String())
	want := []string{
		`skill 5:5 Agile "working"`,
		`name 6:16 Agile \"working\"`,
		`level 9:9 awareness defined`,
		`descriptor 12:28 explain why é matters`,
		`descriptor 12:58 plan</work>`,
		`role ref 15:27 Product manager product-manager`,
		`role 19:5 Product manager`,
		`role level 24:9 Associate product manager`,
		`requirement 27:22 Agile working working`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("elements (-want +got):\n%s", d)
	}
	if end := r.Span.EndPos(); end.Line != 30 || end.Column != 6 {
		t.Errorf("role ends at %d:%d, want 30:6", end.Line, end.Column)
	}

	fw := framework.Merge(doc)
	out, err := framework.Export(fw, framework.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(schema.Export, out); err != nil {
		t.Errorf("re-export does not validate: %v", err)
	}
	// The documents list is the one the export gives, not the export itself.
	if !bytes.Contains(out, []byte(`"name": "skills.md"`)) || bytes.Contains(out, []byte(`"small.json"`)) {
		t.Errorf("re-export lists the wrong documents:\n%s", out)
	}
	again, err := parse.As(framework.FormatJSON, "again.json", out)
	if err != nil {
		t.Fatal(err)
	}
	out2, err := framework.Export(framework.Merge(again), framework.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(out), string(out2)); d != "" {
		t.Errorf("second round trip differs (-first +second):\n%s", d)
	}
}

func TestParseJSONErrors(t *testing.T) {
	const head = `{"$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json", "schemaVersion": "1", `
	for _, tc := range []struct {
		name, src string
		want      []string // errors, one a line of ErrorList.Detail
	}{
		{"syntax", "{\n  \"schemaVersion\": \"1\",\n  \"skills\": [}\n", []string{
			`x.json:3:14: invalid JSON: unexpected character '}': want a value`,
		}},
		{"unclosed", "{\"schemaVersion\": \"1\", \"skills\": [\"abc", []string{
			`x.json:1:39: invalid JSON: unexpected end of input: string not closed`,
		}},
		{"trailing", "{\"schemaVersion\": \"1\"}\n}", []string{
			`x.json:2:1: invalid JSON: unexpected character '}' after the top-level value`,
		}},
		{"control", "{\"schemaVersion\": \"1\", \"x\": \"a\tb\"}", []string{
			`x.json:1:31: invalid JSON: control character '\t' in string`,
		}},
		{"number", "{\"schemaVersion\": \"1\", \"x\": -}", []string{
			`x.json:1:30: invalid JSON: invalid number: want a digit`,
		}},
		{"deep", "{\"schemaVersion\": \"1\", \"x\": " + strings.Repeat("[", 200), []string{
			`x.json:1:128: invalid JSON: objects and arrays nest deeper than 100`,
		}},
		{"types", head + `"skills": [{"name": 3, "slug": "x", "levels": {}}, 7], "roles": [{"name": "R", "slug": "r", "levelCount": {"count": "4"}}], "documents": []}`, []string{
			`x.json:1:115: /skills/0/name: want a string, got a number`,
			`x.json:1:141: /skills/0/levels: want an array, got an object`,
			`x.json:1:146: /skills/1: want an object, got a number`,
			`x.json:1:211: /roles/0/levelCount/count: want a number, got a string`,
		}},
		{"fields", head + `"skills": [{"name": "S", "colour": "red"}], "roles": [], "documents": [{"name": "a", "format": "pdf"}], "documents": []}`, []string{
			`x.json:1:106: /skills/0: missing field "slug"`,
			`x.json:1:120: /skills/0: unknown field "colour"`,
			`x.json:1:190: /documents/0/format: unknown format "pdf"`,
			`x.json:1:212: /documents: repeated field "documents"`,
		}},
		{"notes", head + `"skills": [], "roles": [], "documents": [{"name": "a", "format": "skills-markdown", "notes": [{"code": "Stray Text", "message": "m"}, {"message": "m"}]}]}`, []string{
			`x.json:1:198: /documents/0/notes/0/code: invalid note code "Stray Text": want lower-case words joined by hyphens`,
			`x.json:1:229: /documents/0/notes/1: missing field "code"`,
		}},
		{"values", `{"$schema": "https://example.com/x", "schemaVersion": "2", "skills": [{"name": "S", "slug": "s", "levels": [{"level": "working", "status": "defined"}, {"level": "Awareness", "status": "maybe"}]}], "roles": [{"name": "R", "slug": "r", "levels": [{"name": "L", "number": 0, "skills": [{"skill": "S", "level": "guru"}]}]}]}`, []string{
			`x.json:1:1: (root): missing field "documents"`,
			`x.json:1:13: /$schema: unknown schema "https://example.com/x": want "https://github.com/ddat-tools/ddat/schema/export/v1.json"`,
			`x.json:1:55: /schemaVersion: unsupported schema version "2": want "1"`,
			`x.json:1:162: /skills/0/levels/1/level: unknown skill level "Awareness": want awareness, working, practitioner or expert`,
			`x.json:1:185: /skills/0/levels/1/status: unknown level status "maybe": want defined or undefined`,
			`x.json:1:270: /roles/0/levels/0/number: want an integer of at least 1, got 0`,
			`x.json:1:308: /roles/0/levels/0/skills/0/level: unknown skill level "guru": want awareness, working, practitioner or expert`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.As(framework.FormatJSON, "x.json", []byte(tc.src))
			if doc == nil {
				t.Errorf("no document")
			}
			var l framework.ErrorList
			if !errors.As(err, &l) {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			got := strings.Split(strings.TrimSuffix(l.Detail(), "\n"), "\n")
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("errors (-want +got):\n%s", d)
			}
		})
	}
}

func TestLooksLikeJSON(t *testing.T) {
	for src, want := range map[string]framework.Format{
		"\ufeff \n{\"schemaVersion\": \"1\"}":             framework.FormatJSON,
		`{"$schema": "` + framework.ExportSchemaID + `"}`: framework.FormatJSON,
		`{"rules": {}}`:     "",
		`["schemaVersion"]`: "",
	} {
		if got := parse.Detect([]byte(src)); got != want {
			t.Errorf("Detect(%q) = %q, want %q", src, got, want)
		}
	}
}

// TestExportFormats checks that a document of every format the module
// knows exports to JSON that the schema accepts and that reads back.
func TestExportFormats(t *testing.T) {
	formats := append(parse.Formats(),
		framework.FormatSkillsMarkdown, framework.FormatSkillsCSV, framework.FormatJSON,
		framework.FormatRolesCSV, framework.FormatRolePage, framework.FormatRoleLevel,
		framework.FormatLegacyHTML, framework.FormatLegacyGuidance, framework.FormatChangesCSV)
	for _, f := range formats {
		doc := &framework.Document{File: framework.NewFile("doc", ""), Format: f}
		out, err := framework.Export(framework.Merge(doc), framework.ExportOptions{})
		if err != nil {
			t.Errorf("%s: Export: %v", f, err)
			continue
		}
		if err := schema.Validate(schema.Export, out); err != nil {
			t.Errorf("%s: export does not validate: %v", f, err)
		}
		if _, err := parse.As(framework.FormatJSON, "doc.json", out); err != nil {
			t.Errorf("%s: export does not read back: %v", f, err)
		}
	}
}

// TestParseJSONSources checks that the "documents" list of an export is
// read into the document's Sources, positioned, and that exporting what
// was read gives the same list, note positions included: the seeds'
// notes, exported with positions, point into the seeds after a round trip.
func TestParseJSONSources(t *testing.T) {
	doc, err := parse.As(framework.FormatJSON, "small.json", []byte(smallExport))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sources) != 1 {
		t.Fatalf("%d sources, want 1", len(doc.Sources))
	}
	s := doc.Sources[0]
	got := fmt.Sprintf("%s %s %s %s %s", pos(s.Span), s.Name.Value, pos(s.Name.Span), s.Format, s.Published.Text.Value)
	if want := "32:17 skills.md 32:27 skills-markdown 2024-02-28"; got != want {
		t.Errorf("source = %s, want %s", got, want)
	}

	var docs []*framework.Document
	for _, name := range []string{"skills-a-to-z.md", "legacy-guidance-software-developer.html", "roles-sample.csv"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parse.Parse(name, src)
		docs = append(docs, d)
	}
	opts := framework.ExportOptions{Positions: true}
	first, err := framework.Export(framework.Merge(docs...), opts)
	if err != nil {
		t.Fatal(err)
	}
	back, err := parse.As(framework.FormatJSON, "export.json", first)
	if err != nil {
		t.Fatalf("reading the export back: %v", err)
	}
	notes := 0
	for _, s := range back.Sources {
		for _, n := range s.Notes {
			notes++
			if !n.Start.IsValid() || n.Start.Filename != s.Name.Value || n.Span.File != back.File {
				t.Errorf("note %q of %s: start %v (want in %s), span in %v", n.Code, s.Name.Value, n.Start, s.Name.Value, n.Span)
			}
		}
	}
	if notes == 0 {
		t.Error("the seeds' export has no notes to check")
	}
	again, err := framework.Export(framework.Merge(back), opts)
	if err != nil {
		t.Fatal(err)
	}
	// The documents lists are the same; the rest of the export gives
	// positions in export.json now, not in the seeds.
	docsOf := func(b []byte) string { return string(b[bytes.Index(b, []byte(`"documents": [`)):]) }
	if d := cmp.Diff(docsOf(first), docsOf(again)); d != "" {
		t.Errorf("documents list changed in the round trip (-first +again):\n%s", d)
	}
}
