package parse_test

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func ExampleAs() {
	src := "# Skills\n\n## Accessibility\n\nMaking services usable by everyone.\n\n" +
		"1. Awareness\n\n  - understand accessibility needs\n\n" +
		"2. Working\n\n  - This skill level is currently not defined.\n\n" +
		"Roles that require this skill:\n\n- [Frontend developer](/role/frontend-developer)\n"
	doc, err := parse.As(framework.FormatSkillsMarkdown, "skills.md", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := doc.Skills[0]
	fmt.Println(s.Name.Value, "at", s.Name.Span.Pos())
	fmt.Println(s.Level(framework.Awareness).Descriptors[0].Value)
	fmt.Println(s.Level(framework.Working).Status)
	fmt.Println(s.Roles[0].Slug)
	// Output:
	// Accessibility at skills.md:3:4
	// understand accessibility needs
	// undefined
	// frontend-developer
}
