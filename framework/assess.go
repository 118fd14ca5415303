package framework

import (
	"errors"
	"fmt"
	"strings"
)

// This file holds self-assessment: a [Form] of the skills a role level
// requires, which a person fills in with their own levels, and the
// [Assessment] of a filled form against the framework (the person's
// gaps), carried across editions through the renames [Diff] finds. A
// [Team] is the matrix of several assessments.

// ErrNoRoleLevel is wrapped by errors for a name that is no role level
// of the framework.
var ErrNoRoleLevel = errors.New("no such role level")

// FormTitle is the title a form's CSV rendering starts with, so that a
// reader tells a form from other CSV.
const FormTitle = "DDaT self-assessment"

// FormVersion is the version of the form's layout, written after its
// title.
const FormVersion = "1"

// Form is a self-assessment form: the skills a role level requires, and
// those a target level requires that it does not, each with the
// catalogue's descriptors of its four levels, and room for the person's
// own level and evidence. A form read back from a file has the spans of
// what it was read from; a form made by [NewForm] has none.
type Form struct {
	Role    string  // the role ("Data analyst"); optional in a form read back
	Level   string  // the role level assessed against ("Senior data analyst")
	Target  string  // the role level aimed for; optional
	Edition Edition // the framework edition the form was made from
	Person  string  // who fills it in; optional

	Skills []*FormSkill

	// Spans of the form's own fields, in a form read back; zero otherwise.
	LevelSpan, TargetSpan Span
}

// FormSkill is one row of a [Form]: a skill, what the form's levels
// require of it, and the person's answer.
type FormSkill struct {
	ID   string // the skill's stable identifier: its slug
	Name string // the skill's name as the edition writes it

	Required Level // the level the form's role level requires; 0 if it does not
	Target   Level // the level the target requires; 0 if it does not, or no target

	// Descriptors are the catalogue's "You can" descriptors of each
	// level, Descriptors[l-1] for level l; empty for a level the
	// catalogue does not describe.
	Descriptors [len(Levels)][]string

	// Rated reports whether the person answered: Rating is then their
	// level, or 0 for "none" (not even awareness).
	Rated    bool
	Rating   Level
	Evidence string // free text; optional

	// Spans in a form read back: the row, its ID cell and its rating
	// cell.
	Span, IDSpan, RatingSpan Span
}

// NewForm returns the form of role level level (by name or slug, see
// [Framework.RoleLevel]) and, unless target is "", of target level
// target: the skills level requires, in its order, then those only
// target requires, stamped with the framework's edition.
func NewForm(f *Framework, level, target string) (*Form, error) {
	r, l := f.RoleLevel(level)
	if l == nil {
		return nil, fmt.Errorf("%w %q", ErrNoRoleLevel, level)
	}
	fm := &Form{Role: r.Name.Value, Level: l.Name.Value, Edition: f.Edition()}
	byKey := map[string]*FormSkill{}
	add := func(q *Requirement, target bool) {
		k := q.Skill.Key()
		s := byKey[k]
		if s == nil {
			s = newFormSkill(f, q)
			byKey[k] = s
			fm.Skills = append(fm.Skills, s)
		}
		switch {
		case target && s.Target == 0:
			s.Target = q.Level
		case !target && s.Required == 0:
			s.Required = q.Level
		}
	}
	for _, q := range l.Skills {
		add(q, false)
	}
	if target != "" {
		_, t := f.RoleLevel(target)
		if t == nil {
			return nil, fmt.Errorf("%w %q", ErrNoRoleLevel, target)
		}
		fm.Target = t.Name.Value
		for _, q := range t.Skills {
			add(q, true)
		}
	}
	return fm, nil
}

// newFormSkill returns the row of the skill q names, with the
// catalogue's descriptors (the requirement's own, at its level, for a
// skill the catalogue lacks).
func newFormSkill(f *Framework, q *Requirement) *FormSkill {
	s := &FormSkill{ID: Slug(q.Skill.Value), Name: q.Skill.Value}
	cs := f.SkillOf(q)
	if cs == nil {
		if q.Level.Valid() {
			s.Descriptors[q.Level-1] = values(q.Descriptors)
		}
		return s
	}
	s.Name = cs.Name.Value
	if cs.Slug != "" {
		s.ID = cs.Slug
	}
	for _, sl := range cs.Levels {
		if sl.Level.Valid() && sl.Status == Defined {
			s.Descriptors[sl.Level-1] = values(sl.Descriptors)
		}
	}
	return s
}

// Skill returns the form's row for the skill with ID id, or nil.
func (fm *Form) Skill(id string) *FormSkill {
	for _, s := range fm.Skills {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Status is how a person's level of a skill stands to the requirement.
// Its zero value is invalid.
type Status int

const (
	Below       Status = iota + 1 // under the required level, or "none"
	At                            // at the required level
	Above                         // over the required level
	NotAssessed                   // no answer, or a skill new since the form's edition
)

var statusNames = [...]string{"invalid", "below", "at", "above", "not-assessed"}

func (s Status) String() string {
	if s < Below || s > NotAssessed {
		return statusNames[0]
	}
	return statusNames[s]
}

// MarshalText writes the status's name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// SkillGap is one skill of an [Assessment].
type SkillGap struct {
	ID, Name string // the skill in the framework assessed against

	// Required is the level asked for: the target's where the target
	// requires the skill, else the role level's.
	Required Level
	Rated    bool  // whether the person answered
	Rating   Level // the person's level; 0 for "none" or no answer
	Status   Status

	// Next is the level to grow into (the one above Rating), and
	// NextDescriptors its descriptors; 0 and none at expert.
	Next            Level
	NextDescriptors []string

	Evidence string

	// RenamedFrom is the skill's name in the form's edition, where it
	// was renamed since and the answer carried over; "" otherwise.
	RenamedFrom string
	// New marks a skill the form's edition did not ask about: not yet
	// assessed.
	New bool
}

// DroppedSkill is a skill of a form that the framework assessed against no
// longer asks about, with the answer given, so that nothing is dropped
// silently.
type DroppedSkill struct {
	ID, Name string
	Rated    bool
	Rating   Level
	Reason   string // "removed from the framework", "no longer required by …"
}

// Assessment is a filled form read against the framework: the person's
// level of each skill against the requirement.
type Assessment struct {
	Person string
	Role   string
	Level  string // the role level assessed against
	Target string // the role level aimed for; optional

	FormEdition Edition // the edition the form was made from
	Edition     Edition // the edition assessed against

	Skills  []SkillGap     // in the form's order, then the new skills
	Dropped []DroppedSkill // in the form's order
}

// Count returns how many skills have status s.
func (a *Assessment) Count(s Status) int {
	n := 0
	for _, g := range a.Skills {
		if g.Status == s {
			n++
		}
	}
	return n
}

// Assess reads a filled form against the framework f, aiming at target
// (a role level's name or slug; "" for the form's own target, if any).
// Each problem is an error at the form's row or cell: a role level the
// framework does not have, a skill not on the form. A form of another
// edition is carried across through the skill renames that [Diff]
// finds between the form's skills and f's catalogue: a renamed skill's
// answer is kept and said to be, a skill no longer asked about is
// listed in Dropped, and a skill new to the form's level is flagged not
// yet assessed. The assessment is returned with the errors, as far as
// it could be made.
func Assess(f *Framework, fm *Form, target string) (*Assessment, ErrorList) {
	return NewAssessor(f).Assess(fm, target)
}

// Assessor assesses forms against one framework, as [Assess] does,
// keeping its indexes of the framework and the renames it finds from
// one form to the next: for a team, whose forms share an edition. It
// is not safe for concurrent use.
type Assessor struct {
	f       *Framework
	edition Edition
	byKey   map[string]*Skill // by the key of the name
	bySlug  map[string]*Skill // by slug, and by the slug of the name
	renames map[string]map[string]string
}

// NewAssessor returns an Assessor of forms against f.
func NewAssessor(f *Framework) *Assessor {
	as := &Assessor{f: f, edition: f.Edition(), byKey: map[string]*Skill{}, bySlug: map[string]*Skill{}, renames: map[string]map[string]string{}}
	for _, s := range f.Skills {
		if k := s.Name.Key(); as.byKey[k] == nil {
			as.byKey[k] = s
		}
	}
	for _, s := range f.Skills {
		for _, sl := range []string{s.Slug, Slug(s.Name.Value)} {
			if sl != "" && as.bySlug[sl] == nil {
				as.bySlug[sl] = s
			}
		}
	}
	return as
}

// skill returns the catalogue skill named or with slug q, as
// [Framework.Skill] does.
func (as *Assessor) skill(q string) *Skill {
	if s := as.byKey[Key(q)]; s != nil {
		return s
	}
	if sl := Slug(q); sl != "" {
		return as.bySlug[sl]
	}
	return nil
}

// Assess reads a filled form against the Assessor's framework; see
// [Assess].
func (as *Assessor) Assess(fm *Form, target string) (*Assessment, ErrorList) {
	f := as.f
	var errs assessErrors
	a := &Assessment{Person: fm.Person, FormEdition: fm.Edition, Edition: as.edition}
	r, l := f.RoleLevel(fm.Level)
	if l == nil {
		errs.Add(fm.LevelSpan, ErrNoRoleLevel, "the form is for role level %q, which the framework does not have", fm.Level)
		return a, errs.done()
	}
	if fm.Role != "" && Key(fm.Role) != r.Name.Key() && Slug(fm.Role) != r.Slug {
		errs.Add(fm.LevelSpan, ErrNoRoleLevel, "the form is for role level %q of role %q, but that level is of role %q", fm.Level, fm.Role, r.Name.Value)
	}
	a.Role, a.Level = r.Name.Value, l.Name.Value
	if target == "" {
		target = fm.Target
	}
	var t *RoleLevel
	if target != "" {
		if _, t = f.RoleLevel(target); t == nil {
			sp := Span{}
			if target == fm.Target {
				sp = fm.TargetSpan
			}
			errs.Add(sp, ErrNoRoleLevel, "target role level %q is not in the framework", target)
		} else {
			a.Target = t.Name.Value
		}
	}

	// The skills asked about now, in order: the level's, then the
	// target's.
	type asked struct {
		skill    *Skill // nil for a skill the catalogue lacks
		id, name string
		required Level
		answered bool
	}
	var now []*asked
	byID := map[string]*asked{}
	ask := func(q *Requirement, isTarget bool) {
		s := as.byKey[q.Skill.Key()]
		id := Slug(q.Skill.Value)
		name := q.Skill.Value
		if s != nil {
			name = s.Name.Value
			if s.Slug != "" {
				id = s.Slug
			}
		}
		if x := byID[id]; x != nil {
			if isTarget {
				x.required = q.Level // the target's requirement wins
			}
			return
		}
		x := &asked{skill: s, id: id, name: name, required: q.Level}
		byID[id] = x
		now = append(now, x)
	}
	for _, q := range l.Skills {
		ask(q, false)
	}
	if t != nil {
		for _, q := range t.Skills {
			ask(q, true)
		}
	}

	sameEdition := fm.Edition == a.Edition
	var renames map[string]string // old name key -> new name; made when needed
	for _, row := range fm.Skills {
		x := byID[row.ID]
		renamedFrom := ""
		if x == nil {
			if s := as.skill(row.ID); s != nil {
				if sameEdition {
					errs.Add(row.IDSpan, nil, "skill %q is not on the form: %s does not require it", row.ID, a.Level)
				} else {
					a.Dropped = append(a.Dropped, DroppedSkill{ID: row.ID, Name: s.Name.Value, Rated: row.Rated, Rating: row.Rating,
						Reason: "no longer required by " + a.Level})
				}
				continue
			}
			if !sameEdition {
				if renames == nil {
					renames = as.skillRenames(fm)
				}
				if to, ok := renames[Key(formSkillName(row))]; ok {
					if s := as.skill(to); s != nil {
						id := s.Slug
						if id == "" {
							id = Slug(s.Name.Value)
						}
						x = byID[id]
						renamedFrom = formSkillName(row)
						if x == nil {
							a.Dropped = append(a.Dropped, DroppedSkill{ID: row.ID, Name: formSkillName(row), Rated: row.Rated, Rating: row.Rating,
								Reason: fmt.Sprintf("renamed %q and no longer required by %s", s.Name.Value, a.Level)})
							continue
						}
					}
				}
			}
			if x == nil {
				if sameEdition {
					errs.Add(row.IDSpan, nil, "skill %q is not on the form: the framework has no skill of that ID", row.ID)
				} else {
					a.Dropped = append(a.Dropped, DroppedSkill{ID: row.ID, Name: formSkillName(row), Rated: row.Rated, Rating: row.Rating,
						Reason: "removed from the framework"})
				}
				continue
			}
		}
		if x.answered {
			errs.Add(row.IDSpan, nil, "skill %q is on the form twice; the first answer is used", row.ID)
			continue
		}
		x.answered = true
		g := gapOf(x.skill, x.id, x.name, x.required, row.Rated, row.Rating)
		g.Evidence, g.RenamedFrom = row.Evidence, renamedFrom
		a.Skills = append(a.Skills, g)
	}
	for _, x := range now {
		if !x.answered {
			g := gapOf(x.skill, x.id, x.name, x.required, false, 0)
			g.New = !sameEdition
			a.Skills = append(a.Skills, g)
		}
	}
	return a, errs.done()
}

// MaxAssessErrors is the most errors [Assess] reports of one form; the
// last says how many more there were.
const MaxAssessErrors = 1000

// assessErrors collects the errors of one form, up to MaxAssessErrors.
type assessErrors struct {
	list ErrorList
	more int
	at   Span
}

func (e *assessErrors) Add(s Span, err error, format string, args ...any) {
	if len(e.list) >= MaxAssessErrors-1 {
		if e.more == 0 {
			e.at = s
		}
		e.more++
		return
	}
	e.list.Add(s, err, format, args...)
}

func (e *assessErrors) done() ErrorList {
	e.list.Sort()
	if e.more > 0 {
		e.list.Add(e.at, nil, "%d more problems were left out: a form reports at most %d", e.more, MaxAssessErrors)
	}
	return e.list
}

// formSkillName is the row's skill name, else its ID.
func formSkillName(s *FormSkill) string {
	if s.Name != "" {
		return s.Name
	}
	return s.ID
}

// gapOf returns the gap of one skill: its status and the level to grow
// into.
func gapOf(s *Skill, id, name string, required Level, rated bool, rating Level) SkillGap {
	g := SkillGap{ID: id, Name: name, Required: required, Rated: rated, Rating: rating}
	switch {
	case !rated:
		g.Status = NotAssessed
	case rating < required:
		g.Status = Below
	case rating == required:
		g.Status = At
	default:
		g.Status = Above
	}
	if rating < Expert {
		g.Next = rating + 1
		if s != nil {
			if sl := s.Level(g.Next); sl != nil && sl.Status == Defined {
				g.NextDescriptors = values(sl.Descriptors)
			}
		}
	}
	return g
}

// skillRenames returns the skill renames [Diff] finds between the form's
// edition, as far as the form describes it (its skills' names and
// descriptors), and the framework's catalogue: the key of each old name
// to its new name. Only the skills that neither edition has by name or
// slug are compared; the result is kept for the next form of the same
// edition with the same such skills.
func (as *Assessor) skillRenames(fm *Form) map[string]string {
	old := &Framework{}
	seen := map[*Skill]bool{}
	for _, s := range fm.Skills {
		name := formSkillName(s)
		if cur := as.skill(s.ID); cur != nil {
			seen[cur] = true
			continue
		}
		if cur := as.skill(name); cur != nil {
			seen[cur] = true
			continue
		}
		sk := &Skill{Name: Text{Value: name}, Slug: s.ID}
		for i, ds := range s.Descriptors {
			if len(ds) == 0 {
				continue
			}
			sl := &SkillLevel{Level: Level(i + 1), Status: Defined}
			for _, d := range ds {
				sl.Descriptors = append(sl.Descriptors, Text{Value: d})
			}
			sk.Levels = append(sk.Levels, sl)
		}
		old.Skills = append(old.Skills, sk)
	}
	var key strings.Builder
	key.WriteString(fm.Edition.Date + "\x00" + fm.Edition.SHA256)
	for _, s := range old.Skills {
		key.WriteString("\x00" + s.Name.Value)
		for _, sl := range s.Levels {
			for _, d := range sl.Descriptors {
				key.WriteString("\x01" + d.Value)
			}
		}
	}
	if m, ok := as.renames[key.String()]; ok {
		return m
	}
	out := map[string]string{}
	if len(old.Skills) > 0 {
		cur := &Framework{}
		for _, s := range as.f.Skills {
			if !seen[s] {
				cur.Skills = append(cur.Skills, s)
			}
		}
		for _, d := range Diff(old, cur) {
			if d.Kind == SkillRenamed {
				out[Key(d.From)] = d.To
			}
		}
	}
	as.renames[key.String()] = out
	return out
}

// TeamSkill is one skill of a [Team]: the team's coverage of it.
type TeamSkill struct {
	ID, Name string
	Required int   // people asked about it
	Assessed int   // people who answered
	Covered  int   // people at or above the requirement
	Highest  Level // the highest level anyone holds; 0 if none
}

// Team is a matrix of people × skills made from several assessments.
type Team struct {
	People []string    // the assessments' people, in order given
	Skills []TeamSkill // every skill of any assessment, in order of first appearance
	// Cells[i][j] is person i's gap in Skills[j]; nil where the skill was
	// not asked of them.
	Cells [][]*SkillGap
}

// NewTeam returns the team matrix of the assessments as, in their order.
func NewTeam(as []*Assessment) *Team {
	t := &Team{}
	col := map[string]int{}
	for _, a := range as {
		for _, g := range a.Skills {
			if _, ok := col[g.ID]; !ok {
				col[g.ID] = len(t.Skills)
				t.Skills = append(t.Skills, TeamSkill{ID: g.ID, Name: g.Name})
			}
		}
	}
	for _, a := range as {
		t.People = append(t.People, a.Person)
		row := make([]*SkillGap, len(t.Skills))
		for i := range a.Skills {
			g := &a.Skills[i]
			j := col[g.ID]
			if row[j] != nil {
				continue
			}
			row[j] = g
			ts := &t.Skills[j]
			ts.Required++
			if g.Rated {
				ts.Assessed++
				ts.Highest = max(ts.Highest, g.Rating)
			}
			if g.Status == At || g.Status == Above {
				ts.Covered++
			}
		}
		t.Cells = append(t.Cells, row)
	}
	return t
}
