package check_test

import (
	"fmt"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/check"
	"github.com/ddat-tools/ddat/lint/config"
	"github.com/ddat-tools/ddat/parse"
)

// A service lints a document as ddat lint does: it parses it, keeping the
// parser's errors, checks it against the published framework, and prints
// the findings.
func Example() {
	const roles = `Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type
Data,Data analyst,A data analyst makes sense of data.,Data analyst,Works on data with support.,Data visualisation,Presenting data clearly.,Working,"You can:
- present data with teh right charts",
Data,Data analyst,A data analyst makes sense of data.,Senior data analyst,Leads analysis.,Data visualisation,Presenting data clearly.,Practitioner,"You can: present "data" well",
`
	doc, err := parse.ParseString("roles.csv", roles)
	if doc == nil {
		fmt.Println(err) // not a framework document
		return
	}
	var problems framework.ErrorList
	if list, ok := err.(framework.ErrorList); ok {
		problems = list // a partial document: the parse rule reports them
	}
	cfg, err := config.Parse(".ddat.json", []byte(`{"rules": {"descriptor-mismatch": "off", "role-backlink": "off"}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := check.Run(check.Input{Documents: []*framework.Document{doc}, Problems: problems}, check.Options{
		Config:      cfg,
		Published:   parse.Published,   // the catalogue, as the document holds none, and the vocabulary
		IsPublished: parse.IsPublished, // unless the documents are the published framework
		MaxFindings: 100,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range res.Findings {
		fmt.Println(d)
	}
	fmt.Println("fails:", res.Fails(lint.Error))
	// Output:
	// roles.csv:3:21: warning: "teh" is not a word; did you mean "the"? (spelling)
	// roles.csv:4:166: error: CSV syntax: extraneous or missing " in quoted-field; the rest of the file is not read (parse)
	// fails: true
}
