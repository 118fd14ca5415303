package parse

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

// orderLevelsByScan is orderLevels as it was first written: each inferred
// level inserted after the last level placed so far, known or inferred,
// whose name ranks at or below its own, found by scanning them all. It is
// quadratic in the number of levels; orderLevels must give the same order.
func orderLevelsByScan(r *framework.Role) {
	table := seniority()[r.Name.Key()]
	known := map[string]seniorityEntry{}
	for _, e := range table {
		known[framework.Key(e.name)] = e
	}
	type placed struct {
		l     *framework.RoleLevel
		known bool
		num   int
		rank  int
	}
	var order, inferred []placed
	for _, l := range r.Levels {
		rank, _ := nameRank(l.Name.Value)
		if e, ok := known[l.Name.Key()]; ok {
			order = append(order, placed{l: l, known: true, num: e.number, rank: rank})
		} else {
			inferred = append(inferred, placed{l: l, rank: rank})
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].num < order[j].num })
	sort.SliceStable(inferred, func(i, j int) bool {
		a, b := inferred[i], inferred[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if wa, wb := skillWeight(a.l), skillWeight(b.l); wa != wb {
			return wa < wb
		}
		return a.l.Name.Key() < b.l.Name.Key()
	})
	for _, p := range inferred {
		at := 0
		for i, q := range order {
			if q.rank <= p.rank {
				at = i + 1
			}
		}
		order = append(order[:at], append([]placed{p}, order[at:]...)...)
	}
	r.Levels = r.Levels[:0]
	for _, p := range order {
		r.Levels = append(r.Levels, p.l)
	}
}

// TestOrderLevelsMatchesScan compares orderLevels with the scanning
// version on random roles: known and unknown levels, in the table's roles
// and out of them, with every seniority word and skill weight.
func TestOrderLevelsMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	roles := []string{"Data scientist", "Digital portfolio manager", "Product manager", "Data wrangler"}
	var known []string
	for _, e := range seniority()[framework.Key("Data scientist")] {
		known = append(known, e.name)
	}
	for _, e := range seniority()[framework.Key("Digital portfolio manager")] {
		known = append(known, e.name)
	}
	words := []string{"", "Apprentice ", "Junior ", "Associate ", "Senior ", "Principal ", "Lead ", "Head of ", "Chief ", "Director ", "Deputy director "}
	for i := range 2000 {
		role := roles[rng.IntN(len(roles))]
		mk := func() *framework.Role {
			r := &framework.Role{Name: framework.Text{Value: role}}
			rng := rand.New(rand.NewPCG(uint64(i), 3))
			for j := range rng.IntN(12) {
				name := words[rng.IntN(len(words))] + fmt.Sprintf("level %d", rng.IntN(4))
				if rng.IntN(3) == 0 {
					name = known[rng.IntN(len(known))]
				}
				l := &framework.RoleLevel{Name: framework.Text{Value: name}, Span: framework.Span{Start: j}} // Start tells apart levels of one name
				for range rng.IntN(3) {
					l.Skills = append(l.Skills, &framework.Requirement{Level: framework.Level(1 + rng.IntN(4))})
				}
				r.Levels = append(r.Levels, l)
			}
			return r
		}
		got, want := mk(), mk()
		orderLevels(got)
		orderLevelsByScan(want)
		names := func(r *framework.Role) []string {
			var ns []string
			for _, l := range r.Levels {
				ns = append(ns, fmt.Sprintf("%d:%s/%d", l.Span.Start, l.Name.Value, skillWeight(l)))
			}
			return ns
		}
		if diff := cmp.Diff(names(want), names(got)); diff != "" {
			t.Fatalf("role %q, case %d: order (-scan +orderLevels):\n%s", role, i, diff)
		}
		for j, l := range got.Levels {
			if l.Number != j+1 {
				t.Fatalf("role %q, case %d: level %d numbered %d", role, i, j+1, l.Number)
			}
		}
	}
}
