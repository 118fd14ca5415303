package lint_test

import (
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

// TestRunAllocs holds each rule's allocations on the real seeds, linted
// together, to a budget in objects: testing.AllocsPerRun counts them
// exactly (to a few objects across the rules' goroutines), so this fails
// on a change, never on a slow machine. Budgets are about a quarter over
// what each rule takes today: a rule that starts comparing texts pair by
// pair, or copying them, is caught.
func TestRunAllocs(t *testing.T) {
	var docs []*framework.Document
	for _, n := range realSeeds {
		docs = append(docs, readSeed(t, n))
	}
	fw := framework.Merge(docs...)
	// Objects allocated by one run of the rule (measured 2026-12-01,
	// ×1.3). A rule without a budget fails: give a new one its own.
	budgets := map[string]float64{
		"parse":               56,
		"structure":           200,
		"encoding":            710,
		"punctuation":         1180,
		"list-punctuation":    112,
		"spelling":            2990,
		"british-spelling":    1140,
		"unknown-level":       64,
		"level-scale":         380,
		"undefined-level":     920,
		"unknown-skill":       3820, // 8900 before the near-word index was built only after 64 lookups
		"descriptor-mismatch": 3840, // 6970 before the catalogue search tokenised each level once, by its first line
		"level-regression":    126,  // 160 before it kept one map of a level's skills
		"role-backlink":       1500,
		"duplicate":           1330,
		"level-order":         54,
		"level-name":          54,
	}
	for _, r := range lint.All {
		got := testing.AllocsPerRun(3, func() {
			lint.Run(fw, lint.Options{Rules: []*lint.Rule{r}})
		})
		t.Logf("%s: %.0f objects", r.ID, got)
		b, ok := budgets[r.ID]
		if !ok {
			t.Errorf("rule %s has no allocation budget (it takes %.0f objects): add one", r.ID, got)
		} else if got > b {
			t.Errorf("rule %s on the seeds allocates %.0f objects, budget %.0f", r.ID, got, b)
		}
	}
}
