package framework

import "sort"

// Framework is the framework as a set of documents says it: the skills
// catalogue and the roles, merged from every document, with the documents
// kept for provenance. Every element's Span names the document and place
// it came from.
type Framework struct {
	// Documents are the merged documents in precedence order (see
	// [Merge]).
	Documents []*Document

	// Skills is the catalogue, in catalogue order.
	Skills []*Skill

	// Roles are the roles of all documents, ordered by name.
	Roles []*Role

	// Changes are the change-log entries of all documents, newest first
	// (by date, then in document order).
	Changes []*Change
}

// formatRank orders formats for merging: the catalogue and full exports
// first, then current pages before older ones.
var formatRank = map[Format]int{
	FormatSkillsMarkdown: 0,
	FormatSkillsCSV:      1,
	FormatJSON:           2,
	FormatRolesCSV:       3,
	FormatRolePage:       4,
	FormatRoleLevel:      5,
	FormatLegacyHTML:     6,
	FormatLegacyGuidance: 7,
	FormatChangesCSV:     8,
}

func rank(f Format) int {
	if r, ok := formatRank[f]; ok {
		return r
	}
	return len(formatRank)
}

// Merge combines documents into one Framework. The result does not depend
// on the order of docs: documents are taken in precedence order (by
// format: catalogue, JSON export, role page, role-level export, older
// guidance; then by file name), and where two documents say the same
// thing the first in that order wins:
//
//   - Skills come from the documents that carry a catalogue; a skill whose
//     [Key] was already seen is left out of the merged catalogue (the
//     linter reports it).
//   - Roles with the same name key are one role: each field comes from the
//     first document that gives it, and role levels are the union by name
//     key, in the order the first document gives them, later documents'
//     new levels after them. A level's fields are filled the same way.
//
// Merge does not modify the documents. The Framework shares their skills,
// and their role levels where no later document fills in a field.
func Merge(docs ...*Document) *Framework {
	ds := make([]*Document, 0, len(docs))
	for _, d := range docs {
		if d != nil {
			ds = append(ds, d)
		}
	}
	sort.SliceStable(ds, func(i, j int) bool {
		ri, rj := rank(ds[i].Format), rank(ds[j].Format)
		if ri != rj {
			return ri < rj
		}
		return docName(ds[i]) < docName(ds[j])
	})
	fw := &Framework{Documents: ds}
	skills := 0
	for _, d := range ds {
		skills += len(d.Skills)
	}
	if skills > 0 {
		fw.Skills = make([]*Skill, 0, skills)
	}
	seenSkill := map[string]bool{}
	roles := map[string]*Role{}
	levels := map[*Role]map[string]mergedLevel{} // of a merged role, by key
	for _, d := range ds {
		for _, s := range d.Skills {
			k := s.Name.Key()
			if seenSkill[k] {
				continue
			}
			seenSkill[k] = true
			fw.Skills = append(fw.Skills, s)
		}
		for _, r := range d.Roles {
			k := r.Name.Key()
			m, ok := roles[k]
			if !ok {
				c := *r
				c.Levels = nil
				m = &c
				roles[k] = m
				levels[m] = map[string]mergedLevel{}
				fw.Roles = append(fw.Roles, m)
			}
			mergeRole(m, r, levels[m])
		}
		fw.Changes = append(fw.Changes, d.Changes...)
	}
	sort.SliceStable(fw.Changes, func(i, j int) bool {
		return fw.Changes[i].Date.Time.After(fw.Changes[j].Date.Time)
	})
	sort.SliceStable(fw.Roles, func(i, j int) bool {
		return fw.Roles[i].Name.Key() < fw.Roles[j].Name.Key()
	})
	return fw
}

func docName(d *Document) string {
	if d.File == nil {
		return ""
	}
	return d.File.Name
}

// mergeRole fills m's empty fields from r and adds r's levels; levels
// indexes m's levels by key, and is kept up to date.
func mergeRole(m, r *Role, levels map[string]mergedLevel) {
	fill(&m.Family, r.Family)
	if m.Slug == "" {
		m.Slug = r.Slug
	}
	if len(m.Description) == 0 {
		m.Description = r.Description
	}
	if m.LevelCount.Count == 0 {
		m.LevelCount = r.LevelCount
	}
	if len(m.Responsibilities) == 0 {
		m.Responsibilities = r.Responsibilities
	}
	if len(m.Skills) == 0 {
		m.Skills = r.Skills
	}
	if len(m.SharedSkills) == 0 {
		m.SharedSkills = r.SharedSkills
	}
	m.SeniorCivilService = m.SeniorCivilService || r.SeniorCivilService
	for _, l := range r.Levels {
		k := l.Name.Key()
		if at, ok := levels[k]; ok {
			ml := m.Levels[at.index]
			if ml.Number != 0 && len(ml.Description) > 0 && len(ml.Responsibilities) > 0 && len(ml.Grades) > 0 && len(ml.Skills) > 0 {
				continue // nothing to fill
			}
			if !at.own {
				// The level is a document's: fill a copy.
				c := *ml
				ml = &c
				m.Levels[at.index] = ml
				levels[k] = mergedLevel{index: at.index, own: true}
			}
			if ml.Number == 0 {
				ml.Number = l.Number
			}
			if len(ml.Description) == 0 {
				ml.Description = l.Description
			}
			if len(ml.Responsibilities) == 0 {
				ml.Responsibilities = l.Responsibilities
			}
			if len(ml.Grades) == 0 {
				ml.Grades = l.Grades
			}
			if len(ml.Skills) == 0 {
				ml.Skills = l.Skills
			}
			continue
		}
		levels[k] = mergedLevel{index: len(m.Levels)}
		m.Levels = append(m.Levels, l)
	}
}

// mergedLevel is where a level of a merged role is in its Levels, and
// whether Merge made it (the role takes a document's level as it is,
// and copies it when a later document fills one of its fields).
type mergedLevel struct {
	index int
	own   bool
}

func fill(dst *Text, src Text) {
	if dst.Value == "" {
		*dst = src
	}
}
