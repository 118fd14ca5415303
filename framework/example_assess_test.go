package framework_test

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// A form of the skills a senior data analyst needs, aiming at principal.
func ExampleNewForm() {
	fw, _ := parse.Published()
	fm, err := framework.NewForm(fw, "senior-data-analyst", "Principal data analyst")
	if err != nil {
		panic(err)
	}
	fmt.Println(fm.Role, "/", fm.Level, "->", fm.Target, "/", fm.Edition.Date)
	s := fm.Skills[5]
	fmt.Printf("%s (%s): %v, then %v\n", s.Name, s.ID, s.Required, s.Target)
	fmt.Println(s.Descriptors[framework.Expert-1][0])
	// Output:
	// Data analyst / Senior data analyst -> Principal data analyst / 2025-09
	// Data visualisation (data-visualisation): practitioner, then expert
	// translate business requirements into goals for data visualisations
}

// A filled form read back and assessed: the skills below the
// requirement, with what to grow into.
func ExampleAssess() {
	fw, _ := parse.Published()
	src := "DDaT self-assessment,1\n" +
		"Role level,Senior data analyst\n" +
		"Edition," + fw.Edition().Date + "\n" +
		"Edition SHA-256," + fw.Edition().SHA256 + "\n" +
		"Person,Ada\n" +
		"Skill ID,Your level,Evidence\n" +
		"data-visualisation,WORKING,dashboards for the census team\n" +
		"data-management,practitioner,\n" +
		"data-ethics-and-privacy,expert,\n"
	fm, err := parse.ReadForm("ada.csv", []byte(src))
	if err != nil {
		panic(err)
	}
	a, errs := framework.Assess(fw, fm, "")
	if errs.Err() != nil {
		panic(errs.Err())
	}
	fmt.Printf("%s: %d below, %d at, %d above, %d not assessed\n", a.Person,
		a.Count(framework.Below), a.Count(framework.At), a.Count(framework.Above), a.Count(framework.NotAssessed))
	for _, g := range a.Skills {
		if g.Status == framework.Below {
			fmt.Printf("%s: %v of %v; grow into %v: %s\n", g.Name, g.Rating, g.Required, g.Next, g.NextDescriptors[0])
		}
	}
	// Output:
	// Ada: 1 below, 1 at, 1 above, 6 not assessed
	// Data visualisation: working of practitioner; grow into practitioner: use a range of data visualisations to simplify a complex story
}

// A team's coverage of each skill.
func ExampleNewTeam() {
	fw, _ := parse.Published()
	var as []*framework.Assessment
	for i, person := range []string{"Ada", "Grace", "Alan"} {
		fm, _ := framework.NewForm(fw, "Senior data analyst", "")
		fm.Person = person
		for _, s := range fm.Skills {
			s.Rated, s.Rating = true, framework.Level(i+2)
		}
		a, _ := framework.Assess(fw, fm, "")
		as = append(as, a)
	}
	t := framework.NewTeam(as)
	s := t.Skills[0]
	fmt.Printf("%s: %d of %d at or above, highest %v\n", s.Name, s.Covered, s.Required, s.Highest)
	fmt.Println(t.People[0], t.Cells[0][0].Status, "|", t.People[2], t.Cells[2][0].Status)
	// Output:
	// Applying statistical and analytical tools and techniques: 2 of 3 at or above, highest expert
	// Ada below | Alan above
}
