package framework

import (
	"slices"
	"sort"
	"strings"
)

// Framework is the framework as a set of documents says it: the skills
// catalogue and the roles, merged from every document, with the documents
// kept for provenance. Every element's Span names the document and place
// it came from.
type Framework struct {
	// Documents are the merged documents in precedence order (see
	// [Merge]).
	Documents []*Document

	// Skills is the catalogue, in catalogue order.
	Skills []*Skill

	// Roles are the roles of all documents, ordered by name.
	Roles []*Role

	// Changes are the change-log entries of all documents, newest first
	// (by date, then in document order).
	Changes []*Change

	// Aliases are the role levels that a document names otherwise than
	// the first document that gives them, which [Merge] took for the same
	// level, in merge order.
	Aliases []LevelAlias
}

// A LevelAlias is a role level that a later document (in [Merge]'s
// precedence order) names otherwise than the first document that gives
// it: at the same place in the role's seniority order, under a name a
// slip or two away ("Head of portolio" for "Head of portfolio") or with
// a word added or dropped. Merge takes the two for one level, named as
// the first document names it.
type LevelAlias struct {
	Role  *Role      // the merged role
	Name  Text       // the level's name in the first document that gives it
	Level *RoleLevel // the later document's level, under its own name
}

// Merge combines documents into one Framework. The result does not depend
// on the order of docs: documents are taken in precedence order (by
// format: catalogue, JSON export, role page, role-level export, older
// guidance; then by file name), and where two documents say the same
// thing the first in that order wins:
//
//   - Skills come from the documents that carry a catalogue; a skill whose
//     [Key] was already seen is left out of the merged catalogue (the
//     linter reports it).
//   - Roles with the same name key are one role: each field comes from the
//     first document that gives it, and role levels are the union by name
//     key, in the order the first document gives them, later documents'
//     new levels after them. A level's fields are filled the same way.
//   - A level that a later document names otherwise, at the same place in
//     the role's order and under a name like the first one (a typo, a word
//     added or dropped: see [LevelAlias]), is the same level, under the
//     first document's name; Framework.Aliases records it.
//
// Merge does not modify the documents. The Framework shares their skills,
// and their role levels where no later document fills in a field.
func Merge(docs ...*Document) *Framework {
	ds := make([]*Document, 0, len(docs))
	for _, d := range docs {
		if d != nil {
			ds = append(ds, d)
		}
	}
	sort.SliceStable(ds, func(i, j int) bool {
		ri, rj := rank(ds[i].Format), rank(ds[j].Format)
		if ri != rj {
			return ri < rj
		}
		return docName(ds[i]) < docName(ds[j])
	})
	fw := &Framework{Documents: ds}
	skills := 0
	for _, d := range ds {
		skills += len(d.Skills)
	}
	if skills > 0 {
		fw.Skills = make([]*Skill, 0, skills)
	}
	seenSkill := map[string]bool{}
	roles := map[string]*Role{}
	var roleKeys []string // the keys of fw.Roles, for the sort
	levels := map[*Role]*mergedLevels{}
	for _, d := range ds {
		for _, s := range d.Skills {
			k := s.Name.Key()
			if seenSkill[k] {
				continue
			}
			seenSkill[k] = true
			fw.Skills = append(fw.Skills, s)
		}
		for _, r := range d.Roles {
			k := r.Name.Key()
			m, ok := roles[k]
			if !ok {
				c := *r
				c.Levels = nil
				m = &c
				roles[k] = m
				levels[m] = &mergedLevels{index: map[string]int{}}
				fw.Roles = append(fw.Roles, m)
				roleKeys = append(roleKeys, k)
			}
			mergeRole(fw, m, r, levels[m])
		}
		fw.Changes = append(fw.Changes, d.Changes...)
	}
	sort.SliceStable(fw.Changes, func(i, j int) bool {
		return fw.Changes[i].Date.Time.After(fw.Changes[j].Date.Time)
	})
	sortRoles(fw.Roles, roleKeys)
	return fw
}

// sortRoles sorts roles by their keys, stably: each role's key made once,
// not at each comparison (a merge of many documents sorts thousands of
// roles).
func sortRoles(roles []*Role, keys []string) {
	type keyed struct {
		key  string
		role *Role
	}
	ks := make([]keyed, len(roles))
	for i, r := range roles {
		ks[i] = keyed{keys[i], r}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i, k := range ks {
		roles[i] = k.role
	}
}

func docName(d *Document) string {
	if d.File == nil {
		return ""
	}
	return d.File.Name
}

// mergeRole fills m's empty fields from r and adds r's levels; ml
// indexes m's levels, and is kept up to date. A level of r that no level
// of m has by name, at the place of one that r does not have by name and
// with a name like it, is that level: fw.Aliases records it.
func mergeRole(fw *Framework, m, r *Role, ml *mergedLevels) {
	fill(&m.Family, r.Family)
	if m.Slug == "" {
		m.Slug = r.Slug
	}
	if len(m.Description) == 0 {
		m.Description = r.Description
	}
	if m.LevelCount.Count == 0 {
		m.LevelCount = r.LevelCount
	}
	if len(m.Responsibilities) == 0 {
		m.Responsibilities = r.Responsibilities
	}
	if len(m.Skills) == 0 {
		m.Skills = r.Skills
	}
	if len(m.SharedSkills) == 0 {
		m.SharedSkills = r.SharedSkills
	}
	m.SeniorCivilService = m.SeniorCivilService || r.SeniorCivilService
	m.Legacy = m.Legacy && r.Legacy
	at := ml.match(m, r)
	for i, l := range r.Levels {
		k := l.Name.Key()
		j := -1
		if at != nil {
			j = at[i]
		}
		if j < 0 {
			if _, ok := ml.index[k]; !ok {
				ml.index[k] = len(m.Levels)
				ml.own = append(ml.own, false)
				m.Levels = append(m.Levels, l)
				continue
			}
			j = ml.index[k] // a level r repeats
		}
		if _, ok := ml.index[k]; !ok {
			// An alias: a later document with the same name is matched by it.
			fw.Aliases = append(fw.Aliases, LevelAlias{Role: m, Name: m.Levels[j].Name, Level: l})
			ml.index[k] = j
		}
		fillLevel(m, j, l, ml)
	}
}

// fillLevel fills the empty fields of m's level j from l.
func fillLevel(m *Role, j int, l *RoleLevel, ml *mergedLevels) {
	dst := m.Levels[j]
	if dst.Number != 0 && len(dst.Description) > 0 && len(dst.Responsibilities) > 0 && len(dst.Grades) > 0 && len(dst.Skills) > 0 {
		return // nothing to fill
	}
	if !ml.own[j] {
		// The level is a document's: fill a copy.
		c := *dst
		dst = &c
		m.Levels[j] = dst
		ml.own[j] = true
	}
	if dst.Number == 0 {
		dst.Number = l.Number
	}
	if len(dst.Description) == 0 {
		dst.Description = l.Description
	}
	if len(dst.Responsibilities) == 0 {
		dst.Responsibilities = l.Responsibilities
	}
	if len(dst.Grades) == 0 {
		dst.Grades = l.Grades
	}
	if len(dst.Skills) == 0 {
		dst.Skills = l.Skills
	}
}

// mergedLevels indexes the levels of a merged role: index gives the
// place in its Levels of each name key (a level's own, and the aliases
// later documents gave it), and own whether Merge made the level at
// each place (the role takes a document's level as it is, and copies it
// when a later document fills one of its fields).
type mergedLevels struct {
	index map[string]int
	own   []bool
}

// match returns, for each level of r, the place in m.Levels of the level
// it is: the level with its name key, or, for a level that has none, the
// level at its place in the seniority order if that level's name is like
// its own. The place is found between the nearest levels before and
// after it that m has by name (or the ends of both lists), when as many
// levels of m as of r lie between them, and when no level of r has that
// level by name. Each level is compared with one other only, so the cost
// is that of the names' lengths. A level with no place is -1; match
// returns nil when no level has one.
func (ml *mergedLevels) match(m, r *Role) []int {
	if len(m.Levels) == 0 {
		return nil // a new role: no level to match
	}
	at := make([]int, len(r.Levels))
	unmatched := false
	prev := -1
	for i, l := range r.Levels {
		j, ok := ml.index[l.Name.Key()]
		switch {
		case !ok:
			j, unmatched = -1, true
		case j <= prev:
			return nil // out of order, or repeated: no place is sure
		default:
			prev = j
		}
		at[i] = j
	}
	if !unmatched {
		return at
	}
	// Between two levels that m has by name (or an end of both lists),
	// a run of as many levels in r as in m is the same levels.
	prevR, prevM := -1, -1
	for i := 0; i < len(r.Levels); i++ {
		if at[i] >= 0 {
			prevR, prevM = i, at[i]
			continue
		}
		end := i
		for end < len(r.Levels) && at[end] < 0 {
			end++
		}
		nextM := len(m.Levels)
		if end < len(r.Levels) {
			nextM = at[end]
		}
		if nextM-prevM == end-prevR {
			for x := i; x < end; x++ {
				j := prevM + (x - prevR)
				if similarNames(m.Levels[j].Name.Key(), r.Levels[x].Name.Key()) {
					at[x] = j
				}
			}
		}
		i = end - 1
	}
	return at
}

// maxSimilarName is the longest name key, in bytes, that [similarNames]
// compares: role level names are a few words.
const maxSimilarName = 200

// similarNames reports whether two role level name keys are one name
// with a slip: the same words of seniority ("senior", "head of") in the
// same order, and either at most one edit (a letter added, dropped,
// changed or two swapped) in eight letters, at least one, or one word
// added or dropped, of a name of two words or more.
func similarNames(a, b string) bool {
	if len(a) > maxSimilarName || len(b) > maxSimilarName {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if !slices.Equal(seniority(wa), seniority(wb)) {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if editsWithin(ra, rb, max(1, min(len(ra), len(rb))/8)) {
		return true
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 2 || len(wb) != len(wa)+1 {
		return false
	}
	// Is wa wb with one word left out?
	for i := range wb {
		if slices.Equal(wa[:i], wb[:i]) && slices.Equal(wa[i:], wb[i+1:]) {
			return true
		}
	}
	return false
}

// seniority returns the words of seniority among ws, in order.
func seniority(ws []string) []string {
	var s []string
	for _, w := range ws {
		if seniorityWords[w] {
			s = append(s, w)
		}
	}
	return s
}

// seniorityWords are the words that make one role level of another
// ("Senior data analyst", "Data analyst").
var seniorityWords = map[string]bool{
	"apprentice": true, "trainee": true, "junior": true, "associate": true,
	"senior": true, "lead": true, "principal": true, "head": true,
	"chief": true, "deputy": true, "director": true, "of": true,
}

// editsWithin reports whether x becomes y with at most k edits: a letter
// added, dropped or changed, or two neighbours swapped (the optimal
// string alignment distance). Only the cells within k of the diagonal are
// computed.
func editsWithin(x, y []rune, k int) bool {
	if d := len(x) - len(y); d > k || -d > k {
		return false
	}
	const far = 1 << 30
	n := len(y) + 1
	prev2, prev, cur := make([]int, n), make([]int, n), make([]int, n)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		lo, hi := max(1, i-k), min(len(y), i+k)
		for j := range cur {
			cur[j] = far
		}
		if i <= k {
			cur[0] = i
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > k {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)] <= k
}

func fill(dst *Text, src Text) {
	if dst.Value == "" {
		*dst = src
	}
}
