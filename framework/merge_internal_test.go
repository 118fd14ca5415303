package framework

import (
	"strings"
	"testing"
)

func TestSimilarNames(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"head of portfolio", "head of portolio", true},  // a letter dropped
		{"head of portfolio", "head of protfolio", true}, // two swapped
		{"widget maker", "widget makr", true},
		{"head of widgets", "head of all widgets", true}, // a word added
		{"head of widgets", "head widgets", false},       // "of" dropped: a seniority phrase
		{"widget maker", "senior widget maker", false},
		{"data analyst", "lead data analyst", false},
		{"gadget maker", "gadget fitter", false},
		{"developer", "developers", true},
		{"developer", "designer", false},
		{"lead developer", "lead developer - management", false},
		{"senior developer", "junior developer", false}, // two edits in 16 letters, but in a word of seniority
		{"senoir developer", "senior developer", false}, // a slip in a word of seniority is left alone
		{"a", "b", true}, // one edit is always allowed
		{"ab", "cd", false},
		{strings.Repeat("a", 300), strings.Repeat("a", 299) + "b", false}, // too long to compare
	}
	for _, tt := range tests {
		if got := similarNames(tt.a, tt.b); got != tt.want {
			t.Errorf("similarNames(%.40q, %.40q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := similarNames(tt.b, tt.a); got != tt.want {
			t.Errorf("similarNames(%.40q, %.40q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// TestEditsWithin checks the banded distance against the full one.
func TestEditsWithin(t *testing.T) {
	words := []string{"", "a", "ab", "ba", "abc", "acb", "portfolio", "portolio", "protfolio", "portfolios", "head of portfolio", "head of portolio", "kitten", "sitting", "flaw", "lawn"}
	for _, a := range words {
		for _, b := range words {
			d := fullDistance([]rune(a), []rune(b))
			for k := 0; k <= 4; k++ {
				if got, want := editsWithin([]rune(a), []rune(b), k), d <= k; got != want {
					t.Errorf("editsWithin(%q, %q, %d) = %v, want %v (distance %d)", a, b, k, got, want, d)
				}
			}
		}
	}
}

// fullDistance is the optimal string alignment distance, every cell
// computed.
func fullDistance(x, y []rune) int {
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
