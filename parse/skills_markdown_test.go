package parse_test

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func readSkills(t *testing.T) *framework.Document {
	t.Helper()
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse("skills-a-to-z.md", src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if doc.Format != framework.FormatSkillsMarkdown {
		t.Fatalf("Parse detected %q, want %q", doc.Format, framework.FormatSkillsMarkdown)
	}
	return doc
}

// checkTexts fails for every framework.Text in v whose Span does not hold
// exactly its Value.
func checkTexts(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkTexts(t, path, v.Elem())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			checkTexts(t, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Struct:
		if txt, ok := v.Interface().(framework.Text); ok {
			if txt.Value == "" && !txt.Span.IsValid() {
				return
			}
			if got := txt.Span.Text(); got != txt.Value {
				t.Errorf("%s: span %s holds %q, Value is %q", path, txt.Span, got, txt.Value)
			}
			return
		}
		if v.Type() == reflect.TypeOf(framework.File{}) || v.Type() == reflect.TypeOf(framework.Span{}) {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkTexts(t, path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		}
	}
}

func TestSkillsMarkdownRealFile(t *testing.T) {
	doc := readSkills(t)
	if got, want := len(doc.Skills), 188; got != want {
		t.Errorf("got %d skills, want %d", got, want)
	}
	if got, want := doc.Title.Value, "United Kingdom Government Digital and Data Profession Capability Framework Skills"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	undefined, scs := 0, 0
	for _, s := range doc.Skills {
		if framework.Key(s.Name.Value) == framework.Key("You can") {
			t.Errorf("%s: stray heading %q read as a skill", s.Name.Span, s.Name.Value)
		}
		for _, l := range s.Levels {
			if l.Status == framework.Undefined {
				undefined++
				if len(l.Descriptors) != 0 || l.Placeholder.Value != "This skill level is currently not defined." {
					t.Errorf("%s: undefined level has descriptors %d, placeholder %q", l.Span, len(l.Descriptors), l.Placeholder.Value)
				}
			}
		}
		if s.SeniorCivilService {
			scs++
			if len(s.Requirements) == 0 || len(s.LeadershipExamples) == 0 || len(s.Levels) != 0 {
				t.Errorf("%s: SCS skill %q has %d requirements, %d examples, %d levels", s.Span, s.Name.Value, len(s.Requirements), len(s.LeadershipExamples), len(s.Levels))
			}
			for _, r := range s.Requirements {
				if strings.Contains(r.Value, "Examples of leadership") {
					t.Errorf("%s: requirement still holds the glued heading: %q", r.Span, r.Value)
				}
			}
		}
	}
	if undefined != 60 {
		t.Errorf("got %d undefined levels, want 60", undefined)
	}
	if scs != 22 {
		t.Errorf("got %d Senior Civil Service skills, want 22", scs)
	}
	// The file has 22 lines with "Examples of leadership using this
	// skill:" glued to a requirement, and one "##     You can" heading.
	codes := map[string]int{}
	for _, n := range doc.Notes {
		codes[n.Code]++
		if n.Message == "" || strings.ToLower(n.Message[:1]) != n.Message[:1] || strings.HasSuffix(n.Message, ".") {
			t.Errorf("%s: badly formed note message %q", n.Span, n.Message)
		}
	}
	if diff := cmp.Diff(map[string]int{"glued-heading": 22, "stray-heading": 1}, codes); diff != "" {
		t.Errorf("note codes (-want +got):\n%s", diff)
	}
	for _, n := range doc.Notes {
		switch n.Code {
		case "glued-heading":
			if n.Span.Text() != "Examples of leadership using this skill:" {
				t.Errorf("%s: glued-heading note spans %q", n.Span, n.Span.Text())
			}
		case "stray-heading":
			if got := n.Span.Pos().String(); got != "skills-a-to-z.md:6844:1" {
				t.Errorf("stray-heading note at %s, want skills-a-to-z.md:6844:1", got)
			}
		}
	}
	first, last := doc.Skills[0], doc.Skills[len(doc.Skills)-1]
	if first.Name.Value != "Accessibility" || first.Name.Span.Pos().Line != 7 || first.Name.Span.Pos().Column != 4 {
		t.Errorf("first skill %q at %s, want Accessibility at 7:4", first.Name.Value, first.Name.Span.Pos())
	}
	if first.Slug != "accessibility" {
		t.Errorf("first skill slug %q", first.Slug)
	}
	if got, want := last.Name.Value, "Working within constraints (performance analyst)"; got != want {
		t.Errorf("last skill %q, want %q", got, want)
	}
	d := first.Levels[0].Descriptors[0]
	if p := d.Span.Pos(); p.Line != 13 || p.Column != 5 || d.Value != "understand accessibility and that users have different accessibility needs" {
		t.Errorf("first descriptor %q at %d:%d, want line 13 col 5", d.Value, p.Line, p.Column)
	}
	if got := first.Levels[1].Heading.Value; got != "2. Working" {
		t.Errorf("second level heading %q", got)
	}

	// User-centred content design keeps the bullets after the stray heading
	// in its working level.
	var ucd *framework.Skill
	for _, s := range doc.Skills {
		if s.Name.Value == "User-centred content design" {
			ucd = s
		}
	}
	if ucd == nil {
		t.Fatal("no skill User-centred content design")
	}
	if w := ucd.Level(framework.Working); w == nil || len(w.Descriptors) < 4 || !strings.HasPrefix(w.Descriptors[0].Value, "design content to meet user needs") {
		t.Errorf("User-centred content design working level = %+v", w)
	}

	// Capability building: the glued requirement and its first example.
	var cb *framework.Skill
	for _, s := range doc.Skills {
		if s.Name.Value == "Capability building for digital, data and technology" {
			cb = s
		}
	}
	if cb == nil {
		t.Fatal("no skill Capability building for digital, data and technology")
	}
	if got := cb.Requirements[len(cb.Requirements)-1].Value; got != "continuously improve and optimise the organisational environment" {
		t.Errorf("last requirement %q", got)
	}
	if got := cb.LeadershipExamples[0].Value; got != "prioritising capability needs that will have the most impact" {
		t.Errorf("first example %q", got)
	}
	var slugs []string
	for _, r := range cb.Roles {
		slugs = append(slugs, r.Slug)
	}
	if len(slugs) == 0 || slugs[0] != "chief-data-officer" || cb.Roles[0].Name.Value != "Chief data officer" {
		t.Errorf("roles of %q: %v", cb.Name.Value, slugs)
	}
	roles := 0
	for _, s := range doc.Skills {
		roles += len(s.Roles)
		for _, r := range s.Roles {
			if r.Slug == "" || strings.ContainsAny(r.Slug, "/ ()") {
				t.Errorf("%s: bad role slug %q", r.Name.Span, r.Slug)
			}
		}
	}
	if roles == 0 {
		t.Error("no role references read")
	}
	checkTexts(t, "doc", reflect.ValueOf(doc))
}

func TestSkillsMarkdownNotOtherFixtures(t *testing.T) {
	for _, name := range []string{
		"role-page-digital-portfolio-manager-2024.txt",
		"role-level-digital-portfolio-manager.txt",
		"not-framework-pmo-article.txt",
		"legacy-guidance-product-manager-2020.txt",
	} {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if got := parse.Detect(src); got == framework.FormatSkillsMarkdown {
			t.Errorf("%s detected as %s", name, got)
		}
	}
}

type skillSummary struct {
	Name     string
	Levels   []string // "working:defined:2"
	SCS      bool
	Reqs     []string
	Examples []string
	Roles    []string // "Name=slug"
}

type noteSummary struct {
	Code string
	Pos  string
}

func summarise(doc *framework.Document) ([]skillSummary, []noteSummary) {
	var ss []skillSummary
	for _, s := range doc.Skills {
		sum := skillSummary{Name: s.Name.Value, SCS: s.SeniorCivilService}
		for _, l := range s.Levels {
			sum.Levels = append(sum.Levels, fmt.Sprintf("%s:%s:%d", l.Level, l.Status, len(l.Descriptors)))
		}
		for _, r := range s.Requirements {
			sum.Reqs = append(sum.Reqs, r.Value)
		}
		for _, r := range s.LeadershipExamples {
			sum.Examples = append(sum.Examples, r.Value)
		}
		for _, r := range s.Roles {
			sum.Roles = append(sum.Roles, r.Name.Value+"="+r.Slug)
		}
		ss = append(ss, sum)
	}
	var ns []noteSummary
	for _, n := range doc.Notes {
		p := n.Span.Pos()
		ns = append(ns, noteSummary{n.Code, fmt.Sprintf("%d:%d", p.Line, p.Column)})
	}
	return ss, ns
}

func TestSkillsMarkdownSmall(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		skills    []skillSummary
		notes     []noteSummary
		wantError string
	}{{
		name: "crlf and bom",
		src:  "\uFEFF# Skills\r\n\r\n## Testing  \r\n\r\nTesting things.\r\n\r\n1. Awareness\r\n\r\n  * know tests\r\n\r\n2. Working\r\n  • write tests\r\n\r\nRoles that require this skill:\r\n\r\n- [Tester](/role/tester)\r\n",
		skills: []skillSummary{{Name: "Testing", Levels: []string{"awareness:defined:1", "working:defined:1"},
			Roles: []string{"Tester=tester"}}},
	}, {
		name:   "nbsp after level number",
		src:    "# S\n\n## A\n\nA.\n\n1.\u00a0Awareness\u00a0\n\n-\u00a0know  \n",
		skills: []skillSummary{{Name: "A", Levels: []string{"awareness:defined:1"}}},
	}, {
		name:   "undefined level",
		src:    "# S\n\n## Art\n\nArt.\n\n1. Awareness\n\n  - This skill level is currently not defined.\n\n4. Expert\n\n  - paint\n",
		skills: []skillSummary{{Name: "Art", Levels: []string{"awareness:undefined:0", "expert:defined:1"}}},
	}, {
		name:   "scs skill with glued heading",
		src:    "# S\n\n## Lead\n\nSenior Civil Service.\n\nYou can:\n\n  - lead wellExamples of leadership using this skill:\n\n  - leading\n",
		skills: []skillSummary{{Name: "Lead", SCS: true, Reqs: []string{"lead well"}, Examples: []string{"leading"}}},
		notes:  []noteSummary{{"glued-heading", "9:14"}},
	}, {
		name:   "scs skill with separate heading",
		src:    "# S\n\n## Lead\n\nSenior Civil Service.\n\nYou can:\n\n- lead\n\nExamples of leadership using this skill:\n\n- leading\n",
		skills: []skillSummary{{Name: "Lead", SCS: true, Reqs: []string{"lead"}, Examples: []string{"leading"}}},
	}, {
		name:   "stray heading",
		src:    "# S\n\n## Write\n\nWriting.\n\n2. Working\n\n##     You can\n\n  - write\n\n## Next\n\nNext.\n",
		skills: []skillSummary{{Name: "Write", Levels: []string{"working:defined:1"}}, {Name: "Next"}},
		notes:  []noteSummary{{"stray-heading", "9:1"}},
	}, {
		name:   "misspelt level word read by its number",
		src:    "# S\n\n## A\n\nA.\n\n2. Workng\n\n  - do\n",
		skills: []skillSummary{{Name: "A", Levels: []string{"working:defined:1"}}},
		notes:  []noteSummary{{"unknown-level-heading", "7:4"}},
	}, {
		name:   "unknown level number and word",
		src:    "# S\n\n## A\n\nA.\n\n7. Master\n\n  - do\n",
		skills: []skillSummary{{Name: "A"}},
		notes:  []noteSummary{{"unknown-level-heading", "7:4"}, {"unplaced-text", "9:5"}},
	}, {
		name:   "levels out of order",
		src:    "# S\n\n## A\n\nA.\n\n3. Practitioner\n\n- x\n\n1. Awareness\n\n- y\n",
		skills: []skillSummary{{Name: "A", Levels: []string{"practitioner:defined:1"}}},
		notes:  []noteSummary{{"level-order", "11:1"}, {"unplaced-text", "13:3"}},
	}, {
		name:   "bullet before any skill",
		src:    "# S\n\n- lost\n\n## A\n\nA.\n",
		skills: []skillSummary{{Name: "A"}},
		notes:  []noteSummary{{"unplaced-text", "3:3"}},
	}, {
		name:      "no skills",
		src:       "# S\n\nNothing here.\n",
		wantError: "no skills found",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse.As(framework.FormatSkillsMarkdown, "t.md", []byte(tt.src))
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatalf("As(FormatSkillsMarkdown): %v", err)
			}
			skills, notes := summarise(doc)
			if diff := cmp.Diff(tt.skills, skills); diff != "" {
				t.Errorf("skills (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.notes, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
			checkTexts(t, "doc", reflect.ValueOf(doc))
		})
	}
}
