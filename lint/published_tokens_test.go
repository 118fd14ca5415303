package lint

import (
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
	"github.com/ddat-tools/ddat/parse"
)

// TestPublishedTokens tokenises the texts of the embedded snapshot as a
// run's text table does, and compares the encoding with the embedded one
// (published-tokens.bin): it fails when the file is stale (the snapshot,
// the tokeniser or the collection of texts changed). With -update (go
// generate) it writes the file instead. Then, differential: the text
// table of a run linting the embedded documents, read from the file, is
// the table tokenised, and the file is not taken for other documents.
func TestPublishedTokens(t *testing.T) {
	docs, _ := parse.PublishedDocuments()
	got, ok := encodeTokens(docs)
	if !ok {
		t.Fatal("the published documents have no sources or sums")
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile("published-tokens.bin", []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != publishedTokens {
		t.Fatalf("published-tokens.bin is stale (%d bytes, regenerated %d): run go generate ./lint", len(publishedTokens), len(got))
	}

	fw := framework.Merge(docs...)
	fast := textTableOf(fw.Documents, uniqueTexts(fw.Documents), true)
	plain := textTableOf(fw.Documents, uniqueTexts(fw.Documents), false)
	if !reflect.DeepEqual(fast, plain) {
		t.Error("the text table read from the embedded tokens differs from the one tokenised")
	}
	if _, _, ok := embeddedTokens(fw.Documents, fast.values); !ok {
		t.Fatal("the embedded tokens are not taken for the published documents")
	}
	// Another document, or one fewer, is not read from the file.
	if _, _, ok := embeddedTokens(docs[1:], fast.values); ok {
		t.Error("the tokens are taken for some of the published documents")
	}
	other := *docs[0]
	other.File = framework.NewFile(other.File.Name, other.File.Src+" ")
	if _, _, ok := embeddedTokens([]*framework.Document{&other, docs[1]}, fast.values); ok {
		t.Error("the tokens are taken for a document of another length")
	}
	if _, _, ok := embeddedTokens(docs, fast.values[1:]); ok {
		t.Error("the tokens are taken for other texts")
	}
}

// TestTokensDamaged checks that damaged tokens are an error, never a
// panic or words outside their texts.
func TestTokensDamaged(t *testing.T) {
	values := []string{"The cat sat on the mat.", "", "Data 42 analysts’ work"}
	words, lex := spell.TokenizeAll(values, 1)
	enc := spell.EncodeTokens(words, lex)
	gotWords, gotLex, err := enc.Decode(values)
	if err != nil || !reflect.DeepEqual(gotWords, words) || !reflect.DeepEqual(gotLex, lex) {
		t.Fatalf("decoded otherwise than tokenised (%v)", err)
	}
	for n := range len(enc) {
		if _, _, err := enc[:n].Decode(values); err == nil {
			t.Errorf("tokens cut at %d bytes decoded", n)
		}
	}
	if _, _, err := (enc + "x").Decode(values); err == nil {
		t.Error("tokens with trailing bytes decoded")
	}
	short := []string{values[0], "", "Data"}
	if _, _, err := enc.Decode(short); err == nil {
		t.Error("tokens decoded for texts their words do not fit")
	}
}
