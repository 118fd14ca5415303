package framework_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func published() *framework.Framework {
	fw, _ := parse.Published() // the downloads' defects are in the error
	return fw
}

func ExampleFramework_Families() {
	fw := published()
	for _, fam := range fw.Families()[:3] {
		fmt.Println(fam.Name, len(fam.Roles))
	}
	fmt.Println(fw.Family("chief-digital-and-data").Roles[0].Name)
	// Output:
	// Architecture 7
	// Chief digital and data 4
	// Data 9
	// Chief data officer
}

func ExampleFramework_RoleLevel() {
	fw := published()
	role, level := fw.RoleLevel("senior-data-analyst")
	fmt.Println(role.Name, "/", level.Name, level.Grades)
	fmt.Println(fw.Role("DATA  analyst").Slug, fw.Skill("data-visualisation").Name)
	fmt.Println(role.Previous(level).Name, "<", level.Name, "<", role.Next(level).Name)
	// Output:
	// Data analyst / Senior data analyst [SEO G7]
	// data-analyst Data visualisation
	// Data analyst < Senior data analyst < Principal data analyst
}

func ExampleFramework_SkillOf() {
	fw := published()
	_, level := fw.RoleLevel("Senior data analyst")
	q := level.Skills[0]
	s := fw.SkillOf(q)
	fmt.Println(q.Skill, q.Level, "->", s.Name, len(s.Levels), "levels")
	fmt.Println(fw.SkillOf(&framework.Requirement{Skill: framework.Text{Value: "Juggling"}}) == nil)
	// Output:
	// Applying statistical and analytical tools and techniques practitioner -> Applying statistical and analytical tools and techniques 4 levels
	// true
}

func ExampleFramework_DocumentOf() {
	fw := published()
	role, level := fw.RoleLevel("Senior data analyst")
	d := fw.DocumentOf(level.Span)
	fmt.Println(d.File.Name, d.Format, d.Format.IsLegacy(), d.Edition.Date)
	fmt.Println(role.Span.Pos())
	// Output:
	// published/roles-2025-09.csv roles-csv false 2025-09
	// published/roles-2025-09.csv:4930:1
}

func ExampleFramework_RequiringSkill() {
	fw := published()
	reqs := fw.RequiringSkill("data-visualisation", framework.Practitioner)
	fmt.Println(len(reqs), "role levels need Data visualisation at practitioner or above")
	for _, r := range reqs[:min(3, len(reqs))] {
		fmt.Println(r.Role.Name, "/", r.Level.Name, r.Requirement.Level)
	}
	// Output:
	// 2 role levels need Data visualisation at practitioner or above
	// Data analyst / Senior data analyst practitioner
	// Data analyst / Principal data analyst expert
}

func ExampleCompare() {
	fw := published()
	_, from := fw.RoleLevel("Data analyst")
	_, to := fw.RoleLevel("Senior data analyst")
	c := framework.Compare(from, to)
	for _, s := range c.Skills {
		fmt.Println(s.Skill, s.Move, s.From, "->", s.To, len(s.Descriptors))
	}
	// Output:
	// Applying statistical and analytical tools and techniques raised working -> practitioner 4
	// Communicating between the technical and non-technical raised working -> practitioner 3
	// Data ethics and privacy raised working -> practitioner 4
	// Data management raised working -> practitioner 3
	// Data preparation and linkage raised working -> practitioner 3
	// Data visualisation raised working -> practitioner 4
	// Delivering business impact through data raised working -> practitioner 4
	// Developing code for analysis raised working -> practitioner 3
	// Managing a data project raised working -> practitioner 5
}

func ExampleRole_Matrix() {
	m := published().Role("data-analyst").Matrix()
	fmt.Println(m.Levels)
	for j, s := range m.Skills[:3] {
		fmt.Print(s, ":")
		for i := range m.Levels {
			fmt.Print(" ", m.Cells[i][j])
		}
		fmt.Println()
	}
	// Output:
	// [Associate data analyst Data analyst Senior data analyst Principal data analyst]
	// Applying statistical and analytical tools and techniques: awareness working practitioner expert
	// Communicating between the technical and non-technical: awareness working practitioner expert
	// Data ethics and privacy: awareness working practitioner practitioner
}

// TestMarshalValues checks that encoding/json writes a model value's
// values, never its whole source (2.4 MB for a role of the download).
func TestMarshalValues(t *testing.T) {
	fw := published()
	// A page of the older guidance: its role-wide skills have no level.
	src, err := os.ReadFile("../testdata/legacy-guidance-product-manager-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := parse.Parse("legacy.txt", src)
	if legacy == nil || len(legacy.Roles) == 0 {
		t.Fatal(err)
	}
	for _, v := range []any{fw.Role("Data analyst"), fw.Skill("Data visualisation"), legacy.Roles[0]} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 200<<10 {
			t.Errorf("%T marshals to %d bytes, want at most 200 KiB", v, len(b))
		}
		t.Logf("%T: %d bytes", v, len(b))
	}
}

// TestCompareMoves checks every kind of move on levels built in code.
func TestCompareMoves(t *testing.T) {
	req := func(name string, l framework.Level) *framework.Requirement {
		return &framework.Requirement{Skill: framework.Text{Value: name}, Level: l,
			Descriptors: []framework.Text{{Value: "do " + name}}}
	}
	from := &framework.RoleLevel{Name: framework.Text{Value: "A"}, Skills: []*framework.Requirement{
		req("Same", framework.Working), req("Up", framework.Working), req("Down", framework.Expert), req("Gone", framework.Awareness)}}
	to := &framework.RoleLevel{Name: framework.Text{Value: "B"}, Skills: []*framework.Requirement{
		req("new", framework.Awareness), req("same", framework.Working), req("UP", framework.Practitioner), req("Down", framework.Working)}}
	var got []string
	for _, s := range framework.Compare(from, to).Skills {
		got = append(got, fmt.Sprintf("%s %s %s>%s %q", s.Skill, s.Move, s.From, s.To, s.Descriptors))
	}
	want := []string{
		`new new unknown>awareness ["do new"]`,
		`same unchanged working>working ["do same"]`,
		`UP raised working>practitioner ["do UP"]`,
		`Down lowered expert>working ["do Down"]`,
		`Gone dropped awareness>unknown []`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
