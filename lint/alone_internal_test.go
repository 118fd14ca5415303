package lint

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
	"github.com/ddat-tools/ddat/parse"
)

// reachOf returns the bytes that the spans of t's words can take (see
// [aloneTexts]), both ends included, so that texts that touch share one.
func reachOf(t framework.Text) (lo, hi int) {
	return t.Span.Start, max(t.Span.End, t.Span.Start+len(t.Value))
}

// checkAlone checks aloneTexts(ts) against its definition, counted byte
// by byte: a text marked alone has a file, and no other text of ts
// reaches a byte its words can reach. It returns the number marked alone.
func checkAlone(t *testing.T, name string, ts []framework.Text) int {
	t.Helper()
	alone := aloneTexts(ts)
	if len(alone) != len(ts) {
		t.Fatalf("%s: %d flags for %d texts", name, len(alone), len(ts))
	}
	cover := map[*framework.File][]int{} // texts reaching each byte, as differences
	for _, tx := range ts {
		f := tx.Span.File
		if f == nil {
			continue
		}
		lo, hi := reachOf(tx)
		c := cover[f]
		if n := max(len(f.Src), hi) + 2; len(c) < n {
			c = append(c, make([]int, n-len(c))...)
		}
		c[lo]++
		c[hi+1]--
		cover[f] = c
	}
	for f, c := range cover {
		for i := 1; i < len(c); i++ {
			c[i] += c[i-1]
		}
		cover[f] = c
	}
	n := 0
	for i, tx := range ts {
		if !alone[i] {
			continue
		}
		n++
		if tx.Span.File == nil {
			t.Fatalf("%s: text %d (%q) has no file but is marked alone", name, i, tx.Value)
		}
		lo, hi := reachOf(tx)
		if most := slices.Max(cover[tx.Span.File][lo : hi+1]); most != 1 {
			t.Fatalf("%s: text %d (%q, bytes %d to %d) is marked alone but %d texts reach one of its bytes", name, i, tx.Value, lo, hi, most)
		}
	}
	return n
}

// TestAloneTexts checks aloneTexts on the texts of the test data and the
// published downloads, where most texts are alone, and that the spans of
// the words of every text lie in the bytes the function assumes they can
// take; and on made-up texts that overlap, touch, lack a file or are
// parted from the other texts of their file.
func TestAloneTexts(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/*")
	more, _ := filepath.Glob("../parse/published/*")
	var docs []*framework.Document
	for _, p := range append(paths, more...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := parse.Parse(p, src)
		if doc == nil {
			continue
		}
		docs = append(docs, doc)
		ts := uniqueTexts([]*framework.Document{doc})
		if n := checkAlone(t, p, ts); len(ts) > 10 && n < len(ts)/2 {
			t.Errorf("%s: %d of %d texts alone, want most", p, n, len(ts))
		}
		lex := spell.NewLexicon(nil)
		for _, tx := range ts {
			lo, hi := reachOf(tx)
			for _, w := range spell.Tokenize(tx.Value, lex) {
				if s := wordSpan(tx, w); s.Start < lo || s.End > hi {
					t.Fatalf("%s: word %q of %q at bytes %d to %d, outside %d to %d", p, w.Text(tx.Value), tx.Value, s.Start, s.End, lo, hi)
				}
			}
		}
	}
	checkAlone(t, "all documents", uniqueTexts(docs))

	f := framework.NewFile("a.md", "0123456789abcdefghijklmnopqrstuvwxyz")
	g := framework.NewFile("b.md", "0123456789abcdefghijklmnopqrstuvwxyz")
	text := func(f *framework.File, start, end int) framework.Text {
		return framework.Text{Value: string(f.Src[start:end]), Span: framework.Span{File: f, Start: start, End: end}}
	}
	longer := text(f, 30, 32)
	longer.Value = "a value longer than its span" // reaches from 30 to 58
	for _, tc := range []struct {
		name  string
		texts []framework.Text
		want  []bool
	}{
		{"apart", []framework.Text{text(f, 0, 3), text(f, 5, 9), text(f, 11, 12)}, []bool{true, true, true}},
		{"overlapping", []framework.Text{text(f, 0, 3), text(f, 2, 9), text(f, 11, 12)}, []bool{false, false, true}},
		{"touching", []framework.Text{text(f, 0, 3), text(f, 3, 9), text(f, 11, 12)}, []bool{false, false, true}},
		{"inside an earlier one", []framework.Text{text(f, 0, 20), text(f, 5, 9), text(f, 22, 24)}, []bool{false, false, true}},
		{"value longer than span", []framework.Text{text(f, 0, 3), longer, text(f, 34, 36)}, []bool{true, false, false}},
		{"no file", []framework.Text{{Value: "abc"}, text(f, 5, 9)}, []bool{false, true}},
		{"two files", []framework.Text{text(f, 0, 3), text(g, 0, 3), text(g, 5, 9)}, []bool{true, true, true}},
		{"a file parted", []framework.Text{text(f, 0, 3), text(g, 0, 3), text(f, 5, 9)}, []bool{false, true, false}},
		{"out of order", []framework.Text{text(f, 5, 9), text(f, 0, 3)}, []bool{false, false}},
	} {
		if got := aloneTexts(tc.texts); !slices.Equal(got, tc.want) {
			t.Errorf("%s: aloneTexts = %v, want %v", tc.name, got, tc.want)
		}
		checkAlone(t, tc.name, tc.texts)
	}
}
