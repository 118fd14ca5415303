package parse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// The role pages of the current framework site, saved as text (seed 000),
// read:
//
//	Digital portfolio manager
//	Published 28 February 2024
//	What a digital portfolio manager does
//	<paragraphs>
//	Digital portfolio manager role levels
//	There are 4 digital portfolio manager role levels, …
//	1. Digital portfolio analyst
//	<paragraphs>
//	At this role level, you will:
//	  • <responsibility>
//	Skill Description
//	Agile working
//	Level: awareness
//	Awareness is the first of 4 ascending skill levels
//	You can:
//	  • <descriptor>
//	…
//	Role Shared skills
//	Content strategist
//	Agile working
//	…
//	Updates
//	Published 28 February 2024
//	Last updated 28 February 2024

const (
	skillTableHeading  = "Skill Description"
	sharedTableHeading = "Role Shared skills"
	scalePhrase        = "ascending skill levels"
)

// looksLikeRolePage reports whether src has the "Skill Description" table
// heading and either "Level: …" lines or "… ascending skill levels".
func looksLikeRolePage(src string) bool {
	table, levels := false, false
	for _, l := range splitLines(src) {
		s, e := trim(src, l.start, l.end)
		t := src[s:e]
		switch {
		case collapsesTo(t, skillTableHeading):
			table = true
		case strings.HasPrefix(t, "Level: "), strings.Contains(t, scalePhrase):
			levels = true
		}
		if table && levels {
			return true
		}
	}
	return false
}

// collapse returns s with runs of space (tabs included) made single
// spaces and surrounding space removed, for matching headings that a
// copy from a table may have spaced with tabs. Most lines are collapsed
// already: s itself is returned, and nothing is allocated.
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsesTo reports whether collapse(s) == want, for a want collapsed
// already, without reading further than its first word a line that does
// not start with it.
func collapsesTo(s, want string) bool {
	first := want
	if i := strings.IndexByte(want, ' '); i >= 0 {
		first = want[:i]
	}
	// The first word of collapse(s) starts s, after any space.
	if !strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), first) {
		return false
	}
	return collapse(s) == want
}

// collapsed reports whether collapse would return s unchanged: no space
// (as strings.Fields sees it) but single ASCII spaces between words.
func collapsed(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
					return false
				}
			case '\t', '\n', '\v', '\f', '\r':
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

type pageMode int

const (
	pageTop pageMode = iota
	pageDescription
	pageLevels
	pageLevel
	pageResponsibilities
	pageSkills
	pageShared
	pageUpdates
)

// rolePage is the state of parsing one role page.
type rolePage struct {
	f     *framework.File
	doc   *framework.Document
	errs  errorList
	notes notes // the document's
	mode  pageMode
	role  *framework.Role
	level *framework.RoleLevel
	req   *framework.Requirement
	// descriptors is set after "You can:" until the next skill.
	descriptors bool
	skillKeys   map[string]bool // keys of the skills the page requires
	lastEnd     int             // end of the last non-blank line read
}

func parseRolePage(f *framework.File) (*framework.Document, errorList) {
	p := &rolePage{f: f, doc: &framework.Document{}, skillKeys: map[string]bool{}}
	for _, l := range splitLines(f.Src) {
		if blank(f.Src, l) {
			continue
		}
		p.line(l)
		p.lastEnd = l.end
	}
	p.closeLevel()
	p.checkSharedRow()
	p.doc.Notes = p.notes.done()
	if p.role == nil {
		p.errs.Add(f.Span(0, 0), nil, "no role title: expected the role's name as the first line of the page")
		return p.doc, p.errs
	}
	if len(p.role.Levels) == 0 {
		p.errs.Add(p.role.Name.Span, nil, "role %q has no role levels: expected numbered level headings such as \"1. Digital portfolio analyst\"", p.role.Name.Value)
	}
	return p.doc, p.errs
}

func (p *rolePage) note(code string, sp framework.Span, format string, args ...any) {
	p.notes.add(code, sp, format, args...)
}

// pageChrome are lines of site furniture around a role page.
func pageChrome(v string) bool {
	return v == "Skip to main content" || strings.HasPrefix(v, "Complete our ") && strings.Contains(v, "survey")
}

func (p *rolePage) line(l line) {
	f := p.f
	t := lineText(f, l)
	v := collapse(t.Value)

	// Dates may appear at the top and in the "Updates" footer.
	if d, ok := afterPrefix(t, "Published "); ok {
		if date, ok := parseDate(d); ok {
			if p.doc.Published.IsZero() {
				p.doc.Published = date
			}
			return
		}
	}
	if d, ok := afterPrefix(t, "Last updated "); ok {
		if date, ok := parseDate(d); ok {
			p.doc.Updated = date
			return
		}
	}

	if p.role == nil {
		if pageChrome(v) {
			return
		}
		p.doc.Title = t
		p.role = &framework.Role{Name: t, Slug: framework.Slug(t.Value), Span: t.Span}
		p.doc.Roles = append(p.doc.Roles, p.role)
		return
	}

	switch {
	case v == "Updates":
		p.closeLevel()
		p.mode = pageUpdates
		return
	case p.mode == pageUpdates:
		return // the change log: dates and what changed
	case v == sharedTableHeading:
		p.closeLevel()
		p.mode = pageShared
		return
	case p.mode == pageShared:
		p.sharedRow(t)
		return
	}

	if n, name, ok := numberedHeading(t); ok {
		p.closeLevel()
		p.level = &framework.RoleLevel{Number: n, Name: name, Span: t.Span}
		p.role.Levels = append(p.role.Levels, p.level)
		p.mode = pageLevel
		return
	}
	if strings.EqualFold(v, "What a "+p.role.Name.Value+" does") || p.mode == pageTop && strings.HasPrefix(v, "What a ") && strings.HasSuffix(v, " does") {
		p.mode = pageDescription
		return
	}
	if c, ok := levelCount(t); ok {
		p.role.LevelCount = c
		p.mode = pageLevels
		return
	}
	if strings.EqualFold(v, p.role.Name.Value+" role levels") {
		p.mode = pageLevels
		return
	}

	switch p.mode {
	case pageTop:
		// The summary under the title ("Find out what a … does").
	case pageDescription:
		p.role.Description = append(p.role.Description, t)
	case pageLevels:
		// The introduction to the levels, the same on every page.
	case pageLevel, pageResponsibilities:
		switch {
		case v == skillTableHeading:
			p.mode = pageSkills
		case v == framework.PhraseLevelWill:
			p.mode = pageResponsibilities
		default:
			if b, ok := bullet(f, l); ok && p.mode == pageResponsibilities {
				p.level.Responsibilities = append(p.level.Responsibilities, b)
				return
			}
			p.mode = pageLevel
			p.level.Description = append(p.level.Description, t)
		}
	case pageSkills:
		p.skillLine(l, t, v)
	}
}

// numberedHeading reads "2. Digital portfolio manager".
func numberedHeading(t framework.Text) (int, framework.Text, bool) {
	digits, rest, ok := strings.Cut(t.Value, ". ")
	if !ok || len(digits) == 0 || len(digits) > 2 {
		return 0, framework.Text{}, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 {
		return 0, framework.Text{}, false
	}
	name := sub(t, len(digits)+2, len(t.Value))
	if name.Value == "" || rest == "" || !isHeadingLike(name, 10) {
		return 0, framework.Text{}, false
	}
	return n, name, true
}

// skillLine reads one line of a level's skill table.
func (p *rolePage) skillLine(l line, t framework.Text, v string) {
	f := p.f
	if v == skillTableHeading {
		return
	}
	if b, ok := bullet(f, l); ok {
		if p.req == nil || !p.descriptors {
			p.note("unexpected-bullet", b.Span, "bullet %q is not under a skill's \"You can:\"; kept out of the framework", b.Value)
			return
		}
		p.req.Descriptors = append(p.req.Descriptors, b)
		p.req.Span = spanOf(f, p.req.Span, t.Span)
		return
	}
	if p.req != nil {
		if lv, ok := afterPrefix(t, "Level:"); ok {
			p.req.LevelText = lv
			requirementLevel(p.req)
			p.req.Span = spanOf(f, p.req.Span, t.Span)
			return
		}
		if strings.Contains(v, scalePhrase) {
			p.req.Scale = t
			p.req.Span = spanOf(f, p.req.Span, t.Span)
			return
		}
		if v == framework.PhraseYouCan {
			p.descriptors = true
			p.req.Span = spanOf(f, p.req.Span, t.Span)
			return
		}
		if v == youCanBare {
			p.notes.addFix("you-can-colon", t.Span, framework.PhraseYouCan, "%q has no colon: expected %q", t.Value, framework.PhraseYouCan)
			p.descriptors = true
			p.req.Span = spanOf(f, p.req.Span, t.Span)
			return
		}
		if lv, prefix, ok := levelSlip(t); ok {
			p.notes.addFix("level-colon", prefix, "Level: ", "%q has no colon: expected %q", t.Value, "Level: "+lv.Value)
			p.req.LevelText = lv
			requirementLevel(p.req)
			p.req.Span = spanOf(f, p.req.Span, t.Span)
			return
		}
	}
	if !isHeadingLike(t, 12) {
		p.note("unexpected-text", t.Span, "text %q where a skill name, \"Level:\", \"You can:\" or a bullet was expected; kept out of the framework", clip(t.Value))
		return
	}
	p.req = &framework.Requirement{Skill: t, Span: t.Span}
	p.descriptors = false
	p.level.Skills = append(p.level.Skills, p.req)
	p.skillKeys[t.Key()] = true
}

// levelSlip reads a "Level:" line whose colon is missing or mistyped
// ("Level - working", "Level working", "Level; working"): "Level", a run
// of spaces and punctuation, and one word, which is a skill level name or
// follows a dash or other punctuation (a misspelt level, which the
// unknown-level rule reports). It returns the word and the span from
// "Level" to the word, which "Level: " replaces.
func levelSlip(t framework.Text) (word framework.Text, prefix framework.Span, ok bool) {
	v := t.Value
	const level = "Level"
	if len(v) <= len(level) || !strings.EqualFold(v[:len(level)], level) {
		return word, prefix, false
	}
	i, punct := len(level), false
	for i < len(v) {
		r, size := utf8.DecodeRuneInString(v[i:])
		if r == ' ' || r == '\t' || r == '\u00a0' {
			i += size
			continue
		}
		if r == '-' || r == '\u2013' || r == '\u2014' || r == ':' || r == ';' || r == '.' || r == ',' || r == '=' {
			punct = true
			i += size
			continue
		}
		break
	}
	w := v[i:]
	if i == len(level) || w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return word, prefix, false
	}
	if _, err := framework.ParseLevel(w); err != nil && !punct {
		return word, prefix, false
	}
	return sub(t, i, len(v)), t.Span.File.Span(t.Span.Start, t.Span.Start+i), true
}

// sharedRow reads one line of the "Role / Shared skills" table: a skill
// the page requires continues the current row; anything else starts a
// row for another role.
func (p *rolePage) sharedRow(t framework.Text) {
	if p.skillKeys[t.Key()] && len(p.role.SharedSkills) > 0 {
		row := &p.role.SharedSkills[len(p.role.SharedSkills)-1]
		row.Skills = append(row.Skills, t)
		return
	}
	p.checkSharedRow()
	p.role.SharedSkills = append(p.role.SharedSkills, framework.SharedSkills{Role: t})
}

// checkSharedRow notes a last row of the shared skills table that has no
// skills.
func (p *rolePage) checkSharedRow() {
	if p.role == nil {
		return
	}
	if n := len(p.role.SharedSkills); n > 0 && len(p.role.SharedSkills[n-1].Skills) == 0 {
		prev := p.role.SharedSkills[n-1].Role
		p.note("empty-shared-row", prev.Span, "row for %q in the shared skills table lists no skill that this page requires", prev.Value)
	}
}

// closeLevel ends the current role level, if any.
func (p *rolePage) closeLevel() {
	if p.level != nil {
		p.level.Span = p.f.Span(p.level.Span.Start, max(p.level.Span.End, p.lastEnd))
		p.role.Span = p.f.Span(p.role.Span.Start, p.level.Span.End)
	}
	p.level, p.req, p.descriptors = nil, nil, false
}

// clip shortens s for a message.
func clip(s string) string {
	const n = 60
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
