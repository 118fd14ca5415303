package framework

import "time"

// A Document is what one source yielded: its format, what it says about
// itself, and the part of the framework it holds. Parsers fill in a
// Document; [Merge] combines several into a [Framework].
type Document struct {
	File   *File
	Format Format

	Title     Text // the page or catalogue title; optional
	Published Date // the stated publication date; optional
	Updated   Date // the stated "Last updated" date; optional

	// Edition is the document's date of publication or download and the
	// hash of its source (see [SourceEdition]); parsers set it.
	Edition Edition

	Skills []*Skill // catalogue entries, in source order
	Roles  []*Role  // roles described, in source order

	// Notes record what the parser recovered from: damage it worked
	// around, text it could not place. The linter reports them.
	Notes []Note

	// Changes are the dated entries of a change log ("Change notes"
	// download), in source order.
	Changes []*Change

	// Sources are, for a document read from a JSON export, the documents
	// that export was made from, as its "documents" list describes them
	// (empty, not nil, for an empty list); nil for every other format.
	// [Export] lists them in the document's place, so that exporting
	// what was read from an export gives the same list.
	Sources []*Source
}

// Source is one document that a JSON export was made from, as the
// export's "documents" list describes it. Its Texts and Span are in the
// export; its notes' Start and End are in the document it describes.
type Source struct {
	Name      Text
	Format    Format
	Title     Text // optional
	Published Date // optional
	Updated   Date // optional
	Edition   Edition
	Notes     []SourceNote
	Span      Span // the entry in the export
}

// SourceNote is a [Note] of a [Source]: what the parser recovered from in
// that document, at Start and End there if the export gave positions
// (invalid otherwise).
type SourceNote struct {
	Code       string
	Message    string
	Start, End Position
	Span       Span // the note's entry in the export
}

// Change is one entry of the framework's change log.
type Change struct {
	Date Date
	Page Text // the page changed ("Analytics engineer", "Homepage")
	Note Text // what changed, as written (may hold Markdown)
	Span Span // the whole row
}

// Date is a calendar date as a source stated it.
type Date struct {
	Text           // the date as written ("28 February 2024")
	Time time.Time // the date at midnight UTC; zero if not stated
}

// IsZero reports whether no date was stated.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// IsNoteCode reports whether s is a note code as [Note] describes it:
// lower-case ASCII letters and digits in words joined by single hyphens.
func IsNoteCode(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Note is a positioned remark by a parser about damage in its source that
// it recovered from. Code is a short permanent kebab-case identifier
// ("glued-heading", "stray-heading"; see [IsNoteCode]); Message says what
// was found and what the parser did, in lower case without a final period.
// Fix, when not empty, is the text that mends the slip when put in place
// of Span ("You can:" for a "You can" without its colon): the parser read
// on as if it were written so.
type Note struct {
	Code    string
	Message string
	Span    Span
	Fix     string
}

// Skill is one entry of the skills catalogue.
type Skill struct {
	Name        Text
	Slug        string // derived from Name by [Slug] unless the source gives one
	Description Text

	// Levels holds the levels the source gives, in ascending order; a
	// level the source leaves out is absent. Senior Civil Service skills
	// have none.
	Levels []*SkillLevel

	// SeniorCivilService marks a skill of the Senior Civil Service
	// framework, described by Requirements ("You can:") and
	// LeadershipExamples ("Examples of leadership using this skill:")
	// instead of levels.
	SeniorCivilService bool
	Requirements       []Text
	LeadershipExamples []Text

	// Legacy marks a skill read from the older gov.uk guidance (see
	// [Format.IsLegacy]), or from a JSON export that marks it so: its
	// name, description and levels may be retired ones. No parser reads
	// catalogue entries from the older guidance today, so only a JSON
	// export sets it.
	Legacy bool

	// Roles lists the roles the catalogue says require the skill
	// ("Roles that require this skill:"), in source order.
	Roles []RoleRef

	Span Span // the whole entry, heading included

	// Cells are the table cells the skill was read from, as written (see
	// [Cell]); nil for a skill not read from a table.
	Cells []*Cell
}

// Level returns the skill's entry for level l, or nil if the source does
// not give that level.
func (s *Skill) Level(l Level) *SkillLevel {
	for _, sl := range s.Levels {
		if sl.Level == l {
			return sl
		}
	}
	return nil
}

// LevelStatus says whether a catalogue level is described. Its zero value
// is invalid.
type LevelStatus int

const (
	// Defined is a level with descriptors.
	Defined LevelStatus = iota + 1
	// Undefined is a level the catalogue marks "This skill level is
	// currently not defined." (or an equivalent placeholder).
	Undefined
)

func (s LevelStatus) String() string {
	switch s {
	case Defined:
		return "defined"
	case Undefined:
		return "undefined"
	}
	return "invalid"
}

// SkillLevel is the catalogue's description of one level of a skill.
type SkillLevel struct {
	Level       Level
	Heading     Text // the heading as written ("2. Working"); optional
	Status      LevelStatus
	Placeholder Text   // the placeholder text of an Undefined level
	Descriptors []Text // the "You can" bullets, without their markers
	Span        Span   // heading and bullets
}

// RoleRef names a role, as the catalogue's "Roles that require this
// skill:" links do.
type RoleRef struct {
	Name Text
	Slug string // from the link target ("/role/frontend-developer"); optional
}

// Role is one role of the framework: "Product manager", "Digital portfolio
// manager".
type Role struct {
	Name   Text
	Slug   string // derived from Name by [Slug] unless the source gives one
	Family Text   // the role family ("Product and delivery"); optional

	// Description holds the paragraphs that describe the role ("What a …
	// does"), in source order.
	Description []Text

	// SeniorCivilService marks a role of the Senior Civil Service, which
	// has no role levels.
	SeniorCivilService bool

	// Legacy marks a role read from the older gov.uk guidance, retired in
	// 2023 (see [Format.IsLegacy]), or from a JSON export that marks it
	// so: its levels, skill names and skill levels may be retired ones.
	// A merged role is legacy only if every document that gives it says
	// so.
	Legacy bool

	// LevelCount is what the page says about its number of role levels
	// ("There are 4 digital portfolio manager role levels"); Count is 0
	// if the page says nothing.
	LevelCount Count

	// Levels holds the role levels in seniority order, junior first.
	Levels []*RoleLevel

	// Responsibilities holds the role-wide "In this role, you will:"
	// bullets, where the source gives them.
	Responsibilities []Text

	// Skills lists the skills the page requires of the role as a whole
	// (the older guidance's "Skills required to be a …" list). Their
	// Level is 0.
	Skills []*Requirement

	// SharedSkills is the page's "Role / Shared skills" table: other roles
	// that share skills with this one.
	SharedSkills []SharedSkills

	Span Span

	// Cells are the table cells the role was read from, as written (see
	// [Cell]); nil for a role not read from a table.
	Cells []*Cell
}

// Level returns the role level whose name has key [Key](name), or nil.
func (r *Role) Level(name string) *RoleLevel {
	k := Key(name)
	for _, l := range r.Levels {
		if l.Name.Key() == k {
			return l
		}
	}
	return nil
}

// Count is a number a source states in words or digits, with the text
// that states it.
type Count struct {
	Count int
	Text  Text // the whole sentence that states the count
}

// RoleLevel is one level of a role ("Senior product manager").
type RoleLevel struct {
	Number int // the number the page gives the level ("3."); 0 if none
	Name   Text

	// Description holds the paragraphs that describe the level, in
	// source order, without the responsibilities list.
	Description []Text

	// Responsibilities holds the "At this role level, you will:" bullets.
	Responsibilities []Text

	// Grades lists indicative Civil Service grades ("HEO", "SEO");
	// optional.
	Grades []Text

	// InferredOrder is empty when the level's place in the seniority
	// order comes from its source or from the embedded table of role
	// levels; otherwise it says how the place was inferred.
	InferredOrder string

	// Skills lists the skills the level requires, in source order.
	Skills []*Requirement

	Span Span

	// Cells are the table cells the level was read from, as written (see
	// [Cell]); nil for a level not read from a table.
	Cells []*Cell
}

// Skill returns the level's requirement for the skill whose name has key
// [Key](name), or nil.
func (l *RoleLevel) Skill(name string) *Requirement {
	k := Key(name)
	for _, r := range l.Skills {
		if r.Skill.Key() == k {
			return r
		}
	}
	return nil
}

// Requirement is a skill that a role or role level requires, as the page
// wrote it.
type Requirement struct {
	Skill Text // the skill's name as written

	// Level is the required skill level; 0 when the source states none
	// or states one that is not a skill level (LevelText then holds what
	// it said).
	Level     Level
	LevelText Text // the level as written ("working"); optional

	// Scale is the page's sentence placing the level on the scale
	// ("Working is the second of 4 ascending skill levels"); optional.
	Scale Text

	// Description is prose about the skill (older guidance pages write a
	// paragraph instead of bullets); optional.
	Description Text

	// Descriptors are the "You can:" bullets, without their markers.
	Descriptors []Text

	// LeadershipExamples are the "Examples of leadership using this
	// skill:" bullets of a Senior Civil Service role's skill.
	LeadershipExamples []Text

	// Repeats is how many times the source repeats the requirement's
	// row exactly, after the first (the linter reports each repeat);
	// [ExportCSV] writes the row 1+Repeats times.
	Repeats int

	Span Span

	// Cells are the table cells the requirement was read from, as written (see
	// [Cell]); nil for a requirement not read from a table.
	Cells []*Cell
}

// SharedSkills is one row of a role page's "Role / Shared skills" table.
type SharedSkills struct {
	Role   Text
	Skills []Text
}
