package framework_test

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
)

func ExampleParseLevel() {
	l, err := framework.ParseLevel("Practitioner")
	fmt.Println(l, l.Ordinal(), err)
	_, err = framework.ParseLevel("practicioner")
	fmt.Println(err)
	// Output:
	// practitioner third <nil>
	// unknown skill level "practicioner": want awareness, working, practitioner or expert
}

func ExampleKey() {
	fmt.Println(framework.Key("Stakeholders’  needs") == framework.Key("stakeholders' needs"))
	// Output: true
}

func ExampleFile_Position() {
	f := framework.NewFile("page.txt", "Planning\r\nLevel: working\n")
	t := framework.NewText(f, 17, 24)
	fmt.Println(t.Value, t.Span.Pos())
	// Output: working page.txt:2:8
}
