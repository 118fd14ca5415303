package lint

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/ddat-tools/ddat/framework"
)

// TestSortAsStable holds Sort, which sorts indexes and moves each
// diagnostic once, to sort.SliceStable with the order spelt out field by
// field: on random findings with many ties (the same file, place, rule
// and message, told apart by their severity and repeats, which the order
// does not look at), sorted, reversed, with findings of MaxFindingsRule
// and without a file, at sizes either side of the insertion sort's.
func TestSortAsStable(t *testing.T) {
	plainLess := func(a, b Diagnostic) bool {
		if am, bm := a.Rule == MaxFindingsRule, b.Rule == MaxFindingsRule; am != bm {
			return bm
		}
		an, bn := "", ""
		if a.Span.File != nil {
			an = a.Span.File.Name
		}
		if b.Span.File != nil {
			bn = b.Span.File.Name
		}
		if an != bn {
			return an < bn
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	}
	files := []*framework.File{nil, framework.NewFile("a.csv", ""), framework.NewFile("b.md", ""), framework.NewFile("a.csv", "")}
	rules := []string{"spelling", "punctuation", MaxFindingsRule, "structure"}
	rng := rand.New(rand.NewPCG(5, 9))
	for _, n := range []int{0, 1, 2, 12, 13, 100, 5000} {
		ds := make([]Diagnostic, n)
		for i := range ds {
			ds[i] = Diagnostic{
				Rule:     rules[rng.IntN(len(rules))],
				Severity: Severity(1 + rng.IntN(3)),
				Span:     framework.Span{File: files[rng.IntN(len(files))], Start: rng.IntN(6)},
				Message:  fmt.Sprint("m", rng.IntN(3)),
				Repeats:  i, // tells ties apart
			}
		}
		for _, order := range []string{"random", "sorted", "reversed"} {
			in := slices.Clone(ds)
			switch order {
			case "sorted":
				sort.SliceStable(in, func(i, j int) bool { return plainLess(in[i], in[j]) })
			case "reversed":
				sort.SliceStable(in, func(i, j int) bool { return plainLess(in[i], in[j]) })
				slices.Reverse(in)
			}
			want := slices.Clone(in)
			sort.SliceStable(want, func(i, j int) bool { return plainLess(want[i], want[j]) })
			got := slices.Clone(in)
			Sort(got)
			for i := range want {
				if got[i].Repeats != want[i].Repeats {
					t.Fatalf("%d findings, %s: position %d holds finding %d, want %d", n, order, i, got[i].Repeats, want[i].Repeats)
				}
			}
		}
	}
}
