package parse

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ddat-tools/ddat/framework"
)

// The official CSV download lists a role's levels alphabetically and
// gives no job grades. The seniority order and the indicative grades come
// from a table read off the live role pages.

//go:embed seniority/role-levels-2026-10.tsv
var seniorityTSV []byte

// SeniorityEdition is the date of the embedded table of role levels.
const SeniorityEdition = "2026-10"

// seniorityEntry is one row of the table.
type seniorityEntry struct {
	number int
	name   string
	grades []string
}

// seniority maps role keys to their levels in order.
var seniority = sync.OnceValue(func() map[string][]seniorityEntry {
	m := map[string][]seniorityEntry{}
	for i, line := range strings.Split(string(seniorityTSV), "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue // header
		}
		cols := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(cols) != 5 {
			panic(fmt.Sprintf("parse: embedded %s line %d has %d columns, want 5", "role-levels-2026-10.tsv", i+1, len(cols)))
		}
		n, err := strconv.Atoi(cols[2])
		if err != nil {
			panic(fmt.Sprintf("parse: embedded role-levels-2026-10.tsv line %d: level number %q", i+1, cols[2]))
		}
		var grades []string
		if g := strings.TrimSpace(cols[4]); g != "" {
			grades = strings.Split(g, "/")
		}
		k := framework.Key(cols[0])
		m[k] = append(m[k], seniorityEntry{number: n, name: cols[3], grades: grades})
	}
	return m
})

// levelRanks are the conventions of level names, junior first; a name
// with none of these words is the role's base level. "Principal" ranks
// below "lead" in the framework (Principal data scientist is below Lead
// data scientist).
var levelRanks = []struct {
	prefix string
	rank   int
}{
	{"apprentice ", 0}, {"trainee ", 0}, {"assistant ", 1}, {"associate ", 1}, {"junior ", 1},
	{"senior ", 3}, {"principal ", 4}, {"lead ", 5}, {"head of ", 6}, {"chief ", 7}, {"director ", 7}, {"deputy director ", 6},
}

// maxRank is the highest rank nameRank returns.
var maxRank = func() int {
	m := 2
	for _, r := range levelRanks {
		m = max(m, r.rank)
	}
	return m
}()

// nameRank returns the rank of a level name by convention: 2 for a base
// level, lower for junior names, higher for senior ones.
func nameRank(name string) (int, string) {
	n := strings.ToLower(strings.TrimSpace(name))
	best, word := 2, ""
	for _, r := range levelRanks {
		if strings.HasPrefix(n, r.prefix) && len(r.prefix) > len(word) {
			best, word = r.rank, strings.TrimSpace(r.prefix)
		}
	}
	return best, word
}

// skillWeight sums the ordinals of the skill levels a role level
// requires: more senior levels require more.
func skillWeight(l *framework.RoleLevel) int {
	w := 0
	for _, r := range l.Skills {
		w += int(r.Level)
	}
	return w
}

// orderLevels puts the levels of r in seniority order and fills in their
// numbers and grades. Levels in the embedded table take its order and
// grades; a level it does not know is placed by inference and says so in
// InferredOrder:
//
//  1. by the convention of its name: apprentice/trainee, then
//     assistant/associate/junior, then the base name, then senior,
//     principal, lead, head of, chief;
//  2. then by the skill levels it requires (their sum: higher is more
//     senior);
//  3. then by name.
//
// An inferred level goes after the last known level whose name ranks at
// or below its own, and after the inferred levels placed there before it.
// The known levels cut the order into gaps; each inferred level is
// appended to its gap, found by its rank, so that the cost is that of the
// sorts however many levels there are.
func orderLevels(r *framework.Role) {
	if len(r.Levels) == 0 {
		return
	}
	table := seniority()[r.Name.Key()]
	known := map[string]seniorityEntry{}
	for _, e := range table {
		known[framework.Key(e.name)] = e
	}
	type placed struct {
		l      *framework.RoleLevel
		num    int
		rank   int
		word   string
		key    string // of the name, for the inferred
		weight int    // skillWeight, for the inferred
	}
	order := make([]placed, 0, min(len(r.Levels), len(table)))
	var inferred []placed
	for _, l := range r.Levels {
		rank, word := nameRank(l.Name.Value)
		key := l.Name.Key()
		if e, ok := known[key]; ok {
			order = append(order, placed{l: l, num: e.number, rank: rank, word: word})
			if len(l.Grades) == 0 {
				for _, g := range e.grades {
					l.Grades = append(l.Grades, framework.Text{Value: g})
				}
			}
			continue
		}
		if inferred == nil {
			inferred = make([]placed, 0, len(r.Levels)-len(order))
		}
		inferred = append(inferred, placed{l: l, rank: rank, word: word, key: key, weight: skillWeight(l)})
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].num < order[j].num })
	sort.SliceStable(inferred, func(i, j int) bool {
		a, b := inferred[i], inferred[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.weight != b.weight {
			return a.weight < b.weight
		}
		return a.key < b.key
	})
	// after[k] is the gap after the last known level of rank k or below:
	// 0 before the first known level, i after order[i-1].
	after := make([]int, maxRank+1)
	for i, q := range order {
		for k := q.rank; k <= maxRank; k++ {
			after[k] = i + 1
		}
	}
	gaps := make([][]placed, len(order)+1)
	what := "the role is not in"
	if len(table) > 0 {
		what = "the level is not in"
	}
	type reason struct {
		word   string
		weight int
	}
	reasons := map[reason]string{} // levels placed alike share the text
	for _, p := range inferred {
		gaps[after[p.rank]] = append(gaps[after[p.rank]], p)
		why, ok := reasons[reason{p.word, p.weight}]
		if !ok {
			how := "its name has no seniority word"
			if p.word != "" {
				how = fmt.Sprintf("its name starts %q", p.word)
			}
			why = fmt.Sprintf("%s the embedded table of role levels (%s); placed by its name (%s), then by the skill levels it requires (weight %d)", what, SeniorityEdition, how, p.weight)
			reasons[reason{p.word, p.weight}] = why
		}
		p.l.InferredOrder = why
	}
	r.Levels = r.Levels[:0]
	put := func(p placed) {
		p.l.Number = len(r.Levels) + 1
		r.Levels = append(r.Levels, p.l)
	}
	for i, g := range gaps {
		for _, p := range g {
			put(p)
		}
		if i < len(order) {
			put(order[i])
		}
	}
}
