package parse

import (
	"iter"
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
//
// The rows are read and prepared (see roleRow) on one goroutine while the
// model is built from them, in order, on this one.
func parseRolesCSV(f *framework.File) (*framework.Document, errorList) {
	t := readTable(f, rolesHeader)
	b := &rolesBuilder{t: t, seen: newRowSet(), roles: map[string]*framework.Role{},
		roleByValue: map[string]*framework.Role{}, levels: map[*framework.Role]*roleLevels{},
		reqAt: map[int]*framework.Requirement{}}
	for rows := range roleRows(t, b.seen) {
		for i := range rows {
			b.add(&rows[i])
		}
	}
	for _, role := range t.doc.Roles {
		orderLevels(role)
	}
	return t.done()
}

// rolesBuilder builds the model of the roles download from its rows, in
// order.
type rolesBuilder struct {
	t           *table
	seen        *rowSet                    // the rows so far, for repeats
	roles       map[string]*framework.Role // by key
	roleByValue map[string]*framework.Role // by name as written: rows repeat it
	levels      map[*framework.Role]*roleLevels
	reqAt       map[int]*framework.Requirement // by the start of its row
}

// roleLevels indexes the levels of a role, so that a row finds its level
// without scanning the role's.
type roleLevels struct {
	byValue map[string]*framework.RoleLevel // by name as written: rows repeat it
	byKey   map[string]*framework.RoleLevel
}

// roleRow is a row of the roles download with what can be read from it
// alone: its cells' texts and notes, and the prose of its skill level
// description (of its skill description in a Senior Civil Service row).
type roleRow struct {
	rec                                   record
	hash                                  uint64 // under which the row set files it
	name, family, typ, skill, desc, level framework.Text
	skillLevel                            framework.Text
	scs                                   bool  // the level reads "NOT IN USE"
	untrimmed                             notes // of the role, level and skill cells
	prose                                 prose
	proseNotes                            notes
}

// prepareRoleRow fills row from record r, with the hash under which seen
// files it.
func prepareRoleRow(row *roleRow, r record, seen *rowSet) {
	c := r.cells
	*row = roleRow{rec: r, hash: seen.hash(r)}
	row.untrimmed.untrimmed("role", c[rcRole])
	row.untrimmed.untrimmed("role level", c[rcLevel])
	row.untrimmed.untrimmed("skill", c[rcSkill])
	row.name, row.family, row.typ = c[rcRole].text(), c[rcFamily].text(), c[rcType].text()
	row.skill, row.desc, row.level = c[rcSkill].text(), c[rcSkillDescription].text(), c[rcLevel].text()
	row.skillLevel = c[rcSkillLevel].text()
	row.scs = strings.EqualFold(row.level.Value, framework.PhraseNotInUse)
	if row.scs {
		row.prose = row.proseNotes.splitProse(c[rcSkillDescription])
	} else {
		row.prose = row.proseNotes.splitProse(c[rcSkillLevelDescription])
	}
}

// roleRowBatch is how many rows go from the reading goroutine to the
// building one at a time: about 15 kB of rows.
const roleRowBatch = 32

// roleRows yields the rows of the roles download in batches, read and
// prepared on another goroutine: while the caller builds the model from
// one batch, the next is prepared. When the range over it ends, the
// reading goroutine has ended too, its errors are in t.errs, and a panic
// of its is the caller's.
func roleRows(t *table, seen *rowSet) iter.Seq[[]roleRow] {
	return func(yield func([]roleRow) bool) {
		// Batches are made as needed, at most four, and reused: a row's
		// fields are copied out of it.
		full := make(chan []roleRow, 2)
		free := make(chan []roleRow, 4)
		stop, done := make(chan struct{}), make(chan struct{})
		var readErrs errorList
		var panicked any // set before done is closed
		go func() {
			defer close(done)
			defer func() { panicked = recover() }()
			defer close(full)
			next := func() []roleRow {
				select {
				case b := <-free:
					return b[:0]
				default:
					return make([]roleRow, 0, roleRowBatch)
				}
			}
			b := next()
			for r := range t.readRows(&readErrs) {
				b = b[:len(b)+1]
				prepareRoleRow(&b[len(b)-1], r, seen)
				if len(b) < roleRowBatch {
					continue
				}
				select {
				case full <- b:
				case <-stop:
					return
				}
				b = next()
			}
			if len(b) > 0 {
				select {
				case full <- b:
				case <-stop:
				}
			}
		}()
		defer func() {
			close(stop)
			<-done
			if panicked != nil {
				panic(panicked)
			}
			t.errs.addAll(&readErrs)
		}()
		for b := range full {
			if !yield(b) {
				return
			}
			free <- b
		}
	}
}

// add adds a prepared row to the model.
func (b *rolesBuilder) add(row *roleRow) {
	t := b.t
	r, c := row.rec, row.rec.cells
	if first, dup := t.duplicateHashed(b.seen, r, row.hash); dup {
		if q := b.reqAt[first.span.Start]; q != nil {
			q.Repeats++
		}
		return
	}
	t.notes.addAll(&row.untrimmed)
	name := row.name
	if name.Value == "" {
		t.errs.Add(r.span, nil, "row has no role name: expected the %q column to name a role; row skipped", rolesHeader[rcRole])
		return
	}
	role := b.roleByValue[name.Value]
	if role == nil {
		role = b.roles[name.Key()]
		b.roleByValue[name.Value] = role
	}
	if role == nil {
		role = &framework.Role{Name: name, Slug: framework.Slug(name.Value), Family: row.family, Span: r.span}
		p := t.notes.splitProse(c[rcRoleDescription])
		role.Description, role.Responsibilities = p.paragraphs, p.bullets
		_, family := c[rcFamily].textCell(rolesHeader[rcFamily])
		_, nameCell := c[rcRole].textCell(rolesHeader[rcRole])
		_, typ := c[rcType].textCell(rolesHeader[rcType])
		role.Cells = []*framework.Cell{family, nameCell,
			p.cell(rolesHeader[rcRoleDescription], framework.PartParagraph, -1, true, false), typ}
		b.roles[name.Key()] = role
		b.roleByValue[name.Value] = role
		t.doc.Roles = append(t.doc.Roles, role)
	}
	role.Span = spanOf(t.f, role.Span, r.span)
	switch typ := row.typ; {
	case typ.Value == "":
	case strings.EqualFold(typ.Value, framework.PhraseSeniorCivilService):
		role.SeniorCivilService = true
	default:
		t.note("unexpected-text", typ.Span, "role type %q: expected %q or an empty cell", typ.Value, framework.PhraseSeniorCivilService)
	}

	skill := row.skill
	if skill.Value == "" {
		t.errs.Add(r.span, nil, "row has no skill name: expected the %q column to name a skill; row skipped", rolesHeader[rcSkill])
		return
	}
	req := &framework.Requirement{Skill: skill, Span: r.span}
	b.reqAt[r.span.Start] = req
	_, skillCell := c[rcSkill].textCell(rolesHeader[rcSkill])
	if d := row.desc; d.Value == missingCell {
		t.note("missing-description", d.Span, "skill %q has the placeholder description %q", skill.Value, missingCell)
	}
	// The row repeats the catalogue's description of the skill; it is
	// kept as written (placeholder included) so the download can be
	// written back unchanged.
	req.Description = row.desc
	level := row.level
	if row.scs {
		// A Senior Civil Service role: the skill's "You can:" and
		// leadership examples are in the skill description column.
		p := row.prose
		t.notes.addAll(&row.proseNotes)
		req.Descriptors, req.LeadershipExamples = p.bullets, p.examples
		req.Description = framework.Text{}
		if len(p.paragraphs) > 0 {
			req.Description = p.paragraphs[0]
		}
		req.Cells = []*framework.Cell{skillCell, p.cell(rolesHeader[rcSkillDescription], framework.PartText, 1, true, true)}
		for _, col := range []int{rcLevel, rcLevelDescription, rcSkillLevel, rcSkillLevelDescription} {
			_, nc := c[col].textCell(rolesHeader[col])
			req.Cells = append(req.Cells, nc)
		}
		role.Skills = append(role.Skills, req)
		return
	}
	if level.Value == "" {
		t.errs.Add(r.span, nil, "row has no role level: expected the %q column to name a level, or %q; row skipped", rolesHeader[rcLevel], framework.PhraseNotInUse)
		return
	}
	ls := b.levels[role]
	if ls == nil {
		ls = &roleLevels{byValue: map[string]*framework.RoleLevel{}, byKey: map[string]*framework.RoleLevel{}}
		b.levels[role] = ls
	}
	lv := ls.byValue[level.Value]
	if lv == nil {
		k := level.Key()
		if lv = ls.byKey[k]; lv == nil {
			lv = &framework.RoleLevel{Name: level, Span: r.span}
			p := t.notes.splitProse(c[rcLevelDescription])
			lv.Description, lv.Responsibilities = p.paragraphs, p.bullets
			_, nameCell := c[rcLevel].textCell(rolesHeader[rcLevel])
			lv.Cells = []*framework.Cell{nameCell, p.cell(rolesHeader[rcLevelDescription], framework.PartParagraph, -1, true, false)}
			role.Levels = append(role.Levels, lv)
			ls.byKey[k] = lv
		}
		ls.byValue[level.Value] = lv
	}
	lv.Span = spanOf(t.f, lv.Span, r.span)
	req.LevelText = row.skillLevel
	requirementLevel(req)
	p := row.prose
	t.notes.addAll(&row.proseNotes)
	req.Descriptors = p.bullets
	_, descCell := c[rcSkillDescription].textCell(rolesHeader[rcSkillDescription])
	_, levelCell := c[rcSkillLevel].textCell(rolesHeader[rcSkillLevel])
	req.Cells = []*framework.Cell{skillCell, descCell, levelCell, p.cell(rolesHeader[rcSkillLevelDescription], "", 0, true, false)}
	for _, para := range p.paragraphs {
		t.note("unexpected-text", para.Span, "text %q in a skill level description: expected %q and \"- \" bullets", clip(para.Value), framework.PhraseYouCan)
	}
	lv.Skills = append(lv.Skills, req)
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
func parseSkillsCSV(f *framework.File) (*framework.Document, errorList) {
	t := readTable(f, skillsHeader)
	seen := newRowSet()
	for r := range t.rows() {
		if t.duplicate(seen, r) {
			continue
		}
		c := r.cells
		t.notes.untrimmed("skill", c[scName])
		name, nameCell := c[scName].textCell(skillsHeader[scName])
		if name.Value == "" {
			t.errs.Add(r.span, nil, "row has no skill name: expected the %q column to name a skill; row skipped", skillsHeader[scName])
			continue
		}
		s := &framework.Skill{Name: name, Slug: framework.Slug(name.Value), Span: r.span}
		s.Cells = []*framework.Cell{nameCell, nil}
		empty := true
		for i, l := range framework.Levels {
			lc := c[scAwareness+i]
			txt, lcell := lc.textCell(skillsHeader[scAwareness+i])
			if txt.Value == "" {
				s.Cells = append(s.Cells, lcell)
				continue
			}
			empty = false
			sl := &framework.SkillLevel{Level: l, Span: txt.Span}
			if txt.Value == skillPlaceholder {
				sl.Status, sl.Placeholder = framework.Undefined, txt
				s.Cells = append(s.Cells, lcell)
			} else {
				p := t.notes.splitProse(lc)
				s.Cells = append(s.Cells, p.cell(skillsHeader[scAwareness+i], "", 0, true, false))
				sl.Status, sl.Descriptors = framework.Defined, p.bullets
				for _, para := range p.paragraphs {
					t.note("unexpected-text", para.Span, "text %q in the %s level of %q: expected %q and \"- \" bullets", clip(para.Value), l, name.Value, framework.PhraseYouCan)
				}
			}
			s.Levels = append(s.Levels, sl)
		}
		desc := t.notes.splitProse(c[scDescription])
		scs := empty && desc.youCan
		if scs {
			s.SeniorCivilService = true
			s.Requirements, s.LeadershipExamples = desc.bullets, desc.examples
		}
		s.Cells[1] = desc.cell(skillsHeader[scDescription], framework.PartText, -1, scs, scs)
		if len(desc.paragraphs) > 0 {
			s.Description = joinLines(f, desc.paragraphs)
		}
		if d := c[scDescription].text(); d.Value == "" || d.Value == missingCell {
			t.note("missing-description", d.Span, "skill %q has no description", name.Value)
		}
		var rolesCell *framework.Cell
		s.Roles, rolesCell = roleList(c[scRoles])
		s.Cells = append(s.Cells, rolesCell)
		t.doc.Skills = append(t.doc.Skills, s)
	}
	return t.done()
}

// roleList splits a ", "-separated list of role names, and returns them
// and the cell as written.
func roleList(c cell) ([]framework.RoleRef, *framework.Cell) {
	m := c.rawOffsets()
	var refs []framework.RoleRef
	var parts []framework.CellPart
	for start := 0; start <= len(c.value); {
		i := strings.IndexByte(c.value[start:], rolesListDivider[0])
		if i < 0 {
			i = len(c.value)
		} else {
			i += start
		}
		if t, a := c.pieceAt(m, start, i); t.Value != "" {
			refs = append(refs, framework.RoleRef{Name: t, Slug: framework.Slug(t.Value)})
			parts = append(parts, framework.CellPart{Kind: framework.PartRole, Start: a, End: a + len(t.Value)})
		}
		start = i + 1
	}
	return refs, c.written(skillsHeader[scRoles], parts...)
}

// parseChangesCSV reads the "Change notes" download: a dated entry per
// row.
func parseChangesCSV(f *framework.File) (*framework.Document, errorList) {
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
	return t.done()
}

// joinLines returns the texts as one, a line each, spanning from the first
// to the last: joined once (joining them one by one cost a long cell's
// length for each of its lines), and the source's own bytes when the
// texts are the lines of one stretch of it.
func joinLines(f *framework.File, ts []framework.Text) framework.Text {
	if len(ts) == 1 {
		return ts[0]
	}
	vs := make([]string, len(ts))
	for i, t := range ts {
		vs[i] = t.Value
	}
	span := spanOf(f, ts[0].Span, ts[len(ts)-1].Span)
	v := strings.Join(vs, "\n")
	if raw := span.Text(); raw == v {
		v = raw
	}
	return framework.Text{Value: v, Span: span}
}
