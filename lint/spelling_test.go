package lint_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// realSeeds are the real documents the project was specified from.

// spellingFinding is what the tests compare of a finding: where, which
// rule, the word and the suggestions.
func spellingFinding(d lint.Diagnostic) string {
	var fixes []string
	for _, s := range d.Suggestions {
		if s.Span != d.Span {
			fixes = append(fixes, "(bad span)")
		}
		fixes = append(fixes, s.NewText)
	}
	return fmt.Sprintf("%s %s %q -> %s", d.Span.Pos(), d.Rule, d.Span.Text(), strings.Join(fixes, ","))
}

// wantSpellingSeedFindings are every spelling and british-spelling finding on the
// seeds: the known typos and nothing else.
var wantSpellingSeedFindings = []string{
	`legacy-guidance-product-manager-2020.txt:128:64 british-spelling "centered" -> centred`,
	`legacy-guidance-product-manager-2020.txt:301:39 spelling "mangers" -> managers`,
	`role-page-digital-portfolio-manager-2024.txt:17:94 spelling "portolio" -> portfolio`,
	`role-page-digital-portfolio-manager-2024.txt:278:12 spelling "portolio" -> portfolio`,
	`skills-a-to-z.md:4194:44 spelling "implemation" -> implementation,implications,implication`,
}

var spellingRules = []*lint.Rule{lint.Spelling, lint.BritishSpelling}

// TestSpellingSeeds lints each seed alone, with the published catalogue as
// the reference, as `ddat lint file` does.
func TestSpellingSeeds(t *testing.T) {
	pub, _ := parse.Published()
	var got []string
	for _, name := range realSeeds {
		fw := framework.Merge(readSeed(t, name))
		for _, d := range lint.Run(fw, lint.Options{Rules: spellingRules, Catalogue: pub}) {
			got = append(got, spellingFinding(d))
		}
	}
	if diff := cmp.Diff(wantSpellingSeedFindings, spellingSorted(got)); diff != "" {
		t.Errorf("findings on the seeds (-want +got):\n%s", diff)
	}
}

// TestSpellingSeedsTogether lints the seeds as one framework.
func TestSpellingSeedsTogether(t *testing.T) {
	var docs []*framework.Document
	for _, name := range realSeeds {
		docs = append(docs, readSeed(t, name))
	}
	var got []string
	for _, d := range lint.Run(framework.Merge(docs...), lint.Options{Rules: spellingRules}) {
		got = append(got, spellingFinding(d))
	}
	if diff := cmp.Diff(wantSpellingSeedFindings, spellingSorted(got)); diff != "" {
		t.Errorf("findings on the seeds (-want +got):\n%s", diff)
	}
}

func spellingSorted(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}

// TestSpellingMessages checks the wording of each kind of finding, on the
// seed pages together.
func TestSpellingMessages(t *testing.T) {
	var docs []*framework.Document
	for _, n := range realSeeds {
		docs = append(docs, readSeed(t, n))
	}
	pub := framework.Merge(docs...)
	want := map[string]string{
		"portolio":    `"portolio" is not a word; did you mean "portfolio"?`,
		"implemation": `"implemation" is not a word; did you mean "implementation", "implications" or "implication"?`,
		"mangers":     `"mangers" is probably a slip for "managers": these documents have "product managers" 12 times and "product mangers" once`,
		"centered":    `"centered" is the American spelling; British English writes "centred"`,
	}
	for _, d := range lint.Run(pub, lint.Options{Rules: spellingRules}) {
		w := d.Span.Text()
		if want[w] != d.Message {
			t.Errorf("%s: message %q, want %q", d.Span, d.Message, want[w])
		}
		if d.Severity != lint.Warning {
			t.Errorf("%s: severity %v, want warning", d.Span, d.Severity)
		}
	}
}

// spellingNeverFlagged are words the spelling rules must accept wherever they
// stand in a sentence.
var spellingNeverFlagged = []string{
	"DevOps", "JavaScript", "DDaT", "MVP", "ROI", "KPIs", "GOV.UK",
	"organisation", "organisation's", "organisation’s", "prioritise", "incentivising",
	"underrepresented", "runbooks", "timeframe", "kanban", "stakeholders'",
	"co-ordinates", "24x7", "https://www.gov.uk/guidance", "team@digital.cabinet-office.gov.uk",
	// words of skill and role names of the catalogue
	"frontend", "cyber", "inclusivity",
}

func TestSpellingNeverFlagged(t *testing.T) {
	pub, _ := parse.Published()
	var b strings.Builder
	b.WriteString("# Skills\n\n## Agile working\n\nWorking in an agile way.\n\n1. Awareness\n\n")
	for _, w := range spellingNeverFlagged {
		fmt.Fprintf(&b, "  - %s\n\n  - work with the %s team, %s and others\n\n", w, w, w)
	}
	doc, err := parse.Parse("never.md", []byte(b.String()))
	if doc == nil {
		t.Fatal(err)
	}
	for _, d := range lint.Run(framework.Merge(doc), lint.Options{Rules: spellingRules, Catalogue: pub}) {
		t.Errorf("unexpected finding: %v", d)
	}
	// Every word of every skill and role name of the catalogue, each name
	// a sentence of one text.
	var names []string
	for _, s := range pub.Skills {
		names = append(names, s.Name.Value)
	}
	for _, r := range pub.Roles {
		names = append(names, r.Name.Value)
	}
	src := strings.Join(names, ". ")
	f := framework.NewFile("names", src)
	doc = &framework.Document{File: f, Roles: []*framework.Role{{Description: []framework.Text{framework.NewText(f, 0, len(src))}}}}
	fw := &framework.Framework{Documents: []*framework.Document{doc}}
	for _, d := range lint.Run(fw, lint.Options{Rules: spellingRules, Catalogue: pub}) {
		t.Errorf("unexpected finding in the names of skills and roles: %v", d)
	}
}

// TestSpellingWords checks that configured words are accepted.
func TestSpellingWords(t *testing.T) {
	src := ("Agree the plan with the Flurbostat board and the glorptastic team.")
	f := framework.NewFile("text", src)
	doc := &framework.Document{File: f, Roles: []*framework.Role{{Description: []framework.Text{framework.NewText(f, 0, len(src))}}}}
	fw := &framework.Framework{Documents: []*framework.Document{doc}}
	var got []string
	for _, d := range lint.Run(fw, lint.Options{Rules: spellingRules}) {
		got = append(got, d.Span.Text())
	}
	// "Flurbostat" is a proper name inside a sentence.
	if diff := cmp.Diff([]string{"glorptastic"}, got); diff != "" {
		t.Errorf("without configured words (-want +got):\n%s", diff)
	}
	if d := lint.Run(fw, lint.Options{Rules: spellingRules, Words: []string{"Glorptastic"}}); len(d) != 0 {
		t.Errorf("with configured words: %v", d)
	}
}

// BenchmarkSpellingCatalogue lints the published catalogue (189 skills,
// 7,240 lines) with the spelling rule. Budget: 50ms and 20MB a run on a
// laptop, the word list's one-off decompression excluded (a lint of the
// whole catalogue should feel instant; the rule reads every text twice
// and scans the word list once per word it reports).
func BenchmarkSpellingCatalogue(b *testing.B) {
	fw := framework.Merge(readSeed(b, "skills-a-to-z.md"))
	opts := lint.Options{Rules: []*lint.Rule{lint.Spelling}}
	lint.Run(fw, opts)
	b.ReportAllocs()
	for b.Loop() {
		lint.Run(fw, opts)
	}
}

// TestSpellingGibberish bounds the time spent on a page of non-words.
func TestSpellingGibberish(t *testing.T) {
	var b strings.Builder
	x := uint32(1)
	for i := 0; i < 20000; i++ {
		n := 4 + i%9
		for j := 0; j < n; j++ {
			x = x*1664525 + 1013904223
			b.WriteByte(byte('a' + x>>24%26))
		}
		b.WriteString(" ")
	}
	src := b.String()
	f := framework.NewFile("gibberish", src)
	doc := &framework.Document{File: f, Roles: []*framework.Role{{Description: []framework.Text{framework.NewText(f, 0, len(src))}}}}
	fw := &framework.Framework{Documents: []*framework.Document{doc}}
	start := time.Now()
	diags := lint.Run(fw, lint.Options{Rules: spellingRules})
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("%d findings took %v", len(diags), d)
	}
	for _, d := range diags {
		if !strings.Contains(d.Message, fmt.Sprintf("%q", d.Span.Text())) {
			t.Fatalf("%v: message does not quote the span's text %q", d, d.Span.Text())
		}
	}
	t.Logf("%d findings in %v", len(diags), time.Since(start))
}

// TestSpellingCRLF lints the seeds saved with CRLF line ends and a byte
// order mark: the findings are the same, at the same lines and columns.
func TestSpellingCRLF(t *testing.T) {
	pub, _ := parse.Published()
	var got []string
	for _, name := range realSeeds {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		src = append([]byte("\uFEFF"), []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))...)
		doc, err := parse.Parse(name, src)
		if doc == nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, d := range lint.Run(framework.Merge(doc), lint.Options{Rules: spellingRules, Catalogue: pub}) {
			got = append(got, spellingFinding(d))
		}
	}
	if diff := cmp.Diff(wantSpellingSeedFindings, spellingSorted(got)); diff != "" {
		t.Errorf("findings on the seeds with CRLF and BOM (-want +got):\n%s", diff)
	}
}

// TestTextRulesAtEveryPlace checks that a text value with findings is
// reported at each place it occurs, not only at the first (the rules
// check a value found clean once only): the framework repeats its
// descriptors on every role level.
func TestTextRulesAtEveryPlace(t *testing.T) {
	line := "Manage an implemation and organize it , today.\n"
	f := framework.NewFile("rep.txt", line+line)
	role := &framework.Role{Name: framework.Text{Value: "Portfolio manager"},
		Description: []framework.Text{framework.NewText(f, 0, len(line)-1), framework.NewText(f, len(line), 2*len(line)-1)}}
	fw := framework.Merge(&framework.Document{File: f, Format: framework.FormatRolePage, Roles: []*framework.Role{role}})
	got := map[string][]string{}
	for _, d := range lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.Spelling, lint.BritishSpelling, lint.Punctuation}}) {
		got[d.Rule] = append(got[d.Rule], d.Span.Pos().String())
	}
	want := map[string][]string{
		"spelling":         {"rep.txt:1:11", "rep.txt:2:11"},
		"british-spelling": {"rep.txt:1:27", "rep.txt:2:27"},
		"punctuation":      {"rep.txt:1:38", "rep.txt:2:38"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings by rule (-want +got):\n%s", d)
	}
}

// publishedDownloads are the full September 2025 downloads, in the module.
var publishedDownloads = []string{"roles-2025-09.csv", "skills-2025-09.csv", "skills-a-to-z-2025-09.md"}

func readPublishedDownload(t testing.TB, name string) *framework.Document {
	t.Helper()
	dir := "../parse/published/" // embedded as the published snapshot
	if name == "skills-2025-09.csv" {
		dir = "../parse/testdata/published/" // test data only
	}
	src, err := os.ReadFile(dir + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(name, src)
	if doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// realMisspellings are the misspelt words of the published downloads and
// the seeds, as a careful reviewer finds them.
var realMisspellings = []string{"implemation", "portolio", "mangers", "centered"}

// TestSpellingInEveryCombination lints every combination of the
// published downloads, alone and with the seeds, as `ddat lint` does, and
// checks that each real misspelling is found in each input that has it,
// and that nothing else is reported. "implemation" is the hard case: the
// roles download repeats the descriptor that holds it on every row that
// requires the skill, and the three downloads share it, which made it the
// documents' own word whenever two of them were linted together. The
// false alarms this test keeps out were "influencers" (a word of SCOWL's
// size 80 list), "commoditisation" (from "commodity", as "prioritise"
// from "priority") and "arenas" for "areas" (from the pair "areas and":
// "and" goes with any word).
func TestSpellingInEveryCombination(t *testing.T) {
	pub, _ := parse.Published()
	var downloads, seeds []*framework.Document
	for _, name := range publishedDownloads {
		downloads = append(downloads, readPublishedDownload(t, name))
	}
	for _, name := range realSeeds {
		seeds = append(seeds, readSeed(t, name))
	}
	real := map[string]bool{}
	for _, w := range realMisspellings {
		real[w] = true
	}
	reported := map[string]bool{}
	for mask := 0; mask < 1<<len(downloads); mask++ {
		for _, withSeeds := range []bool{false, true} {
			if mask == 0 && !withSeeds {
				continue
			}
			var docs []*framework.Document
			for i, d := range downloads {
				if mask&(1<<i) != 0 {
					docs = append(docs, d)
				}
			}
			if withSeeds {
				docs = append(docs, seeds...)
			}
			var names []string
			for _, d := range docs {
				names = append(names, d.File.Name)
			}
			fw := framework.Merge(docs...)
			opts := lint.Options{Rules: spellingRules, Vocabulary: pub}
			if len(fw.Skills) == 0 {
				opts.Catalogue = pub
			}
			found := map[string]bool{} // file and word
			for _, d := range lint.Run(fw, opts) {
				w := strings.ToLower(d.Span.Text())
				found[d.Span.File.Name+" "+w] = true
				if !real[w] {
					t.Errorf("linting %s: false alarm %s", strings.Join(names, " "), spellingFinding(d))
				}
				reported[w] = true
			}
			for _, d := range docs {
				for _, w := range realMisspellings {
					if hasWord(d.File.Src, w) && !found[d.File.Name+" "+w] {
						t.Errorf("linting %s: no finding for %q in %s", strings.Join(names, " "), w, d.File.Name)
					}
				}
			}
		}
	}
	for _, w := range realMisspellings {
		if !reported[w] {
			t.Errorf("%q is in none of the inputs", w)
		}
	}
}

// hasWord reports whether src has w as a whole word.
func hasWord(src, w string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, after := j == 0 || !isLetter(src[j-1]), j+len(w) == len(src) || !isLetter(src[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
