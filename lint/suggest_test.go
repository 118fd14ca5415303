package lint

import (
	"os"
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// TestVocabIndexFindsWhatAScanFinds checks the index against measuring
// every word: near calls fn for every word of the index that the optimal
// string alignment distance puts within d edits, transpositions included.
func TestVocabIndexFindsWhatAScanFinds(t *testing.T) {
	all := slices.Collect(wordlist.All())
	var words []string
	for i := 0; i < len(all); i += 37 { // a spread of about 3,500 words
		words = append(words, all[i])
	}
	x := newVocabIndex(words, maxSuggestLen+3)
	var b distBuf
	for _, q := range []string{"portolio", "mangers", "implemation", "mnaager", "teh", "centred", "stakholder", "aproach", "recieve", "ab"} {
		for d := 1; d <= 3; d++ {
			var want, got []string
			for _, w := range words {
				if b.distance(q, w, d) <= d {
					want = append(want, w)
				}
			}
			x.near(q, d, func(w string) {
				if b.distance(q, w, d) <= d {
					got = append(got, w)
				}
			})
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("near(%q, %d) = %v, scan finds %v", q, d, got, want)
			}
		}
	}
}

// TestSuggestAloneAndTogether checks that a word's suggestions do not
// depend on the other words looked up with it.
func TestSuggestAloneAndTogether(t *testing.T) {
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	newC := func() *corpus {
		c := emptyCorpus(newLexicon(nil))
		c.count(tokenize(string(src), c.lex), 1)
		return c
	}
	queries := []string{"portolio", "mangers", "implemation", "mnaager", "stakholder", "aproach", "recieve", "comunication",
		"goverance", "stratgey", "analysys", "desgin", "techincal", "managment", "procurment", "resilence", "infrastucture",
		"secuirty", "availabilty", "requirments", "prioritse", "stakeholers", "delievery", "capabilty", "engagment",
		"oppertunity", "developement", "perfomance", "knowlege", "assesment", "colaboration", "leadreship", "insigths", "sevice"}
	together := newC().suggest(queries)
	some := 0
	for _, q := range queries {
		alone := newC().suggest([]string{q})
		if !slices.Equal(alone[q], together[q]) {
			t.Errorf("suggestions for %q: %v alone, %v with the others", q, alone[q], together[q])
		}
		if len(alone[q]) > 0 {
			some++
		}
	}
	if some < len(queries)*3/4 {
		t.Errorf("only %d of %d queries got suggestions", some, len(queries))
	}
}

// TestNeighboursFindWhatAScanFinds checks the deletion index against
// measuring every frequent word: neighbours finds exactly the words one
// edit away, shorter first, then bytewise.
func TestNeighboursFindWhatAScanFinds(t *testing.T) {
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	c := emptyCorpus(newLexicon(nil))
	c.count(tokenize(string(src), c.lex), 1)
	var frequent []string
	for id, n := range c.counts {
		if n >= frequentWord {
			frequent = append(frequent, c.lex.form(int32(id)))
		}
	}
	slices.Sort(frequent)
	for _, w := range frequent {
		c.frequent.add(w)
	}
	var b distBuf
	found := 0
	for _, q := range append([]string{"portolio", "mangers", "managment", "teh", "deliver", "skils", "ll", "a"}, frequent[:200]...) {
		var want []string
		for _, w := range frequent {
			if w != q && b.distance(q, w, 1) == 1 {
				want = append(want, w)
			}
		}
		slices.SortStableFunc(want, func(a, b string) int { return len(a) - len(b) })
		got := c.neighbours(q)
		if !slices.Equal(got, want) {
			t.Errorf("neighbours(%q) = %v, a scan finds %v", q, got, want)
		}
		found += len(got)
	}
	if found < 20 {
		t.Errorf("only %d neighbours found in all", found)
	}
}

// TestSuggestLenCoversTheList checks that the length bound of the
// word-list pass of suggest leaves nothing out: a word longer than
// maxSuggestLen is not looked up in the list, which is exact only while
// no list word is within two bytes of that length.
func TestSuggestLenCoversTheList(t *testing.T) {
	for w := range wordlist.All() {
		if len(w) > maxSuggestLen-2 {
			t.Errorf("list word %q is %d bytes: raise maxSuggestLen above %d", w, len(w), len(w)+2)
		}
	}
}
