package lint

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// TestCleanAnywhereHasNoFinding holds the spelling rule's shortcut to
// what it skips: every use of every word that cleanAnywhere judges clean
// is checked in its place as the rule would check it without the
// shortcut, and none gives a finding. On the embedded framework linted
// alone, and on seeds with their typos, against the published
// vocabulary; the shortcut must also leave words to check, and those
// must include the typos.
func TestCleanAnywhereHasNoFinding(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	var seeds []*framework.Document
	for _, name := range []string{"skills-a-to-z.md", "roles-sample.csv", "legacy-guidance-software-developer.html", "legacy-guidance-product-manager-2020.txt"} {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parse.ParseString(name, string(src))
		seeds = append(seeds, d)
	}
	published, _ := parse.PublishedDocuments()
	type testCase struct {
		name  string
		docs  []*framework.Document
		vocab *framework.Framework
	}
	cases := []testCase{{"embedded", published, nil}, {"seeds", seeds, pub}}
	// The rule's own cases: real-word slips and noun and verb pairs in
	// their wrong places.
	archives, err := filepath.Glob("testdata/spelling/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no spelling cases: %v", err)
	}
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		tc := testCase{name: name}
		for _, f := range ar.Files {
			if f.Name != "want" {
				d, _ := parse.Parse(f.Name, f.Data)
				tc.docs = append(tc.docs, d)
			}
		}
		cases = append(cases, tc)
	}
	foundInCases := 0
	for _, tc := range cases {
		fw := framework.Merge(tc.docs...)
		cat := fw
		if len(fw.Skills) == 0 {
			cat = pub
		}
		p := &Pass{Framework: fw, Catalogue: cat, Vocabulary: tc.vocab, run: newRunState(fw, cat)}
		c := newCorpus(p)
		british := p.run.british()
		tt := p.run.texts()
		cleanUses, checked, found := 0, 0, 0
		for k, text := range tt.texts {
			ws := tt.words[tt.ids[k]]
			for i, w := range ws {
				if w.Skip {
					continue
				}
				if utf8.RuneCountInString(c.Lex.Form(w.ID)) < 3 || british.american(w.ID) {
					// The rule leaves these to others, as the shortcut does.
					if !cleanAnywhere(c, w.ID, british) {
						t.Fatalf("%s: %q is not checked, but not judged clean", tc.name, w.Text(text.Value))
					}
					continue
				}
				_, _, ok := check(c, p, text, ws, i, wordSpan(text, w))
				if !cleanAnywhere(c, w.ID, british) {
					checked++
					if ok {
						found++
					}
					continue
				}
				cleanUses++
				if ok {
					t.Fatalf("%s: %q in %q is judged clean anywhere, but has a finding there", tc.name, w.Text(text.Value), text.Value)
				}
			}
		}
		t.Logf("%s: %d uses judged clean anywhere, %d checked in place, %d findings", tc.name, cleanUses, checked, found)
		foundInCases += found
		if (tc.name == "embedded" || tc.name == "seeds") && (cleanUses == 0 || checked == 0 || found == 0) {
			t.Errorf("%s: %d uses clean anywhere, %d checked in place with %d findings: the test does not exercise the shortcut", tc.name, cleanUses, checked, found)
		}
	}
	if foundInCases < 10 {
		t.Errorf("%d findings in all the cases: the rule's cases were not read", foundInCases)
	}
}
