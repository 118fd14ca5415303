package lint

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// UnknownSkill reports skills that roles require but the catalogue does
// not have.
var UnknownSkill = &Rule{
	ID:    "unknown-skill",
	Title: "skills the catalogue does not have",
	Doc: "Reports a skill that a role page requires (or lists in its \"Role / Shared " +
		"skills\" table) but the Skills A to Z catalogue does not have, compared by " +
		"normalised name. It is reported once per page, at its first use, with the " +
		"other uses as related positions.\n\n" +
		"The finding suggests the catalogue skills that were probably meant: names " +
		"within a few typing slips, and names sharing most of their words " +
		"(\"Life-cycle perspective\" and \"Life cycle management\"), preferring skills " +
		"the catalogue says the role requires and leaving out skills the page already " +
		"requires. When no name is that close, the message names, without offering " +
		"them as replacements, the skills that share half the name's words " +
		"(\"DDaT perspective\" and \"Commercial perspective\"). Skills renamed or retired " +
		"since an older page was written show up " +
		"here. Nothing is reported when no catalogue is known.\n\n" +
		"Before: `Skill: Stakeholder relationship managment`\n\n" +
		"After: `Skill: Stakeholder relationship management`",
	Since:    "v0.1.0",
	Severity: Error,
	Run:      runUnknownSkill,
}

// skillUse is one place a role names a skill.
type skillUse struct {
	doc  *framework.Document
	role *framework.Role
	name framework.Text
}

func runUnknownSkill(p *Pass) {
	if p.Catalogue == nil || len(p.Catalogue.Skills) == 0 {
		return
	}
	// Uses of unknown names, grouped by document and key in source order.
	type group struct {
		uses []skillUse
	}
	type groupKey struct {
		doc        *framework.Document
		role, name string
	}
	var order []groupKey
	groups := map[groupKey]*group{}
	add := func(u skillUse) {
		if u.name.Value == "" || p.CatalogueSkill(u.name.Value) != nil {
			return
		}
		k := groupKey{u.doc, u.role.Name.Key(), u.name.Key()}
		g, ok := groups[k]
		if !ok {
			g = &group{}
			groups[k] = g
			order = append(order, k)
		}
		g.uses = append(g.uses, u)
	}
	for _, d := range p.Framework.Documents {
		if d == nil {
			continue
		}
		for _, r := range d.Roles {
			for _, q := range r.Skills {
				add(skillUse{d, r, q.Skill})
			}
			for _, l := range r.Levels {
				for _, q := range l.Skills {
					add(skillUse{d, r, q.Skill})
				}
			}
			for _, sh := range r.SharedSkills {
				for _, t := range sh.Skills {
					add(skillUse{d, r, t})
				}
			}
		}
	}
	var index *skillIndex // built for the first unknown skill
	for _, k := range order {
		g := groups[k]
		sort.SliceStable(g.uses, func(i, j int) bool { return g.uses[i].name.Span.Start < g.uses[j].name.Span.Start })
		first := g.uses[0]
		d := Diagnostic{Span: first.name.Span}
		if index == nil {
			index = newSkillIndex(p.Catalogue)
		}
		fixes, near := suggestSkills(p, index, first)
		ctx := fmt.Sprintf("role %q", first.role.Name.Value)
		if n := len(g.uses) - 1; n > 0 {
			ctx += ", used " + moreTimes(n) + " in this document"
		}
		d.Message = fmt.Sprintf("the catalogue has no skill %q (%s)", first.name.Value, ctx)
		if isLegacy(first.doc) {
			d.Message += "; the page is older guidance, so the skill may have been renamed or retired since"
		}
		switch {
		case len(fixes) == 0 && len(near) > 0:
			verb := "share"
			if len(near) == 1 {
				verb = "shares"
			}
			d.Message += fmt.Sprintf("; no catalogue skill has a close name, but %s %s a word with it", quoteAnd(near), verb)
		case len(fixes) == 0:
			d.Message += "; no catalogue skill has a similar name"
		default:
			d.Message += fmt.Sprintf("; did you mean %s?", quoteOr(fixes))
		}
		if tooLongToCompare(first.name.Value) {
			d.Message += fmt.Sprintf("; the name is too long to compare its spelling with the catalogue's (at most %d characters, and words of at most %d bytes, are compared)",
				maxSkillNameLen, maxNameWordLen)
		}
		for _, f := range fixes {
			d.Suggestions = append(d.Suggestions, Suggestion{Message: fmt.Sprintf("replace with %q", f), Span: first.name.Span, NewText: f})
		}
		for _, u := range g.uses[1:] {
			d.Related = append(d.Related, Related{Span: u.name.Span, Message: fmt.Sprintf("%q is used here too", u.name.Value)})
		}
		p.Report(d)
	}
}

func moreTimes(n int) string {
	if n == 1 {
		return "once more"
	}
	return fmt.Sprintf("%d more times", n)
}

// Tuning of the skill suggestions.
const (
	minSkillScore   = 0.5  // a candidate must score more than this
	roleBonus       = 0.5  // added when the catalogue says the role requires the candidate
	qualifierCost   = 0.1  // taken off a "(qualified)" candidate for an unqualified name
	suggestionRange = 0.4  // candidates this far below the best are dropped
	maxSkillFixes   = 3    // suggestions at most
	closeSpelling   = 0.25 // edits per rune within which names count as a slip
)

// Bounds of the skill suggestions, so that a hostile name costs time in
// proportion to its length: a name longer than maxSkillNameLen runes is
// not compared rune by rune with any other, and a word longer than
// maxNameWordLen bytes is not looked up among the words one edit from it
// (the published catalogue's longest name has 85 runes, its longest word
// 15 bytes; a test checks the margin). The finding says when a name or a
// word was too long to compare.
const (
	maxSkillNameLen = 200
	maxNameWordLen  = 64
)

// skillStopWords are left out when comparing skill names word by word.
var skillStopWords = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "for": true, "in": true,
	"to": true, "on": true, "by": true, "with": true, "within": true, "through": true,
	"throughout": true, "across": true, "into": true,
}

// nameWords splits a skill name's key into its content words: hyphens
// and punctuation separate words, stop words are dropped, a final
// "(qualifier)" is split off.
func nameWords(name string) (ws []string, qualified bool) {
	k := framework.Key(name)
	if i := strings.LastIndex(k, " ("); i > 0 && strings.HasSuffix(k, ")") {
		k, qualified = k[:i], true
	}
	for _, w := range strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !skillStopWords[w] {
			ws = append(ws, w)
		}
	}
	return ws, qualified
}

// tooLongToCompare reports whether a skill name, or one of its content
// words, is too long for [suggestSkills] to compare its spelling.
func tooLongToCompare(name string) bool {
	if utf8.RuneCountInString(framework.Key(name)) > maxSkillNameLen {
		return true
	}
	ws, _ := nameWords(name)
	for _, w := range ws {
		if len(w) > maxNameWordLen {
			return true
		}
	}
	return false
}

// baseName is a name key without a final "(qualifier)".
func baseName(k string) string {
	if i := strings.LastIndex(k, " ("); i > 0 && strings.HasSuffix(k, ")") {
		return k[:i]
	}
	return k
}

// skillIndex holds the catalogue's skill names prepared for
// [skillIndex.suggest], built once a run: each name's key, runes, letter
// counts and content words, with an index of the names by content word
// (and of the content words by their one-byte deletions, for near
// words) and by length, so that a suggestion looks only at the names
// that could score rather than measuring every name against every
// unknown one.
type skillIndex struct {
	names  []skillName
	byWord map[string][]int // content word → names holding it
	near   map[string][]string
	byLen  map[int][]int                       // rune count → names
	byRole map[string][]int                    // role key → names whose skill the catalogue says it requires
	bySlug map[string][]int                    // role slug → the same
	have   map[*framework.Role]map[string]bool // see [skillIndex.required]
	dist   distBuf
}

// A skillCandidate is a name that may score for an unknown one, with the
// number of the unknown name's content words it shares: the same word, or
// both over four bytes and one edit apart.
type skillCandidate struct {
	idx, shared int
}

type skillName struct {
	skill     *framework.Skill
	key       string
	runes     []rune
	letters   [27]int // letter counts, for a lower bound on the edit distance
	words     []string
	qualified bool
}

func newSkillIndex(cat *framework.Framework) *skillIndex {
	x := &skillIndex{byWord: map[string][]int{}, near: map[string][]string{}, byLen: map[int][]int{},
		byRole: map[string][]int{}, bySlug: map[string][]int{}, have: map[*framework.Role]map[string]bool{}}
	file := func(m map[string][]int, k string, i int) {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != i {
			m[k] = append(l, i)
		}
	}
	seen := map[string]bool{}
	roleKeys := keyMemo{} // role names repeat from skill to skill
	for _, s := range cat.Skills {
		k := s.Name.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		n := skillName{skill: s, key: k, runes: []rune(k)}
		n.letters = letterCounts(k)
		n.words, n.qualified = nameWords(s.Name.Value)
		i := len(x.names)
		for _, r := range s.Roles {
			file(x.byRole, roleKeys.key(r.Name), i)
			if r.Slug != "" {
				file(x.bySlug, r.Slug, i)
			}
		}
		x.names = append(x.names, n)
		x.byLen[len(n.runes)] = append(x.byLen[len(n.runes)], i)
		for _, w := range n.words {
			if l := x.byWord[w]; len(l) == 0 || l[len(l)-1] != i {
				if len(l) == 0 && len(w) > 4 && len(w) <= maxNameWordLen {
					for _, d := range runeDeletions(w) {
						x.near[d] = append(x.near[d], w)
					}
				}
				x.byWord[w] = append(l, i)
			}
		}
	}
	return x
}

// required returns the keys of the skills role r requires, computed once
// for each role: a role may have thousands of unknown skills.
func (x *skillIndex) required(r *framework.Role) map[string]bool {
	if have, ok := x.have[r]; ok {
		return have
	}
	have := map[string]bool{}
	for _, q := range r.Skills {
		have[q.Skill.Key()] = true
	}
	for _, l := range r.Levels {
		for _, q := range l.Skills {
			have[q.Skill.Key()] = true
		}
	}
	x.have[r] = have
	return have
}

// runeDeletions returns w and w less each of its runes in turn: two
// words one edit apart (see [editDistance]) share one of these keys.
func runeDeletions(w string) []string {
	keys := []string{w}
	rs := []rune(w)
	for j := range rs {
		keys = append(keys, string(rs[:j])+string(rs[j+1:]))
	}
	return keys
}

func letterCounts(k string) [27]int {
	var c [27]int
	for _, r := range k {
		if r >= 'a' && r <= 'z' {
			c[r-'a']++
		} else {
			c[26]++
		}
	}
	return c
}

// candidates returns the names that can score for an unknown name with
// key k and content words ws, in catalogue order, each with the number of
// ws it shares: those sharing a content word, or one a single edit from
// it (both over four bytes), and those whose length and letters allow a
// spelling within closeSpelling. The shared counts come from the index's
// lists, so a name is counted without comparing its words.
func (x *skillIndex) candidates(k string, ws []string) []skillCandidate {
	shared := map[int]int{}
	var order []int // names in the order first met
	for _, w := range ws {
		counted := map[int]bool{} // a word counts once for a name
		add := func(ids []int) {
			for _, i := range ids {
				if counted[i] {
					continue
				}
				counted[i] = true
				if _, ok := shared[i]; !ok {
					order = append(order, i)
				}
				shared[i]++
			}
		}
		add(x.byWord[w])
		if len(w) <= 4 || len(w) > maxNameWordLen+1 {
			continue // a word one edit from an indexed one has at most maxNameWordLen+1 bytes
		}
		for _, key := range runeDeletions(w) {
			for _, c := range x.near[key] {
				if c != w && editDistance(w, c, 1) <= 1 {
					add(x.byWord[c])
				}
			}
		}
	}
	// Spelling: n = max(len k, len c) runes and d <= n/4 need
	// 3/4 len k <= len c <= 4/3 len k, and a letter-count bound.
	lk := utf8.RuneCountInString(k)
	lc := letterCounts(k)
	if lk > maxSkillNameLen {
		lk = 0 // not compared: no length matches
	}
	for n := (3*lk + 3) / 4; n <= min(lk*4/3, maxSkillNameLen); n++ {
		for _, i := range x.byLen[n] {
			maxD := int(float64(max(lk, n)) * closeSpelling)
			if _, ok := shared[i]; !ok && letterBound(lc, x.names[i].letters, lk, n) <= maxD {
				shared[i] = 0
				order = append(order, i)
			}
		}
	}
	slices.Sort(order)
	out := make([]skillCandidate, len(order))
	for j, i := range order {
		out[j] = skillCandidate{i, shared[i]}
	}
	return out
}

// letterBound is a lower bound on the edit distance of two strings of
// lengths la and lb with letter counts a and b: every letter one has
// beyond the other's needs an edit of its own.
func letterBound(a, b [27]int, la, lb int) int {
	common := 0
	for i := range a {
		common += min(a[i], b[i])
	}
	return max(la, lb) - common
}

// suggestSkills returns the catalogue skills that a role's unknown skill
// name probably means, best first; when there are none, it returns as
// near the best names that share half its content words, which are
// worth a look but too far to offer as a replacement.
func suggestSkills(p *Pass, x *skillIndex, u skillUse) (fixes, near []string) {
	// Skills the role already requires on this page are not suggested.
	have := x.required(u.role)
	k := u.name.Key()
	kr := []rune(k)
	ws, nameQualified := nameWords(u.name.Value)
	role := u.role.Name.Key()
	type cand struct {
		name  string
		score float64
		dist  int
		idx   int
	}
	lk, lc := len(kr), letterCounts(k)
	// The names whose skill the catalogue says the role requires.
	required := map[int]bool{}
	for _, i := range x.byRole[role] {
		required[i] = true
	}
	if u.role.Slug != "" {
		for _, i := range x.bySlug[u.role.Slug] {
			required[i] = true
		}
	}
	var cands []cand
	for _, cd := range x.candidates(k, ws) {
		i := cd.idx
		c := &x.names[i]
		s, ck := c.skill, c.key
		cw, qualified := c.words, c.qualified
		overlap := 0.0
		// Word overlap: shared content words over the longer name's.
		if n := max(len(ws), len(cw)); n > 0 {
			overlap = float64(cd.shared) / float64(n)
		}
		qualifier, bonus := qualified && !nameQualified, required[i]
		// adjust takes off the qualifier cost, then adds the role bonus.
		adjust := func(score float64) float64 {
			if qualifier {
				score -= qualifierCost
			}
			if bonus {
				score += roleBonus
			}
			return score
		}
		// Spelling: a few slips in the whole name. The letters bound the
		// distance from below, so a name that cannot score enough is not
		// measured: in a large catalogue most names share a word or a
		// length with the unknown one and nothing more.
		n := max(len(kr), len(c.runes))
		maxD := int(float64(n) * closeSpelling)
		compared := n <= maxSkillNameLen
		spell := 0.0
		if lb := letterBound(lc, c.letters, lk, len(c.runes)); lb <= maxD && compared {
			spell = 1 - float64(lb)/float64(n)
		}
		if adjust(max(overlap, spell)) < minSkillScore {
			continue
		}
		d := maxD + 1
		if compared {
			d = osaDistance(kr, c.runes, maxD, true, &x.dist)
		}
		if have[ck] && d > maxD && baseName(k) != ck {
			continue // a skill the page already requires is no rename
		}
		score := overlap
		if d <= maxD {
			score = max(score, 1-float64(d)/float64(n))
		}
		if score == 0 {
			continue
		}
		score = adjust(score)
		if score >= minSkillScore {
			full := d // exact when within maxD
			switch {
			case !compared:
				full = n // a bound: the names are not compared
			case d > maxD:
				full = osaDistance(kr, c.runes, len(kr)+len(c.runes), true, &x.dist)
			}
			cands = append(cands, cand{s.Name.Value, score, full, i})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.idx < b.idx
	})
	strong := len(cands) > 0 && cands[0].score > minSkillScore
	var out []string
	for _, c := range cands {
		if len(out) == maxSkillFixes || c.score < cands[0].score-suggestionRange || strong && c.score <= minSkillScore {
			break
		}
		out = append(out, c.name)
	}
	if !strong {
		return nil, out
	}
	return out, nil
}

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
	add := func(q *framework.Requirement) {
		k := p.key(q.Skill)
		if _, ok := rr.first[k]; ok || k == "" {
			return
		}
		rr.first[k] = q.Skill
		rr.keys = append(rr.keys, k)
	}
	for _, q := range r.Skills {
		add(q)
	}
	for _, l := range r.Levels {
		for _, q := range l.Skills {
			add(q)
		}
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
		byName: map[string][]backlink{}, bySlug: map[string][]backlink{}}
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
	return b.lists(s, r.Name.Key(), r.Slug)
}

// listsRoleName reports whether the catalogue skill s lists the role
// named name.
func (b *backlinks) listsRoleName(s *framework.Skill, name string) bool {
	_, ok := b.lists(s, framework.Key(name), framework.Slug(name))
	return ok
}

// isLegacy reports whether a document is a page of the older gov.uk
// guidance, which predates the catalogue.
func isLegacy(d *framework.Document) bool {
	return d != nil && d.Format.IsLegacy()
}

// currentFormat reports whether a document's role requirements can be held
// against the catalogue.
func currentFormat(d *framework.Document) bool {
	return d != nil && !isLegacy(d)
}

// complete reports whether a document gives all of a role's requirements:
// a role page or the roles CSV download. A JSON export may have been
// made from part of a role, so it is not taken as complete.
func complete(d *framework.Document) bool {
	return d != nil && (d.Format == framework.FormatRolePage || d.Format == framework.FormatRolesCSV)
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

func quoteAnd(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
