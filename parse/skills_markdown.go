package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

const (
	skillPlaceholder = "This skill level is currently not defined."
	rolesHeading     = "Roles that require this skill:"
)

// looksLikeSkillsMarkdown reports whether src has "## " headings and either
// numbered level headings ("1. Awareness") or "Roles that require this
// skill:" lines.
func looksLikeSkillsMarkdown(src string) bool {
	heading, levels := false, false
	for _, l := range splitLines(src) {
		s, e := trim(src, l.start, l.end)
		t := src[s:e]
		switch {
		case strings.HasPrefix(t, "## "):
			heading = true
		case t == rolesHeading:
			levels = true
		case len(t) > 3 && t[0] >= '1' && t[0] <= '4' && t[1] == '.' && t[2] == ' ':
			if _, err := framework.ParseLevel(t[3:]); err == nil {
				levels = true
			}
		}
		if heading && levels {
			return true
		}
	}
	return false
}

type skillsMode int

const (
	modeNone skillsMode = iota
	modeDescription
	modeLevel
	modeSkipLevel
	modeRequirements
	modeExamples
	modeRoles
)

// parseSkillsMarkdown parses the "Skills A to Z" catalogue.
func parseSkillsMarkdown(f *framework.File) (*framework.Document, errorList) {
	f.Decoder = markdownDecoder{}
	var errs errorList
	var ns notes // the document's
	doc := &framework.Document{}
	src := f.Src
	var (
		skill    *framework.Skill
		level    *framework.SkillLevel
		mode     skillsMode
		lastEnd  int  // end of the last non-blank line of the current skill
		descOpen bool // the previous line continued the description
	)
	note := func(code string, sp framework.Span, format string, args ...any) {
		ns.add(code, sp, format, args...)
	}
	noteFix := func(code string, sp framework.Span, fix, format string, args ...any) {
		ns.addFix(code, sp, fix, format, args...)
	}
	closeSkill := func() {
		if skill == nil {
			return
		}
		skill.Span = f.Span(skill.Span.Start, lastEnd)
		if level != nil {
			closeLevel(level)
		}
		level = nil
	}
	for _, l := range splitLines(src) {
		s, e := trim(src, l.start, l.end)
		if s == e {
			descOpen = false
			continue
		}
		t := src[s:e]
		cont := descOpen
		descOpen = false
		switch {
		case strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "##"):
			if doc.Title.Value == "" && skill == nil {
				doc.Title = unescapeMarkdown(text(f, s+1, e))
			} else {
				note("unplaced-text", f.Span(s, e), "title %q after the catalogue's start was not read", t)
			}
			continue
		case strings.HasPrefix(t, "##"):
			hs := s
			for hs < e && src[hs] == '#' {
				hs++
			}
			name := text(f, hs, e)
			if k := framework.Key(strings.TrimSuffix(name.Value, ":")); k == "you can" {
				switch {
				case level != nil:
					note("stray-heading", f.Span(s, e), "heading %q was read as the %s level's \"You can:\" line (its colon is missing)", name.Value, level.Level)
				case skill != nil && skill.SeniorCivilService:
					note("stray-heading", f.Span(s, e), "heading %q was read as the skill's \"You can:\" line (its colon is missing)", name.Value)
					mode = modeRequirements
				default:
					note("stray-heading", f.Span(s, e), "heading %q is not a skill and has no level to belong to", name.Value)
				}
				lastEnd = e
				continue
			}
			closeSkill()
			if name.Value == "" {
				errs.Add(f.Span(s, e), nil, "empty skill heading: want \"## \" and the skill's name")
				skill, mode = nil, modeNone
				continue
			}
			name = unescapeMarkdown(name)
			skill = &framework.Skill{Name: name, Slug: framework.Slug(name.Value), Span: f.Span(s, e)}
			doc.Skills = append(doc.Skills, skill)
			mode, lastEnd = modeDescription, e
			continue
		}
		if skill == nil {
			if b, ok := bullet(f, l); ok {
				note("unplaced-text", b.Span, "list item before the first skill was not read")
			}
			// Other text before the first skill is the catalogue's preamble.
			continue
		}
		lastEnd = e
		if num, word, ok := levelHeading(f, s, e); ok {
			if level != nil {
				closeLevel(level)
			}
			level = nil
			lv, err := framework.ParseLevel(word.Value)
			if err != nil {
				if num >= 1 && num <= 4 {
					lv = framework.Levels[num-1]
					noteFix("unknown-level-heading", word.Span, lv.Title(), "level heading %q names no skill level: read as %s by its number", t, lv)
				} else {
					note("unknown-level-heading", word.Span, "level heading %q names no skill level: want awareness, working, practitioner or expert; its items were not read", t)
					mode = modeSkipLevel
					continue
				}
			}
			if n := len(skill.Levels); n > 0 && skill.Levels[n-1].Level >= lv {
				note("level-order", f.Span(s, e), "level %s comes after %s: levels must ascend without repeats; its items were not read", lv, skill.Levels[n-1].Level)
				mode = modeSkipLevel
				continue
			}
			level = &framework.SkillLevel{Level: lv, Heading: text(f, s, e), Span: f.Span(s, e)}
			skill.Levels = append(skill.Levels, level)
			mode = modeLevel
			continue
		}
		switch t {
		case framework.PhraseYouCan:
			if skill.SeniorCivilService || level == nil {
				mode = modeRequirements
			}
			continue
		case framework.PhraseLeadershipExamples:
			mode = modeExamples
			continue
		case rolesHeading:
			if level != nil {
				closeLevel(level)
				level = nil
			}
			mode = modeRoles
			continue
		}
		b, isBullet := bulletIn(f, s, e)
		if !isBullet {
			switch {
			case mode == modeDescription && skill.Description.Value == "":
				skill.Description = unescapeMarkdown(text(f, s, e))
				if t == "Senior Civil Service." {
					skill.SeniorCivilService = true
				}
				descOpen = true
			case mode == modeDescription && cont:
				skill.Description = unescapeMarkdown(text(f, skill.Description.Span.Start, e))
				descOpen = true
			default:
				note("unplaced-text", f.Span(s, e), "text in skill %q was not read: want a level heading, a list item or %q", skill.Name.Value, rolesHeading)
			}
			continue
		}
		switch mode {
		case modeLevel:
			level.Span = f.Span(level.Span.Start, e)
			if b.Value == skillPlaceholder {
				level.Placeholder = b
			} else {
				level.Descriptors = append(level.Descriptors, unescapeMarkdown(b))
			}
		case modeRequirements:
			if i := strings.Index(b.Value, framework.PhraseLeadershipExamples); i > 0 {
				off := b.Span.Start + i
				skill.Requirements = append(skill.Requirements, unescapeMarkdown(text(f, b.Span.Start, off)))
				note("glued-heading", f.Span(off, off+len(framework.PhraseLeadershipExamples)), "heading %q was glued to the end of a requirement: split it there", framework.PhraseLeadershipExamples)
				if rest := text(f, off+len(framework.PhraseLeadershipExamples), b.Span.End); rest.Value != "" {
					skill.LeadershipExamples = append(skill.LeadershipExamples, unescapeMarkdown(rest))
				}
				mode = modeExamples
			} else {
				skill.Requirements = append(skill.Requirements, unescapeMarkdown(b))
			}
		case modeExamples:
			skill.LeadershipExamples = append(skill.LeadershipExamples, unescapeMarkdown(b))
		case modeRoles:
			skill.Roles = append(skill.Roles, roleRef(f, b))
		case modeSkipLevel:
			note("unplaced-text", b.Span, "list item of an unreadable level heading was not read")
		default:
			note("unplaced-text", b.Span, "list item in skill %q was not read: want it after a level heading, \"You can:\" or %q", skill.Name.Value, rolesHeading)
		}
	}
	closeSkill()
	doc.Notes = ns.done()
	if len(doc.Skills) == 0 {
		errs.Add(f.Span(0, 0), nil, "no skills found: want \"## \" skill headings")
	}
	return doc, errs
}

// closeLevel sets the status of a finished level.
func closeLevel(l *framework.SkillLevel) {
	if len(l.Descriptors) == 0 && l.Placeholder.Value != "" {
		l.Status = framework.Undefined
	} else {
		l.Status = framework.Defined
	}
}

// levelHeading recognises "N. Word" in f.Src[s:e] and returns N and Word.
func levelHeading(f *framework.File, s, e int) (int, framework.Text, bool) {
	src := f.Src
	i, n := s, 0
	for i < e && src[i] >= '0' && src[i] <= '9' && i-s < 3 {
		n = n*10 + int(src[i]-'0')
		i++
	}
	if i == s || i+1 >= e || src[i] != '.' {
		return 0, framework.Text{}, false
	}
	if r, _ := utf8.DecodeRuneInString(src[i+1 : e]); !isSpace(r) {
		return 0, framework.Text{}, false
	}
	ws, we := trim(src, i+1, e)
	if ws == we || strings.ContainsAny(src[ws:we], " \t\u00a0") {
		return 0, framework.Text{}, false
	}
	return n, framework.NewText(f, ws, we), true
}

// roleRef reads "[Name](/role/slug)" from a list item.
func roleRef(f *framework.File, b framework.Text) framework.RoleRef {
	v := b.Value
	if strings.HasPrefix(v, "[") {
		if j := strings.Index(v, "]("); j > 0 && strings.HasSuffix(v, ")") {
			name := unescapeMarkdown(text(f, b.Span.Start+1, b.Span.Start+j))
			target := strings.TrimSpace(v[j+2 : len(v)-1])
			slug := target[strings.LastIndex(target, "/")+1:]
			if slug == "" {
				slug = framework.Slug(name.Value)
			}
			return framework.RoleRef{Name: name, Slug: slug}
		}
	}
	b = unescapeMarkdown(b)
	return framework.RoleRef{Name: b, Slug: framework.Slug(b.Value)}
}

// isMarkdownPunct reports whether c is ASCII punctuation, which Markdown
// lets a backslash escape ("\\*" for a literal "*").
func isMarkdownPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// unescapeMarkdown returns t with its backslash escapes decoded: "C\\#"
// reads "C#", its span still on the raw bytes ([markdownDecoder] maps
// between them). A backslash before anything but ASCII punctuation is
// itself. Code spans, where Markdown keeps backslashes, are not told
// apart: the catalogue has none.
func unescapeMarkdown(t framework.Text) framework.Text {
	v := t.Value
	i := strings.IndexByte(v, '\\')
	for i >= 0 && (i+1 >= len(v) || !isMarkdownPunct(v[i+1])) {
		j := strings.IndexByte(v[i+1:], '\\')
		if j < 0 {
			return t
		}
		i += 1 + j
	}
	if i < 0 {
		return t
	}
	var b strings.Builder
	b.Grow(len(v))
	b.WriteString(v[:i])
	for ; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && isMarkdownPunct(v[i+1]) {
			i++
		}
		b.WriteByte(v[i])
	}
	return framework.Text{Value: b.String(), Span: t.Span}
}

// markdownDecoder maps a text of a Markdown source back to its raw bytes:
// an escaped character maps to its backslash and itself.
type markdownDecoder struct{}

func (markdownDecoder) Segments(raw, value string, seg func(framework.Segment)) bool {
	i, k := 0, 0
	for k < len(value) {
		if i+1 < len(raw) && raw[i] == '\\' && isMarkdownPunct(raw[i+1]) {
			if raw[i+1] != value[k] {
				return false
			}
			seg(framework.Segment{V: k, N: 1, Raw: i, End: i + 2})
			i, k = i+2, k+1
			continue
		}
		n := samePrefix(raw[i:], value[k:], '\\')
		if n == 0 {
			// A backslash that escapes nothing is itself.
			if i >= len(raw) || raw[i] != value[k] {
				return false
			}
			n = 1
		}
		seg(framework.Segment{V: k, N: n, Raw: i, End: i + n, Plain: true})
		i, k = i+n, k+n
	}
	return i == len(raw)
}
