package spell

import (
	"maps"
	"os"
	"runtime"
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/wordlist"
)

// TestSuggestAloneAndTogether checks that a word's suggestions do not
// depend on the other words looked up with it, nor on the number of
// processors.
func TestSuggestAloneAndTogether(t *testing.T) {
	src, err := os.ReadFile("../../../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	newC := func() *Corpus {
		c := NewCorpus(NewLexicon(nil), 0)
		c.Count(Tokenize(string(src), c.Lex), 1)
		return c
	}
	queries := []string{"portolio", "mangers", "implemation", "mnaager", "stakholder", "aproach", "recieve", "comunication",
		"goverance", "stratgey", "analysys", "desgin", "techincal", "managment", "procurment", "resilence", "infrastucture",
		"secuirty", "availabilty", "requirments", "prioritse", "stakeholers", "delievery", "capabilty", "engagment",
		"oppertunity", "developement", "perfomance", "knowlege", "assesment", "colaboration", "leadreship", "insigths", "sevice"}
	// The list is scanned in two shares with several processors, in one
	// with one: the same suggestions.
	prev := runtime.GOMAXPROCS(2)
	together := newC().Suggest(queries)
	runtime.GOMAXPROCS(1)
	one := newC().Suggest(queries)
	runtime.GOMAXPROCS(prev)
	if !maps.EqualFunc(one, together, slices.Equal) {
		t.Error("suggestions differ with one processor")
	}
	some := 0
	for _, q := range queries {
		alone := newC().Suggest([]string{q})
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

// TestSuggestLenCoversTheList checks that the length bound of the
// word-list pass of suggest leaves nothing out: a word longer than
// maxSuggestLen is not looked up in the list, which is exact only while
// no list word is within two bytes of that length.
func TestSuggestLenCoversTheList(t *testing.T) {
	for w := range wordlist.All() {
		if len(w) > MaxSuggestLen-2 {
			t.Errorf("list word %q is %d bytes: raise maxSuggestLen above %d", w, len(w), len(w)+2)
		}
	}
}
