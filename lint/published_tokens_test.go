package lint

import (
	"flag"
	"os"
	"path/filepath"
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
	fast, ok := embeddedTable(fw.Documents)
	if !ok {
		t.Fatal("the embedded table is not taken for the published documents")
	}
	plain := textTableOf(uniqueTexts(fw.Documents))
	if !sameTable(fast, plain) {
		t.Error("the text table read from the embedded tokens differs from the one built")
	}
	if wrong, bad, known := spell.ListedKnownRight(fast.lex); bad || known != fast.lex.Size() {
		t.Errorf("the embedded tokens know %d of %d words' listing, %q wrongly", known, fast.lex.Size(), wrong)
	}
	// Another document, or one fewer, is not read from the file.
	if _, ok := embeddedTable(docs[1:]); ok {
		t.Error("the table is taken for some of the published documents")
	}
	other := *docs[0]
	other.File = framework.NewFile(other.File.Name, other.File.Src+" ")
	if _, ok := embeddedTable([]*framework.Document{&other, docs[1]}); ok {
		t.Error("the table is taken for a document of another length")
	}
	// A damaged layout is not taken: each byte of it changed in turn
	// (as far as the first thousand), and the file cut short.
	h, _ := tokensHeader(fw.Documents)
	saved := publishedTokens
	defer func() { publishedTokens = saved }()
	for i := len(h); i < len(h)+1000; i++ {
		b := []byte(saved)
		b[i] ^= 0x01
		publishedTokens = string(b)
		if tt, ok := embeddedTable(fw.Documents); ok && !sameTable(tt, plain) {
			t.Fatalf("a table damaged at byte %d is taken, and differs", i)
		}
	}
	for _, n := range []int{len(h) + 1, len(h) + 100, len(saved) / 2, len(saved) - 1} {
		publishedTokens = saved[:n]
		if _, ok := embeddedTable(fw.Documents); ok {
			t.Errorf("a table cut at %d of %d bytes is taken", n, len(saved))
		}
	}
}

// TestUniqueOrder holds uniqueOrder, which writes the layout of the
// embedded table, to uniqueTexts, which builds the table otherwise: on the
// embedded documents, the test data and the spelling cases.
func TestUniqueOrder(t *testing.T) {
	docs, _ := parse.PublishedDocuments()
	names, _ := filepath.Glob("../testdata/*")
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if d, _ := parse.Parse(name, src); d != nil {
			docs = append(docs, d)
		}
	}
	sets := [][]*framework.Document{docs, docs[:2], docs[2:], append([]*framework.Document{nil}, docs[3:]...)}
	for n, ds := range sets {
		walk, order := uniqueOrder(ds)
		var got []framework.Text
		for _, i := range order {
			got = append(got, walk[i])
		}
		if want := uniqueTexts(ds); !reflect.DeepEqual(got, want) {
			t.Fatalf("uniqueOrder gives %d texts, uniqueTexts %d, or in another order", len(got), len(want))
		}
		if n == 0 && len(order) == len(walk) {
			t.Errorf("%d documents: every text kept: nothing for the layout to leave out", len(ds))
		}
	}
}

// TestTokensDamaged checks that damaged tokens are an error, never a
// panic or words outside their texts.
func TestTokensDamaged(t *testing.T) {
	values := []string{"The cat sat on the mat.", "", "Data 42 analysts’ work"}
	words, lex := spell.TokenizeAll(values, 1)
	enc := spell.EncodeTokens(words, lex)
	gotWords, gotLex, err := enc.Decode(values)
	if err != nil || !reflect.DeepEqual(gotWords, words) || !spell.SameLexicon(gotLex, lex) {
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

// TestHeaderLen holds headerLen, which reads the embedded files' headers
// in place, to docsHeader, which writes them: it finds the header that
// docsHeader writes before any content, for the published documents and
// for the seeds, and not after a change to any byte of it, nor for other
// documents.
func TestHeaderLen(t *testing.T) {
	published, _ := parse.PublishedDocuments()
	var seeds []*framework.Document
	for _, name := range []string{"skills-a-to-z.md", "roles-sample.csv", "legacy-guidance-software-developer.html"} {
		src, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := parse.ParseString(name, string(src))
		seeds = append(seeds, d)
	}
	for _, docs := range [][]*framework.Document{published, seeds, published[:1], nil} {
		for _, kind := range []string{wordsKind, tokensKind} {
			h, ok := docsHeader(kind, docs)
			if !ok {
				t.Fatalf("no header for %d documents", len(docs))
			}
			for _, body := range []string{"", "\x00rest", "\n"} {
				if n, ok := headerLen(h+body, kind, docs); !ok || n != len(h) {
					t.Errorf("headerLen of %q: %d, %v; want %d", h+body, n, ok, len(h))
				}
			}
			for i := range len(h) {
				b := []byte(h)
				b[i] ^= 0x20
				if _, ok := headerLen(string(b), kind, docs); ok {
					t.Errorf("the header %q changed at byte %d is taken", h, i)
				}
			}
			if _, ok := headerLen(h, kind, append(docs[:len(docs):len(docs)], published[0])); ok {
				t.Errorf("the header of %d documents is taken for one more", len(docs))
			}
		}
	}
}

// sameTable reports whether two text tables hold the same texts, values,
// uses and words, numbered alike (what their lexicons know of the word
// list aside).
func sameTable(a, b *textTable) bool {
	if !spell.SameLexicon(a.lex, b.lex) {
		return false
	}
	x, y := *a, *b
	x.lex, y.lex = nil, nil
	return reflect.DeepEqual(x, y)
}
