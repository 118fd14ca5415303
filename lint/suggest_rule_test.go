package lint

import (
	"strings"
	"testing"
)

func TestSuggestRule(t *testing.T) {
	if s, ok := SuggestRule("descriptor-mismatc"); !ok || s != "descriptor-mismatch" {
		t.Errorf("SuggestRule = %q, %v", s, ok)
	}
	if s, ok := SuggestRule(strings.Repeat("q", 20)); ok {
		t.Errorf("SuggestRule suggested %q for nonsense", s)
	}
}
