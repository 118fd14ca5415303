package framework

import "slices"

// This file is the one home of what the module knows about each format:
// its name, how users call it, whether it is of the older guidance, the
// header of a CSV download and the table [ExportCSV] writes in it, and
// the phrases of the published layouts. The readers are in package
// parse (one file each, behind [parse.Parse]); the writers are [Export]
// and [ExportCSV].

// Format names a published text format that a [Document] was read from.
type Format string

// The formats the module reads.
const (
	// FormatSkillsMarkdown is the "Skills A to Z" catalogue as Markdown:
	// "## Skill", a description, "1. Awareness" … "4. Expert" with
	// "  - descriptor" bullets and "Roles that require this skill:".
	FormatSkillsMarkdown Format = "skills-markdown"
	// FormatRolePage is a role page of the current framework site saved as
	// text: numbered role levels, "Level: working", "You can:" bullets, a
	// "Role / Shared skills" table and an "Updates" footer.
	FormatRolePage Format = "role-page-text"
	// FormatRoleLevel is the structured text export of one role level:
	// "<Family> role: X", "Role level: Y", "Skill: Z", "- descriptor".
	FormatRoleLevel Format = "role-level-text"
	// FormatLegacyGuidance is a role page of the older gov.uk guidance saved
	// as text: one paragraph per skill ending "(Relevant skill level: …)".
	FormatLegacyGuidance Format = "legacy-guidance-text"
	// FormatJSON is the module's own JSON export.
	FormatJSON Format = "ddat-json"
	// FormatRolesCSV is the official "Role content" CSV download.
	FormatRolesCSV Format = "roles-csv"
	// FormatSkillsCSV is the official "Skill description content" CSV
	// download.
	FormatSkillsCSV Format = "skills-csv"
	// FormatChangesCSV is the official "Change notes" CSV download.
	FormatChangesCSV Format = "changes-csv"
	// FormatLegacyHTML is a role page of the older gov.uk guidance as
	// served, in HTML.
	FormatLegacyHTML Format = "legacy-guidance-html"
)

// FormatInfo describes a [Format].
type FormatInfo struct {
	Format Format
	Name   string // how users call it, for messages: "roles CSV download"

	// Legacy marks a format of the older gov.uk guidance, retired in
	// 2023: what it says of roles and skills may use retired names and
	// levels.
	Legacy bool

	// Header is the header row of a CSV download, which identifies it
	// (compared case-insensitively, each name trimmed); nil for a format
	// that is not a CSV download. It is the registry's: do not modify it.
	Header []string

	// Table is the CSV layout that [ExportCSV] writes in this format; ""
	// if it writes none.
	Table CSVTable
}

// formats is the registry: one entry per format, in the order of
// precedence in which [Merge] takes documents (the catalogue and full
// exports first, then current pages before older ones).
var formats = []FormatInfo{
	{Format: FormatSkillsMarkdown, Name: "Skills A to Z Markdown"},
	{Format: FormatSkillsCSV, Name: "skills CSV download", Table: CSVSkills,
		Header: []string{"Skill Name", "Skill Description", "Awareness", "Working", "Practitioner", "Expert", "Roles that require Skill"}},
	{Format: FormatJSON, Name: "ddat JSON export"},
	{Format: FormatRolesCSV, Name: "roles CSV download", Table: CSVRoles,
		Header: []string{"Role Family", "Role", "Role Description", "Role Level", "Role Level Description", "Skill Name", "Skill Description", "Skill Level", "Skill Level Description", "Role Type"}},
	{Format: FormatRolePage, Name: "role page text (current site)"},
	{Format: FormatRoleLevel, Name: "structured role-level text"},
	{Format: FormatLegacyHTML, Name: "gov.uk guidance role page HTML", Legacy: true},
	{Format: FormatLegacyGuidance, Name: "gov.uk guidance role page text", Legacy: true},
	{Format: FormatChangesCSV, Name: "change notes CSV download",
		Header: []string{"Timestamp", "Page", "Change note"}},
}

// formatIndex is each format's place in formats.
var formatIndex = func() map[Format]int {
	m := make(map[Format]int, len(formats))
	for i, f := range formats {
		m[f.Format] = i
	}
	return m
}()

// Formats returns the descriptions of the formats the module knows, in
// the order of precedence in which [Merge] takes documents.
func Formats() []FormatInfo {
	return slices.Clone(formats)
}

// Info returns the description of ft, and false for a format the module
// does not know.
func (ft Format) Info() (FormatInfo, bool) {
	i, ok := formatIndex[ft]
	if !ok {
		return FormatInfo{}, false
	}
	return formats[i], true
}

// IsLegacy reports whether a format is one of the older gov.uk guidance,
// retired in 2023 (see [FormatInfo.Legacy]).
func (ft Format) IsLegacy() bool {
	i, ok := formatIndex[ft]
	return ok && formats[i].Legacy
}

// known reports whether the module knows ft.
func (ft Format) known() bool {
	_, ok := formatIndex[ft]
	return ok
}

// rank orders formats for [Merge]; an unknown format comes last.
func rank(f Format) int {
	if r, ok := formatIndex[f]; ok {
		return r
	}
	return len(formats)
}

// csvFormat returns the description of the format that [ExportCSV]
// writes as table t.
func csvFormat(t CSVTable) (FormatInfo, bool) {
	for _, f := range formats {
		if f.Table != "" && f.Table == t {
			return f, true
		}
	}
	return FormatInfo{}, false
}

// Phrases of the published layouts: the lines and markers that the
// service writes into pages and cells, which the readers recognise and
// the writers write.
const (
	// PhraseYouCan introduces a skill level's descriptors.
	PhraseYouCan = "You can:"
	// PhraseLeadershipExamples introduces a Senior Civil Service skill's
	// examples of leadership.
	PhraseLeadershipExamples = "Examples of leadership using this skill:"
	// PhraseRoleWill introduces a role's responsibilities.
	PhraseRoleWill = "In this role, you will:"
	// PhraseLevelWill introduces a role level's responsibilities.
	PhraseLevelWill = "At this role level, you will:"
	// PhraseNotInUse fills the role level cells of a Senior Civil
	// Service role in the roles download.
	PhraseNotInUse = "NOT IN USE"
	// PhraseSeniorCivilService is the role type of a Senior Civil
	// Service role in the roles download.
	PhraseSeniorCivilService = "Senior Civil Service"
)
