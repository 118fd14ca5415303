package framework_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/schema"
)

// exportOf exports fw, failing the test on an error or on output the
// export schema rejects.
func exportOf(t *testing.T, fw *framework.Framework, opts framework.ExportOptions) string {
	t.Helper()
	out, err := framework.Export(fw, opts)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	if err := schema.Validate(schema.Export, out); err != nil {
		t.Errorf("export does not validate: %v\n%s", err, out)
	}
	return string(out)
}

const emptyExport = `{
  "$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json",
  "schemaVersion": "1",
  "skills": [],
  "roles": [],
  "documents": []
}
`

func TestExportEmpty(t *testing.T) {
	for _, fw := range []*framework.Framework{nil, {}, {Skills: []*framework.Skill{nil}, Roles: []*framework.Role{nil}, Documents: []*framework.Document{nil}, Changes: []*framework.Change{nil}}} {
		for _, pos := range []bool{false, true} {
			if d := cmp.Diff(emptyExport, exportOf(t, fw, framework.ExportOptions{Positions: pos})); d != "" {
				t.Errorf("Export(%v, positions %v) (-want +got):\n%s", fw, pos, d)
			}
		}
	}
}

// mark returns the Text of the first occurrence of s in f, which must
// hold it.
func mark(t *testing.T, f *framework.File, s string) framework.Text {
	t.Helper()
	i := strings.Index(f.Src, s)
	if i < 0 {
		t.Fatalf("%q not in %s", s, f.Name)
	}
	return framework.NewText(f, i, i+len(s))
}

// spanOf returns the span of f from the first occurrence of first to the
// end of the first occurrence of last after it.
func spanOf(t *testing.T, f *framework.File, first, last string) framework.Span {
	t.Helper()
	i := strings.Index(f.Src, first)
	j := strings.Index(f.Src[max(i, 0):], last)
	if i < 0 || j < 0 {
		t.Fatalf("%q … %q not in %s", first, last, f.Name)
	}
	return f.Span(i, i+j+len(last))
}

const catalogueSrc = "# Skills\n\n## Agile working\n\nWorking in <small> steps & often.\n\n1. Awareness\n  - explain why\n\n2. Working\n  - This skill level is currently not defined.\n"

const pageSrc = "Product manager\n\nPublished 7 January 2020\n\n1. Associate product manager\n\nSkill: Agile working\nLevel: working\n  - iterate\n"

// handBuilt returns a small framework built in code, with spans into two
// files, as the parsers would give it.
func handBuilt(t *testing.T) *framework.Framework {
	cat := framework.NewFile("skills.md", catalogueSrc)
	page := framework.NewFile("pages/pm.txt", pageSrc)
	skill := &framework.Skill{
		Name:        mark(t, cat, "Agile working"),
		Description: mark(t, cat, "Working in <small> steps & often."),
		Levels: []*framework.SkillLevel{
			{Level: framework.Awareness, Heading: mark(t, cat, "1. Awareness"), Status: framework.Defined,
				Descriptors: []framework.Text{mark(t, cat, "explain why")}, Span: spanOf(t, cat, "1. Awareness", "explain why")},
			{Level: framework.Working, Heading: mark(t, cat, "2. Working"), Status: framework.Undefined,
				Placeholder: mark(t, cat, "This skill level is currently not defined."), Span: spanOf(t, cat, "2. Working", "defined.")},
		},
		Roles: []framework.RoleRef{{Name: framework.Text{Value: "Product manager"}, Slug: "product-manager"}},
		Span:  spanOf(t, cat, "## Agile", "defined."),
	}
	role := &framework.Role{
		Name: mark(t, page, "Product manager"),
		Slug: "product-manager",
		Levels: []*framework.RoleLevel{{
			Number: 1,
			Name:   mark(t, page, "Associate product manager"),
			Skills: []*framework.Requirement{{
				Skill:       mark(t, page, "Agile working"),
				Level:       framework.Working,
				LevelText:   framework.Text{Value: "working", Span: spanOf(t, page, "Level: ", "working").Sub(7, 14)},
				Descriptors: []framework.Text{mark(t, page, "iterate")},
				Span:        spanOf(t, page, "Skill:", "iterate"),
			}},
			Span: spanOf(t, page, "1. Associate", "iterate"),
		}},
		Span: spanOf(t, page, "Product", "iterate"),
	}
	published := framework.Date{Text: mark(t, page, "7 January 2020"), Time: time.Date(2020, 1, 7, 0, 0, 0, 0, time.UTC)}
	return framework.Merge(
		&framework.Document{File: page, Format: framework.FormatLegacyGuidance, Title: role.Name, Published: published, Roles: []*framework.Role{role}},
		&framework.Document{File: cat, Format: framework.FormatSkillsMarkdown, Title: mark(t, cat, "Skills"), Skills: []*framework.Skill{skill}},
	)
}

const handBuiltExport = `{
  "$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json",
  "schemaVersion": "1",
  "skills": [
    {
      "name": "Agile working",
      "slug": "agile-working",
      "description": "Working in <small> steps & often.",
      "levels": [
        {
          "level": "awareness",
          "status": "defined",
          "heading": "1. Awareness",
          "descriptors": [
            "explain why"
          ]
        },
        {
          "level": "working",
          "status": "undefined",
          "heading": "2. Working",
          "placeholder": "This skill level is currently not defined."
        }
      ],
      "roles": [
        {
          "name": "Product manager",
          "slug": "product-manager"
        }
      ]
    }
  ],
  "roles": [
    {
      "name": "Product manager",
      "slug": "product-manager",
      "levels": [
        {
          "number": 1,
          "name": "Associate product manager",
          "skills": [
            {
              "skill": "Agile working",
              "level": "working",
              "levelText": "working",
              "descriptors": [
                "iterate"
              ]
            }
          ]
        }
      ]
    }
  ],
  "documents": [
    {
      "name": "skills.md",
      "format": "skills-markdown",
      "title": "Skills"
    },
    {
      "name": "pages/pm.txt",
      "format": "legacy-guidance-text",
      "title": "Product manager",
      "published": "2020-01-07"
    }
  ]
}
`

func TestExport(t *testing.T) {
	got := exportOf(t, handBuilt(t), framework.ExportOptions{})
	if d := cmp.Diff(handBuiltExport, got); d != "" {
		t.Errorf("Export (-want +got):\n%s", d)
	}
	if strings.Contains(got, `"source"`) {
		t.Errorf("export without positions has sources")
	}
}

// TestExportDeterministic exports two separately built copies of the
// same framework, twice each.
func TestExportDeterministic(t *testing.T) {
	for _, pos := range []bool{false, true} {
		opts := framework.ExportOptions{Positions: pos}
		a := exportOf(t, handBuilt(t), opts)
		b := exportOf(t, handBuilt(t), opts)
		fw := handBuilt(t)
		c, d := exportOf(t, fw, opts), exportOf(t, fw, opts)
		if a != b || b != c || c != d {
			t.Errorf("positions %v: exports of the same framework differ", pos)
		}
	}
}

func TestExportPositions(t *testing.T) {
	out := exportOf(t, handBuilt(t), framework.ExportOptions{Positions: true})
	type source struct{ File, Line, Column, EndLine, EndColumn any }
	var doc struct {
		Skills []struct {
			Source source
			Levels []struct{ Source source }
		}
		Roles []struct {
			Source source
			Levels []struct {
				Source source
				Skills []struct{ Source source }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	src := func(file string, line, col, endLine, endCol float64) source {
		return source{file, line, col, endLine, endCol}
	}
	got := []source{
		doc.Skills[0].Source, doc.Skills[0].Levels[0].Source, doc.Skills[0].Levels[1].Source,
		doc.Roles[0].Source, doc.Roles[0].Levels[0].Source, doc.Roles[0].Levels[0].Skills[0].Source,
	}
	want := []source{
		src("skills.md", 3, 1, 11, 47),
		src("skills.md", 7, 1, 8, 16),
		src("skills.md", 10, 1, 11, 47),
		src("pages/pm.txt", 1, 1, 9, 12),
		src("pages/pm.txt", 5, 1, 9, 12),
		src("pages/pm.txt", 7, 1, 9, 12),
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("sources (-want +got):\n%s", d)
	}
	// An element built in code has no span and so no source.
	if strings.Count(out, `"source"`) != len(want) {
		t.Errorf("export has %d sources, want %d:\n%s", strings.Count(out, `"source"`), len(want), out)
	}
}

// TestExportPartial exports elements with nil and zero fields.
func TestExportPartial(t *testing.T) {
	fw := &framework.Framework{
		Skills: []*framework.Skill{
			{Name: framework.Text{Value: "Data ethics"}, Levels: []*framework.SkillLevel{
				nil,
				{Level: framework.Awareness},
				{Level: framework.Working, Placeholder: framework.Text{Value: "Not defined."}},
			}},
		},
		Roles: []*framework.Role{
			{Levels: []*framework.RoleLevel{nil, {Skills: []*framework.Requirement{nil, {Level: framework.Level(9)}}}}},
		},
		Changes:   []*framework.Change{{Page: framework.Text{Value: "Homepage"}}},
		Documents: []*framework.Document{{Format: framework.FormatChangesCSV}},
	}
	want := `{
  "$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json",
  "schemaVersion": "1",
  "skills": [
    {
      "name": "Data ethics",
      "slug": "data-ethics",
      "levels": [
        {
          "level": "awareness",
          "status": "defined"
        },
        {
          "level": "working",
          "status": "undefined",
          "placeholder": "Not defined."
        }
      ]
    }
  ],
  "roles": [
    {
      "name": "",
      "slug": "",
      "levels": [
        {
          "name": "",
          "skills": [
            {
              "skill": ""
            }
          ]
        }
      ]
    }
  ],
  "changes": [
    {
      "page": "Homepage",
      "note": ""
    }
  ],
  "documents": [
    {
      "name": "",
      "format": "changes-csv"
    }
  ]
}
`
	for _, pos := range []bool{false, true} {
		if d := cmp.Diff(want, exportOf(t, fw, framework.ExportOptions{Positions: pos})); d != "" {
			t.Errorf("positions %v (-want +got):\n%s", pos, d)
		}
	}
}

func TestExportErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		fw   *framework.Framework
		want string
	}{
		{"level", &framework.Framework{Skills: []*framework.Skill{{Name: framework.Text{Value: "Testing"}, Levels: []*framework.SkillLevel{{}}}}},
			`export: skill "Testing": unknown is not a skill level`},
		{"format", &framework.Framework{Documents: []*framework.Document{{File: framework.NewFile("a.pdf", ""), Format: "pdf"}}},
			`export: document "a.pdf": unknown format "pdf"`},
	} {
		out, err := framework.Export(tc.fw, framework.ExportOptions{})
		if err == nil || err.Error() != tc.want || out != nil {
			t.Errorf("%s: Export = %q, %v; want nil, %s", tc.name, out, err, tc.want)
		}
	}
}

// TestExportJSONDocument checks that a document read from an export
// stands for the documents that export lists (its Sources), their notes
// keeping the positions in those documents.
func TestExportJSONDocument(t *testing.T) {
	date := framework.Date{Time: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	at := func(line, col int) framework.Position {
		return framework.Position{Filename: "a.md", Line: line, Column: col}
	}
	doc := &framework.Document{File: framework.NewFile("x.json", "{}"), Format: framework.FormatJSON,
		Sources: []*framework.Source{{
			Name: framework.Text{Value: "a.md"}, Format: framework.FormatSkillsMarkdown, Updated: date,
			Notes: []framework.SourceNote{{Code: "stray-text", Message: "text outside a skill", Start: at(3, 1), End: at(3, 9)}},
		}}}
	want := func(source string) string {
		return `  "documents": [
    {
      "name": "a.md",
      "format": "skills-markdown",
      "updated": "2024-01-02",
      "notes": [
        {
          "code": "stray-text",
          "message": "text outside a skill"` + source + `
        }
      ]
    }
  ]
}
`
	}
	for _, pos := range []bool{false, true} {
		w := want("")
		if pos {
			w = want(`,
          "source": {
            "file": "a.md",
            "line": 3,
            "column": 1,
            "endLine": 3,
            "endColumn": 9
          }`)
		}
		got := exportOf(t, framework.Merge(doc), framework.ExportOptions{Positions: pos})
		if !strings.HasSuffix(got, w) {
			t.Errorf("positions %v: documents of a JSON document: got\n%s\nwant it to end\n%s", pos, got, w)
		}
	}
	// An empty list is kept empty; a JSON document without one (nil
	// Sources) stands for itself.
	doc.Sources = []*framework.Source{}
	if got := exportOf(t, framework.Merge(doc), framework.ExportOptions{}); !strings.HasSuffix(got, `"documents": []`+"\n}\n") {
		t.Errorf("empty Sources not exported as an empty list:\n%s", got)
	}
	doc.Sources = nil
	if got := exportOf(t, framework.Merge(doc), framework.ExportOptions{}); !strings.Contains(got, `"name": "x.json"`) {
		t.Errorf("JSON document without Sources not listed as itself:\n%s", got)
	}
	// A nil source is left out.
	doc.Sources = []*framework.Source{nil}
	if got := exportOf(t, framework.Merge(doc), framework.ExportOptions{}); !strings.HasSuffix(got, `"documents": []`+"\n}\n") {
		t.Errorf("nil source not left out:\n%s", got)
	}
	// A note code the schema refuses is an error.
	doc.Sources = []*framework.Source{{Name: framework.Text{Value: "a.md"}, Format: framework.FormatSkillsMarkdown,
		Notes: []framework.SourceNote{{Code: "Stray Text", Message: "m"}}}}
	if _, err := framework.Export(framework.Merge(doc), framework.ExportOptions{}); err == nil ||
		err.Error() != `export: document "x.json": source "a.md": invalid note code "Stray Text"` {
		t.Errorf("invalid note code: err = %v", err)
	}
	// A source of an unknown format is an error, as a document's is.
	doc.Sources = []*framework.Source{{Name: framework.Text{Value: "b.pdf"}, Format: "pdf"}}
	if _, err := framework.Export(framework.Merge(doc), framework.ExportOptions{}); err == nil ||
		err.Error() != `export: document "x.json": source "b.pdf": unknown format "pdf"` {
		t.Errorf("unknown source format: err = %v", err)
	}
}

func ExampleExport() {
	f := framework.NewFile("skills.md", "## Planning\n\n1. Awareness\n  - make a plan\n")
	skill := &framework.Skill{
		Name: framework.NewText(f, 3, 11),
		Levels: []*framework.SkillLevel{{
			Level:       framework.Awareness,
			Status:      framework.Defined,
			Descriptors: []framework.Text{framework.NewText(f, 30, 41)},
			Span:        f.Span(13, 41),
		}},
		Span: f.Span(0, 41),
	}
	fw := framework.Merge(&framework.Document{File: f, Format: framework.FormatSkillsMarkdown, Skills: []*framework.Skill{skill}})
	out, err := framework.Export(fw, framework.ExportOptions{Positions: true})
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(out)
	// Output:
	// {
	//   "$schema": "https://github.com/ddat-tools/ddat/schema/export/v1.json",
	//   "schemaVersion": "1",
	//   "skills": [
	//     {
	//       "name": "Planning",
	//       "slug": "planning",
	//       "levels": [
	//         {
	//           "level": "awareness",
	//           "status": "defined",
	//           "descriptors": [
	//             "make a plan"
	//           ],
	//           "source": {
	//             "file": "skills.md",
	//             "line": 3,
	//             "column": 1,
	//             "endLine": 4,
	//             "endColumn": 16
	//           }
	//         }
	//       ],
	//       "source": {
	//         "file": "skills.md",
	//         "line": 1,
	//         "column": 1,
	//         "endLine": 4,
	//         "endColumn": 16
	//       }
	//     }
	//   ],
	//   "roles": [],
	//   "documents": [
	//     {
	//       "name": "skills.md",
	//       "format": "skills-markdown"
	//     }
	//   ]
	// }
}
