package lint

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"a b c", "a b c", "a b c"},
		{"tailor communication while also meeting user needs", "tailor communication while meeting user needs",
			"tailor communication while [-also-] meeting user needs"},
		{"follow appropriate processes", "follow the appropriate processes", "follow {+the+} appropriate processes"},
		{"&nbsp;champion the role of data", "champion the role of data", "[-&nbsp;champion-]{+champion+} the role of data"},
		{"build relationships while meeting needs", "build relationships, while also meeting needs",
			"build [-relationships-]{+relationships,+} while {+also+} meeting needs"},
		{"a b", "c d", "[-a b-]{+c d+}"},
		{"", "a", "{+a+}"},
		{"a", "", "[-a-]"},
	} {
		if got := wordDiff(tc.old, tc.new); got != tc.want {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}

// TestWordDiffLongLines checks that lines too long for the table are
// diffed by their common start and end, in bounded memory.
func TestWordDiffLongLines(t *testing.T) {
	a := strings.Repeat("x ", 1000) + "old " + strings.Repeat("y ", 1000)
	b := strings.Repeat("x ", 1000) + "new " + strings.Repeat("y ", 1000)
	if got := wordDiff(a, b); !strings.Contains(got, " [-old-]{+new+} ") {
		t.Errorf("long lines: %.80q…", got[1990:])
	}
	c := strings.Repeat("p q ", 300)
	d := strings.Repeat("q p ", 300)
	allocs := testing.AllocsPerRun(1, func() { wordDiff(c, d) })
	if got := wordDiff(c, d); !strings.HasPrefix(got, "[-p q") || allocs > 20 {
		t.Errorf("600-word lines with no common start: %.40q…, %v allocations", got, allocs)
	}
}

// TestRepaired checks that repaired mends what the encoding rule reports,
// as its fixes do, and leaves other text alone.
func TestRepaired(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"oversee teamsâ€™ work", "oversee teams’ work"},
		{"&nbsp;champion the role", "\u00a0champion the role"},
		{"R&D and &amp; more", "R&D and & more"},
		{"zero\u200bwidth", "zerowidth"},
		{"café", "café"},
	} {
		if got := repaired(tc.in); got != tc.want {
			t.Errorf("repaired(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
