package spell

import (
	"encoding/binary"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
	"github.com/ddat-tools/ddat/lint/internal/varint"
)

// corpusState is what a corpus holds, but for its memo of listed words.
type corpusState struct {
	Forms    []string
	IDs      map[string]int32
	Counts   []int
	Total    int
	Pairs    map[uint64]int
	Contexts []uint64
	More     map[int32]*contextSet
	Frequent any
}

// withContext returns the number of words of s with a context: its
// unlisted words.
func withContext(s corpusState) int {
	n := 0
	for _, h := range s.Contexts {
		if h != 0 {
			n++
		}
	}
	return n
}

func stateOf(c *Corpus) corpusState {
	c.IndexFrequent()
	var forms []string
	for id := range c.Lex.Size() {
		forms = append(forms, c.Lex.Form(int32(id)))
	}
	return corpusState{forms, c.Lex.ids, c.counts, c.total, c.pairCounts(), c.context, c.moreContexts, c.frequent}
}

// TestSummaryAsCounting checks that adding a summary of texts to a corpus
// leaves it as counting the texts would (the differential test of
// [Corpus.AddSummary] against [Corpus.Count]): the same numbers of the
// words, uses, pairs, contexts and index of frequent words. The texts are
// the lines of the published downloads and of the seeds, some counted
// before (the linted texts of a run), some summarised.
func TestSummaryAsCounting(t *testing.T) {
	lines := func(path string) []string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(string(b), "\n")
	}
	skills := lines("../../../parse/published/skills-a-to-z-2025-09.md")
	roles := lines("../../../parse/published/roles-2025-09.csv")
	seeds := lines("../../../testdata/skills-a-to-z.md")
	for _, tc := range []struct {
		name          string
		before, added []string
	}{
		{"empty corpus", nil, skills},
		{"seeds then skills", seeds, skills},
		{"skills then roles", skills, roles},
		{"roles then seeds", roles, seeds},
		{"nothing added", seeds, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := NewLexicon(nil)
			var before [][]Word
			for _, v := range tc.before {
				before = append(before, Tokenize(v, base))
			}
			newC := func() *Corpus {
				c := NewCorpus(NewLexicon(base), 0)
				for _, ws := range before {
					c.Count(ws, 2)
				}
				return c
			}
			plain := newC()
			var ws []Word
			for _, v := range tc.added {
				ws = AppendWords(ws[:0], v, plain.Lex)
				plain.Count(ws, 1)
			}
			fast := newC()
			sum := Summarise(tc.added)
			if err := fast.AddSummary(sum); err != nil {
				t.Fatal(err)
			}
			p, f := stateOf(plain), stateOf(fast)
			// Each pair's uses as asked for, which finds the summary's
			// in place; and each pair reversed, which most are not.
			for k, n := range p.Pairs {
				a, b := plain.Lex.Form(int32(k>>32)), plain.Lex.Form(int32(uint32(k)))
				for _, q := range [][2]string{{a, b}, {b, a}} {
					want := plain.PairUses(q)
					if q == [2]string{a, b} && want != n {
						t.Fatalf("plain PairUses(%q) = %d, table has %d", q, want, n)
					}
					if got := fast.PairUses(q); got != want {
						t.Fatalf("PairUses(%q) = %d with the summary, %d counted", q, got, want)
					}
				}
			}
			if !reflect.DeepEqual(p, f) {
				t.Errorf("corpus from the summary differs from counting: %d/%d forms, total %d/%d, %d/%d pairs, %d/%d contexts",
					len(p.Forms), len(f.Forms), p.Total, f.Total, len(p.Pairs), len(f.Pairs), withContext(p), withContext(f))
			}
			if len(tc.added) > 0 && withContext(p) == 0 {
				t.Error("no unlisted word counted: the test checks no context")
			}
			// The summary added first, as the spelling rule adds it: the
			// same counts, and the same number of independent uses of
			// each word (which of a word's contexts are kept, past
			// CorpusWord of them, depends on the order; their number
			// does not).
			first := NewCorpus(NewLexicon(base), 0)
			if err := first.AddSummary(sum); err != nil {
				t.Fatal(err)
			}
			for _, ws := range before {
				first.Count(ws, 2)
			}
			r := stateOf(first)
			p.Contexts, p.More, r.Contexts, r.More = nil, nil, nil, nil
			if !reflect.DeepEqual(p, r) {
				t.Errorf("corpus with the summary added first differs from counting: %d/%d forms, total %d/%d, %d/%d pairs",
					len(p.Forms), len(r.Forms), p.Total, r.Total, len(p.Pairs), len(r.Pairs))
			}
			for id := range int32(plain.Lex.Size()) {
				if a, b := plain.IndependentID(id), first.IndependentID(id); a != b {
					t.Fatalf("%q: %d independent uses counted, %d with the summary added first", plain.Lex.Form(id), a, b)
				}
			}
		})
	}
}

// TestSummaryMalformed checks that a cut or damaged summary is an error,
// never a panic.
func TestSummaryMalformed(t *testing.T) {
	sum := Summarise([]string{"Product mangers line-manage the teem", "The teem of 12 product managers", "aaa bbb ccc"})
	if err := NewCorpus(NewLexicon(nil), 0).AddSummary(sum); err != nil {
		t.Fatal(err)
	}
	for n := range len(sum) {
		if err := NewCorpus(NewLexicon(nil), 0).AddSummary(sum[:n]); err == nil {
			t.Errorf("summary cut to %d of %d bytes: no error", n, len(sum))
		}
	}
	b := []byte(sum)
	for i := range b {
		for _, c := range []byte{0, 0x7f, 0x80, 0xff} {
			d := slices.Clone(b)
			d[i] = c
			_ = NewCorpus(NewLexicon(nil), 0).AddSummary(Summary(d)) // must not panic
		}
	}
}

// TestIsListedID checks the memo by number against the plain [listed]:
// for every word of the published skills, asked twice.
func TestIsListedID(t *testing.T) {
	b, err := os.ReadFile("../../../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	c := NewCorpus(NewLexicon(nil), 0)
	c.Count(Tokenize(string(b), c.Lex), 1)
	n := 0
	for range 2 {
		for id := range c.Lex.Size() {
			want := listed(c.Lex.Form(int32(id)))
			if got := c.IsListedID(int32(id)); got != want {
				t.Fatalf("IsListedID(%q) = %v, want %v", c.Lex.Form(int32(id)), got, want)
			}
			if want {
				n++
			}
		}
	}
	if n == 0 || n == 2*c.Lex.Size() {
		t.Errorf("%d of %d words listed: the test checks one answer only", n/2, c.Lex.Size())
	}
}

// TestLearnListing checks that a corpus taught by a summary which words
// the word list holds (see [Corpus.LearnListing], and [Corpus.AddSummary],
// which teaches it too) answers IsListedID as the list does, for the
// words it was taught (half the published skills' lines summarised, all
// of them counted), and looks up the others; and that a damaged summary
// is an error.
func TestLearnListing(t *testing.T) {
	b, err := os.ReadFile("../../../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	sum := Summarise(lines[:len(lines)/2])
	for _, add := range []bool{false, true} {
		c := NewCorpus(NewLexicon(nil), 0)
		c.Count(Tokenize(string(b), c.Lex), 1)
		if add {
			if err := c.AddSummary(sum); err != nil {
				t.Fatal(err)
			}
		} else if err := c.LearnListing(sum); err != nil {
			t.Fatal(err)
		}
		taught, listedN := 0, 0
		for id := range int32(c.Lex.Size()) {
			if int(id) < len(c.listedID) && c.listedID[id] != 0 {
				taught++
			}
			want := listed(c.Lex.Form(id))
			if got := c.IsListedID(id); got != want {
				t.Fatalf("AddSummary %v: IsListedID(%q) = %v, want %v", add, c.Lex.Form(id), got, want)
			}
			if want {
				listedN++
			}
		}
		if taught == 0 || taught == c.Lex.Size() || listedN == 0 || listedN == c.Lex.Size() {
			t.Errorf("AddSummary %v: %d of %d words taught, %d listed: the test checks one case only", add, taught, c.Lex.Size(), listedN)
		}
	}
	// Cut short in its list of forms, which is all LearnListing reads.
	r := varint.NewReader(string(sum))
	for range r.Len() {
		r.String(r.Len())
		r.Uint()
	}
	forms := len(sum) - len(r.Rest())
	for _, n := range []int{forms / 2, forms - 1} {
		c := NewCorpus(NewLexicon(nil), 0)
		if err := c.LearnListing(sum[:n]); err == nil {
			t.Errorf("a summary cut to %d bytes, in its %d bytes of forms, taught without an error", n, forms)
		}
	}
}

// TestInVocabID checks the memo by number against InVocab, and UsesID
// against Uses, for every word of the published skills, with the words of
// their first lines as names.
func TestInVocabID(t *testing.T) {
	b, err := os.ReadFile("../../../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	c := NewCorpus(NewLexicon(nil), 0)
	ws := Tokenize(string(b), c.Lex)
	c.Count(ws, 1)
	for _, w := range ws[:200] {
		if w.ID >= 0 {
			c.AddName(c.Lex.Form(w.ID))
		}
	}
	n := 0
	for range 2 {
		for id := range c.Lex.Size() {
			f := c.Lex.Form(int32(id))
			if got, want := c.InVocabID(int32(id)), c.InVocab(f); got != want {
				t.Fatalf("InVocabID(%q) = %v, want %v", f, got, want)
			} else if want {
				n++
			}
			if got, want := c.UsesID(int32(id)), c.Uses(f); got != want {
				t.Fatalf("UsesID(%q) = %d, want %d", f, got, want)
			}
		}
	}
	if n == 0 {
		t.Error("no word in the vocabulary: the test checks one answer only")
	}
}

// TestNeighboursAsIndexed checks that the frequent words one edit from a
// word, and used at least so many times, are the same measured by
// scanning and read from the deletion index (see [frequentIndex]), on the
// counts of the published Skills A to Z: queries that are frequent words,
// words one deletion or one insertion from them, at several floors of
// uses; and that a frequentIndex scans until it has visited the words
// the index would cost, then reads the index.
func TestNeighboursAsIndexed(t *testing.T) {
	b, err := os.ReadFile("../../../parse/published/skills-a-to-z-2025-09.md")
	if err != nil {
		t.Fatal(err)
	}
	c := NewCorpus(NewLexicon(nil), 0)
	var ws []Word
	for _, line := range strings.Split(string(b), "\n") {
		ws = AppendWords(ws[:0], line, c.Lex)
		c.Count(ws, 1)
	}
	c.IndexFrequent()
	x := c.frequent
	var queries []string
	for i, v := range x.words {
		switch i % 3 {
		case 0:
			queries = append(queries, v)
		case 1:
			queries = append(queries, v[:len(v)-1])
		default:
			queries = append(queries, v+"s")
		}
	}
	indexed := newFrequentIndex(x.words, x.uses)
	indexed.visited = indexCostRatio * indexed.keys // past the scans
	var buf nearword.Buf
	found := 0
	for _, q := range queries {
		for _, floor := range []int{0, frequentWord, 10, 50} {
			scanned := x.scan(q, floor, &buf)
			if got := indexed.near(q, floor, &buf); !slices.Equal(got, scanned) {
				t.Fatalf("near(%q, %d): %v by scanning, %v from the index", q, floor, scanned, got)
			}
			found += len(scanned)
		}
	}
	if indexed.deletions == nil || found < 100 || len(queries) < 500 {
		t.Fatalf("index built: %v; %d neighbours found for %d queries", indexed.deletions != nil, found, len(queries))
	}
	// A fresh index scans until its visits reach the index's cost.
	fresh := newFrequentIndex(x.words, x.uses)
	for i := 0; fresh.deletions == nil; i++ {
		if fresh.visited >= indexCostRatio*fresh.keys+len(x.words) {
			t.Fatalf("%d words visited by %d scans and no index: the scans are not bounded", fresh.visited, i)
		}
		fresh.near(queries[i%len(queries)], frequentWord, &buf)
	}
}

// TestSummaryRepeatedForm checks that a summary that lists a form twice
// (which Summarise never writes, but which decodes) counts its pairs as
// adding them to the table would: each pair under the words' numbers in
// the corpus, whichever of the form's two numbers in the summary it
// names. The summary of "aa bb aa" with "aa" listed twice, its pairs
// (aa, bb) and (bb, aa) written as (0, 1) and (1, 2).
func TestSummaryRepeatedForm(t *testing.T) {
	var b []byte
	b = binary.AppendUvarint(b, 3)
	for _, f := range []string{"aa", "bb", "aa"} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
		b = binary.AppendUvarint(b, 1<<1)
	}
	b = binary.AppendUvarint(b, 2)
	for _, p := range [][3]uint32{{0, 1, 1}, {1, 2, 1}} {
		for _, v := range p {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	}
	b = binary.AppendUvarint(b, 0) // no contexts
	for _, first := range []bool{true, false} {
		c := NewCorpus(NewLexicon(nil), 0)
		if !first {
			// Added second, its pairs go to the table.
			if err := c.AddSummary(Summarise([]string{"cc dd"})); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.AddSummary(Summary(b)); err != nil {
			t.Fatal(err)
		}
		for _, p := range [][2]string{{"aa", "bb"}, {"bb", "aa"}} {
			if got := c.PairUses(p); got != 1 {
				t.Errorf("summary added first %v: PairUses(%q) = %d, want 1", first, p, got)
			}
		}
	}
}
