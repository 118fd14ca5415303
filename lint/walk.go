package lint

import "github.com/ddat-tools/ddat/framework"

// Site is a skill requirement in its place: the document, role and role
// level that state it. Level is nil for a role-wide requirement (the
// older guidance's "Skills required to be a …" list).
type Site struct {
	Doc   *framework.Document
	Role  *framework.Role
	Level *framework.RoleLevel
	Req   *framework.Requirement
}

// Requirements returns every skill requirement of the linted documents,
// in document and source order. It walks the documents, not the merged
// roles, so that two pages describing one role level are both seen. The
// list is made once a run and shared by its rules: do not modify it.
func (p *Pass) Requirements() []Site { return p.run.requirements() }

func requirements(fw *framework.Framework) []Site {
	var sites []Site
	for _, d := range fw.Documents {
		for _, r := range d.Roles {
			for _, q := range r.Skills {
				sites = append(sites, Site{Doc: d, Role: r, Req: q})
			}
			for _, l := range r.Levels {
				for _, q := range l.Skills {
					sites = append(sites, Site{Doc: d, Role: r, Level: l, Req: q})
				}
			}
		}
	}
	return sites
}

// skillKeys holds the keys of the skill names of a run's requirements,
// made once for the rules that group requirements by skill: in the order
// of [Pass.Requirements], and by list (a role's or a level's Skills), by
// its first requirement.
type skillKeys struct {
	sites  []Site
	bySite []string
	byList map[*framework.Requirement]int // a list's first site
}

func newSkillKeys(sites []Site) skillKeys {
	x := skillKeys{sites: sites, bySite: make([]string, len(sites)), byList: map[*framework.Requirement]int{}}
	memo := keyMemo{} // a run's requirements name a few hundred skills
	for i, s := range sites {
		x.bySite[i] = memo.key(s.Req.Skill)
		// A list starts where the site before is of another role or
		// level.
		if i == 0 || sites[i-1].Role != s.Role || sites[i-1].Level != s.Level {
			if _, ok := x.byList[s.Req]; !ok {
				x.byList[s.Req] = i
			}
		}
	}
	return x
}

// siteSkillKeys returns the keys of the skill names of
// [Pass.Requirements], in its order: do not modify them.
func (p *Pass) siteSkillKeys() []string { return p.run.skillKeys().bySite }

// listSkillKeys returns the keys of the skill names of qs, a role's or a
// role level's Skills: kept for the run if qs is a list of the linted
// documents, else made (do not modify them).
func (p *Pass) listSkillKeys(qs []*framework.Requirement) []string {
	if len(qs) == 0 {
		return nil
	}
	x := p.run.skillKeys()
	if i, ok := x.byList[qs[0]]; ok && i+len(qs) <= len(x.sites) && x.sites[i+len(qs)-1].Req == qs[len(qs)-1] {
		return x.bySite[i : i+len(qs) : i+len(qs)]
	}
	ks := make([]string, len(qs))
	for i, q := range qs {
		ks[i] = p.key(q.Skill)
	}
	return ks
}

// CatalogueSkill returns the reference catalogue's skill (of
// p.Catalogue, which every pass of a run shares) whose name has the same
// [framework.Key] as name, or nil.
func (p *Pass) CatalogueSkill(name string) *framework.Skill {
	x := p.run.catalogue()
	// Most names are written as the catalogue writes them: found by
	// their value, they need no key.
	if s, ok := x.byName[name]; ok {
		return s
	}
	return x.byKey[framework.Key(name)]
}

// catalogueIndex finds the reference catalogue's skills for
// [Pass.CatalogueSkill]: by key, and by name as written for the skills
// first in their key. It is made once a run.
type catalogueIndex struct {
	byKey, byName map[string]*framework.Skill
}

func newCatalogueIndex(cat *framework.Framework) catalogueIndex {
	x := catalogueIndex{
		byKey:  make(map[string]*framework.Skill, len(cat.Skills)),
		byName: make(map[string]*framework.Skill, len(cat.Skills)),
	}
	for _, s := range cat.Skills {
		k := s.Name.Key()
		if _, dup := x.byKey[k]; !dup {
			x.byKey[k] = s
			x.byName[s.Name.Value] = s // a value repeated has its key repeated
		}
	}
	return x
}

// key returns t's [framework.Key], remembered by value for the pass: the
// framework repeats its descriptors on every role level.
func (p *Pass) key(t framework.Text) string {
	if p.keys == nil {
		p.keys = keyMemo{}
	}
	return p.keys.key(t)
}

// keyMemo remembers the keys of values: the framework repeats its names
// and descriptors.
type keyMemo map[string]string

func (m keyMemo) key(t framework.Text) string {
	k, ok := m[t.Value]
	if !ok {
		k = t.Key()
		m[t.Value] = k
	}
	return k
}

// eachText calls fn for every text element of d that a person wrote as
// prose or as a name, in source order within each element: titles, skill
// and role names, descriptions, descriptors, responsibilities, shared
// skills, roles that require a skill.
func eachText(d *framework.Document, fn func(framework.Text)) {
	visit := func(t framework.Text) {
		if t.Value != "" {
			fn(t)
		}
	}
	visit(d.Title)
	for _, s := range d.Skills {
		visit(s.Name)
		visit(s.Description)
		for _, l := range s.Levels {
			visit(l.Heading)
			visit(l.Placeholder)
			for _, t := range l.Descriptors {
				visit(t)
			}
		}
		for _, t := range s.Requirements {
			visit(t)
		}
		for _, t := range s.LeadershipExamples {
			visit(t)
		}
		for _, r := range s.Roles {
			visit(r.Name)
		}
	}
	req := func(q *framework.Requirement) {
		visit(q.Skill)
		visit(q.LevelText)
		visit(q.Scale)
		visit(q.Description)
		for _, t := range q.Descriptors {
			visit(t)
		}
	}
	for _, r := range d.Roles {
		visit(r.Name)
		visit(r.Family)
		for _, t := range r.Description {
			visit(t)
		}
		visit(r.LevelCount.Text)
		for _, q := range r.Skills {
			req(q)
		}
		for _, l := range r.Levels {
			visit(l.Name)
			for _, t := range l.Description {
				visit(t)
			}
			for _, t := range l.Responsibilities {
				visit(t)
			}
			for _, q := range l.Skills {
				req(q)
			}
		}
		for _, sh := range r.SharedSkills {
			visit(sh.Role)
			for _, t := range sh.Skills {
				visit(t)
			}
		}
	}
}

type spanKey struct {
	file       *framework.File
	start, end int
}

func keyOf(s framework.Span) spanKey { return spanKey{s.File, s.Start, s.End} }
