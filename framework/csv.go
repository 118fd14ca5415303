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

// ExportCSV writes fw in an official CSV layout, with the official header
// and row order: roles by family, role, level name and skill name (the
// download lists a role's levels alphabetically, not by seniority);
// skills in catalogue order. Multi-line cells are written as the download
// writes them: paragraphs separated by a blank line, then the "… you
// will:" line and "- " bullets; "You can:" then "- " bullets.
func ExportCSV(fw *Framework, opts CSVOptions) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	var err error
	write := func(row []string) {
		if err != nil {
			return
		}
		if !opts.Raw {
			for j := range row {
				row[j] = NeutraliseCell(row[j])
			}
		}
		err = w.Write(row)
	}
	switch opts.Table {
	case CSVRoles:
		err = w.Write(rolesCSVHeader)
		roleRows(fw, write)
	case CSVSkills:
		err = w.Write(skillsCSVHeader)
		skillRows(fw, write)
	default:
		return nil, fmt.Errorf("unknown CSV table %q: expected %q or %q", opts.Table, CSVRoles, CSVSkills)
	}
	if err != nil {
		return nil, err
	}
	w.Flush()
	return buf.Bytes(), w.Error()
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

// roleRows writes the rows of the roles layout, in order, with write
// (which may change the row it is given).
func roleRows(fw *Framework, write func([]string)) {
	roles := sortedFold(fw.Roles, func(r *Role) (string, string) { return r.Family.Value, r.Name.Value })
	var skills map[string]*Skill // the catalogue by key, made when needed
	row := make([]string, len(rolesCSVHeader))
	for _, r := range roles {
		roleDesc := proseCell(r.Description, csvRoleWill, r.Responsibilities)
		typ := ""
		if r.SeniorCivilService {
			typ = csvSCS
		}
		if len(r.Levels) == 0 {
			for _, q := range sortedRequirements(r.Skills) {
				desc := bulletsCell(csvYouCan, q.Descriptors)
				if len(q.LeadershipExamples) > 0 {
					desc += "\n" + bulletsCell(csvExamples, q.LeadershipExamples)
				}
				row = append(row[:0], r.Family.Value, r.Name.Value, roleDesc, csvNotInUse, csvNotInUse, q.Skill.Value, desc, csvNotInUse, csvNotInUse, typ)
				write(row)
			}
			continue
		}
		levels := sortedFold(r.Levels, func(l *RoleLevel) (string, string) { return l.Name.Value, "" })
		for _, l := range levels {
			levelDesc := proseCell(l.Description, csvLevelWill, l.Responsibilities)
			for _, q := range sortedRequirements(l.Skills) {
				desc := q.Description.Value
				if desc == "" {
					if skills == nil {
						skills = skillIndex(fw)
					}
					if s := skills[q.Skill.Key()]; s != nil {
						desc = s.Description.Value
					}
				}
				level := q.LevelText.Value
				if level == "" && q.Level != 0 {
					level = q.Level.Title()
				}
				row = append(row[:0], r.Family.Value, r.Name.Value, roleDesc, l.Name.Value, levelDesc, q.Skill.Value, desc, level, bulletsCell(csvYouCan, q.Descriptors), typ)
				write(row)
			}
		}
	}
}

// skillIndex returns the catalogue by key: for each key, the first skill
// that has it, as [Framework.Skill] finds it.
func skillIndex(fw *Framework) map[string]*Skill {
	m := make(map[string]*Skill, len(fw.Skills))
	for _, s := range fw.Skills {
		if k := s.Name.Key(); m[k] == nil {
			m[k] = s
		}
	}
	return m
}

// sortedFold returns a copy of xs sorted stably by the two strings by
// gives each, compared in lower case: each is lower-cased once, not at
// every comparison.
func sortedFold[T any](xs []T, by func(T) (string, string)) []T {
	type keyed struct {
		x    T
		a, b string
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		a, b := by(x)
		ks[i] = keyed{x, strings.ToLower(a), strings.ToLower(b)}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].a != ks[j].a {
			return ks[i].a < ks[j].a
		}
		return ks[i].b < ks[j].b
	})
	out := make([]T, len(xs))
	for i, k := range ks {
		out[i] = k.x
	}
	return out
}

func sortedRequirements(rs []*Requirement) []*Requirement {
	return sortedFold(rs, func(q *Requirement) (string, string) { return q.Skill.Value, "" })
}

// skillRows writes the rows of the skills layout, in order, with write.
func skillRows(fw *Framework, write func([]string)) {
	row := make([]string, len(skillsCSVHeader))
	var roles []string
	for _, s := range fw.Skills {
		row = append(row[:0], s.Name.Value, s.Description.Value, "", "", "", "")
		if s.SeniorCivilService {
			desc := bulletsCell(csvYouCan, s.Requirements)
			if len(s.LeadershipExamples) > 0 {
				desc += "\n" + bulletsCell(csvExamples, s.LeadershipExamples)
			}
			if s.Description.Value != "" {
				desc = s.Description.Value + "\n" + desc
			}
			row[1] = desc
		}
		for _, l := range s.Levels {
			if l.Level < Awareness || l.Level > Expert {
				continue
			}
			cell := bulletsCell(csvYouCan, l.Descriptors)
			if l.Status == Undefined {
				cell = l.Placeholder.Value
			}
			row[1+int(l.Level)] = cell
		}
		roles = roles[:0]
		for _, r := range s.Roles {
			roles = append(roles, r.Name.Value)
		}
		write(append(row, strings.Join(roles, csvRolesSplit)))
	}
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
