package parse_test

import (
	"testing"

	"github.com/ddat-tools/ddat/parse"
)

// TestParseAllocs holds each parser's allocations on its real fixture
// to a budget in objects (testing.AllocsPerRun counts them exactly, so
// this fails on a change, never on a slow machine): about a quarter over
// what each takes today, so that a parser that starts copying every
// text, or allocating per byte, is caught.
func TestParseAllocs(t *testing.T) {
	for _, tc := range []struct {
		file   string
		budget float64 // objects allocated by one Parse (measured 2026-12-01 ×1.25)
	}{
		{"skills-a-to-z.md", 5700}, // 6500 before Slug read ASCII names without their key
		{"role-page-digital-portfolio-manager-2024.txt", 900},
		{"role-level-digital-portfolio-manager.txt", 90},
		{"legacy-guidance-product-manager-2020.txt", 330},
		{"legacy-guidance-software-developer.html", 7700}, // 13,845 when each decoded byte kept its raw offsets
		{"roles-sample.csv", 1200},
		{"skills-sample.csv", 1050}, // 1350 before the same
		{"changelog-sample.csv", 235},
	} {
		src := string(readFixture(t, tc.file))
		got := testing.AllocsPerRun(5, func() {
			if doc, err := parse.ParseString(tc.file, src); doc == nil {
				t.Fatal(err)
			}
		})
		t.Logf("%s: %.0f objects (%d bytes)", tc.file, got, len(src))
		if got > tc.budget {
			t.Errorf("parsing %s allocates %.0f objects, budget %.0f", tc.file, got, tc.budget)
		}
	}
}
