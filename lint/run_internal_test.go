package lint

import (
	"slices"
	"testing"
)

// TestDispatchOrder checks that the rules are handed out longest first
// and each exactly once, for all the rules and for a selection that
// leaves some of the long ones out, and that every long rule is a rule.
func TestDispatchOrder(t *testing.T) {
	for _, long := range longRules {
		if !slices.Contains(All, long) {
			t.Errorf("long rule %s is not in All", long.ID)
		}
	}
	some := []*Rule{Structure, Encoding, LevelOrder, Spelling, UnknownSkill}
	for _, rules := range [][]*Rule{All, some, nil} {
		order := dispatchOrder(rules)
		if got := slices.Sorted(slices.Values(order)); !slices.Equal(got, indexes(len(rules))) {
			t.Fatalf("dispatchOrder gives %v for %d rules: not each once", order, len(rules))
		}
		var first []*Rule
		for _, i := range order {
			first = append(first, rules[i])
		}
		var want []*Rule
		for _, r := range longRules {
			if slices.Contains(rules, r) {
				want = append(want, r)
			}
		}
		for _, r := range rules {
			if !slices.Contains(longRules, r) {
				want = append(want, r)
			}
		}
		if !slices.Equal(first, want) {
			t.Errorf("dispatch order %v, want the long rules first, then the others in order", ids(first))
		}
	}
	if first := All[dispatchOrder(All)[0]]; first != Spelling {
		t.Errorf("the first rule dispatched is %s, want spelling, the longest", first.ID)
	}
}

func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func ids(rules []*Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.ID)
	}
	return out
}
