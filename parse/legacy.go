package parse

import (
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// The older gov.uk guidance pages (seed 003), saved as text, wrap the role
// in page chrome (Contents, Print this page, Read more, Related content),
// then read:
//
//	Introduction to the role of product manager
//	<paragraphs>
//	Skills required to be a product manager
//	You will need the following skills for this role, …
//	Agile working. You know about agile methodology …
//	…
//	Associate product manager
//	<paragraphs, ending "At this level, you:">
//	  <indented responsibility>
//	Skills needed for this role
//	Agile working. You know about … (Relevant skill level: awareness)
//
// Skills are paragraphs "Name. Description (Relevant skill level: x)".

const (
	legacyIntro       = "Introduction to the role of "
	legacyRoleSkills  = "Skills required to be "
	legacyLevelSkills = "Skills needed for this role"
	legacyPreamble    = "This describes the role of "
)

// legacyEnd are the headings of the chrome that follows the role.
var legacyEnd = map[string]bool{
	"Read more": true, "Related content": true, "Print this page": true,
	"Is this page useful?": true, "Explore the topic": true, "Collection": true,
}

// looksLikeLegacyGuidance reports whether src has a "Skills needed for
// this role" or "Skills required to be …" heading line and a paragraph
// that ends "(Relevant skill level: …)".
func looksLikeLegacyGuidance(src string) bool {
	heading, para := false, false
	for _, l := range splitLines(src) {
		s, e := trim(src, l.start, l.end)
		t := src[s:e]
		switch {
		case t == legacyLevelSkills, strings.HasPrefix(t, legacyRoleSkills):
			heading = true
		case strings.HasSuffix(t, ")") && strings.Contains(t, ". ") &&
			(strings.Contains(t, "(Relevant skill level:") || strings.Contains(t, "(Skill level:")):
			para = true
		}
		if heading && para {
			return true
		}
	}
	return false
}

type legacyMode int

const (
	legacyTop legacyMode = iota
	legacyContents
	legacyBodyPreamble
	legacyDescription
	legacySkills
	legacyLevel
	legacyLevelSkillsMode
	legacyAfter
)

type legacyPage struct {
	f       *framework.File
	doc     *framework.Document
	errs    errorList
	notes   notes // the document's
	mode    legacyMode
	role    *framework.Role
	level   *framework.RoleLevel
	prev    string // trimmed text of the previous non-blank line
	pending bool   // "Published" seen; the date is on the next line
	updated bool   // "Last updated" seen; the date is on the next line
}

func parseLegacyGuidance(f *framework.File) (*framework.Document, errorList) {
	p := &legacyPage{f: f, doc: &framework.Document{}}
	for _, l := range splitLines(f.Src) {
		if blank(f.Src, l) {
			continue
		}
		t := lineText(f, l)
		p.line(l, t)
		p.prev = t.Value
	}
	switch {
	case p.role == nil:
		p.errs.Add(f.Span(0, 0), nil, "no role found: expected the role's name under \"Guidance\" and an %q heading", legacyIntro+"…")
	case len(p.role.Levels) == 0:
		p.errs.Add(p.role.Name.Span, nil, "role %q has no role levels: expected level headings followed by %q", p.role.Name.Value, legacyLevelSkills)
	}
	p.doc.Notes = p.notes.done()
	return p.doc, p.errs
}

func (p *legacyPage) note(code string, sp framework.Span, format string, args ...any) {
	p.notes.add(code, sp, format, args...)
}

func (p *legacyPage) line(l line, t framework.Text) {
	f := p.f
	v := collapse(t.Value)

	// Dates: "Published" and "Last updated", the date on the same line or
	// the next.
	if p.pending || p.updated {
		if d, ok := parseDate(t); ok {
			p.setDate(d, p.updated)
			p.pending, p.updated = false, false
			return
		}
		p.pending, p.updated = false, false
	}
	switch v {
	case "Published":
		p.pending = true
		return
	case "Last updated":
		p.updated = true
		return
	}
	if d, ok := afterPrefix(t, "Published "); ok {
		if date, ok := parseDate(d); ok {
			p.setDate(date, false)
			return
		}
	}
	if d, ok := afterPrefix(t, "Last updated "); ok {
		if date, ok := parseDate(d); ok {
			p.setDate(date, true)
			return
		}
	}

	if p.mode == legacyContents {
		// The table of contents lists the headings that follow; it ends
		// at "Print this page" or at the first line that is not a heading.
		if v == "Print this page" {
			p.mode = legacyTop
			return
		}
		if isHeadingLike(t, 10) {
			return
		}
		p.mode = legacyTop
	}
	if p.mode == legacyTop {
		switch {
		case v == "Contents":
			p.mode = legacyContents
		case p.prev == "Guidance" && p.doc.Title.Value == "":
			p.doc.Title = t
		case strings.HasPrefix(v, legacyPreamble):
			p.mode = legacyBodyPreamble
		case strings.HasPrefix(v, legacyIntro):
			p.startRole(t)
		}
		return
	}
	if p.mode == legacyAfter {
		return
	}
	if legacyEnd[v] {
		p.mode = legacyAfter
		return
	}
	switch {
	case strings.HasPrefix(v, legacyIntro):
		p.startRole(t)
		return
	case p.role == nil:
		return // the preamble: "This describes the role …" and its list
	case strings.HasPrefix(v, legacyRoleSkills):
		p.mode = legacySkills
		p.grow(t)
		return
	case v == legacyLevelSkills:
		if n := len(p.role.Description); p.mode == legacyDescription && n > 0 && isHeadingLike(p.role.Description[n-1], 8) {
			// A page without "Skills required to be …": the level's
			// heading was read as the end of the role's description.
			h := p.role.Description[n-1]
			p.role.Description = p.role.Description[:n-1]
			p.startLevel(h)
		}
		if p.level == nil {
			p.note("unexpected-text", t.Span, "%q before any role level; its skills are read as the role's", v)
			p.mode = legacySkills
			return
		}
		p.mode = legacyLevelSkillsMode
		p.grow(t)
		return
	}

	switch p.mode {
	case legacyDescription:
		p.role.Description = append(p.role.Description, t)
		p.grow(t)
	case legacySkills, legacyLevelSkillsMode:
		if r, ok := p.skillParagraph(t); ok {
			if p.mode == legacySkills {
				p.role.Skills = append(p.role.Skills, r)
			} else {
				p.level.Skills = append(p.level.Skills, r)
			}
			p.grow(t)
			return
		}
		if isHeadingLike(t, 8) {
			p.startLevel(t)
			return
		}
		if p.mode == legacySkills && len(p.role.Skills) == 0 {
			return // "You will need the following skills for this role, …"
		}
		p.note("unexpected-text", t.Span, "text %q where a skill paragraph \"Name. Description\" or a level heading was expected; kept out of the framework", clip(t.Value))
	case legacyLevel:
		if b, ok := bullet(f, l); ok {
			p.level.Responsibilities = append(p.level.Responsibilities, b)
		} else if indented(f.Src, l) {
			p.level.Responsibilities = append(p.level.Responsibilities, t)
		} else {
			p.level.Description = append(p.level.Description, t)
		}
		p.grow(t)
	}
}

func (p *legacyPage) setDate(d framework.Date, updated bool) {
	if updated {
		p.doc.Updated = d
	} else if p.doc.Published.IsZero() {
		p.doc.Published = d
	}
}

// startRole begins the role at its "Introduction to the role of …"
// heading. The role's name is the page title, else the heading's end.
func (p *legacyPage) startRole(t framework.Text) {
	if p.role != nil {
		p.note("unexpected-text", t.Span, "second %q heading; the page describes one role", legacyIntro+"…")
		p.mode = legacyDescription
		return
	}
	name := p.doc.Title
	if name.Value == "" {
		name = sub(t, len(legacyIntro), len(t.Value))
		p.doc.Title = name
	}
	p.role = &framework.Role{Name: name, Slug: framework.Slug(name.Value), Legacy: true, Span: t.Span}
	p.doc.Roles = append(p.doc.Roles, p.role)
	p.mode = legacyDescription
}

func (p *legacyPage) startLevel(t framework.Text) {
	p.level = &framework.RoleLevel{Number: len(p.role.Levels) + 1, Name: t, Span: t.Span}
	p.role.Levels = append(p.role.Levels, p.level)
	p.mode = legacyLevel
	p.grow(t)
}

// grow extends the role's and the current level's spans to t.
func (p *legacyPage) grow(t framework.Text) {
	p.role.Span = spanOf(p.f, p.role.Span, t.Span)
	if p.level != nil {
		p.level.Span = spanOf(p.f, p.level.Span, t.Span)
	}
}

// skillParagraph reads "Agile working. You know … (Relevant skill level:
// working)".
func (p *legacyPage) skillParagraph(t framework.Text) (*framework.Requirement, bool) {
	i := strings.Index(t.Value, ". ")
	if i <= 0 {
		return nil, false
	}
	name := sub(t, 0, i)
	if strings.ContainsAny(name.Value, ",;:") || !isHeadingLike(name, 8) {
		return nil, false
	}
	r := &framework.Requirement{Skill: name, Span: t.Span}
	body := len(t.Value)
	if open := strings.LastIndex(t.Value, "("); open > i && strings.HasSuffix(t.Value, ")") {
		inner := t.Value[open+1 : len(t.Value)-1]
		if _, after, ok := strings.Cut(inner, ":"); ok && strings.HasSuffix(strings.ToLower(strings.TrimSpace(inner[:len(inner)-len(after)-1])), "skill level") {
			r.LevelText = sub(t, len(t.Value)-1-len(after), len(t.Value)-1)
			requirementLevel(r)
			body = open
		}
	}
	r.Description = sub(t, i+1, body)
	if p.mode == legacyLevelSkillsMode && r.LevelText.Value == "" {
		p.note("no-skill-level", t.Span, "skill %q states no level: expected \"(Relevant skill level: …)\" at the end of its paragraph", name.Value)
	}
	return r, true
}
