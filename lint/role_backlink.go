package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// RoleBacklink reports disagreements between the catalogue's "Roles that
// require this skill" lists and the roles' pages.
var RoleBacklink = &Rule{
	ID:    "role-backlink",
	Title: "roles and the catalogue disagree about which skills a role requires",
	Doc: "The catalogue lists under each skill the roles that require it; role pages " +
		"list the skills each role requires, and a \"Role / Shared skills\" table of " +
		"skills shared with other roles. Reports, for roles present in the linted " +
		"documents:\n\n" +
		"  - a skill a role page requires whose catalogue entry does not list the role;\n" +
		"  - a catalogue skill listing a role whose full role page does not require it;\n" +
		"  - a shared-skills row naming a skill that the catalogue does not list for " +
		"both roles, or that the page's own role does not require;\n" +
		"  - a skill the catalogue lists for both roles of a shared-skills row that the " +
		"row leaves out.\n\n" +
		"Roles are matched by normalised name (or slug). The older gov.uk guidance " +
		"predates the catalogue and is not compared (unknown-skill reports its retired " +
		"skills); a catalogue role is compared only with a full role page or the roles " +
		"CSV download, since a one-level export may leave out skills of other " +
		"levels.\n\n" +
		"Before: a role page requires \"Planning\"; the catalogue's \"Planning\" does not " +
		"list the role\n\n" +
		"After: the catalogue's \"Planning\" lists the role under \"Roles that require " +
		"this skill\"",
	Since:    "v0.1.0",
	Category: "consistency",
	Severity: Warning,
	Run:      runRoleBacklink,
}

// roleRequirements is what one document says one role requires.
type roleRequirements struct {
	doc   *framework.Document
	role  *framework.Role
	first map[string]framework.Text // skill key → first use
	keys  []string                  // skill keys in order of first use
}

func collectRequirements(p *Pass, d *framework.Document, r *framework.Role) *roleRequirements {
	rr := &roleRequirements{doc: d, role: r, first: map[string]framework.Text{}}
	add := func(qs []*framework.Requirement) {
		for i, k := range p.listSkillKeys(qs) {
			if _, ok := rr.first[k]; ok || k == "" {
				continue
			}
			rr.first[k] = qs[i].Skill
			rr.keys = append(rr.keys, k)
		}
	}
	add(r.Skills)
	for _, l := range r.Levels {
		add(l.Skills)
	}
	return rr
}

// backlinks indexes the catalogue's "Roles that require this skill"
// lists both ways, by role key and by role slug, so that asking whether a
// skill lists a role, or which skills list it, costs a map read and a
// binary search, not a scan of the catalogue.
type backlinks struct {
	cat    *framework.Framework
	skills map[*framework.Skill]int32 // catalogue order
	byName map[string][]backlink      // role key → listing skills, in catalogue order
	bySlug map[string][]backlink      // role slug → listing skills, in catalogue order

	roleKeys map[*framework.Role]string // memo of listsRole's keys: a role is asked of for each skill it requires
}

// backlink is one skill's listing of a role: the skill's index in the
// catalogue and its first entry for the role, an index of its Roles.
type backlink struct{ skill, ref int32 }

// roleListing is a skill's listing of a role, as [backlinks.listing]
// gives it.
type roleListing struct {
	skill *framework.Skill
	ref   framework.RoleRef
}

func newBacklinks(cat *framework.Framework) *backlinks {
	b := &backlinks{cat: cat, skills: make(map[*framework.Skill]int32, len(cat.Skills)),
		byName: map[string][]backlink{}, bySlug: map[string][]backlink{}, roleKeys: map[*framework.Role]string{}}
	keys := keyMemo{} // role names repeat from skill to skill
	for i, s := range cat.Skills {
		b.skills[s] = int32(i)
		for j, ref := range s.Roles {
			k := keys.key(ref.Name)
			link := backlink{int32(i), int32(j)}
			if l := b.byName[k]; len(l) == 0 || l[len(l)-1].skill != link.skill {
				b.byName[k] = append(l, link)
			}
			if ref.Slug != "" {
				if l := b.bySlug[ref.Slug]; len(l) == 0 || l[len(l)-1].skill != link.skill {
					b.bySlug[ref.Slug] = append(l, link)
				}
			}
		}
	}
	return b
}

// listing returns the skills that list the role with the given key or
// slug, in catalogue order, each with its first entry for the role.
func (b *backlinks) listing(key, slug string) []roleListing {
	byName, bySlug := b.byName[key], []backlink(nil)
	if slug != "" {
		bySlug = b.bySlug[slug]
	}
	// Merge the two lists in catalogue order; a skill listed both ways
	// keeps its first entry.
	out := make([]roleListing, 0, len(byName)+len(bySlug))
	add := func(l backlink) {
		s := b.cat.Skills[l.skill]
		out = append(out, roleListing{s, s.Roles[l.ref]})
	}
	i, j := 0, 0
	for i < len(byName) || j < len(bySlug) {
		switch {
		case j == len(bySlug) || i < len(byName) && byName[i].skill < bySlug[j].skill:
			add(byName[i])
			i++
		case i == len(byName) || bySlug[j].skill < byName[i].skill:
			add(bySlug[j])
			j++
		default: // the same skill: its first entry for the role
			add(backlink{byName[i].skill, min(byName[i].ref, bySlug[j].ref)})
			i++
			j++
		}
	}
	return out
}

// lists reports whether the catalogue skill s lists the role with the
// given key or slug, and its first entry for it.
func (b *backlinks) lists(s *framework.Skill, key, slug string) (framework.RoleRef, bool) {
	si, ok := b.skills[s]
	if !ok {
		return framework.RoleRef{}, false
	}
	i, byName := entryOf(b.byName[key], si)
	j, bySlug := int32(0), false
	if slug != "" {
		j, bySlug = entryOf(b.bySlug[slug], si)
	}
	switch {
	case byName && (!bySlug || i <= j):
		return s.Roles[i], true
	case bySlug:
		return s.Roles[j], true
	}
	return framework.RoleRef{}, false
}

// entryOf returns the entry of skill si in l, a list in catalogue order.
func entryOf(l []backlink, si int32) (int32, bool) {
	k, found := slices.BinarySearchFunc(l, si, func(e backlink, si int32) int { return cmp.Compare(e.skill, si) })
	if !found {
		return 0, false
	}
	return l[k].ref, true
}

// listsRole reports whether the catalogue skill s lists role r.
func (b *backlinks) listsRole(s *framework.Skill, r *framework.Role) (framework.RoleRef, bool) {
	k, ok := b.roleKeys[r]
	if !ok {
		k = r.Name.Key()
		b.roleKeys[r] = k
	}
	return b.lists(s, k, r.Slug)
}

// listsRoleName reports whether the catalogue skill s lists the role
// named name.
func (b *backlinks) listsRoleName(s *framework.Skill, name string) bool {
	_, ok := b.lists(s, framework.Key(name), framework.Slug(name))
	return ok
}

func runRoleBacklink(p *Pass) {
	cat := p.Catalogue
	if cat == nil {
		return
	}
	anyRefs := false
	for _, s := range cat.Skills {
		if len(s.Roles) > 0 {
			anyRefs = true
			break
		}
	}
	if !anyRefs {
		return // a catalogue without backlinks says nothing about roles
	}
	links := newBacklinks(cat)
	linted := map[*framework.File]bool{}
	for _, d := range p.Framework.Documents {
		if d != nil {
			linted[d.File] = true
		}
	}
	// Roles by key, with each document's requirements.
	var reqs []*roleRequirements
	completeReqs := map[string][]*roleRequirements{} // role key → its complete pages
	for _, d := range p.Framework.Documents {
		if !currentFormat(d) {
			continue
		}
		for _, r := range d.Roles {
			if r.SeniorCivilService || r.Name.Value == "" {
				continue
			}
			rr := collectRequirements(p, d, r)
			reqs = append(reqs, rr)
			if complete(d) {
				k := p.key(r.Name)
				completeReqs[k] = append(completeReqs[k], rr)
			}
		}
	}
	// A page requires a skill the catalogue does not list the role under.
	for _, rr := range reqs {
		for _, k := range rr.keys {
			use := rr.first[k]
			s := p.CatalogueSkill(use.Value)
			if s == nil || s.SeniorCivilService {
				continue
			}
			if _, ok := links.listsRole(s, rr.role); ok {
				continue
			}
			p.Report(Diagnostic{
				Span: use.Span,
				Message: fmt.Sprintf("role %q requires %q, but the catalogue's %q does not list the role under \"Roles that require this skill\"",
					rr.role.Name.Value, use.Value, s.Name.Value),
				Related: []Related{{Span: rolesListSpan(s), Message: fmt.Sprintf("the catalogue's roles for %q", s.Name.Value)}},
			})
		}
	}
	// The catalogue lists a role whose full page does not require the skill.
	seenRole := map[string]bool{}
	for _, rr := range reqs {
		role := p.key(rr.role.Name)
		if !complete(rr.doc) || seenRole[role] {
			continue
		}
		seenRole[role] = true
		if len(rr.keys) == 0 {
			continue // a page without skills: structure reports it
		}
		// Every complete page of the role must leave the skill out.
		all := completeReqs[role]
		for _, l := range links.listing(role, rr.role.Slug) {
			s, ref := l.skill, l.ref
			required := false
			for _, o := range all {
				if _, ok := o.first[p.key(s.Name)]; ok {
					required = true
				}
			}
			if required {
				continue
			}
			msg := fmt.Sprintf("the catalogue lists role %q under \"Roles that require this skill\" of %q, but the role's page does not require it",
				rr.role.Name.Value, s.Name.Value)
			if linted[ref.Name.Span.File] && ref.Name.Span.IsValid() {
				p.Report(Diagnostic{Span: ref.Name.Span, Message: msg,
					Related: []Related{{Span: rr.role.Name.Span, Message: fmt.Sprintf("the page of %q", rr.role.Name.Value)}}})
			} else {
				p.Report(Diagnostic{Span: rr.role.Name.Span, Message: msg,
					Related: []Related{{Span: ref.Name.Span, Message: fmt.Sprintf("the catalogue lists %q here", ref.Name.Value)}}})
			}
		}
	}
	// The "Role / Shared skills" table against the catalogue.
	for _, d := range p.Framework.Documents {
		if !currentFormat(d) {
			continue
		}
		for _, r := range d.Roles {
			if len(r.SharedSkills) == 0 {
				continue
			}
			rr := collectRequirements(p, d, r)
			for _, row := range r.SharedSkills {
				if row.Role.Value == "" {
					continue
				}
				listed := map[string]bool{}
				for _, t := range row.Skills {
					listed[t.Key()] = true
					s := p.CatalogueSkill(t.Value)
					if s == nil {
						continue // unknown-skill
					}
					var missing []string
					if !links.listsRoleName(s, row.Role.Value) {
						missing = append(missing, fmt.Sprintf("%q", row.Role.Value))
					}
					_, pageRequires := rr.first[t.Key()]
					if _, ok := links.listsRole(s, r); !ok && !pageRequires {
						missing = append(missing, fmt.Sprintf("%q", r.Name.Value))
					}
					if len(missing) > 0 {
						p.Report(Diagnostic{
							Span: t.Span,
							Message: fmt.Sprintf("the shared-skills table says %q shares %q with %q, but the catalogue's %q does not list %s",
								row.Role.Value, t.Value, r.Name.Value, s.Name.Value, strings.Join(missing, " or ")),
							Related: []Related{{Span: rolesListSpan(s), Message: fmt.Sprintf("the catalogue's roles for %q", s.Name.Value)}},
						})
					}
					if !pageRequires && len(rr.keys) > 0 {
						p.Report(Diagnostic{
							Span: t.Span,
							Message: fmt.Sprintf("the shared-skills table lists %q as shared with %q, but no level of role %q on this page requires it",
								t.Value, row.Role.Value, r.Name.Value),
						})
					}
				}
				// Skills the catalogue gives both roles that the row leaves out.
				var left []string
				for _, k := range rr.keys {
					s := p.CatalogueSkill(rr.first[k].Value)
					if s == nil || listed[s.Name.Key()] || listed[k] {
						continue
					}
					if _, ok := links.listsRole(s, r); ok && links.listsRoleName(s, row.Role.Value) {
						left = append(left, s.Name.Value)
					}
				}
				if len(left) > 0 {
					p.Report(Diagnostic{
						Span: row.Role.Span,
						Message: fmt.Sprintf("the shared-skills row for %q leaves out %s, which the catalogue lists for both %q and %q",
							row.Role.Value, quoteAnd(left), row.Role.Value, r.Name.Value),
					})
				}
			}
		}
	}
}

// rolesListSpan is the catalogue's "Roles that require this skill" list of
// s, or its heading when the list is empty.
func rolesListSpan(s *framework.Skill) framework.Span {
	if n := len(s.Roles); n > 0 {
		a, b := s.Roles[0].Name.Span, s.Roles[n-1].Name.Span
		if a.File != nil && a.File == b.File {
			return framework.Span{File: a.File, Start: a.Start, End: b.End}
		}
		return a
	}
	return s.Name.Span
}
