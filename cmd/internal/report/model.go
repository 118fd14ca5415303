package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

// Options configure [Build].
type Options struct {
	// Title heads the page; "Digital and Data Profession Capability
	// Framework" when empty.
	Title string
	// Findings are the lint findings on the framework's documents, in
	// [lint.Sort] order; optional.
	Findings []lint.Diagnostic
	// Base is the edition the framework is compared with; nil for no
	// comparison. BaseName says how it was named (a path, "published",
	// a git revision).
	Base     *framework.Framework
	BaseName string
	// Note phrases a difference for people ("The level 'x' now requires
	// …"); optional (the difference's kind otherwise).
	Note func(framework.Difference) string
}

// Page is the model of the report: what the HTML shows, every text
// still raw (the template escapes it).
type Page struct {
	Title    string
	Edition  string
	Families []*FamilyEntry
	Skills   []*SkillPage // the catalogue, A to Z
	Roles    []*RolePage  // in family order, then roles without a family
	Rules    []RuleCount  // findings per rule, most first
	Findings int          // all findings
	Severity []Count      // findings per severity, errors first
	// Other are the findings on no role or skill (a file's structure,
	// a change log).
	Other []*Finding
	Base  *Base // nil without a base edition
}

// Count is a labelled number.
type Count struct {
	Label string
	N     int
}

// Base is the comparison with a base edition.
type Base struct {
	Name, Edition string
	Changes       int
	Kinds         []Count    // changes per kind, in [framework.DiffKinds] order
	Removed       []*Change  // removed roles, skills and families: they have no section
	Other         []*Change  // changes on no role or skill of the page
	Pages         []PageLink // the sections with changes, with their counts
}

// PageLink links to a section of the page.
type PageLink struct {
	ID, Name string
	N        int
}

// FamilyEntry is a role family of the index.
type FamilyEntry struct {
	Name  string
	ID    string
	Roles []*RolePage
}

// RolePage is a role's section.
type RolePage struct {
	ID, Name, Family string
	Description      []string
	Levels           []*Column
	Rows             []*Row
	Findings         []*Finding
	Changes          []*Change
	Marks            []Mark // the role added, renamed, moved
	// Drops and Undefined count the cells so marked.
	Drops, Undefined int
	Legacy, SCS      bool
}

// Column is a role level of a role's matrix.
type Column struct {
	ID, Name string
	Grades   string
	Marks    []Mark
	Findings []*Finding
}

// Row is a skill of a role's matrix.
type Row struct {
	ID      string // the row header's id
	Skill   string
	SkillID string // the skill's section; empty for a skill the catalogue lacks
	Cells   []*Cell
}

// Cell is what a role level requires of a skill.
type Cell struct {
	ID string
	// Level is the required level; 0 when the level requires the skill
	// at no level it states (Text then says what it wrote), or does not
	// require it (Empty).
	Level framework.Level
	Empty bool
	Text  string // the level's name, or what the source wrote
	Name  string // the level's name with a capital ("Working")
	Bar   string // the bar's class: l1 to l4, the steps filled
	Href  string // the skill level's descriptors, "#id"; empty if none
	// Drop is the higher level a junior level of the track requires;
	// 0 if none.
	Drop framework.Level
	// Undefined says the catalogue leaves the level undefined or does not
	// give it.
	Undefined bool
	Marks     []Mark
	Findings  []*Finding
}

// Mark is a difference marked on an element: its kind ("added",
// "raised") and what it says.
type Mark struct {
	Kind, Text string
}

// SkillPage is a skill's section.
type SkillPage struct {
	ID, Name, Description string
	Levels                []*SkillLevel
	Requirements          []string // Senior Civil Service skills: "You can" lines
	Findings              []*Finding
	Changes               []*Change
	Marks                 []Mark
	Roles                 int // role levels that require it
}

// SkillLevel is one of a skill's four levels.
type SkillLevel struct {
	ID          string
	Level       framework.Level
	Name, Bar   string // as a [Cell]'s
	Status      string // "defined", "undefined", "not given"
	Descriptors []string
	RequiredBy  []RoleLevelRef
	Findings    []*Finding
	Marks       []Mark
}

// RoleLevelRef links to a role level's cell in its role's matrix.
type RoleLevelRef struct {
	Role, Level, Href string
}

// Finding is a lint finding.
type Finding struct {
	ID, Rule, Severity, Message, Place string
	// Target is the id of the element it concerns; empty for none.
	Target, TargetName string
}

// RuleCount is the number of findings of one rule.
type RuleCount struct {
	ID, Title, Severity string
	N                   int
	First               string // the first finding's id
}

// Change is a difference with the base edition.
type Change struct {
	Kind, Note string
	Lines      []Line
}

// Line is a line added, removed or reworded.
type Line struct {
	Op       string // added, removed, reworded
	Old, New string
	Words    []Word // a reworded line's words; nil when not compared word by word
}

// Word is a run of words kept, removed or added.
type Word struct {
	Op, Text string
}

// ids hands out unique element ids made of [a-z0-9-].
type ids map[string]int

func (m ids) make(prefix, name string) string {
	var b strings.Builder
	b.WriteString(prefix)
	dash := true
	for _, r := range framework.Key(name) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if dash && b.Len() > len(prefix) {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > len(prefix) {
				b.WriteByte('-')
			}
			dash = false
			fmt.Fprintf(&b, "u%x", r)
		default:
			dash = true
		}
		if b.Len() > 80 {
			break
		}
	}
	id := b.String()
	if id == prefix {
		id += "x"
	}
	m[id]++
	if n := m[id]; n > 1 {
		id = fmt.Sprintf("%s-%d", id, n)
		m[id]++
	}
	return id
}

// builder holds the lookups of [Build].
type builder struct {
	fw     *framework.Framework
	opts   Options
	ids    ids
	page   *Page
	skills map[string]*SkillPage // by key of the name
	roles  map[string]*RolePage
	// cells, columns and rows by keys of role, level and skill.
	cells   map[[3]string]*Cell
	columns map[[2]string]*Column
	rows    map[[2]string]*Row
	levels  map[[2]string]*SkillLevel // skill key, level name
	byRole  map[string]*framework.Role
}

// Build makes the page model of fw with the findings and base edition of
// opts. Its cost is linear in the size of fw, the findings and the
// differences.
func Build(fw *framework.Framework, opts Options) *Page {
	b := &builder{fw: fw, opts: opts, ids: ids{}, page: &Page{Title: opts.Title, Edition: fw.Edition().String()},
		skills: map[string]*SkillPage{}, roles: map[string]*RolePage{}, cells: map[[3]string]*Cell{},
		columns: map[[2]string]*Column{}, rows: map[[2]string]*Row{}, levels: map[[2]string]*SkillLevel{},
		byRole: map[string]*framework.Role{}}
	if b.page.Title == "" {
		b.page.Title = "Digital and Data Profession Capability Framework"
	}
	for _, id := range []string{"main", "contents", "index-roles", "index-skills", "findings", "other-findings", "changes", "roles", "skills"} {
		b.ids[id]++
	}
	b.skillPages()
	b.rolePages()
	b.findings()
	if opts.Base != nil {
		b.changes()
	}
	return b.page
}

func (b *builder) skillPages() {
	sorted := slices.Clone(b.fw.Skills)
	sort.SliceStable(sorted, func(i, j int) bool { return framework.Key(sorted[i].Name.Value) < framework.Key(sorted[j].Name.Value) })
	for _, s := range sorted {
		k := s.Name.Key()
		if b.skills[k] != nil {
			continue // a duplicate entry: the first one stands (lint reports it)
		}
		p := &SkillPage{ID: b.ids.make("skill-", s.Name.Value), Name: s.Name.Value, Description: s.Description.Value}
		for _, t := range s.Requirements {
			p.Requirements = append(p.Requirements, t.Value)
		}
		if !s.SeniorCivilService || len(s.Levels) > 0 {
			for _, l := range framework.Levels {
				sl := &SkillLevel{ID: p.ID + "-" + l.String(), Level: l, Name: l.Title(), Bar: barClass(l), Status: "not given"}
				if c := s.Level(l); c != nil {
					sl.Status = c.Status.String()
					for _, d := range c.Descriptors {
						sl.Descriptors = append(sl.Descriptors, d.Value)
					}
				}
				p.Levels = append(p.Levels, sl)
				b.levels[[2]string{k, l.String()}] = sl
			}
		}
		b.skills[k] = p
		b.page.Skills = append(b.page.Skills, p)
	}
}

// barClass is the class of a level's bar: "l2" for working.
func barClass(l framework.Level) string { return "l" + strconv.Itoa(int(l)) }

// track names a role level's career track: levels named "… -
// management" form one of their own, as level-regression reads them.
func track(level string) string {
	if strings.HasSuffix(strings.TrimSpace(strings.ToLower(level)), "management") && strings.Contains(level, "-") {
		return "management"
	}
	return ""
}

func (b *builder) rolePages() {
	var ordered []*framework.Role
	seen := map[*framework.Role]bool{}
	for _, f := range b.fw.Families() {
		fe := &FamilyEntry{Name: f.Name, ID: b.ids.make("family-", f.Name)}
		b.page.Families = append(b.page.Families, fe)
		for _, r := range f.Roles {
			if !seen[r] {
				seen[r] = true
				ordered = append(ordered, r)
			}
		}
	}
	var none *FamilyEntry
	for _, r := range b.fw.Roles {
		if !seen[r] {
			if none == nil {
				none = &FamilyEntry{Name: "Roles without a family", ID: b.ids.make("family-", "none")}
			}
			ordered = append(ordered, r)
		}
	}
	if none != nil {
		b.page.Families = append(b.page.Families, none)
	}
	famOf := map[string]*FamilyEntry{}
	for _, fe := range b.page.Families {
		famOf[framework.Key(fe.Name)] = fe
	}
	for _, r := range ordered {
		rk := r.Name.Key()
		if b.roles[rk] != nil {
			continue
		}
		rp := b.rolePage(r)
		b.roles[rk] = rp
		b.byRole[rk] = r
		b.page.Roles = append(b.page.Roles, rp)
		fe := famOf[r.Family.Key()]
		if fe == nil || r.Family.Value == "" {
			fe = none
		}
		fe.Roles = append(fe.Roles, rp)
	}
}

func (b *builder) rolePage(r *framework.Role) *RolePage {
	rk := r.Name.Key()
	rp := &RolePage{ID: b.ids.make("role-", r.Name.Value), Name: r.Name.Value, Family: r.Family.Value, Legacy: r.Legacy, SCS: r.SeniorCivilService}
	for _, d := range r.Description {
		rp.Description = append(rp.Description, d.Value)
	}
	m := r.Matrix()
	for i, name := range m.Levels {
		var grades []string
		for _, g := range r.Levels[i].Grades {
			grades = append(grades, g.Value)
		}
		c := &Column{ID: fmt.Sprintf("%s-l%d", rp.ID, i+1), Name: name, Grades: strings.Join(grades, ", ")}
		rp.Levels = append(rp.Levels, c)
		b.columns[[2]string{rk, framework.Key(name)}] = c
	}
	for j, skill := range m.Skills {
		sk := framework.Key(skill)
		row := &Row{ID: fmt.Sprintf("%s-s%d", rp.ID, j+1), Skill: skill}
		sp := b.skills[sk]
		if sp != nil {
			row.SkillID = sp.ID
		}
		last := map[string]framework.Level{} // track: the level the junior level before requires
		for i := range m.Levels {
			lv := m.Cells[i][j]
			c := &Cell{ID: fmt.Sprintf("%s-l%d-s%d", rp.ID, i+1, j+1), Level: lv}
			q := r.Levels[i].Skill(skill)
			switch {
			case q == nil:
				c.Empty = true
			case lv.Valid():
				c.Text, c.Name, c.Bar = lv.String(), lv.Title(), barClass(lv)
				if sp != nil {
					sl := b.levels[[2]string{sk, lv.String()}]
					if sl != nil {
						c.Href = "#" + sl.ID
						c.Undefined = sl.Status != "defined"
						sl.RequiredBy = append(sl.RequiredBy, RoleLevelRef{Role: r.Name.Value, Level: m.Levels[i], Href: "#" + c.ID})
					}
					sp.Roles++
				}
				tr := track(m.Levels[i])
				if prev := last[tr]; prev > lv {
					c.Drop = prev
				}
				last[tr] = lv
			default:
				c.Text = q.LevelText.Value
				if sp != nil {
					sp.Roles++
				}
			}
			if c.Drop != 0 {
				rp.Drops++
			}
			if c.Undefined {
				rp.Undefined++
			}
			row.Cells = append(row.Cells, c)
			b.cells[[3]string{rk, framework.Key(m.Levels[i]), sk}] = c
		}
		rp.Rows = append(rp.Rows, row)
		b.rows[[2]string{rk, sk}] = row
	}
	return rp
}

// element is a place of the page that findings can concern: the span
// of a role, role level, requirement, skill or skill level of one of the
// documents, and what it is on the page.
type element struct {
	start, end int
	target     string // the element's id
	name       string // how a finding's link names it
	add        func(f *Finding)
}

// findings places each finding beside the innermost element of the
// documents whose span holds its start.
func (b *builder) findings() {
	byFile := map[*framework.File][]element{}
	addEl := func(s framework.Span, e element) {
		if !s.IsValid() || e.add == nil {
			return
		}
		e.start, e.end = s.Start, s.End
		byFile[s.File] = append(byFile[s.File], e)
	}
	for _, d := range b.fw.Documents {
		if d == nil {
			continue
		}
		for _, s := range d.Skills {
			sp := b.skills[s.Name.Key()]
			if sp == nil {
				continue
			}
			addEl(s.Span, element{target: sp.ID, name: sp.Name, add: func(f *Finding) { sp.Findings = append(sp.Findings, f) }})
			for _, l := range s.Levels {
				sl := b.levels[[2]string{s.Name.Key(), l.Level.String()}]
				if sl == nil {
					continue
				}
				addEl(l.Span, element{target: sl.ID, name: sp.Name + ", " + l.Level.String(), add: func(f *Finding) {
					sp.Findings = append(sp.Findings, f)
					sl.Findings = append(sl.Findings, f)
				}})
			}
		}
		for _, r := range d.Roles {
			rk := r.Name.Key()
			rp := b.roles[rk]
			if rp == nil {
				continue
			}
			addEl(r.Span, element{target: rp.ID, name: rp.Name, add: func(f *Finding) { rp.Findings = append(rp.Findings, f) }})
			for _, l := range r.Levels {
				lk := l.Name.Key()
				col := b.columns[[2]string{rk, lk}]
				if col == nil {
					continue
				}
				addEl(l.Span, element{target: col.ID, name: rp.Name + ": " + col.Name, add: func(f *Finding) {
					rp.Findings = append(rp.Findings, f)
					col.Findings = append(col.Findings, f)
				}})
				for _, q := range l.Skills {
					c := b.cells[[3]string{rk, lk, q.Skill.Key()}]
					if c == nil {
						continue
					}
					addEl(q.Span, element{target: c.ID, name: rp.Name + ": " + col.Name + ", " + q.Skill.Value, add: func(f *Finding) {
						rp.Findings = append(rp.Findings, f)
						c.Findings = append(c.Findings, f)
					}})
				}
			}
		}
	}
	for _, els := range byFile {
		// By start; of those that start together, the widest first, so
		// that the last one starting at or before a place is the
		// innermost candidate.
		sort.SliceStable(els, func(i, j int) bool {
			if els[i].start != els[j].start {
				return els[i].start < els[j].start
			}
			return els[i].end > els[j].end
		})
	}
	tags := fileTags(b.fw)
	perRule := map[string]*RuleCount{}
	perSev := map[lint.Severity]int{}
	used := ids{}
	for _, d := range b.opts.Findings {
		f := &Finding{Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message}
		if d.Span.IsValid() {
			p := d.Span.Pos()
			f.Place = fmt.Sprintf("%s:%d:%d", d.Span.File.Name, p.Line, p.Column)
			f.ID = used.make("f-", fmt.Sprintf("%s %d %d %s", tags[d.Span.File], p.Line, p.Column, d.Rule))
		} else {
			f.ID = used.make("f-", d.Rule)
		}
		b.page.Findings++
		perSev[d.Severity]++
		rc := perRule[d.Rule]
		if rc == nil {
			rc = &RuleCount{ID: d.Rule, Severity: d.Severity.String(), First: f.ID}
			if r := lint.Lookup(d.Rule); r != nil {
				rc.Title = r.Title
			}
			perRule[d.Rule] = rc
		}
		rc.N++
		if e, ok := innermost(byFile[d.Span.File], d.Span.Start); ok && d.Span.IsValid() {
			f.Target, f.TargetName = e.target, e.name
			e.add(f)
		} else {
			b.page.Other = append(b.page.Other, f)
		}
	}
	for _, rc := range perRule {
		b.page.Rules = append(b.page.Rules, *rc)
	}
	sort.Slice(b.page.Rules, func(i, j int) bool {
		x, y := b.page.Rules[i], b.page.Rules[j]
		if x.N != y.N {
			return x.N > y.N
		}
		return x.ID < y.ID
	})
	for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		b.page.Severity = append(b.page.Severity, Count{s.String(), perSev[s]})
	}
}

// maxNesting bounds how far back innermost looks for an element holding
// a place: elements nest a few deep (role, level, requirement).
const maxNesting = 64

// innermost returns the element of els (sorted by start, widest first)
// that holds off and starts last, looking at most maxNesting elements
// back from the last one starting at or before off.
func innermost(els []element, off int) (element, bool) {
	i := sort.Search(len(els), func(i int) bool { return els[i].start > off })
	for k := i - 1; k >= 0 && k >= i-maxNesting; k-- {
		if e := els[k]; e.start <= off && (off < e.end || off == e.start) {
			return e, true
		}
	}
	return element{}, false
}

// fileTags names the files of fw's documents in findings' ids: "d2"
// for the second, or nothing when there is one document.
func fileTags(fw *framework.Framework) map[*framework.File]string {
	tags := map[*framework.File]string{}
	n := 0
	for _, d := range fw.Documents {
		if d == nil {
			continue
		}
		n++
		if _, ok := tags[d.File]; !ok {
			tags[d.File] = "d" + strconv.Itoa(n)
		}
	}
	if len(fw.Documents) == 1 {
		for f := range tags {
			tags[f] = ""
		}
	}
	return tags
}
