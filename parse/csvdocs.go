package parse

import (
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

func looksLikeRolesCSV(src string) bool   { return csvHeader(src, rolesHeader) }
func looksLikeSkillsCSV(src string) bool  { return csvHeader(src, skillsHeader) }
func looksLikeChangesCSV(src string) bool { return csvHeader(src, changesHeader) }

// Columns of the roles download.
const (
	rcFamily = iota
	rcRole
	rcRoleDescription
	rcLevel
	rcLevelDescription
	rcSkill
	rcSkillDescription
	rcSkillLevel
	rcSkillLevelDescription
	rcType
)

// parseRolesCSV reads the "Role content" download: one row per role, role
// level and skill. Rows of a Senior Civil Service role read "NOT IN USE"
// in the level columns; their skills are the role's. Levels are put in
// seniority order (see orderLevels).
func parseRolesCSV(f *framework.File) (*framework.Document, framework.ErrorList) {
	t := readTable(f, rolesHeader)
	roles := map[string]*framework.Role{}       // by key
	roleByValue := map[string]*framework.Role{} // by name as written: rows repeat it
	levelByValue := map[*framework.Role]map[string]*framework.RoleLevel{}
	seen := newRowSet()
	for r := range t.rows() {
		if t.duplicate(seen, r) {
			continue
		}
		c := r.cells
		t.untrimmed("role", c[rcRole])
		t.untrimmed("role level", c[rcLevel])
		t.untrimmed("skill", c[rcSkill])
		name := c[rcRole].text()
		if name.Value == "" {
			t.errs.Add(r.span, nil, "row has no role name: expected the %q column to name a role; row skipped", rolesHeader[rcRole])
			continue
		}
		role := roleByValue[name.Value]
		if role == nil {
			role = roles[name.Key()]
			roleByValue[name.Value] = role
		}
		if role == nil {
			role = &framework.Role{Name: name, Slug: framework.Slug(name.Value), Family: c[rcFamily].text(), Span: r.span}
			p := t.splitProse(c[rcRoleDescription])
			role.Description, role.Responsibilities = p.paragraphs, p.bullets
			roles[name.Key()] = role
			roleByValue[name.Value] = role
			t.doc.Roles = append(t.doc.Roles, role)
		}
		role.Span = spanOf(f, role.Span, r.span)
		switch typ := c[rcType].text(); {
		case typ.Value == "":
		case strings.EqualFold(typ.Value, seniorCivilSvc):
			role.SeniorCivilService = true
		default:
			t.note("unexpected-text", typ.Span, "role type %q: expected %q or an empty cell", typ.Value, seniorCivilSvc)
		}

		skill := c[rcSkill].text()
		if skill.Value == "" {
			t.errs.Add(r.span, nil, "row has no skill name: expected the %q column to name a skill; row skipped", rolesHeader[rcSkill])
			continue
		}
		req := &framework.Requirement{Skill: skill, Span: r.span}
		if d := c[rcSkillDescription].text(); d.Value == missingCell {
			t.note("missing-description", d.Span, "skill %q has the placeholder description %q", skill.Value, missingCell)
		}
		// The row repeats the catalogue's description of the skill; it is
		// kept as written (placeholder included) so the download can be
		// written back unchanged.
		req.Description = c[rcSkillDescription].text()
		level := c[rcLevel].text()
		if strings.EqualFold(level.Value, notInUse) {
			// A Senior Civil Service role: the skill's "You can:" and
			// leadership examples are in the skill description column.
			p := t.splitProse(c[rcSkillDescription])
			req.Descriptors, req.LeadershipExamples = p.bullets, p.examples
			req.Description = framework.Text{}
			if len(p.paragraphs) > 0 {
				req.Description = p.paragraphs[0]
			}
			role.Skills = append(role.Skills, req)
			continue
		}
		if level.Value == "" {
			t.errs.Add(r.span, nil, "row has no role level: expected the %q column to name a level, or %q; row skipped", rolesHeader[rcLevel], notInUse)
			continue
		}
		lv := levelByValue[role][level.Value]
		if lv == nil {
			lv = role.Level(level.Value)
		}
		if lv == nil {
			lv = &framework.RoleLevel{Name: level, Span: r.span}
			p := t.splitProse(c[rcLevelDescription])
			lv.Description, lv.Responsibilities = p.paragraphs, p.bullets
			role.Levels = append(role.Levels, lv)
		}
		if levelByValue[role] == nil {
			levelByValue[role] = map[string]*framework.RoleLevel{}
		}
		levelByValue[role][level.Value] = lv
		lv.Span = spanOf(f, lv.Span, r.span)
		req.LevelText = c[rcSkillLevel].text()
		requirementLevel(req)
		p := t.splitProse(c[rcSkillLevelDescription])
		req.Descriptors = p.bullets
		for _, para := range p.paragraphs {
			t.note("unexpected-text", para.Span, "text %q in a skill level description: expected %q and \"- \" bullets", clip(para.Value), youCan)
		}
		lv.Skills = append(lv.Skills, req)
	}
	for _, role := range t.doc.Roles {
		orderLevels(role)
	}
	return t.doc, t.errs
}

// Columns of the skills download.
const (
	scName = iota
	scDescription
	scAwareness // then Working, Practitioner, Expert
	scRoles     = scAwareness + 4
)

// parseSkillsCSV reads the "Skill description content" download: one row
// per skill, a column per level. An empty level cell means the skill has
// no such level; a skill with all four empty is a Senior Civil Service
// skill, whose description holds "You can:" and "Examples of leadership
// using this skill:".
func parseSkillsCSV(f *framework.File) (*framework.Document, framework.ErrorList) {
	t := readTable(f, skillsHeader)
	seen := newRowSet()
	for r := range t.rows() {
		if t.duplicate(seen, r) {
			continue
		}
		c := r.cells
		t.untrimmed("skill", c[scName])
		name := c[scName].text()
		if name.Value == "" {
			t.errs.Add(r.span, nil, "row has no skill name: expected the %q column to name a skill; row skipped", skillsHeader[scName])
			continue
		}
		s := &framework.Skill{Name: name, Slug: framework.Slug(name.Value), Span: r.span}
		empty := true
		for i, l := range framework.Levels {
			lc := c[scAwareness+i]
			txt := lc.text()
			if txt.Value == "" {
				continue
			}
			empty = false
			sl := &framework.SkillLevel{Level: l, Span: txt.Span}
			if txt.Value == skillPlaceholder {
				sl.Status, sl.Placeholder = framework.Undefined, txt
			} else {
				p := t.splitProse(lc)
				sl.Status, sl.Descriptors = framework.Defined, p.bullets
				for _, para := range p.paragraphs {
					t.note("unexpected-text", para.Span, "text %q in the %s level of %q: expected %q and \"- \" bullets", clip(para.Value), l, name.Value, youCan)
				}
			}
			s.Levels = append(s.Levels, sl)
		}
		desc := t.splitProse(c[scDescription])
		if empty && desc.youCan {
			s.SeniorCivilService = true
			s.Requirements, s.LeadershipExamples = desc.bullets, desc.examples
		}
		if len(desc.paragraphs) > 0 {
			s.Description = desc.paragraphs[0]
			for _, extra := range desc.paragraphs[1:] {
				s.Description = framework.Text{Value: s.Description.Value + "\n" + extra.Value, Span: spanOf(f, s.Description.Span, extra.Span)}
			}
		}
		if d := c[scDescription].text(); d.Value == "" || d.Value == missingCell {
			t.note("missing-description", d.Span, "skill %q has no description", name.Value)
		}
		s.Roles = roleList(c[scRoles])
		t.doc.Skills = append(t.doc.Skills, s)
	}
	return t.doc, t.errs
}

// roleList splits a ", "-separated list of role names.
func roleList(c cell) []framework.RoleRef {
	m := c.rawOffsets()
	var refs []framework.RoleRef
	start := 0
	for i := 0; i <= len(c.value); i++ {
		if i == len(c.value) || c.value[i] == rolesListDivider[0] {
			if t := c.piece(m, start, i); t.Value != "" {
				refs = append(refs, framework.RoleRef{Name: t, Slug: framework.Slug(t.Value)})
			}
			start = i + 1
		}
	}
	return refs
}

// parseChangesCSV reads the "Change notes" download: a dated entry per
// row.
func parseChangesCSV(f *framework.File) (*framework.Document, framework.ErrorList) {
	t := readTable(f, changesHeader)
	for r := range t.rows() {
		c := r.cells
		d := c[0].text()
		date, ok := parseDate(d)
		if !ok {
			t.errs.Add(d.Span, nil, "timestamp %q: expected a date such as 2026-09-30; row skipped", d.Value)
			continue
		}
		t.doc.Changes = append(t.doc.Changes, &framework.Change{Date: date, Page: c[1].text(), Note: c[2].text(), Span: r.span})
	}
	return t.doc, t.errs
}
