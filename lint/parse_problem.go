package lint

import "github.com/ddat-tools/ddat/framework"

// ParseError reports the errors the parser met in the linted documents
// ([Options.Problems]), each at its place, so that they are findings
// like any other: configured, counted, cut and baselined alike.
var ParseError = &Rule{
	ID:       "parse",
	Title:    "text the parser could not read as the framework format it detected",
	Doc:      "Reports errors met while parsing a recognised framework document. The rest of the document is still linted.\n\nBefore: a role page whose role levels cannot be found\n\nAfter: the page as published",
	Since:    "v0.1.0",
	Category: "structure",
	Severity: Error,
	Run:      runParseError,
}

func runParseError(p *Pass) {
	if len(p.Problems) == 0 {
		return
	}
	files := make(map[string]*framework.File, len(p.Framework.Documents))
	for _, doc := range p.Framework.Documents {
		if doc.File != nil {
			files[doc.File.Name] = doc.File
		}
	}
	for _, e := range p.Problems {
		d := Diagnostic{Message: e.Msg}
		if f := files[e.Pos.Filename]; f != nil {
			d.Span = f.Span(e.Pos.Offset, e.Pos.Offset)
		}
		p.Report(d)
	}
}
