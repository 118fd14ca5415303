package framework

import (
	"encoding/json"
	"slices"
)

// The questions services ask of a framework: lookups by name or slug,
// families, the skills a level requires and the levels that require a
// skill, and how two role levels differ. They read the framework; none
// modifies it.

// match returns the first element whose name has the key of q, else the
// first whose name or slug has the slug of q: names and slugs match
// without regard to case, space or punctuation ("Senior data analyst",
// "senior-data-analyst", " SENIOR  data analyst").
func match[T any](xs []T, q string, name func(T) string, slug func(T) string) (T, bool) {
	k := Key(q)
	for _, x := range xs {
		if Key(name(x)) == k {
			return x, true
		}
	}
	s := Slug(q)
	for _, x := range xs {
		if s != "" && (Slug(name(x)) == s || slug(x) == s) {
			return x, true
		}
	}
	var zero T
	return zero, false
}

// Skill returns the catalogue skill named name or with slug name (see
// [Framework.Role] for the matching), or nil.
func (f *Framework) Skill(name string) *Skill {
	s, _ := match(f.Skills, name, func(s *Skill) string { return s.Name.Value }, func(s *Skill) string { return s.Slug })
	return s
}

// Role returns the role named name or with slug name, or nil. Names and
// slugs match without regard to case, space or punctuation: "Data
// analyst", "data-analyst" and "DATA  ANALYST" are one role.
func (f *Framework) Role(name string) *Role {
	r, _ := match(f.Roles, name, func(r *Role) string { return r.Name.Value }, func(r *Role) string { return r.Slug })
	return r
}

// RoleLevel returns the role level named name or with slug name
// ("Senior data analyst", "senior-data-analyst"), and its role; nil and
// nil if there is none. Where two roles have a level of that name, the
// first role in [Framework.Roles] order wins.
func (f *Framework) RoleLevel(name string) (*Role, *RoleLevel) {
	type pair struct {
		r *Role
		l *RoleLevel
	}
	var all []pair
	for _, r := range f.Roles {
		for _, l := range r.Levels {
			all = append(all, pair{r, l})
		}
	}
	p, _ := match(all, name, func(p pair) string { return p.l.Name.Value }, func(pair) string { return "" })
	return p.r, p.l
}

// Family is a role family ("Data", "Product and delivery") and its roles.
type Family struct {
	Name  string
	Slug  string
	Roles []*Role // by name
}

// Families returns the role families in the order the framework's
// documents first name them, each with its roles (by name). Roles
// without a family are in none.
func (f *Framework) Families() []*Family {
	var out []*Family
	byKey := map[string]*Family{}
	add := func(name string) {
		k := Key(name)
		if k == "" || byKey[k] != nil {
			return
		}
		fam := &Family{Name: name, Slug: Slug(name)}
		byKey[k] = fam
		out = append(out, fam)
	}
	for _, d := range f.Documents {
		if d == nil {
			continue
		}
		for _, r := range d.Roles {
			add(r.Family.Value)
		}
	}
	for _, r := range f.Roles {
		add(r.Family.Value)
		if fam := byKey[r.Family.Key()]; fam != nil {
			fam.Roles = append(fam.Roles, r)
		}
	}
	return out
}

// Family returns the role family named name or with slug name, or nil.
func (f *Framework) Family(name string) *Family {
	fam, _ := match(f.Families(), name, func(f *Family) string { return f.Name }, func(f *Family) string { return f.Slug })
	return fam
}

// SkillOf returns the catalogue skill a requirement names, or nil if the
// catalogue has no skill of that name.
func (f *Framework) SkillOf(q *Requirement) *Skill {
	if q == nil {
		return nil
	}
	k := q.Skill.Key()
	for _, s := range f.Skills {
		if s.Name.Key() == k {
			return s
		}
	}
	return nil
}

// DocumentOf returns the document an element's span is in (its
// provenance: the file, its format and edition), or nil for a span of no
// document of f.
func (f *Framework) DocumentOf(s Span) *Document {
	if s.File == nil {
		return nil
	}
	for _, d := range f.Documents {
		if d != nil && d.File == s.File {
			return d
		}
	}
	return nil
}

// LevelRequirement is a role level's requirement of a skill.
type LevelRequirement struct {
	Role        *Role
	Level       *RoleLevel
	Requirement *Requirement
}

// RequiringSkill returns the role levels that require the skill named
// name at least at level atLeast (0: at any level, stated or not), in
// [Framework.Roles] order, each role's levels junior first.
func (f *Framework) RequiringSkill(name string, atLeast Level) []LevelRequirement {
	k := Key(name)
	if s := f.Skill(name); s != nil {
		k = s.Name.Key()
	}
	var out []LevelRequirement
	for _, r := range f.Roles {
		for _, l := range r.Levels {
			for _, q := range l.Skills {
				if q.Skill.Key() == k && q.Level >= atLeast {
					out = append(out, LevelRequirement{r, l, q})
					break
				}
			}
		}
	}
	return out
}

// Next returns the level after l in r's seniority order, or nil if l is
// the most senior or not a level of r.
func (r *Role) Next(l *RoleLevel) *RoleLevel {
	if i := slices.Index(r.Levels, l); i >= 0 && i+1 < len(r.Levels) {
		return r.Levels[i+1]
	}
	return nil
}

// Previous returns the level before l in r's seniority order, or nil if
// l is the most junior or not a level of r.
func (r *Role) Previous(l *RoleLevel) *RoleLevel {
	if i := slices.Index(r.Levels, l); i > 0 {
		return r.Levels[i-1]
	}
	return nil
}

// Move says how a skill's requirement differs between two role levels.
type Move int

const (
	Unchanged Move = iota + 1 // required at the same level
	Raised                    // required at a higher level
	Lowered                   // required at a lower level
	New                       // required only by the target level
	Dropped                   // required only by the first level
)

func (c Move) String() string {
	switch c {
	case Unchanged:
		return "unchanged"
	case Raised:
		return "raised"
	case Lowered:
		return "lowered"
	case New:
		return "new"
	case Dropped:
		return "dropped"
	}
	return "invalid"
}

// MarshalText writes the move's name.
func (c Move) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// SkillChange is one skill of a [Comparison].
type SkillChange struct {
	Skill string // the skill's name, as the target level (else the first) writes it
	Move  Move
	From  Level // the level the first role level requires; 0 if none
	To    Level // the level the target requires; 0 if none
	// Descriptors are the target level's descriptors of the skill:
	// what to grow (none for a dropped skill).
	Descriptors []string
}

// Comparison is how two role levels differ, skill by skill: the target's
// skills in its order, then the skills only the first requires.
type Comparison struct {
	From, To string // the two levels' names
	Skills   []SkillChange
}

// Compare compares two role levels, of one role or of two (a career
// move): for each skill, whether the target (to) requires it new, no
// longer (dropped), higher, lower or at the same level.
func Compare(from, to *RoleLevel) Comparison {
	c := Comparison{From: from.Name.Value, To: to.Name.Value}
	seen := map[string]bool{}
	for _, q := range to.Skills {
		k := q.Skill.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		sc := SkillChange{Skill: q.Skill.Value, To: q.Level, Move: New, Descriptors: values(q.Descriptors)}
		if p := from.Skill(q.Skill.Value); p != nil {
			sc.From = p.Level
			switch {
			case q.Level > p.Level:
				sc.Move = Raised
			case q.Level < p.Level:
				sc.Move = Lowered
			default:
				sc.Move = Unchanged
			}
		}
		c.Skills = append(c.Skills, sc)
	}
	for _, p := range from.Skills {
		if k := p.Skill.Key(); !seen[k] {
			seen[k] = true
			c.Skills = append(c.Skills, SkillChange{Skill: p.Skill.Value, Move: Dropped, From: p.Level})
		}
	}
	return c
}

// Matrix is a role's levels × skills: the level each role level requires
// of each skill.
type Matrix struct {
	Levels []string // the role's levels, junior first
	Skills []string // every skill any level requires, in order of first requirement
	// Cells[i][j] is the level Levels[i] requires of Skills[j]; 0 where
	// it does not require the skill.
	Cells [][]Level
}

// Matrix returns the role's matrix of role levels × skills.
func (r *Role) Matrix() Matrix {
	var m Matrix
	col := map[string]int{}
	for _, l := range r.Levels {
		for _, q := range l.Skills {
			if _, ok := col[q.Skill.Key()]; !ok {
				col[q.Skill.Key()] = len(m.Skills)
				m.Skills = append(m.Skills, q.Skill.Value)
			}
		}
	}
	for _, l := range r.Levels {
		m.Levels = append(m.Levels, l.Name.Value)
		row := make([]Level, len(m.Skills))
		for _, q := range l.Skills {
			if row[col[q.Skill.Key()]] == 0 {
				row[col[q.Skill.Key()]] = q.Level
			}
		}
		m.Cells = append(m.Cells, row)
	}
	return m
}

// MarshalJSON writes a file as its name: a model value marshalled with
// encoding/json carries its values and where they came from, never the
// whole source.
func (f *File) MarshalJSON() ([]byte, error) { return json.Marshal(f.Name) }
