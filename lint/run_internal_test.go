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

// TestJobOrder checks the jobs given to a run's workers: every rule once,
// the index of repeats (-1) right after the long rules, then the other
// rules in dispatch order, and the line tables of the documents last,
// each once.
func TestJobOrder(t *testing.T) {
	some := []*Rule{Structure, Encoding, LevelOrder, Spelling, UnknownSkill}
	for _, rules := range [][]*Rule{All, some, {LevelOrder}, {Spelling}, nil} {
		for _, docs := range []int{0, 1, 3} {
			jobs := jobOrder(rules, docs)
			if len(jobs) != len(rules)+1+docs {
				t.Fatalf("%d rules, %d documents: %d jobs %v", len(rules), docs, len(jobs), jobs)
			}
			index := slices.Index(jobs, -1)
			var ruleJobs []int
			for k, j := range jobs {
				switch {
				case j >= 0:
					ruleJobs = append(ruleJobs, j)
					if long := slices.Contains(longRules, rules[j]); long != (k < index) {
						t.Errorf("%d rules: rule %s (long: %v) at %d, the index of repeats at %d", len(rules), rules[j].ID, long, k, index)
					}
				case j < -1 && k < len(rules)+1:
					t.Errorf("%d rules: a line table (job %d) at %d, before a rule", len(rules), j, k)
				}
			}
			if !slices.Equal(ruleJobs, dispatchOrder(rules)) {
				t.Errorf("%d rules: rules in order %v, want the dispatch order %v", len(rules), ruleJobs, dispatchOrder(rules))
			}
			for k := range docs {
				if got := jobs[len(rules)+1+k]; got != -2-k {
					t.Errorf("%d documents: job %d is %d, want document %d's line table, %d", docs, len(rules)+1+k, got, k, -2-k)
				}
			}
		}
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
