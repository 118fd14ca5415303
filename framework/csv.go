package framework

import (
	"bytes"
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

// The headers of the official layouts.
var (
	rolesCSVHeader  = []string{"Role Family", "Role", "Role Description", "Role Level", "Role Level Description", "Skill Name", "Skill Description", "Skill Level", "Skill Level Description", "Role Type"}
	skillsCSVHeader = []string{"Skill Name", "Skill Description", "Awareness", "Working", "Practitioner", "Expert", "Roles that require Skill"}
)

// Markers the official layouts use inside cells.
const (
	csvNotInUse   = "NOT IN USE"
	csvSCS        = "Senior Civil Service"
	csvYouCan     = "You can:"
	csvExamples   = "Examples of leadership using this skill:"
	csvRoleWill   = "In this role, you will:"
	csvLevelWill  = "At this role level, you will:"
	csvRolesSplit = ", "
)

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
	var rows [][]csvOut
	switch opts.Table {
	case CSVRoles:
		rows = roleRows(fw, opts.Normalise)
		rows = append([][]csvOut{plainRow(rolesCSVHeader)}, rows...)
	case CSVSkills:
		rows = append([][]csvOut{plainRow(skillsCSVHeader)}, skillRows(fw, opts.Normalise)...)
	default:
		return nil, nil, fmt.Errorf("unknown CSV table %q: expected %q or %q", opts.Table, CSVRoles, CSVSkills)
	}
	header := rows[0]
	var changes []CellChange
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	record := make([]string, len(header))
	for i, row := range rows {
		for j, c := range row {
			v := c.value
			if !opts.Raw && i > 0 {
				v = NeutraliseCell(v)
			}
			if c.was != nil && *c.was != v {
				changes = append(changes, CellChange{Row: i + 1, Column: header[j].value, Was: *c.was, Now: v})
			} else if c.was == nil && v != c.value {
				changes = append(changes, CellChange{Row: i + 1, Column: header[j].value, Was: c.value, Now: v})
			}
			record[j] = v
		}
		if err := w.Write(record); err != nil {
			return nil, nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), changes, w.Error()
}

// csvOut is a cell to write: its value and, where the source wrote it
// otherwise and the writer normalises, what the source had.
type csvOut struct {
	value string
	was   *string
}

func plainRow(vs []string) []csvOut {
	out := make([]csvOut, len(vs))
	for i, v := range vs {
		out[i] = csvOut{value: v}
	}
	return out
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
			return csvOut{value: normal, was: &written}
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

// roleColumns are the columns a role fills in the roles layout.
func roleColumns(r *Role) []column {
	typ := ""
	if r.SeniorCivilService {
		typ = csvSCS
	}
	return []column{
		{rolesCSVHeader[0], texts(r.Family.Value), r.Family.Value},
		{rolesCSVHeader[1], texts(r.Name.Value), r.Name.Value},
		{rolesCSVHeader[2], cellValues{paragraphs: values(r.Description), bullets: values(r.Responsibilities)},
			proseCell(r.Description, csvRoleWill, r.Responsibilities)},
		{rolesCSVHeader[9], texts(typ), typ},
	}
}

// levelColumns are the columns a role level fills in the roles layout.
func levelColumns(l *RoleLevel) []column {
	return []column{
		{rolesCSVHeader[3], texts(l.Name.Value), l.Name.Value},
		{rolesCSVHeader[4], cellValues{paragraphs: values(l.Description), bullets: values(l.Responsibilities)},
			proseCell(l.Description, csvLevelWill, l.Responsibilities)},
	}
}

// requirementColumns are the columns a requirement fills in the roles
// layout: of a role level, or of a Senior Civil Service role (scs), whose
// rows read "NOT IN USE" in the level columns.
func requirementColumns(fw *Framework, q *Requirement, scs bool) []column {
	skill := column{rolesCSVHeader[5], texts(q.Skill.Value), q.Skill.Value}
	if scs {
		desc := bulletsCell(csvYouCan, q.Descriptors)
		if len(q.LeadershipExamples) > 0 {
			desc += "\n" + bulletsCell(csvExamples, q.LeadershipExamples)
		}
		if q.Description.Value != "" {
			desc = q.Description.Value + "\n" + desc
		}
		notInUse := func(col int) column { return column{rolesCSVHeader[col], texts(csvNotInUse), csvNotInUse} }
		return []column{notInUse(3), notInUse(4), skill,
			{rolesCSVHeader[6], cellValues{text: q.Description.Value, bullets: values(q.Descriptors), examples: values(q.LeadershipExamples)}, desc},
			notInUse(7), notInUse(8)}
	}
	desc := q.Description.Value
	if desc == "" && fw != nil {
		if s := fw.Skill(q.Skill.Value); s != nil {
			desc = s.Description.Value
		}
	}
	level := q.LevelText.Value
	if level == "" && q.Level != 0 {
		level = q.Level.Title()
	}
	return []column{skill,
		{rolesCSVHeader[6], texts(q.Description.Value), desc},
		{rolesCSVHeader[7], texts(q.LevelText.Value), level},
		{rolesCSVHeader[8], cellValues{bullets: values(q.Descriptors)}, bulletsCell(csvYouCan, q.Descriptors)},
	}
}

// skillColumns are the columns of a skill in the skills layout.
func skillColumns(s *Skill) []column {
	desc := s.Description.Value
	descValues := texts(s.Description.Value)
	if s.SeniorCivilService {
		desc = bulletsCell(csvYouCan, s.Requirements)
		if len(s.LeadershipExamples) > 0 {
			desc += "\n" + bulletsCell(csvExamples, s.LeadershipExamples)
		}
		if s.Description.Value != "" {
			desc = s.Description.Value + "\n" + desc
		}
		descValues.bullets, descValues.examples = values(s.Requirements), values(s.LeadershipExamples)
	}
	cols := []column{
		{skillsCSVHeader[0], texts(s.Name.Value), s.Name.Value},
		{skillsCSVHeader[1], descValues, desc},
	}
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
			c.v, c.normal = cellValues{bullets: values(sl.Descriptors)}, bulletsCell(csvYouCan, sl.Descriptors)
		}
		cols = append(cols, c)
	}
	var roles []string
	for _, r := range s.Roles {
		roles = append(roles, r.Name.Value)
	}
	return append(cols, column{skillsCSVHeader[6], cellValues{roles: roles}, strings.Join(roles, csvRolesSplit)})
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

func roleRows(fw *Framework, normalise bool) [][]csvOut {
	var rows [][]csvOut
	outs := func(cs []*Cell, cols []column) map[string]csvOut {
		m := make(map[string]csvOut, len(cols))
		for _, c := range cols {
			m[c.name] = c.out(cs, normalise)
		}
		return m
	}
	for _, r := range fw.Roles {
		if r == nil {
			continue
		}
		ro := outs(r.Cells, roleColumns(r))
		add := func(q *Requirement, lo map[string]csvOut, scs bool) {
			qo := outs(q.Cells, requirementColumns(fw, q, scs))
			row := make([]csvOut, len(rolesCSVHeader))
			for i, h := range rolesCSVHeader {
				if o, ok := ro[h]; ok {
					row[i] = o
				} else if o, ok := lo[h]; ok {
					row[i] = o
				} else {
					row[i] = qo[h]
				}
			}
			for range 1 + max(q.Repeats, 0) {
				rows = append(rows, row)
			}
		}
		if len(r.Levels) == 0 {
			for _, q := range r.Skills {
				if q != nil {
					add(q, nil, true)
				}
			}
			continue
		}
		for _, l := range r.Levels {
			if l == nil {
				continue
			}
			lo := outs(l.Cells, levelColumns(l))
			for _, q := range l.Skills {
				if q != nil {
					add(q, lo, false)
				}
			}
		}
	}
	// The download's order: by the bytes of family, role, level and
	// skill as written.
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		for _, k := range [...]int{0, 1, 3, 5} {
			if a[k].value != b[k].value {
				return a[k].value < b[k].value
			}
		}
		return false
	})
	return rows
}

// texts returns the values of a cell holding the one text v.
func texts(v string) cellValues { return cellValues{text: v} }

func skillRows(fw *Framework, normalise bool) [][]csvOut {
	var rows [][]csvOut
	for _, s := range fw.Skills {
		if s == nil {
			continue
		}
		var row []csvOut
		for _, c := range skillColumns(s) {
			row = append(row, c.out(s.Cells, normalise))
		}
		rows = append(rows, row)
	}
	return rows
}

// proseCell writes paragraphs separated by blank lines, then the marker
// line and "- " bullets.
func proseCell(paras []Text, marker string, bullets []Text) string {
	var parts []string
	for _, p := range paras {
		parts = append(parts, p.Value)
	}
	if len(bullets) > 0 {
		parts = append(parts, bulletsCell(marker, bullets))
	}
	return strings.Join(parts, "\n\n")
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
