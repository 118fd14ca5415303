package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ddat-tools/ddat/cmd/internal/report"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// load parses the files of a txtar archive in testdata and lints them
// as ddat report does (the catalogue among them).
func load(t testing.TB, name string) (*framework.Framework, []lint.Diagnostic) {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var docs []*framework.Document
	for _, f := range a.Files {
		doc, err := parse.Parse(f.Name, f.Data)
		if doc == nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		docs = append(docs, doc)
	}
	fw := framework.Merge(docs...)
	pub, _ := parse.Published()
	return fw, lint.Run(fw, lint.Options{Vocabulary: pub})
}

// published returns the embedded framework and its findings, once.
var published = sync.OnceValues(func() (*framework.Framework, []lint.Diagnostic) {
	fw, _ := parse.Published()
	return fw, lint.Run(fw, lint.Options{})
})

// TestGolden: the page of a small framework whose every name is hostile
// (markup, quotes, a javascript: URL) is the golden page, byte for byte
// (-update rewrites it), and passes the structure checks: the hostile
// text is shown as text, never as markup or a link.
func TestGolden(t *testing.T) {
	fw, diags := load(t, "hostile.txtar")
	got, err := report.HTML(fw, report.Options{Findings: diags})
	if err != nil {
		t.Fatal(err)
	}
	checkStructure(t, got)
	golden := filepath.Join("testdata", "hostile.html")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("the page differs from %s (-want +got):\n%s", golden, d)
	}
	// The hostile names are in the page as text, escaped.
	for _, s := range []string{
		`Portfolio &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; manager`,
		`&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; planning`,
		`A manager of javascript:alert(1) things.`,
		`Planning involves &lt;img src=x onerror=alert(1)&gt;.`,
	} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("the page does not show %s", s)
		}
	}
	// The level drop and the undefined level are marked in words.
	for _, s := range []string{"drop from practitioner", "undefined in the catalogue"} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("the page does not say %q", s)
		}
	}
}

// TestPublishedPage: the page of the embedded framework passes the
// structure checks, is at most 3 MB, is the same bytes on a second
// build, and places every finding but a handful beside a role or skill.
func TestPublishedPage(t *testing.T) {
	fw, diags := published()
	page := report.Build(fw, report.Options{Findings: diags})
	var b1, b2 bytes.Buffer
	if err := page.WriteHTML(&b1); err != nil {
		t.Fatal(err)
	}
	checkStructure(t, b1.Bytes())
	const budget = 3 << 20
	if b1.Len() > budget {
		t.Errorf("the page has %d bytes, more than the budget of %d", b1.Len(), budget)
	}
	t.Logf("page: %d bytes, %d findings, %d placed on no role or skill", b1.Len(), page.Findings, len(page.Other))
	if err := report.Build(fw, report.Options{Findings: diags}).WriteHTML(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two builds of the page differ")
	}
	if page.Findings != len(diags) {
		t.Errorf("the page counts %d findings, lint made %d", page.Findings, len(diags))
	}
	if len(page.Other) > len(diags)/20 {
		t.Errorf("%d of %d findings are placed on no role or skill", len(page.Other), len(diags))
	}
	// Each role's matrix is the model's.
	for _, rp := range page.Roles {
		r := fw.Role(rp.Name)
		m := r.Matrix()
		if len(rp.Levels) != len(m.Levels) || len(rp.Rows) != len(m.Skills) {
			t.Errorf("%s: %d levels × %d skills, want %d × %d", rp.Name, len(rp.Levels), len(rp.Rows), len(m.Levels), len(m.Skills))
			continue
		}
		for j, row := range rp.Rows {
			for i, c := range row.Cells {
				if c.Level != m.Cells[i][j] {
					t.Errorf("%s: %s at %s is %v, want %v", rp.Name, row.Skill, rp.Levels[i].Name, c.Level, m.Cells[i][j])
				}
			}
		}
	}
}

// TestDropsAndUndefinedMatchLint: the cells marked as level drops and
// as undefined levels are those lint's level-regression and
// undefined-level rules report on requirements of the embedded framework.
func TestDropsAndUndefinedMatchLint(t *testing.T) {
	fw, diags := published()
	page := report.Build(fw, report.Options{Findings: diags})
	var drops, undefined, lintDrops, lintUndefined int
	for _, rp := range page.Roles {
		drops += rp.Drops
		undefined += rp.Undefined
	}
	for _, d := range diags {
		switch {
		case d.Rule == "level-regression":
			lintDrops++
		case d.Rule == "undefined-level" && d.Severity == lint.Error:
			lintUndefined++
		}
	}
	if drops != lintDrops {
		t.Errorf("the page marks %d level drops, level-regression reports %d", drops, lintDrops)
	}
	if undefined < lintUndefined {
		t.Errorf("the page marks %d undefined levels, undefined-level reports %d on role levels", undefined, lintUndefined)
	}
	t.Logf("%d level drops, %d undefined levels", drops, undefined)
}

// checkStructure checks what every page must be: no script, no event
// handler, no request (no src, no link, no URL but a fragment of the
// page itself), a strict Content-Security-Policy, unique ids, every
// fragment link landing on an id, every table with a caption and header
// cells with a scope.
func checkStructure(t *testing.T, page []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	ids := map[string]int{}
	var hrefs []string
	csp := false
	tables, captions := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "iframe", "object", "embed", "img", "link", "base", "form", "svg", "image":
			t.Errorf("the page has a <%s> element", tok.Data)
		case "table":
			tables++
		case "caption":
			captions++
		}
		attr := map[string]string{}
		for _, a := range tok.Attr {
			attr[a.Key] = a.Val
			switch {
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("<%s> has an event handler %s", tok.Data, a.Key)
			case a.Key == "src" || a.Key == "srcset" || a.Key == "action" || a.Key == "formaction":
				t.Errorf("<%s> has %s=%q", tok.Data, a.Key, a.Val)
			case a.Key == "style":
				t.Errorf("<%s> has a style attribute (the policy allows inline styles, the page keeps to its <style>)", tok.Data)
			case a.Key == "id":
				ids[a.Val]++
			case a.Key == "href":
				if !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s> links to %q, not to a place of the page", tok.Data, a.Val)
				}
				hrefs = append(hrefs, strings.TrimPrefix(a.Val, "#"))
			}
		}
		if tok.Data == "th" && attr["scope"] == "" {
			t.Error("a <th> has no scope")
		}
		if tok.Data == "meta" && attr["http-equiv"] == "Content-Security-Policy" {
			csp = attr["content"] == report.CSP
		}
	}
	if !csp {
		t.Errorf("the page has no Content-Security-Policy %q", report.CSP)
	}
	if tables != captions {
		t.Errorf("%d tables, %d captions", tables, captions)
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	for _, h := range hrefs {
		if ids[h] == 0 {
			t.Errorf("a link to #%s lands on no element", h)
		}
	}
}

// BenchmarkReportPage times the page of the embedded framework with its
// findings: the model and the HTML (the lint it shows is lint's
// benchmarks'). Budget: the whole process of ddat report in 150 ms, the
// page at most 3 MB (asserted by TestPublishedPage); BenchmarkReport in
// cmd/ddat times the whole process.
func BenchmarkReportPage(b *testing.B) {
	fw, diags := published()
	var n int
	for b.Loop() {
		data, err := report.HTML(fw, report.Options{Findings: diags})
		if err != nil {
			b.Fatal(err)
		}
		n = len(data)
	}
	b.ReportMetric(float64(n), "bytes/page")
}
