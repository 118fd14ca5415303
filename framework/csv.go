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
	var rows [][]string
	switch opts.Table {
	case CSVRoles:
		rows = append([][]string{rolesCSVHeader}, roleRows(fw)...)
	case CSVSkills:
		rows = append([][]string{skillsCSVHeader}, skillRows(fw)...)
	default:
		return nil, fmt.Errorf("unknown CSV table %q: expected %q or %q", opts.Table, CSVRoles, CSVSkills)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for i, row := range rows {
		if !opts.Raw && i > 0 {
			for j := range row {
				row[j] = NeutraliseCell(row[j])
			}
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
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

func roleRows(fw *Framework) [][]string {
	var rows [][]string
	roles := append([]*Role(nil), fw.Roles...)
	sort.SliceStable(roles, func(i, j int) bool {
		a, b := roles[i], roles[j]
		if fa, fb := strings.ToLower(a.Family.Value), strings.ToLower(b.Family.Value); fa != fb {
			return fa < fb
		}
		return strings.ToLower(a.Name.Value) < strings.ToLower(b.Name.Value)
	})
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
				rows = append(rows, []string{r.Family.Value, r.Name.Value, roleDesc, csvNotInUse, csvNotInUse, q.Skill.Value, desc, csvNotInUse, csvNotInUse, typ})
			}
			continue
		}
		levels := append([]*RoleLevel(nil), r.Levels...)
		sort.SliceStable(levels, func(i, j int) bool {
			return strings.ToLower(levels[i].Name.Value) < strings.ToLower(levels[j].Name.Value)
		})
		for _, l := range levels {
			levelDesc := proseCell(l.Description, csvLevelWill, l.Responsibilities)
			for _, q := range sortedRequirements(l.Skills) {
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
				rows = append(rows, []string{r.Family.Value, r.Name.Value, roleDesc, l.Name.Value, levelDesc, q.Skill.Value, desc, level, bulletsCell(csvYouCan, q.Descriptors), typ})
			}
		}
	}
	return rows
}

func sortedRequirements(rs []*Requirement) []*Requirement {
	out := append([]*Requirement(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].Skill.Value) < strings.ToLower(out[j].Skill.Value)
	})
	return out
}

func skillRows(fw *Framework) [][]string {
	var rows [][]string
	for _, s := range fw.Skills {
		row := []string{s.Name.Value, s.Description.Value, "", "", "", ""}
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
		var roles []string
		for _, r := range s.Roles {
			roles = append(roles, r.Name.Value)
		}
		rows = append(rows, append(row, strings.Join(roles, csvRolesSplit)))
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
