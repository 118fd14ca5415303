package framework

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
)

// This file writes a [Form] as CSV, for a spreadsheet, and as JSON. The
// parse package reads both back, with positions.

// The fields of a form's CSV preamble: one "name,value" record each,
// before the table of skills.
const (
	FormFieldRole       = "Role"
	FormFieldLevel      = "Role level"
	FormFieldTarget     = "Target level"
	FormFieldEdition    = "Edition"
	FormFieldEditionSum = "Edition SHA-256"
	FormFieldPerson     = "Person"
)

// The columns of a form's table of skills, in the order [Form.CSV]
// writes them. A reader finds them by name, in any order and case.
const (
	FormColumnID       = "Skill ID"
	FormColumnSkill    = "Skill"
	FormColumnRequired = "Required level"
	FormColumnTarget   = "Target level"
	FormColumnRating   = "Your level"
	FormColumnEvidence = "Evidence"
)

// FormColumns returns the columns of a form's table of skills, in order:
// the ID, the skill, the required and target levels, a column of
// descriptors per skill level (named by the level's title), your level
// and evidence.
func FormColumns() []string {
	cols := []string{FormColumnID, FormColumnSkill, FormColumnRequired, FormColumnTarget}
	for _, l := range Levels {
		cols = append(cols, l.Title())
	}
	return append(cols, FormColumnRating, FormColumnEvidence)
}

// levelCell writes a level for a form: its title, or "" for none.
func levelCell(l Level) string {
	if !l.Valid() {
		return ""
	}
	return l.Title()
}

// ratingCell writes a person's answer: a level's title, "None", or "".
func ratingCell(rated bool, l Level) string {
	switch {
	case !rated:
		return ""
	case l == 0:
		return "None"
	}
	return levelCell(l)
}

// CSV returns the form as CSV: the title and the version, the preamble
// (role, role level, target, edition, person), an empty record, then the
// header of [FormColumns] and a record per skill, each level's
// descriptors one a line in its cell. Every cell is written formula-safe
// (see [NeutraliseCell]).
func (fm *Form) CSV() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	put := func(rec ...string) {
		for i, c := range rec {
			rec[i] = NeutraliseCell(c)
		}
		w.Write(rec) // a bytes.Buffer does not fail
	}
	put(FormTitle, FormVersion)
	put(FormFieldRole, fm.Role)
	put(FormFieldLevel, fm.Level)
	put(FormFieldTarget, fm.Target)
	put(FormFieldEdition, fm.Edition.Date)
	put(FormFieldEditionSum, fm.Edition.SHA256)
	put(FormFieldPerson, fm.Person)
	put("")
	put(FormColumns()...)
	for _, s := range fm.Skills {
		rec := []string{s.ID, s.Name, levelCell(s.Required), levelCell(s.Target)}
		for _, ds := range s.Descriptors {
			rec = append(rec, strings.Join(ds, "\n"))
		}
		rec = append(rec, ratingCell(s.Rated, s.Rating), s.Evidence)
		put(rec...)
	}
	w.Flush()
	return buf.Bytes()
}

// FormJSON is a form as JSON, as [Form.JSON] writes it.
type FormJSON struct {
	Schema  string          `json:"$schema"`
	Form    string          `json:"form"` // FormVersion
	Role    string          `json:"role"`
	Level   string          `json:"level"`
	Target  string          `json:"target,omitempty"`
	Edition FormEditionJSON `json:"edition"`
	Person  string          `json:"person"`
	Skills  []FormSkillJSON `json:"skills"`
}

// FormEditionJSON is an edition in a form's JSON.
type FormEditionJSON struct {
	Date   string `json:"date"`
	SHA256 string `json:"sha256"`
}

// FormSkillJSON is a skill of a form's JSON. Levels are lower-case names;
// Rating is "" for no answer and "none" for none.
type FormSkillJSON struct {
	ID          string              `json:"id"`
	Name        string              `json:"name"`
	Required    string              `json:"required,omitempty"`
	Target      string              `json:"target,omitempty"`
	Descriptors FormDescriptorsJSON `json:"descriptors"`
	Rating      string              `json:"rating"`
	Evidence    string              `json:"evidence"`
}

// FormDescriptorsJSON are a skill's descriptors in a form's JSON, by
// level.
type FormDescriptorsJSON struct {
	Awareness    []string `json:"awareness"`
	Working      []string `json:"working"`
	Practitioner []string `json:"practitioner"`
	Expert       []string `json:"expert"`
}

// FormSchemaID is the $id of the schema of a form's JSON.
const FormSchemaID = "https://github.com/ddat-tools/ddat/schema/form/v1.json"

// JSON returns the form as indented JSON (see [FormJSON]).
func (fm *Form) JSON() []byte {
	out := FormJSON{Schema: FormSchemaID, Form: FormVersion, Role: fm.Role, Level: fm.Level, Target: fm.Target,
		Edition: FormEditionJSON{fm.Edition.Date, fm.Edition.SHA256}, Person: fm.Person, Skills: []FormSkillJSON{}}
	name := func(l Level) string {
		if !l.Valid() {
			return ""
		}
		return l.String()
	}
	for _, s := range fm.Skills {
		sj := FormSkillJSON{ID: s.ID, Name: s.Name, Required: name(s.Required), Target: name(s.Target),
			Evidence: s.Evidence}
		d := &sj.Descriptors
		for i, dst := range []*[]string{&d.Awareness, &d.Working, &d.Practitioner, &d.Expert} {
			*dst = append([]string{}, s.Descriptors[i]...)
		}
		switch {
		case s.Rated && s.Rating == 0:
			sj.Rating = "none"
		case s.Rated:
			sj.Rating = s.Rating.String()
		}
		out.Skills = append(out.Skills, sj)
	}
	b, _ := json.MarshalIndent(out, "", "  ") // strings, maps and slices only
	return append(b, '\n')
}
