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

func roleRows(fw *Framework, normalise bool) [][]csvOut {
	var rows [][]csvOut
	for _, r := range fw.Roles {
		if r == nil {
			continue
		}
		family := cellOut(r.Cells, rolesCSVHeader[0], texts(r.Family.Value), r.Family.Value, normalise)
		name := cellOut(r.Cells, rolesCSVHeader[1], texts(r.Name.Value), r.Name.Value, normalise)
		roleDesc := cellOut(r.Cells, rolesCSVHeader[2], cellValues{paragraphs: values(r.Description), bullets: values(r.Responsibilities)},
			proseCell(r.Description, csvRoleWill, r.Responsibilities), normalise)
		typ := ""
		if r.SeniorCivilService {
			typ = csvSCS
		}
		typCell := cellOut(r.Cells, rolesCSVHeader[9], texts(typ), typ, normalise)
		if len(r.Levels) == 0 {
			for _, q := range r.Skills {
				if q == nil {
					continue
				}
				desc := bulletsCell(csvYouCan, q.Descriptors)
				if len(q.LeadershipExamples) > 0 {
					desc += "\n" + bulletsCell(csvExamples, q.LeadershipExamples)
				}
				if q.Description.Value != "" {
					desc = q.Description.Value + "\n" + desc
				}
				notInUse := func(col int) csvOut {
					return cellOut(q.Cells, rolesCSVHeader[col], texts(csvNotInUse), csvNotInUse, normalise)
				}
				row := []csvOut{family, name, roleDesc, notInUse(3), notInUse(4),
					cellOut(q.Cells, rolesCSVHeader[5], texts(q.Skill.Value), q.Skill.Value, normalise),
					cellOut(q.Cells, rolesCSVHeader[6], cellValues{text: q.Description.Value, bullets: values(q.Descriptors), examples: values(q.LeadershipExamples)}, desc, normalise),
					notInUse(7), notInUse(8), typCell}
				for range 1 + max(q.Repeats, 0) {
					rows = append(rows, row)
				}
			}
			continue
		}
		for _, l := range r.Levels {
			if l == nil {
				continue
			}
			levelName := cellOut(l.Cells, rolesCSVHeader[3], texts(l.Name.Value), l.Name.Value, normalise)
			levelDesc := cellOut(l.Cells, rolesCSVHeader[4], cellValues{paragraphs: values(l.Description), bullets: values(l.Responsibilities)},
				proseCell(l.Description, csvLevelWill, l.Responsibilities), normalise)
			for _, q := range l.Skills {
				if q == nil {
					continue
				}
				desc := q.Description.Value
				if desc == "" {
					if s := fw.Skill(q.Skill.Value); s != nil {
						desc = s.Description.Value
					}
				}
				level := q.LevelText.Value
				if level == "" && q.Level != 0 {
					level = q.Level.Title()
				}
				row := []csvOut{family, name, roleDesc, levelName, levelDesc,
					cellOut(q.Cells, rolesCSVHeader[5], texts(q.Skill.Value), q.Skill.Value, normalise),
					cellOut(q.Cells, rolesCSVHeader[6], texts(q.Description.Value), desc, normalise),
					cellOut(q.Cells, rolesCSVHeader[7], texts(q.LevelText.Value), level, normalise),
					cellOut(q.Cells, rolesCSVHeader[8], cellValues{bullets: values(q.Descriptors)}, bulletsCell(csvYouCan, q.Descriptors), normalise),
					typCell}
				for range 1 + max(q.Repeats, 0) {
					rows = append(rows, row)
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
		row := []csvOut{
			cellOut(s.Cells, skillsCSVHeader[0], texts(s.Name.Value), s.Name.Value, normalise),
			cellOut(s.Cells, skillsCSVHeader[1], descValues, desc, normalise),
		}
		for _, l := range Levels {
			sl := s.Level(l)
			var v cellValues
			normal := ""
			switch {
			case sl == nil:
			case sl.Status == Undefined:
				v, normal = texts(sl.Placeholder.Value), sl.Placeholder.Value
			default:
				v, normal = cellValues{bullets: values(sl.Descriptors)}, bulletsCell(csvYouCan, sl.Descriptors)
			}
			row = append(row, cellOut(s.Cells, skillsCSVHeader[1+int(l)], v, normal, normalise))
		}
		var roles []string
		for _, r := range s.Roles {
			roles = append(roles, r.Name.Value)
		}
		row = append(row, cellOut(s.Cells, skillsCSVHeader[6], cellValues{roles: roles}, strings.Join(roles, csvRolesSplit), normalise))
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
