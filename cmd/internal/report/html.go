package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"
	"strconv"
	"sync"

	"github.com/ddat-tools/ddat/framework"
)

// CSP is the page's Content-Security-Policy: nothing may load, styles
// are inline.
const CSP = "default-src 'none'; style-src 'unsafe-inline'"

//go:embed report.css
var css string

//go:embed report.html.tmpl
var pageText string

// page is the page's template, parsed on first use: parsing it at start-up
// cost every command, most of which write no page, 2 million instructions
// and 2,500 allocations.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"css":    func() template.CSS { return template.CSS(css) },
		"csp":    func() string { return CSP },
		"plural": plural,
		"links":  links,
	}).Parse(pageText))
})

// FindingLink links to the first of an element's findings of one rule
// and severity, saying how many there are.
type FindingLink struct {
	ID, Text string
}

// links groups an element's findings by severity and rule, in order of
// first appearance, for the links beside it: "warning: spelling", "3
// warnings: structure", each to the first of its findings.
func links(fs []*Finding) []FindingLink {
	type group struct {
		first *Finding
		n     int
	}
	var gs []*group
	at := map[[2]string]*group{}
	for _, f := range fs {
		k := [2]string{f.Severity, f.Rule}
		if g := at[k]; g != nil {
			g.n++
			continue
		}
		at[k] = &group{f, 1}
		gs = append(gs, at[k])
	}
	out := make([]FindingLink, len(gs))
	for i, g := range gs {
		sev := g.first.Severity
		if g.n > 1 {
			sev = plural(g.n, sev)
		}
		out[i] = FindingLink{ID: g.first.ID, Text: sev + ": " + g.first.Rule}
	}
	return out
}

// plural writes n and a noun, adding an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// WriteHTML writes the page as one self-contained HTML document.
func (p *Page) WriteHTML(w io.Writer) error {
	return page().Execute(w, p)
}

// HTML returns the report of fw (see [Build]) as HTML.
func HTML(fw *framework.Framework, opts Options) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(1 << 20)
	if err := Build(fw, opts).WriteHTML(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
