package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// TestPositionsThroughEscapes lints a CSV cell whose "portolio" follows a
// "" escape, a JSON string whose "portolio" follows a \" escape, HTML
// whose "portolio" follows entities, tags and collapsed space, and Markdown
// whose "portolio" follows backslash escapes: the
// finding covers exactly the word in the raw bytes, and its suggested
// edit, applied to the raw bytes, fixes the word and nothing else.
func TestPositionsThroughEscapes(t *testing.T) {
	header, err := os.ReadFile(filepath.Join("..", "..", "testdata", "roles-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	header = header[:strings.IndexByte(string(header), '\n')+1]
	csvSrc := string(header) + `Data,Data scientist,"Runs the ""data"" work.",Data scientist,"Works on the ""digital"" portolio of the team.",Planning,Plans.,Working,"You can:
- plan the ""team"" portolio",
`
	jsonSrc := `{"$schema": "` + framework.ExportSchemaID + `", "schemaVersion": "1", "skills": [], "documents": [],
"roles": [{"name": "Data scientist", "slug": "data-scientist", "description": ["Works on the \"digital\" \u00e9 portolio of the team."]}]}
`
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "legacy-guidance-software-developer.html"))
	if err != nil {
		t.Fatal(err)
	}
	// An entity, a tag and a run of space that the page shows as one
	// before the word, in a list item and in a skill's description.
	htmlSrc := strings.Replace(string(page), "spend a substantial portion of time shadowing others",
		"spend a substantial &amp; <em>shared</em>  \n   portion, in the &ldquo;portolio&rdquo;", 1)
	htmlSrc = strings.Replace(htmlSrc, "<strong>Availability and capacity management</strong>.",
		"<strong>Availability and capacity management</strong>. In &#x201C;<a href=\"#\">the</a> portolio&#8221;:", 1)
	catalogue, err := os.ReadFile(filepath.Join("..", "..", "testdata", "skills-a-to-z.md"))
	if err != nil {
		t.Fatal(err)
	}
	// Markdown escapes before the word, in a descriptor and a skill's
	// description.
	mdSrc := strings.Replace(string(catalogue), "help fix accessibility issues under the direction of others",
		"help fix \\*accessibility\\* issues in the portolio", 1)
	mdSrc = strings.Replace(mdSrc, "Accessibility involves ensuring", "Accessibility \\(a11y\\) in the portolio involves ensuring", 1)
	for _, tc := range []struct {
		name, src string
		want      int // portolio findings
	}{
		{"r.csv", csvSrc, 2},
		{"r.json", jsonSrc, 1},
		{"r.html", htmlSrc, 2},
		{"s.md", mdSrc, 2},
	} {
		found := spellingFindings(t, tc.name, tc.src)
		if len(found) != tc.want {
			t.Fatalf("%s: %d spelling findings, want %d: %v", tc.name, len(found), tc.want, found)
		}
		fixed := tc.src
		for i := len(found) - 1; i >= 0; i-- { // from the end, so offsets hold
			d := found[i]
			if got := d.Span.Text(); got != "portolio" {
				t.Errorf("%s: finding at %v covers %q, want \"portolio\"", tc.name, d.Span.Pos(), got)
			}
			if p := d.Span.Pos(); p.Column != strings.Index(lineOf(tc.src, p.Line), "portolio")+1 && i == 0 {
				t.Errorf("%s: finding at column %d", tc.name, p.Column)
			}
			if len(d.Suggestions) != 1 {
				t.Fatalf("%s: suggestions %v", tc.name, d.Suggestions)
			}
			s := d.Suggestions[0]
			fixed = fixed[:s.Span.Start] + s.NewText + fixed[s.Span.End:]
		}
		if want := strings.ReplaceAll(tc.src, "portolio", "portfolio"); fixed != want {
			t.Errorf("%s: fixed source:\n%s\nwant\n%s", tc.name, fixed, want)
		}
		if again := spellingFindings(t, tc.name, fixed); len(again) != 0 {
			t.Errorf("%s: after the fixes: %v", tc.name, again)
		}
	}
}

func lineOf(src string, n int) string { return strings.Split(src, "\n")[n-1] }

// spellingFindings returns the spelling findings on "portolio" in src.
func spellingFindings(t *testing.T, name, src string) []lint.Diagnostic {
	t.Helper()
	doc, err := parse.Parse(name, []byte(src))
	if doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	cat, _ := parse.Published()
	var out []lint.Diagnostic
	for _, d := range lint.Run(framework.Merge(doc), lint.Options{Catalogue: cat}) {
		if d.Rule == "spelling" && strings.Contains(d.Message, "portolio") {
			out = append(out, d)
		}
	}
	return out
}
