package lint_test

import (
	"os"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// realSeeds are the published documents that the rules' seed tests read.
var realSeeds = []string{
	"skills-a-to-z.md",
	"role-page-digital-portfolio-manager-2024.txt",
	"role-level-digital-portfolio-manager.txt",
	"legacy-guidance-product-manager-2020.txt",
}

func readSeed(t testing.TB, name string) *framework.Document {
	t.Helper()
	src, err := os.ReadFile("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(name, src)
	if doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}
