package parse

import (
	"testing"

	"github.com/ddat-tools/ddat/framework"
)

// TestLevelSlip checks which lines read as a "Level:" line whose colon
// is missing or mistyped, and which stay skill names.
func TestLevelSlip(t *testing.T) {
	for _, tc := range []struct {
		line, word, prefix string // word "": not a level line
	}{
		{"Level - working", "working", "Level - "},
		{"Level – expert", "expert", "Level – "},
		{"Level working", "working", "Level "},
		{"level ; Practitioner", "Practitioner", "level ; "},
		{"Level : awareness", "awareness", "Level : "},
		{"Level - wroking", "wroking", "Level - "}, // the unknown-level rule's finding
		{"Level design", "", ""},                   // a skill name
		{"Levelling up", "", ""},
		{"Level - working well", "", ""},
		{"Level", "", ""},
		{"Level -", "", ""},
	} {
		f := framework.NewFile("page.txt", tc.line)
		word, prefix, ok := levelSlip(framework.NewText(f, 0, len(tc.line)))
		if ok != (tc.word != "") {
			t.Errorf("levelSlip(%q) ok = %v", tc.line, ok)
			continue
		}
		if ok && (word.Value != tc.word || f.Src[prefix.Start:prefix.End] != tc.prefix) {
			t.Errorf("levelSlip(%q) = %q, %q; want %q, %q", tc.line, word.Value, f.Src[prefix.Start:prefix.End], tc.word, tc.prefix)
		}
	}
}
