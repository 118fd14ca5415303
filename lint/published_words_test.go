package lint

import (
	"flag"
	"os"
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
	"github.com/ddat-tools/ddat/parse"
)

// TestPublishedWords summarises the texts of the embedded snapshot as the
// spelling rule counts the vocabulary, and compares the summary with the
// embedded one (published-words.bin): it fails when the file is stale (the
// snapshot, the tokeniser or the word list changed). With -update (go
// generate) it writes the file instead.
func TestPublishedWords(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	got, ok := summariseTexts(pub.Documents)
	if !ok {
		t.Fatal("the published documents have no sources or sums")
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile("published-words.bin", []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != publishedWords {
		t.Fatalf("published-words.bin is stale (%d bytes, regenerated %d): run go generate ./lint", len(publishedWords), len(got))
	}
	if _, ok := publishedSummary(pub.Documents); !ok {
		t.Fatal("the embedded summary is not taken for the published documents")
	}
	// Another document, or one fewer, is not summarised.
	if _, ok := publishedSummary(pub.Documents[1:]); ok {
		t.Error("the summary is taken for some of the published documents")
	}
	other := *pub.Documents[0]
	other.File = framework.NewFile(other.File.Name, other.File.Src+" ")
	if _, ok := publishedSummary([]*framework.Document{&other, pub.Documents[1]}); ok {
		t.Error("the summary is taken for a document of another length")
	}
}

// TestCorpusFromSummary lints the seeds against the published vocabulary
// and checks that the spelling corpus built from the embedded summary is
// the corpus counted from the texts (differential: see also
// spell.TestSummaryAsCounting), and that the summary was taken.
func TestCorpusFromSummary(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*framework.Document
	for _, name := range []string{"skills-a-to-z.md", "roles-sample.csv", "legacy-guidance-software-developer.html"} {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parse.ParseString(name, string(src))
		docs = append(docs, d)
	}
	fw := framework.Merge(docs...)
	p := &Pass{Framework: fw, Catalogue: fw, Vocabulary: pub, run: newRunState(fw, fw)}
	if _, ok := publishedSummary(outsideDocs(p)); !ok {
		t.Fatal("the summary is not taken for the published vocabulary")
	}
	fast, ok := countTexts(p, true)
	if !ok {
		t.Fatal("the embedded summary does not decode")
	}
	plain, _ := countTexts(p, false)
	fast.IndexFrequent()
	plain.IndexFrequent()
	if !spell.SameCounts(fast, plain) {
		t.Error("the corpus from the summary differs from the corpus counted")
	}
}

// TestVocabularyFromSources checks that the spelling corpus of a lint of
// other documents is the same with the published framework as its
// vocabulary and with only its sources (parse.PublishedSources) and a
// loader, which is then not called; and that the loader is called, and
// the corpus the same, when the sources are not the summary's.
func TestVocabularyFromSources(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*framework.Document
	for _, name := range []string{"skills-a-to-z.md", "roles-sample.csv"} {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parse.ParseString(name, string(src))
		docs = append(docs, d)
	}
	fw := framework.Merge(docs...)
	corpus := func(vocab *framework.Framework, load func() *framework.Framework) *spell.Corpus {
		p := &Pass{Framework: fw, Catalogue: fw, Vocabulary: vocab, loadVocabulary: load, run: newRunState(fw, fw)}
		return newCorpus(p)
	}
	loads := 0
	load := func() *framework.Framework { loads++; return pub }
	want := corpus(pub, nil)
	if got := corpus(parse.PublishedSources(), load); !spell.SameCounts(got, want) || loads != 0 {
		t.Errorf("from the sources: the same corpus %v, %d loads (want 0)", spell.SameCounts(got, want), loads)
	}
	// The sources are shared: the changed one is a copy.
	other := &framework.Framework{Documents: slices.Clone(parse.PublishedSources().Documents)}
	changed := *other.Documents[0]
	changed.Edition.SHA256 = "0" + changed.Edition.SHA256[1:]
	other.Documents[0] = &changed
	if got := corpus(other, load); !spell.SameCounts(got, want) || loads != 1 {
		t.Errorf("from sources the summary is not of: the same corpus %v, %d loads (want 1)", spell.SameCounts(got, want), loads)
	}
}
