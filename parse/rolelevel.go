package parse

import (
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// The structured text of one role level (seed 001) reads:
//
//	Product and delivery role: Digital portfolio manager
//	- <role description>
//
//	Role level: Digital portfolio manager
//	- <level description>
//
//	At this role level, you will:
//	- <responsibility>
//
//	Skill: Agile working
//	- <descriptor>
//
// It states no skill levels; a "Level: …" line after "Skill: …" is read
// if present.

const (
	roleLevelPrefix = "Role level:"
	skillPrefix     = "Skill:"
	rolePrefixSep   = "role:"
)

// looksLikeRoleLevel reports whether src's first line is "… role: …" and
// it has "Role level:" and "Skill:" lines.
func looksLikeRoleLevel(src string) bool {
	first, level, skill := false, false, false
	for _, l := range splitLines(src) {
		s, e := trim(src, l.start, l.end)
		t := src[s:e]
		if s == e {
			continue
		}
		if !first {
			if _, _, ok := roleLine(t); !ok {
				return false
			}
			first = true
			continue
		}
		level = level || strings.HasPrefix(t, roleLevelPrefix)
		skill = skill || strings.HasPrefix(t, skillPrefix)
		if level && skill {
			return true
		}
	}
	return false
}

// roleLine splits "Product and delivery role: Digital portfolio manager"
// (or "Role: …") into family and role, as byte offsets into s.
func roleLine(s string) (family, name int, ok bool) {
	i := framework.IndexFold(s, rolePrefixSep)
	if i < 0 || strings.HasPrefix(s, roleLevelPrefix) {
		return 0, 0, false
	}
	if i > 0 && s[i-1] != ' ' {
		return 0, 0, false
	}
	if strings.TrimSpace(s[i+len(rolePrefixSep):]) == "" {
		return 0, 0, false
	}
	return i, i + len(rolePrefixSep), true
}

type levelMode int

const (
	levelRole levelMode = iota
	levelDescription
	levelResponsibilities
	levelSkill
)

func parseRoleLevel(f *framework.File) (*framework.Document, errorList) {
	var errs errorList
	doc := &framework.Document{}
	var (
		role  *framework.Role
		level *framework.RoleLevel
		req   *framework.Requirement
		mode  levelMode
	)
	grow := func(sp *framework.Span, t framework.Text) { *sp = spanOf(f, *sp, t.Span) }
	for _, l := range splitLines(f.Src) {
		if blank(f.Src, l) {
			continue
		}
		t := lineText(f, l)
		if role == nil {
			fam, name, ok := roleLine(t.Value)
			if !ok {
				errs.Add(t.Span, nil, "expected \"<family> role: <role name>\", found %q", clip(t.Value))
				return doc, errs
			}
			role = &framework.Role{Name: sub(t, name, len(t.Value)), Span: t.Span}
			role.Slug = framework.Slug(role.Name.Value)
			if fam > 0 {
				role.Family = sub(t, 0, fam)
			}
			doc.Title = role.Name
			doc.Roles = append(doc.Roles, role)
			continue
		}
		grow(&role.Span, t)
		if level != nil {
			grow(&level.Span, t)
		}
		if b, ok := bullet(f, l); ok {
			switch mode {
			case levelRole:
				role.Description = append(role.Description, b)
			case levelDescription:
				level.Description = append(level.Description, b)
			case levelResponsibilities:
				level.Responsibilities = append(level.Responsibilities, b)
			case levelSkill:
				req.Descriptors = append(req.Descriptors, b)
				grow(&req.Span, t)
			}
			continue
		}
		if name, ok := afterPrefix(t, roleLevelPrefix); ok {
			level = &framework.RoleLevel{Name: name, Span: t.Span}
			role.Levels = append(role.Levels, level)
			mode, req = levelDescription, nil
			continue
		}
		if level == nil {
			errs.Add(t.Span, nil, "expected a \"- \" bullet describing the role or \"Role level: <name>\", found %q", clip(t.Value))
			continue
		}
		if collapse(t.Value) == framework.PhraseLevelWill {
			mode, req = levelResponsibilities, nil
			continue
		}
		if name, ok := afterPrefix(t, skillPrefix); ok {
			req = &framework.Requirement{Skill: name, Span: t.Span}
			level.Skills = append(level.Skills, req)
			mode = levelSkill
			continue
		}
		if lv, ok := afterPrefix(t, "Level:"); ok && mode == levelSkill && len(req.Descriptors) == 0 {
			req.LevelText = lv
			requirementLevel(req)
			grow(&req.Span, t)
			continue
		}
		errs.Add(t.Span, nil, "expected \"Role level:\", %q, \"Skill:\" or a \"- \" bullet, found %q", framework.PhraseLevelWill, clip(t.Value))
	}
	if role == nil {
		errs.Add(f.Span(0, 0), nil, "empty role-level document: expected \"<family> role: <role name>\"")
	} else if len(role.Levels) == 0 {
		errs.Add(role.Name.Span, nil, "role %q has no \"Role level:\" line", role.Name.Value)
	}
	return doc, errs
}
