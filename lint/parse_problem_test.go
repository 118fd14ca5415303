package lint_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// TestParseError: the errors the parser met are findings of the parse
// rule at their place, and the configuration applies to them as to any.
func TestParseError(t *testing.T) {
	const src = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n" +
		"Data,Data analyst,A data analyst makes sense of data.,Data analyst,Works on data with support.,Data visualisation,Presenting data clearly.,Working,You can: present data,Core\n" +
		"Data,Data analyst,A data analyst makes sense of data.,Senior data analyst,Leads analysis.,Data visualisation,Presenting data clearly.,Practitioner,\"You can: present \"data\" well\",Core\n"
	doc, err := parse.ParseString("roles.csv", src)
	if doc == nil {
		t.Fatal(err)
	}
	problems, ok := err.(framework.ErrorList)
	if !ok || len(problems) == 0 {
		t.Fatalf("parse error %v, want a framework.ErrorList", err)
	}
	fw := framework.Merge(doc)
	rules := []*lint.Rule{lint.ParseError}
	var got []string
	for _, d := range lint.Run(fw, lint.Options{Rules: rules, Problems: problems}) {
		got = append(got, d.String())
	}
	want := []string{`roles.csv:3:166: error: CSV syntax: extraneous or missing " in quoted-field; the rest of the file is not read (parse)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if ds := lint.Run(fw, lint.Options{Rules: rules}); len(ds) != 0 {
		t.Errorf("no problems, yet %d findings: %v", len(ds), ds)
	}
	if lint.Lookup("parse") != lint.ParseError {
		t.Error(`Lookup("parse") is not the ParseError rule`)
	}
}
