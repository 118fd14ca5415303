package framework

import (
	"strings"
)

// DiffKind names what a [Difference] is. Kinds are permanent kebab-case
// identifiers, as the JSON output and its schema give them.
type DiffKind string

// The kinds of differences [Diff] finds.
const (
	FamilyAdded   DiffKind = "family-added"
	FamilyRemoved DiffKind = "family-removed"

	RoleAdded                   DiffKind = "role-added"
	RoleRemoved                 DiffKind = "role-removed"
	RoleRenamed                 DiffKind = "role-renamed"
	RoleFamilyChanged           DiffKind = "role-family-changed"
	RoleDescriptionChanged      DiffKind = "role-description-changed"
	RoleResponsibilitiesChanged DiffKind = "role-responsibilities-changed"

	LevelAdded                   DiffKind = "level-added"
	LevelRemoved                 DiffKind = "level-removed"
	LevelRenamed                 DiffKind = "level-renamed"
	LevelsReordered              DiffKind = "levels-reordered"
	LevelGradesChanged           DiffKind = "level-grades-changed"
	LevelDescriptionChanged      DiffKind = "level-description-changed"
	LevelResponsibilitiesChanged DiffKind = "level-responsibilities-changed"

	RequirementAdded   DiffKind = "requirement-added"
	RequirementRemoved DiffKind = "requirement-removed"
	RequirementRaised  DiffKind = "requirement-raised"
	RequirementLowered DiffKind = "requirement-lowered"

	SkillAdded              DiffKind = "skill-added"
	SkillRemoved            DiffKind = "skill-removed"
	SkillRenamed            DiffKind = "skill-renamed"
	SkillDescriptionChanged DiffKind = "skill-description-changed"
	SkillLevelAdded         DiffKind = "skill-level-added"
	SkillLevelRemoved       DiffKind = "skill-level-removed"
	SkillLevelDefined       DiffKind = "skill-level-defined"
	SkillLevelUndefined     DiffKind = "skill-level-undefined"
	SkillDescriptorsChanged DiffKind = "skill-descriptors-changed"
	SkillRolesChanged       DiffKind = "skill-roles-changed"
	SkillExamplesChanged    DiffKind = "skill-examples-changed"
)

// DiffKinds returns every kind of difference, in the order [Diff] reports
// them within one element.
func DiffKinds() []DiffKind {
	return []DiffKind{
		FamilyAdded, FamilyRemoved,
		RoleAdded, RoleRemoved, RoleRenamed, RoleFamilyChanged, RoleDescriptionChanged, RoleResponsibilitiesChanged,
		LevelAdded, LevelRemoved, LevelRenamed, LevelsReordered, LevelGradesChanged, LevelDescriptionChanged, LevelResponsibilitiesChanged,
		RequirementAdded, RequirementRemoved, RequirementRaised, RequirementLowered,
		SkillAdded, SkillRemoved, SkillRenamed, SkillDescriptionChanged, SkillLevelAdded, SkillLevelRemoved,
		SkillLevelDefined, SkillLevelUndefined, SkillDescriptorsChanged, SkillExamplesChanged, SkillRolesChanged,
	}
}

// Difference is one way two editions of the framework differ: an element
// added, removed or renamed, or one of its fields changed. Names are the
// new edition's, the old edition's for what it alone has.
type Difference struct {
	Kind DiffKind

	// Page is the page of the framework's site the difference is on, as
	// the service's change notes group them: the role's name, the skill's
	// name, or the family's.
	Page string

	Family string // the role family, for a family or a role; optional
	Role   string // the role, for a role, a role level or a requirement
	Level  string // the role level, for a role level or a requirement
	Skill  string // the skill, for a skill or a requirement

	// SkillLevel is the skill level of a change of one level of a skill;
	// 0 otherwise (for a Senior Civil Service skill's "You can:" list,
	// which has no levels).
	SkillLevel Level

	// From and To are the value before and after: the old and new name of
	// a rename, the required skill level of a requirement, a role level's
	// grades and the role's order of levels (joined with ", "), a role's
	// family. Empty where there is none.
	From, To string

	// Score is the similarity (0 to 1) of a renamed element's content and
	// name in the two editions; 0 for other kinds.
	Score float64

	// Added and Removed list the roles a skill's "Roles that require"
	// gained and lost.
	Added, Removed []string

	// Lines are the lines (paragraphs, responsibilities, descriptors)
	// added, removed and reworded of a changed text.
	Lines []LineEdit

	// Old and New are the difference's places in the two editions: the
	// element, or the text that changed; the zero Span where an edition
	// does not have it.
	Old, New Span
}

// Diff returns how the new edition of the framework differs from the old,
// in the order of the framework: role families, then roles in the new
// edition's order (a removed element placed after the element before it
// in the old edition), each with its levels and their requirements, then
// the skills of the catalogue.
//
// Elements are paired by the key of their names, then by slug, then
// among those still unpaired by the similarity of their content and names
// (see [Difference.Score]): an element renamed is reported renamed, never
// removed and added. A requirement of a renamed skill, and a role of
// "Roles that require" renamed, are paired through the rename.
//
// Diff compares what both editions state: a field no element of an edition
// gives (grades, families, the catalogue, "Roles that require") is not
// known there, and not compared; so a Markdown catalogue and the CSV of
// the same edition differ in nothing, a role page and the download's rows
// for the role only in what both give. An edition of no documents states
// that it has nothing: against it, everything is added (or removed).
// Texts compare equal when they
// differ only in runs of space; any other byte, an encoding repair
// included, is a change.
//
// Its cost is linear in the size of the editions, but for the
// comparison of a changed list of lines, bounded by maxEditCells.
func Diff(old, new *Framework) []Difference {
	d := &differ{a: facts(old), b: facts(new), oldFW: old, newFW: new}
	// An edition of no documents (a folder not there yet, or no longer)
	// states that it has nothing: all the other has is added or removed.
	switch {
	case isEmpty(old):
		d.a = d.b
	case isEmpty(new):
		d.b = d.a
	}
	d.skillMap()
	d.roles()
	if d.a.catalogue && d.b.catalogue {
		d.catalogue()
	}
	return d.out
}

// isEmpty reports whether f was read from no documents and holds
// nothing.
func isEmpty(f *Framework) bool {
	for _, d := range f.Documents {
		if d != nil {
			return false
		}
	}
	return len(f.Roles) == 0 && len(f.Skills) == 0
}

// known is which fields an edition states somewhere.
type known struct {
	catalogue, roles bool
	families, grades bool
	roleDesc, roleResp,
	levelDesc, levelResp bool
	skillDesc, skillRoles bool
}

func facts(f *Framework) known {
	k := known{catalogue: len(f.Skills) > 0, roles: len(f.Roles) > 0}
	for _, r := range f.Roles {
		k.families = k.families || r.Family.Value != ""
		k.roleDesc = k.roleDesc || len(r.Description) > 0
		k.roleResp = k.roleResp || len(r.Responsibilities) > 0
		for _, l := range r.Levels {
			k.grades = k.grades || len(l.Grades) > 0
			k.levelDesc = k.levelDesc || len(l.Description) > 0
			k.levelResp = k.levelResp || len(l.Responsibilities) > 0
		}
	}
	for _, s := range f.Skills {
		k.skillDesc = k.skillDesc || s.Description.Value != ""
		k.skillRoles = k.skillRoles || len(s.Roles) > 0
	}
	return k
}

type differ struct {
	a, b         known
	oldFW, newFW *Framework
	out          []Difference

	// skillTo maps the key of an old skill's name to its new name, for a
	// skill paired by rename.
	skillTo    map[string]string
	skillPairs matching
	// roleTo maps the key of an old role's name to its new name.
	roleTo map[string]string
}

func (d *differ) add(x Difference) { d.out = append(d.out, x) }

// skillMap pairs the skills of the two editions: the catalogues' where
// both have one, else the skills their requirements name (for renames
// only).
func (d *differ) skillMap() {
	d.skillTo = map[string]string{}
	var old, new []matchable
	var oldNames, newNames []string
	var oldSig, newSig signature
	if d.a.catalogue && d.b.catalogue {
		old, oldNames, oldSig = catalogueItems(d.oldFW.Skills)
		new, newNames, newSig = catalogueItems(d.newFW.Skills)
	} else {
		old, oldNames, oldSig = requiredSkillItems(d.oldFW)
		new, newNames, newSig = requiredSkillItems(d.newFW)
	}
	d.skillPairs = pairUp(old, new, oldSig, newSig)
	for i, j := range d.skillPairs.toNew {
		if j >= 0 {
			d.skillTo[Key(oldNames[i])] = newNames[j]
		}
	}
	if !(d.a.catalogue && d.b.catalogue) {
		// No catalogue to report the rename under: report it once here.
		for i, j := range d.skillPairs.toNew {
			if j >= 0 && d.skillPairs.score[i] > 0 {
				d.add(Difference{Kind: SkillRenamed, Page: newNames[j], Skill: newNames[j],
					From: oldNames[i], To: newNames[j], Score: d.skillPairs.score[i]})
			}
		}
	}
}

func catalogueItems(ss []*Skill) ([]matchable, []string, signature) {
	items := make([]matchable, len(ss))
	names := make([]string, len(ss))
	for i, s := range ss {
		items[i] = matchable{key: s.Name.Key(), slug: s.Slug}
		names[i] = s.Name.Value
	}
	return items, names, func(i int) ([]uint64, []uint64) {
		s := ss[i]
		texts := []string{s.Description.Value}
		for _, l := range s.Levels {
			texts = appendValues(texts, l.Descriptors)
		}
		texts = appendValues(texts, s.Requirements)
		return bigrams(s.Name.Value), wordSet(texts...)
	}
}

// requiredSkillItems returns the skills the requirements of f name, each
// once, in order of first requirement, with the text of their
// requirements as content.
func requiredSkillItems(f *Framework) ([]matchable, []string, signature) {
	idx := map[string]int{}
	var texts [][]string
	var names []string
	addReq := func(q *Requirement) {
		k := q.Skill.Key()
		i, ok := idx[k]
		if !ok {
			i = len(names)
			idx[k] = i
			names = append(names, q.Skill.Value)
			texts = append(texts, nil)
		}
		if len(texts[i]) < maxTokens {
			texts[i] = append(texts[i], q.Description.Value)
			texts[i] = appendValues(texts[i], q.Descriptors)
		}
	}
	for _, r := range f.Roles {
		for _, q := range r.Skills {
			addReq(q)
		}
		for _, l := range r.Levels {
			for _, q := range l.Skills {
				addReq(q)
			}
		}
	}
	items := make([]matchable, len(names))
	for i, n := range names {
		items[i] = matchable{key: Key(n), slug: Slug(n)}
	}
	return items, names, func(i int) ([]uint64, []uint64) { return bigrams(names[i]), wordSet(texts[i]...) }
}

func appendValues(dst []string, ts []Text) []string {
	for _, t := range ts {
		dst = append(dst, t.Value)
	}
	return dst
}

// round rounds a score to two decimals, so that output does not depend on
// the last bits of a float.
func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// families reports the families added and removed, where both editions
// name families.
func (d *differ) families() {
	if !d.a.families || !d.b.families {
		return
	}
	oldF, newF := d.oldFW.Families(), d.newFW.Families()
	have := map[string]bool{}
	for _, f := range oldF {
		have[Key(f.Name)] = true
	}
	for _, f := range newF {
		if !have[Key(f.Name)] {
			d.add(Difference{Kind: FamilyAdded, Page: f.Name, Family: f.Name, New: firstRoleSpan(f)})
		}
	}
	have = map[string]bool{}
	for _, f := range newF {
		have[Key(f.Name)] = true
	}
	for _, f := range oldF {
		if !have[Key(f.Name)] {
			d.add(Difference{Kind: FamilyRemoved, Page: f.Name, Family: f.Name, Old: firstRoleSpan(f)})
		}
	}
}

func firstRoleSpan(f *Family) Span {
	if len(f.Roles) > 0 {
		return f.Roles[0].Span
	}
	return Span{}
}

func roleItems(rs []*Role) ([]matchable, signature) {
	items := make([]matchable, len(rs))
	for i, r := range rs {
		items[i] = matchable{key: r.Name.Key(), slug: r.Slug}
	}
	return items, func(i int) ([]uint64, []uint64) {
		r := rs[i]
		texts := appendValues(nil, r.Description)
		texts = appendValues(texts, r.Responsibilities)
		for _, l := range r.Levels {
			texts = append(texts, l.Name.Value)
			texts = appendValues(texts, l.Description)
		}
		return bigrams(r.Name.Value), wordSet(texts...)
	}
}

func (d *differ) roles() {
	if !d.a.roles || !d.b.roles {
		return
	}
	d.families()
	oldR, newR := d.oldFW.Roles, d.newFW.Roles
	oldItems, oldSig := roleItems(oldR)
	newItems, newSig := roleItems(newR)
	m := pairUp(oldItems, newItems, oldSig, newSig)
	d.roleTo = map[string]string{}
	for i, j := range m.toNew {
		if j >= 0 {
			d.roleTo[oldR[i].Name.Key()] = newR[j].Name.Value
		}
	}
	for _, st := range m.order() {
		switch {
		case st.new < 0:
			r := oldR[st.old]
			d.add(Difference{Kind: RoleRemoved, Page: r.Name.Value, Family: r.Family.Value, Role: r.Name.Value, Old: r.Span})
		case st.old < 0:
			r := newR[st.new]
			d.add(Difference{Kind: RoleAdded, Page: r.Name.Value, Family: r.Family.Value, Role: r.Name.Value, New: r.Span})
		default:
			d.role(oldR[st.old], newR[st.new], m.score[st.old])
		}
	}
}

func (d *differ) role(o, n *Role, score float64) {
	base := Difference{Page: n.Name.Value, Family: n.Family.Value, Role: n.Name.Value}
	if score > 0 {
		x := base
		x.Kind, x.From, x.To, x.Score, x.Old, x.New = RoleRenamed, o.Name.Value, n.Name.Value, score, o.Span, n.Span
		d.add(x)
	}
	if d.a.families && d.b.families && o.Family.Value != "" && n.Family.Value != "" && !sameText(o.Family.Key(), n.Family.Key()) {
		x := base
		x.Kind, x.From, x.To, x.Old, x.New = RoleFamilyChanged, o.Family.Value, n.Family.Value, o.Family.Span, n.Family.Span
		d.add(x)
	}
	if d.a.roleDesc && d.b.roleDesc {
		d.texts(base, RoleDescriptionChanged, o.Description, n.Description, o.Span, n.Span)
	}
	if d.a.roleResp && d.b.roleResp {
		d.texts(base, RoleResponsibilitiesChanged, o.Responsibilities, n.Responsibilities, o.Span, n.Span)
	}
	d.levels(base, o, n)
}

// skillDescription returns a skill's description as a list of texts: none
// where it is empty, or where it is the "Senior Civil Service." that the
// Markdown catalogue writes in the place of a Senior Civil Service
// skill's description (a mark of its kind, not a description: the CSV
// leaves the cell empty).
func skillDescription(s *Skill) []Text {
	if s.Description.Value == "" || s.SeniorCivilService && sameText(s.Description.Value, "Senior Civil Service.") {
		return nil
	}
	return []Text{s.Description}
}

// texts reports a list of texts changed, with its line edits.
func (d *differ) texts(base Difference, kind DiffKind, o, n []Text, oSpan, nSpan Span) {
	lines := diffLines(appendValues(nil, o), appendValues(nil, n))
	if len(lines) == 0 {
		return
	}
	x := base
	x.Kind, x.Lines, x.Old, x.New = kind, lines, spanOf(o, oSpan), spanOf(n, nSpan)
	d.add(x)
}

// spanOf returns the span from the first text's start to the last's end
// where both are in one file, else the first text's, else def.
func spanOf(ts []Text, def Span) Span {
	if len(ts) == 0 || ts[0].Span.File == nil {
		return def
	}
	s := ts[0].Span
	if e := ts[len(ts)-1].Span; e.File == s.File && e.End >= s.Start {
		s.End = e.End
	}
	return s
}

func levelItems(ls []*RoleLevel, skillTo map[string]string) ([]matchable, signature) {
	items := make([]matchable, len(ls))
	for i, l := range ls {
		items[i] = matchable{key: l.Name.Key()}
	}
	return items, func(i int) ([]uint64, []uint64) {
		l := ls[i]
		texts := appendValues(nil, l.Description)
		texts = appendValues(texts, l.Responsibilities)
		for _, q := range l.Skills {
			texts = append(texts, skillName(q.Skill.Value, skillTo)+" "+q.Level.String())
		}
		return bigrams(l.Name.Value), wordSet(texts...)
	}
}

// skillName returns the new edition's name of a skill named name in the
// old edition.
func skillName(name string, skillTo map[string]string) string {
	if n, ok := skillTo[Key(name)]; ok {
		return n
	}
	return name
}

func (d *differ) levels(base Difference, o, n *Role) {
	oldItems, oldSig := levelItems(o.Levels, d.skillTo)
	newItems, newSig := levelItems(n.Levels, nil)
	m := pairUp(oldItems, newItems, oldSig, newSig)
	for _, st := range m.order() {
		switch {
		case st.new < 0:
			l := o.Levels[st.old]
			x := base
			x.Kind, x.Level, x.Old = LevelRemoved, l.Name.Value, l.Span
			d.add(x)
		case st.old < 0:
			l := n.Levels[st.new]
			x := base
			x.Kind, x.Level, x.New = LevelAdded, l.Name.Value, l.Span
			d.add(x)
		default:
			d.level(base, o.Levels[st.old], n.Levels[st.new], m.score[st.old])
		}
	}
	// Reordered: the paired levels are not in the same order.
	last := -1
	for _, i := range m.toOld {
		if i < 0 {
			continue
		}
		if i < last {
			x := base
			x.Kind, x.From, x.To, x.Old, x.New = LevelsReordered, roleLevelNames(o.Levels), roleLevelNames(n.Levels), o.Span, n.Span
			d.add(x)
			break
		}
		last = i
	}
}

func roleLevelNames(ls []*RoleLevel) string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name.Value
	}
	return strings.Join(names, ", ")
}

func (d *differ) level(base Difference, o, n *RoleLevel, score float64) {
	base.Level = n.Name.Value
	if score > 0 {
		x := base
		x.Kind, x.From, x.To, x.Score, x.Old, x.New = LevelRenamed, o.Name.Value, n.Name.Value, score, o.Name.Span, n.Name.Span
		d.add(x)
	}
	if d.a.grades && d.b.grades {
		og, ng := gradeList(o.Grades), gradeList(n.Grades)
		if og != ng {
			x := base
			x.Kind, x.From, x.To, x.Old, x.New = LevelGradesChanged, og, ng, spanOf(o.Grades, o.Span), spanOf(n.Grades, n.Span)
			d.add(x)
		}
	}
	if d.a.levelDesc && d.b.levelDesc {
		d.texts(base, LevelDescriptionChanged, o.Description, n.Description, o.Span, n.Span)
	}
	if d.a.levelResp && d.b.levelResp {
		d.texts(base, LevelResponsibilitiesChanged, o.Responsibilities, n.Responsibilities, o.Span, n.Span)
	}
	d.requirements(base, o.Skills, n.Skills)
}

func gradeList(gs []Text) string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = g.Value
	}
	return strings.Join(names, ", ")
}

// requirements reports the skills a role level requires that were added,
// raised or lowered (in the new edition's order), then removed (in the
// old edition's); the old edition's skills are named through
// the skills' renames, and a skill required twice counts once.
func (d *differ) requirements(base Difference, o, n []*Requirement) {
	oldIdx := map[string]*Requirement{}
	for _, q := range o {
		k := Key(skillName(q.Skill.Value, d.skillTo))
		if _, ok := oldIdx[k]; !ok {
			oldIdx[k] = q
		}
	}
	newSeen := map[string]bool{}
	var oldSeen = map[*Requirement]bool{}
	for _, q := range n {
		k := q.Skill.Key()
		if newSeen[k] {
			continue
		}
		newSeen[k] = true
		x := base
		x.Skill, x.New = q.Skill.Value, q.Span
		p, ok := oldIdx[k]
		if !ok {
			x.Kind, x.To = RequirementAdded, levelText(q)
			d.add(x)
			continue
		}
		oldSeen[p] = true
		x.Old = p.Span
		switch {
		case !p.Level.Valid() || !q.Level.Valid() || p.Level == q.Level:
			continue
		case q.Level > p.Level:
			x.Kind = RequirementRaised
		default:
			x.Kind = RequirementLowered
		}
		x.From, x.To = p.Level.String(), q.Level.String()
		d.add(x)
	}
	for _, p := range o {
		k := Key(skillName(p.Skill.Value, d.skillTo))
		if oldIdx[k] != p || oldSeen[p] {
			continue
		}
		x := base
		x.Kind, x.Skill, x.From, x.Old = RequirementRemoved, skillName(p.Skill.Value, d.skillTo), levelText(p), p.Span
		d.add(x)
	}
}

func levelText(q *Requirement) string {
	if q.Level.Valid() {
		return q.Level.String()
	}
	return q.LevelText.Value
}

func (d *differ) catalogue() {
	oldS, newS := d.oldFW.Skills, d.newFW.Skills
	for _, st := range d.skillPairs.order() {
		switch {
		case st.new < 0:
			s := oldS[st.old]
			d.add(Difference{Kind: SkillRemoved, Page: s.Name.Value, Skill: s.Name.Value, Old: s.Span})
		case st.old < 0:
			s := newS[st.new]
			d.add(Difference{Kind: SkillAdded, Page: s.Name.Value, Skill: s.Name.Value, New: s.Span})
		default:
			d.skill(oldS[st.old], newS[st.new], d.skillPairs.score[st.old])
		}
	}
}

func (d *differ) skill(o, n *Skill, score float64) {
	base := Difference{Page: n.Name.Value, Skill: n.Name.Value}
	if score > 0 {
		x := base
		x.Kind, x.From, x.To, x.Score, x.Old, x.New = SkillRenamed, o.Name.Value, n.Name.Value, score, o.Span, n.Span
		d.add(x)
	}
	if d.a.skillDesc && d.b.skillDesc {
		d.texts(base, SkillDescriptionChanged, skillDescription(o), skillDescription(n), o.Span, n.Span)
	}
	if o.SeniorCivilService || n.SeniorCivilService {
		d.texts(base, SkillDescriptorsChanged, o.Requirements, n.Requirements, o.Span, n.Span)
		d.texts(base, SkillExamplesChanged, o.LeadershipExamples, n.LeadershipExamples, o.Span, n.Span)
	}
	for l := Awareness; l <= Expert; l++ {
		ol, nl := o.Level(l), n.Level(l)
		x := base
		x.SkillLevel = l
		switch {
		case ol == nil && nl == nil:
			continue
		case ol == nil:
			x.Kind, x.To, x.New = SkillLevelAdded, nl.Status.String(), nl.Span
			x.Lines = diffLines(nil, appendValues(nil, nl.Descriptors))
			d.add(x)
			continue
		case nl == nil:
			x.Kind, x.From, x.Old = SkillLevelRemoved, ol.Status.String(), ol.Span
			d.add(x)
			continue
		}
		x.Old, x.New = ol.Span, nl.Span
		switch {
		case ol.Status != Defined && nl.Status == Defined:
			x.Kind = SkillLevelDefined
			x.Lines = diffLines(nil, appendValues(nil, nl.Descriptors))
			d.add(x)
		case ol.Status == Defined && nl.Status != Defined:
			x.Kind = SkillLevelUndefined
			x.Lines = diffLines(appendValues(nil, ol.Descriptors), nil)
			d.add(x)
		default:
			if lines := diffLines(appendValues(nil, ol.Descriptors), appendValues(nil, nl.Descriptors)); len(lines) > 0 {
				x.Kind, x.Lines = SkillDescriptorsChanged, lines
				x.Old, x.New = spanOf(ol.Descriptors, ol.Span), spanOf(nl.Descriptors, nl.Span)
				d.add(x)
			}
		}
	}
	if d.a.skillRoles && d.b.skillRoles {
		d.skillRoles(base, o, n)
	}
}

// skillRoles reports the roles a skill's "Roles that require" gained and
// lost, the old edition's roles named through the roles' renames.
func (d *differ) skillRoles(base Difference, o, n *Skill) {
	had := map[string]bool{}
	for _, r := range o.Roles {
		name := r.Name.Value
		if to, ok := d.roleTo[r.Name.Key()]; ok {
			name = to
		}
		had[Key(name)] = true
	}
	has := map[string]bool{}
	x := base
	for _, r := range n.Roles {
		k := r.Name.Key()
		if !had[k] && !has[k] {
			x.Added = append(x.Added, r.Name.Value)
		}
		has[k] = true
	}
	for _, r := range o.Roles {
		name := r.Name.Value
		if to, ok := d.roleTo[r.Name.Key()]; ok {
			name = to
		}
		if k := Key(name); !has[k] {
			has[k] = true // once
			x.Removed = append(x.Removed, name)
		}
	}
	if len(x.Added)+len(x.Removed) > 0 {
		x.Kind, x.Old, x.New = SkillRolesChanged, o.Span, n.Span
		d.add(x)
	}
}
