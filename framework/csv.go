package framework

import (
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
)

// CSVTable names one of the official CSV layouts.
type CSVTable string

// The official CSV layouts that [ExportCSV] writes.
const (
	// CSVRoles is the "Role content" download: one row per role, role
	// level and skill.
	CSVRoles CSVTable = "roles"
	// CSVSkills is the "Skill description content" download: one row per
	// skill.
	CSVSkills CSVTable = "skills"
)

// CSVOptions configure [ExportCSV].
type CSVOptions struct {
	Table CSVTable

	// Raw writes cells exactly as the model holds them. By default a cell
	// that a spreadsheet would run as a formula is neutralised: see
	// [NeutraliseCell].
	Raw bool

	// Normalise writes every cell in its normal layout, not as its source
	// wrote it; [ExportCSVChanges] says which cells that changed.
	Normalise bool
}

// The headers of the official layouts, from the registry of formats.
var (
	rolesCSVHeader  = formats[formatIndex[FormatRolesCSV]].Header
	skillsCSVHeader = formats[formatIndex[FormatSkillsCSV]].Header
)

// csvRolesSplit separates the roles of the skills download's "Roles that
// require Skill" cell, as the download writes them.
const csvRolesSplit = ", "

// ExportCSV writes fw in an official CSV layout, with the official
// header. A cell read from a table is written as it was read (see [Cell]);
// any other cell in its normal layout: paragraphs separated by a blank
// line, then the "… you will:" line and "- " bullets; "You can:" then "- "
// bullets. Rows are in the download's order: by the bytes of the role
// family, role, role level and skill name cells as written (stable, so
// rows with the same four keep the model's order), a requirement
// repeated in its source written as often; skills in catalogue order.
func ExportCSV(fw *Framework, opts CSVOptions) ([]byte, error) {
	data, _, err := ExportCSVChanges(fw, opts)
	return data, err
}

// CellChange is a cell that [ExportCSVChanges] wrote otherwise than its
// source had it: Row is the record's number in the output (the header is
// 1), Column the column's header, Was the cell as read and Now as written.
type CellChange struct {
	Row      int
	Column   string
	Was, Now string
}

// ExportCSVChanges is [ExportCSV] that also returns the cells it wrote
// otherwise than they were read, in output order: with opts.Normalise,
// every cell whose normal layout differs from how its source wrote it;
// without, only cells that the formula guard changed.
func ExportCSVChanges(fw *Framework, opts CSVOptions) ([]byte, []CellChange, error) {
	layout, ok := csvFormat(opts.Table)
	if !ok {
		return nil, nil, fmt.Errorf("unknown CSV table %q: expected %q or %q", opts.Table, CSVRoles, CSVSkills)
	}
	header := layout.Header
	// The output grows by chunks (a first small one), then is joined
	// once: growing one buffer by doubling allocates up to four times
	// what it holds in the end.
	buf := jsonWriter{b: make([]byte, 0, 64<<10)}
	w := csv.NewWriter(&buf)
	if err := w.Write(header); err != nil {
		return nil, nil, err
	}
	var changes []CellChange
	record := make([]string, len(header))
	n := 1 // records written
	write := func(row []csvOut) error {
		n++
		for j, c := range row {
			v := c.value
			if !opts.Raw {
				v = NeutraliseCell(v)
			}
			if c.was != nil && *c.was != v {
				changes = append(changes, CellChange{Row: n, Column: header[j], Was: *c.was, Now: v})
			} else if c.was == nil && v != c.value {
				changes = append(changes, CellChange{Row: n, Column: header[j], Was: c.value, Now: v})
			}
			record[j] = v
		}
		return w.Write(record)
	}
	var err error
	if opts.Table == CSVRoles {
		err = roleRows(fw, opts.Normalise, write)
	} else {
		err = skillRows(fw, opts.Normalise, write)
	}
	if err != nil {
		return nil, nil, err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, nil, err
	}
	return buf.bytes(), changes, nil
}

// csvOut is a cell to write: its value and, where the source wrote it
// otherwise and the writer normalises, what the source had.
type csvOut struct {
	value string
	was   *string
}

// cellOut returns the cell of column col: as its source wrote it, where
// cs holds it and it fits v, unless normalise; otherwise normal. With
// normalise, a written cell that differs from normal is returned with
// what it was.
func cellOut(cs []*Cell, col string, v cellValues, normal string, normalise bool) csvOut {
	written, ok := CellOf(cs, col).write(v)
	if !ok {
		return csvOut{value: normal}
	}
	if normalise {
		if written != normal {
			was := written // only this copy goes to the heap
			return csvOut{value: normal, was: &was}
		}
		return csvOut{value: normal}
	}
	return csvOut{value: written}
}

// NeutraliseCell returns s so that a spreadsheet shows it as text: a cell
// starting with "=", "+", "-", "@", a tab or a carriage return (which
// spreadsheets read as the start of a formula) gets a leading apostrophe,
// as the OWASP guidance on CSV injection advises. Other cells are
// returned unchanged; no cell of the official downloads starts that way.
func NeutraliseCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// column is what the model says a cell of a column holds: its texts, and
// the cell in its normal layout.
type column struct {
	name   string
	v      cellValues
	normal string
}

func (c column) out(cs []*Cell, normalise bool) csvOut {
	return cellOut(cs, c.name, c.v, c.normal, normalise)
}

// roleColumns appends to dst the columns a role fills in the roles
// layout.
func roleColumns(dst []column, r *Role) []column {
	typ := ""
	if r.SeniorCivilService {
		typ = PhraseSeniorCivilService
	}
	return append(dst,
		column{rolesCSVHeader[0], texts(r.Family.Value), r.Family.Value},
		column{rolesCSVHeader[1], texts(r.Name.Value), r.Name.Value},
		column{rolesCSVHeader[2], cellValues{paragraphs: r.Description, bullets: r.Responsibilities},
			proseCell(r.Description, PhraseRoleWill, r.Responsibilities)},
		column{rolesCSVHeader[9], texts(typ), typ},
	)
}

// levelColumns appends to dst the columns a role level fills in the
// roles layout.
func levelColumns(dst []column, l *RoleLevel) []column {
	return append(dst, levelNameColumn(l),
		column{rolesCSVHeader[4], cellValues{paragraphs: l.Description, bullets: l.Responsibilities},
			proseCell(l.Description, PhraseLevelWill, l.Responsibilities)},
	)
}

// levelNameColumn is the role level column of a role level's rows.
func levelNameColumn(l *RoleLevel) column {
	return column{rolesCSVHeader[3], texts(l.Name.Value), l.Name.Value}
}

// notInUse is column col of a Senior Civil Service role's row, which
// reads "NOT IN USE".
func notInUse(col int) column {
	return column{rolesCSVHeader[col], texts(PhraseNotInUse), PhraseNotInUse}
}

// skillColumn is the skill name column of a requirement's row.
func skillColumn(q *Requirement) column {
	return column{rolesCSVHeader[5], texts(q.Skill.Value), q.Skill.Value}
}

// requirementColumns appends to dst the columns a requirement fills in
// the roles layout: of a role level, or of a Senior Civil Service role
// (scs), whose rows read "NOT IN USE" in the level columns. A
// requirement without a description of its own takes its skill's from
// cat.
func requirementColumns(dst []column, cat *catalogue, q *Requirement, scs bool) []column {
	if scs {
		desc := bulletsCell(PhraseYouCan, q.Descriptors)
		if len(q.LeadershipExamples) > 0 {
			desc += "\n" + bulletsCell(PhraseLeadershipExamples, q.LeadershipExamples)
		}
		if q.Description.Value != "" {
			desc = q.Description.Value + "\n" + desc
		}
		return append(dst, notInUse(3), notInUse(4), skillColumn(q),
			column{rolesCSVHeader[6], cellValues{text: q.Description.Value, bullets: q.Descriptors, examples: q.LeadershipExamples}, desc},
			notInUse(7), notInUse(8))
	}
	desc := q.Description.Value
	if desc == "" {
		desc = cat.description(q.Skill.Value)
	}
	level := q.LevelText.Value
	if level == "" && q.Level != 0 {
		level = q.Level.Title()
	}
	return append(dst, skillColumn(q),
		column{rolesCSVHeader[6], texts(q.Description.Value), desc},
		column{rolesCSVHeader[7], texts(q.LevelText.Value), level},
		column{rolesCSVHeader[8], cellValues{bullets: q.Descriptors}, bulletsCell(PhraseYouCan, q.Descriptors)},
	)
}

// catalogue finds a framework's skills by name, as [Framework.Skill]
// does, through an index made the first time it is asked.
type catalogue struct {
	fw    *Framework
	byKey map[string]*Skill
}

// description returns the description of the skill named name, or "" if
// there is none.
func (c *catalogue) description(name string) string {
	if c == nil || c.fw == nil || len(c.fw.Skills) == 0 {
		return ""
	}
	if c.byKey == nil {
		c.byKey = make(map[string]*Skill, len(c.fw.Skills))
		for _, s := range c.fw.Skills {
			if s == nil {
				continue
			}
			if k := s.Name.Key(); c.byKey[k] == nil {
				c.byKey[k] = s
			}
		}
	}
	if s := c.byKey[Key(name)]; s != nil {
		return s.Description.Value
	}
	return ""
}

// skillColumns appends to dst the columns of a skill in the skills
// layout.
func skillColumns(dst []column, s *Skill) []column {
	desc := s.Description.Value
	descValues := texts(s.Description.Value)
	if s.SeniorCivilService {
		desc = bulletsCell(PhraseYouCan, s.Requirements)
		if len(s.LeadershipExamples) > 0 {
			desc += "\n" + bulletsCell(PhraseLeadershipExamples, s.LeadershipExamples)
		}
		if s.Description.Value != "" {
			desc = s.Description.Value + "\n" + desc
		}
		descValues.bullets, descValues.examples = s.Requirements, s.LeadershipExamples
	}
	dst = append(dst,
		column{skillsCSVHeader[0], texts(s.Name.Value), s.Name.Value},
		column{skillsCSVHeader[1], descValues, desc},
	)
	for _, l := range Levels {
		var sl *SkillLevel
		for _, x := range s.Levels {
			if x != nil && x.Level == l {
				sl = x
				break
			}
		}
		c := column{name: skillsCSVHeader[1+int(l)]}
		switch {
		case sl == nil:
		case sl.Status == Undefined:
			c.v, c.normal = texts(sl.Placeholder.Value), sl.Placeholder.Value
		default:
			c.v, c.normal = cellValues{bullets: sl.Descriptors}, bulletsCell(PhraseYouCan, sl.Descriptors)
		}
		dst = append(dst, c)
	}
	var roles strings.Builder
	for i, r := range s.Roles {
		if i > 0 {
			roles.WriteString(csvRolesSplit)
		}
		roles.WriteString(r.Name.Value)
	}
	return append(dst, column{skillsCSVHeader[6], cellValues{roles: s.Roles}, roles.String()})
}

// changedCells returns the cells of cs that the CSV writer writes as read
// and that differ from their normal layout: the cells an export must keep
// for the download to come back.
func changedCells(cs []*Cell, cols []column) []*Cell {
	var out []*Cell
	for _, c := range cs {
		if c == nil {
			continue
		}
		for _, col := range cols {
			if col.name != c.Column {
				continue
			}
			if w, ok := c.write(col.v); ok && w != col.normal {
				out = append(out, c)
			}
			break
		}
	}
	return out
}

// placed is a cell to write in column col of the roles layout.
type placed struct {
	col int
	out csvOut
}

// rolesColumn returns the index of the roles layout's column name.
func rolesColumn(name string) int {
	for i, h := range rolesCSVHeader {
		if h == name {
			return i
		}
	}
	panic("framework: no roles column " + name) // a bug in the column lists
}

// place appends to dst the cells of cols, as written, in their columns.
func place(dst []placed, cols []column, cs []*Cell, normalise bool) []placed {
	for _, c := range cols {
		dst = append(dst, placed{rolesColumn(c.name), c.out(cs, normalise)})
	}
	return dst
}

// roleCells are a role's cells in the roles layout, shared by its rows.
type roleCells struct {
	cells []placed
	buf   [4]placed // cells' storage: the four columns of a role
}

// value returns the value of the cell in column col, or "".
func (rc *roleCells) value(col int) string {
	for _, p := range rc.cells {
		if p.col == col {
			return p.out.value
		}
	}
	return ""
}

// roleRow is a requirement's row of the roles layout, written n times:
// of role level l, or (l nil) of a Senior Civil Service role; with the
// role level and skill cells it is ordered by.
type roleRow struct {
	role         *roleCells
	l            *RoleLevel
	q            *Requirement
	level, skill string
	n            int
}

// roleRows writes the rows of the roles layout with write, in the
// download's order: by the bytes of family, role, level and skill as
// written. It holds what orders each row and each role's cells, and
// makes a row's level and requirement cells as it writes it.
func roleRows(fw *Framework, normalise bool, write func([]csvOut) error) error {
	n := 0
	for _, r := range fw.Roles {
		if r == nil {
			continue
		}
		n += len(r.Skills)
		for _, l := range r.Levels {
			if l != nil {
				n += len(l.Skills)
			}
		}
	}
	rows := make([]roleRow, 0, n)
	var cols []column
	for _, r := range fw.Roles {
		if r == nil {
			continue
		}
		var rc *roleCells // made for a role with rows
		add := func(l *RoleLevel, q *Requirement, level string) {
			if rc == nil {
				rc = &roleCells{}
				cols = roleColumns(cols[:0], r)
				rc.cells = place(rc.buf[:0], cols, r.Cells, normalise)
			}
			if l == nil {
				level = notInUse(3).out(q.Cells, normalise).value
			}
			rows = append(rows, roleRow{rc, l, q, level, skillColumn(q).out(q.Cells, normalise).value, 1 + max(q.Repeats, 0)})
		}
		if len(r.Levels) == 0 {
			for _, q := range r.Skills {
				if q != nil {
					add(nil, q, "")
				}
			}
			continue
		}
		for _, l := range r.Levels {
			if l == nil {
				continue
			}
			level := ""
			for _, q := range l.Skills {
				if q == nil {
					continue
				}
				if level == "" {
					level = levelNameColumn(l).out(l.Cells, normalise).value
				}
				add(l, q, level)
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if x, y := a.role.value(0), b.role.value(0); x != y {
			return x < y
		}
		if x, y := a.role.value(1), b.role.value(1); x != y {
			return x < y
		}
		if a.level != b.level {
			return a.level < b.level
		}
		return a.skill < b.skill
	})
	cat := &catalogue{fw: fw}
	row := make([]csvOut, len(rolesCSVHeader))
	var level []placed // the cells of lastLevel
	var lastLevel *RoleLevel
	for i := range rows {
		r := &rows[i]
		clear(row)
		for _, p := range r.role.cells {
			row[p.col] = p.out
		}
		if r.l != nil {
			if r.l != lastLevel {
				cols = levelColumns(cols[:0], r.l)
				level = place(level[:0], cols, r.l.Cells, normalise)
				lastLevel = r.l
			}
			for _, p := range level {
				row[p.col] = p.out
			}
		}
		cols = requirementColumns(cols[:0], cat, r.q, r.l == nil)
		for _, c := range cols {
			row[rolesColumn(c.name)] = c.out(r.q.Cells, normalise)
		}
		for range r.n {
			if err := write(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// texts returns the values of a cell holding the one text v.
func texts(v string) cellValues { return cellValues{text: v} }

// skillRows writes the rows of the skills layout with write, in
// catalogue order.
func skillRows(fw *Framework, normalise bool, write func([]csvOut) error) error {
	var cols []column
	row := make([]csvOut, len(skillsCSVHeader))
	for _, s := range fw.Skills {
		if s == nil {
			continue
		}
		cols = skillColumns(cols[:0], s)
		for i, c := range cols {
			row[i] = c.out(s.Cells, normalise)
		}
		if err := write(row); err != nil {
			return err
		}
	}
	return nil
}

// proseCell writes paragraphs separated by blank lines, then the marker
// line and "- " bullets.
func proseCell(paras []Text, marker string, bullets []Text) string {
	switch {
	case len(bullets) == 0 && len(paras) == 1:
		return paras[0].Value
	case len(paras) == 0:
		return bulletsCell(marker, bullets)
	}
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Value)
	}
	if len(bullets) > 0 {
		b.WriteString("\n\n")
		b.WriteString(bulletsCell(marker, bullets))
	}
	return b.String()
}

// bulletsCell writes the marker line and "- " bullets; nothing if there
// are no bullets.
func bulletsCell(marker string, bullets []Text) string {
	if len(bullets) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(marker)
	for _, t := range bullets {
		b.WriteString("\n- ")
		b.WriteString(t.Value)
	}
	return b.String()
}
