package framework

import (
	"fmt"
	"reflect"
	"slices"
	"time"
	"unicode/utf8"
)

// ExportSchemaID is the $id of the JSON Schema that describes the output of
// [Export]; Export writes it as the document's "$schema". Package schema
// holds the schema itself.
const ExportSchemaID = "https://github.com/ddat-tools/ddat/schema/export/v1.json"

// ExportSchemaVersion is the "schemaVersion" that [Export] writes. It
// changes only when the format changes in a way that old readers would
// misread.
const ExportSchemaVersion = "1"

// ExportOptions configure [Export].
type ExportOptions struct {
	// Positions adds to every element that has a [Span] a "source" object
	// with the file, line and column of its start and end.
	Positions bool
}

// The export structs are the format's contract: they are separate from the
// model so that a change to the model cannot change the format unnoticed.
// Lists are omitted when empty; an absent list means an empty one.

type exportFramework struct {
	Schema        string           `json:"$schema"`
	SchemaVersion string           `json:"schemaVersion"`
	Edition       *exportEdition   `json:"edition,omitempty"`
	Skills        []exportSkill    `json:"skills"`
	Roles         []exportRole     `json:"roles"`
	Changes       []exportChange   `json:"changes,omitempty"`
	Documents     []exportDocument `json:"documents"`
}

// exportEdition is the framework's [Edition].
type exportEdition struct {
	Date   string `json:"date,omitempty"`
	SHA256 string `json:"sha256"`
}

// exportChange is one entry of the change log.
type exportChange struct {
	Date   string        `json:"date,omitempty"` // YYYY-MM-DD
	Page   string        `json:"page"`
	Note   string        `json:"note"`
	Source *exportSource `json:"source,omitempty"`
}

// exportDocument describes one source of the framework.
type exportDocument struct {
	Name      string `json:"name"`
	Format    string `json:"format"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Updated   string `json:"updated,omitempty"`   // YYYY-MM-DD
	// Edition and SHA256 are the document's [Edition]: the date of
	// publication or download (YYYY-MM-DD or YYYY-MM) and the hash of
	// its bytes.
	Edition string `json:"edition,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
	// Notes are what the parser recovered from in the document (see
	// [Note]), so that the export keeps them for the linter.
	Notes []exportNote `json:"notes,omitempty"`
}

type exportNote struct {
	Code    string        `json:"code"`
	Message string        `json:"message"`
	Source  *exportSource `json:"source,omitempty"`
}

type exportSource struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
}

type exportSkill struct {
	Name               string             `json:"name"`
	Slug               string             `json:"slug"`
	Description        string             `json:"description,omitempty"`
	SeniorCivilService bool               `json:"seniorCivilService,omitempty"`
	Legacy             bool               `json:"legacy,omitempty"`
	Levels             []exportSkillLevel `json:"levels,omitempty"`
	Requirements       []string           `json:"requirements,omitempty"`
	LeadershipExamples []string           `json:"leadershipExamples,omitempty"`
	Roles              []exportRoleRef    `json:"roles,omitempty"`
	Cells              []exportCell       `json:"cells,omitempty"`
	Source             *exportSource      `json:"source,omitempty"`
}

// exportCell is a table cell as its source wrote it (see [Cell]), given
// where writing the model in the normal layout would not give it back.
type exportCell struct {
	Column string           `json:"column"`
	Raw    string           `json:"raw"`
	Parts  []exportCellPart `json:"parts,omitempty"`
}

type exportCellPart struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"` // byte offsets into raw
	End   int    `json:"end"`
}

type exportSkillLevel struct {
	Level       string        `json:"level"`
	Status      string        `json:"status"`
	Heading     string        `json:"heading,omitempty"`
	Placeholder string        `json:"placeholder,omitempty"`
	Descriptors []string      `json:"descriptors,omitempty"`
	Source      *exportSource `json:"source,omitempty"`
}

type exportRoleRef struct {
	Name string `json:"name"`
	Slug string `json:"slug,omitempty"`
}

type exportRole struct {
	Name               string              `json:"name"`
	Slug               string              `json:"slug"`
	Family             string              `json:"family,omitempty"`
	Description        []string            `json:"description,omitempty"`
	SeniorCivilService bool                `json:"seniorCivilService,omitempty"`
	Legacy             bool                `json:"legacy,omitempty"`
	LevelCount         *exportCount        `json:"levelCount,omitempty"`
	Levels             []exportRoleLevel   `json:"levels,omitempty"`
	Responsibilities   []string            `json:"responsibilities,omitempty"`
	Skills             []exportRequirement `json:"skills,omitempty"`
	SharedSkills       []exportShared      `json:"sharedSkills,omitempty"`
	Cells              []exportCell        `json:"cells,omitempty"`
	Source             *exportSource       `json:"source,omitempty"`
}

type exportCount struct {
	Count int    `json:"count"`
	Text  string `json:"text,omitempty"`
}

type exportRoleLevel struct {
	Number           int                 `json:"number,omitempty"`
	Name             string              `json:"name"`
	Description      []string            `json:"description,omitempty"`
	Responsibilities []string            `json:"responsibilities,omitempty"`
	Grades           []string            `json:"grades,omitempty"`
	InferredOrder    string              `json:"inferredOrder,omitempty"`
	Skills           []exportRequirement `json:"skills,omitempty"`
	Cells            []exportCell        `json:"cells,omitempty"`
	Source           *exportSource       `json:"source,omitempty"`
}

type exportRequirement struct {
	Skill       string   `json:"skill"`
	Level       string   `json:"level,omitempty"`
	LevelText   string   `json:"levelText,omitempty"`
	Scale       string   `json:"scale,omitempty"`
	Description string   `json:"description,omitempty"`
	Descriptors []string `json:"descriptors,omitempty"`
	// LeadershipExamples are those of a Senior Civil Service role's skill.
	LeadershipExamples []string `json:"leadershipExamples,omitempty"`
	// Repeats is how many times the source repeats the row exactly.
	Repeats int           `json:"repeats,omitempty"`
	Cells   []exportCell  `json:"cells,omitempty"`
	Source  *exportSource `json:"source,omitempty"`
}

type exportShared struct {
	Role   string   `json:"role"`
	Skills []string `json:"skills,omitempty"`
}

// Export encodes fw as the module's JSON export, described by the schema
// in package schema whose $id is [ExportSchemaID]: skills in catalogue
// order, roles and change-log entries in fw's order, then the documents
// they came from. The
// output is indented by two spaces and ends in a newline; the same
// framework always gives the same bytes.
//
// Export tolerates a partly filled Framework: nil elements are left out,
// a missing slug is derived from the name with [Slug], and a catalogue
// level whose Status is unset gets the status its descriptors imply.
// It fails only for what the format cannot express: a catalogue level
// that is not one of the four skill levels, or a document of an unknown
// [Format].
//
// A document with [Document.Sources] (one read from a JSON export)
// stands, in the "documents" list, for those sources, so that a framework
// read back from its export exports to the same bytes.
func Export(fw *Framework, opts ExportOptions) ([]byte, error) {
	// The export is written element by element, as encoding/json would
	// encode the export structs and json.Indent indent them (see
	// jsonWriter), so that an element's structs are garbage once it is
	// written and the output is never held twice.
	var w jsonWriter
	if fw == nil {
		fw = &Framework{}
	}
	e := exporter{positions: opts.Positions, cat: &catalogue{fw: fw}, cols: new([]column)}
	size := 4096
	for _, d := range fw.Documents {
		if d != nil && d.File != nil {
			size += len(d.File.Src)
		}
	}
	w.b = make([]byte, 0, size)
	w.raw("{")
	w.key(1, 0, "$schema")
	w.string(ExportSchemaID)
	w.key(1, 1, "schemaVersion")
	w.string(ExportSchemaVersion)
	if ed := fw.Edition(); !ed.IsZero() {
		w.key(1, 2, "edition")
		w.value(reflect.ValueOf(exportEdition(ed)), 1)
	}

	w.key(1, 2, "skills")
	n := 0
	w.raw("[")
	for _, s := range fw.Skills {
		if s == nil {
			continue
		}
		es, err := e.skill(s)
		if err != nil {
			return nil, err
		}
		w.elem(2, n, &es)
		n++
	}
	w.end(1, n, ']')

	w.key(1, 3, "roles")
	n = 0
	w.raw("[")
	for _, r := range fw.Roles {
		if r != nil {
			er := e.role(r)
			w.elem(2, n, &er)
			n++
		}
	}
	w.end(1, n, ']')

	if slices.ContainsFunc(fw.Changes, func(c *Change) bool { return c != nil }) {
		w.key(1, 4, "changes")
		n = 0
		w.raw("[")
		for _, c := range fw.Changes {
			if c != nil {
				ec := exportChange{
					Date:   isoDate(c.Date),
					Page:   c.Page.Value,
					Note:   c.Note.Value,
					Source: e.source(c.Span),
				}
				w.elem(2, n, &ec)
				n++
			}
		}
		w.end(1, n, ']')
	}

	w.key(1, 5, "documents")
	n = 0
	w.raw("[")
	for _, d := range fw.Documents {
		if d == nil {
			continue
		}
		if !d.Format.known() {
			return nil, fmt.Errorf("export: document %q: unknown format %q", docName(d), d.Format)
		}
		if err := checkSources(d); err != nil {
			return nil, err
		}
		for _, ed := range e.documents(d) {
			w.elem(2, n, &ed)
			n++
		}
	}
	w.end(1, n, ']')
	w.end(0, 1, '}')
	w.raw("\n")
	return w.bytes(), nil
}

type exporter struct {
	positions bool
	cat       *catalogue // the skills a requirement takes its description from
	cols      *[]column  // scratch for the columns of an element's cells
}

// cells returns the cells of cs that a CSV export of the model would not
// give back in their normal layout (see [changedCells]). A cell whose raw
// bytes are not UTF-8 is left out: JSON cannot hold it.
func (e exporter) cells(cs []*Cell, cols func(dst []column) []column) []exportCell {
	if len(cs) == 0 {
		return nil
	}
	var scratch []column
	if e.cols != nil {
		scratch = (*e.cols)[:0]
	}
	scratch = cols(scratch)
	if e.cols != nil {
		*e.cols = scratch
	}
	var out []exportCell
	for _, c := range changedCells(cs, scratch) {
		if !utf8.ValidString(c.Raw) {
			continue
		}
		ec := exportCell{Column: c.Column, Raw: c.Raw}
		for _, p := range c.Parts {
			ec.Parts = append(ec.Parts, exportCellPart{Kind: string(p.Kind), Start: p.Start, End: p.End})
		}
		out = append(out, ec)
	}
	return out
}

func (e exporter) source(s Span) *exportSource {
	if !e.positions || !s.IsValid() {
		return nil
	}
	p, q := s.Pos(), s.EndPos()
	return &exportSource{File: s.File.Name, Line: p.Line, Column: p.Column, EndLine: q.Line, EndColumn: q.Column}
}

func (e exporter) skill(s *Skill) (exportSkill, error) {
	es := exportSkill{
		Name:               s.Name.Value,
		Slug:               slugOf(s.Slug, s.Name.Value),
		Description:        s.Description.Value,
		SeniorCivilService: s.SeniorCivilService,
		Legacy:             s.Legacy,
		Requirements:       values(s.Requirements),
		LeadershipExamples: values(s.LeadershipExamples),
		Source:             e.source(s.Span),
	}
	for _, l := range s.Levels {
		if l == nil {
			continue
		}
		if !l.Level.Valid() {
			return exportSkill{}, fmt.Errorf("export: skill %q: %v is not a skill level", s.Name.Value, l.Level)
		}
		status := l.Status
		if status != Defined && status != Undefined {
			status = Defined
			if len(l.Descriptors) == 0 && l.Placeholder.Value != "" {
				status = Undefined
			}
		}
		es.Levels = append(es.Levels, exportSkillLevel{
			Level:       l.Level.String(),
			Status:      status.String(),
			Heading:     l.Heading.Value,
			Placeholder: l.Placeholder.Value,
			Descriptors: values(l.Descriptors),
			Source:      e.source(l.Span),
		})
	}
	for _, r := range s.Roles {
		es.Roles = append(es.Roles, exportRoleRef{Name: r.Name.Value, Slug: r.Slug})
	}
	es.Cells = e.cells(s.Cells, func(dst []column) []column { return skillColumns(dst, s) })
	return es, nil
}

func (e exporter) role(r *Role) exportRole {
	er := exportRole{
		Name:               r.Name.Value,
		Slug:               slugOf(r.Slug, r.Name.Value),
		Family:             r.Family.Value,
		Description:        values(r.Description),
		SeniorCivilService: r.SeniorCivilService,
		Legacy:             r.Legacy,
		Responsibilities:   values(r.Responsibilities),
		Skills:             e.requirements(r.Skills, len(r.Levels) == 0),
		Cells:              e.cells(r.Cells, func(dst []column) []column { return roleColumns(dst, r) }),
		Source:             e.source(r.Span),
	}
	if r.LevelCount.Count != 0 || r.LevelCount.Text.Value != "" {
		er.LevelCount = &exportCount{Count: r.LevelCount.Count, Text: r.LevelCount.Text.Value}
	}
	if len(r.Levels) > 0 {
		er.Levels = make([]exportRoleLevel, 0, len(r.Levels))
	}
	for _, l := range r.Levels {
		if l == nil {
			continue
		}
		er.Levels = append(er.Levels, exportRoleLevel{
			Number:           l.Number,
			Name:             l.Name.Value,
			Description:      values(l.Description),
			Responsibilities: values(l.Responsibilities),
			Grades:           values(l.Grades),
			InferredOrder:    l.InferredOrder,
			Skills:           e.requirements(l.Skills, false),
			Cells:            e.cells(l.Cells, func(dst []column) []column { return levelColumns(dst, l) }),
			Source:           e.source(l.Span),
		})
	}
	for _, s := range r.SharedSkills {
		er.SharedSkills = append(er.SharedSkills, exportShared{Role: s.Role.Value, Skills: values(s.Skills)})
	}
	return er
}

// requirements exports the requirements of a role level, or of a role
// without levels (roleWide).
func (e exporter) requirements(rs []*Requirement, roleWide bool) []exportRequirement {
	if len(rs) == 0 {
		return nil
	}
	out := make([]exportRequirement, 0, len(rs))
	for _, q := range rs {
		if q == nil {
			continue
		}
		eq := exportRequirement{
			Skill:       q.Skill.Value,
			LevelText:   q.LevelText.Value,
			Scale:       q.Scale.Value,
			Description: q.Description.Value,
			Descriptors: values(q.Descriptors),
			Source:      e.source(q.Span),

			LeadershipExamples: values(q.LeadershipExamples),
			Repeats:            max(q.Repeats, 0),
			Cells:              e.cells(q.Cells, func(dst []column) []column { return requirementColumns(dst, e.cat, q, roleWide) }),
		}
		if q.Level.Valid() {
			eq.Level = q.Level.String()
		}
		out = append(out, eq)
	}
	return out
}

// documents returns the entries of the "documents" list for d: d itself,
// or, for a document read from a JSON export, the documents that export
// lists.
func (e exporter) documents(d *Document) []exportDocument {
	if d.Sources != nil {
		out := make([]exportDocument, 0, len(d.Sources))
		for _, s := range d.Sources {
			if s == nil {
				continue
			}
			ed := exportDocument{Name: s.Name.Value, Format: string(s.Format), Title: s.Title.Value,
				Published: isoDate(s.Published), Updated: isoDate(s.Updated),
				Edition: s.Edition.Date, SHA256: s.Edition.SHA256}
			for _, n := range s.Notes {
				// The notes keep their positions in the documents the
				// export was made from, when positions are asked for.
				en := exportNote{Code: n.Code, Message: n.Message}
				if e.positions && n.Start.IsValid() && n.End.IsValid() {
					en.Source = &exportSource{File: n.Start.Filename, Line: n.Start.Line, Column: n.Start.Column,
						EndLine: n.End.Line, EndColumn: n.End.Column}
				}
				ed.Notes = append(ed.Notes, en)
			}
			out = append(out, ed)
		}
		return out
	}
	ed := exportDocument{Format: string(d.Format), Title: d.Title.Value}
	if d.File != nil {
		ed.Name = d.File.Name
	}
	ed.Published = isoDate(d.Published)
	ed.Updated = isoDate(d.Updated)
	ed.Edition, ed.SHA256 = d.Edition.Date, d.Edition.SHA256
	for _, n := range d.Notes {
		ed.Notes = append(ed.Notes, exportNote{Code: n.Code, Message: n.Message, Source: e.source(n.Span)})
	}
	return []exportDocument{ed}
}

// checkSources returns an error for a source of d that the export format
// cannot express: an unknown format or a note code that is not one.
func checkSources(d *Document) error {
	for _, s := range d.Sources {
		if s == nil {
			continue
		}
		if !s.Format.known() {
			return fmt.Errorf("export: document %q: source %q: unknown format %q", docName(d), s.Name.Value, s.Format)
		}
		for _, n := range s.Notes {
			if !IsNoteCode(n.Code) {
				return fmt.Errorf("export: document %q: source %q: invalid note code %q", docName(d), s.Name.Value, n.Code)
			}
		}
	}
	return nil
}

// isoDate returns d as YYYY-MM-DD, or "" if no date was stated.
func isoDate(d Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time.Format(time.DateOnly)
}

func slugOf(slug, name string) string {
	if slug != "" {
		return slug
	}
	return Slug(name)
}

// values returns the values of ts, or nil if there are none.
func values(ts []Text) []string {
	if len(ts) == 0 {
		return nil
	}
	vs := make([]string, len(ts))
	for i, t := range ts {
		vs[i] = t.Value
	}
	return vs
}
