package lint

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
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
		"here. Nothing is reported when no catalogue is known. A lint compares unknown " +
		"names with at most a million catalogue names, and one more for every 8 bytes " +
		"of its documents; an unknown skill past that is reported without suggestions, " +
		"and says so.\n\n" +
		"Before: `Skill: Stakeholder relationship managment`\n\n" +
		"After: `Skill: Stakeholder relationship management`",
	Since:    "v0.1.0",
	Category: "consistency",
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
			for _, d := range p.Framework.Documents { // the bound grows with the input
				if d != nil && d.File != nil {
					index.bound += len(d.File.Src) / skillWorkPerByte
				}
			}
		}
		fixes, near, looked := suggestSkills(p, index, first)
		ctx := fmt.Sprintf("role %q", first.role.Name.Value)
		if n := len(g.uses) - 1; n > 0 {
			ctx += ", used " + moreTimes(n) + " in this document"
		}
		d.Message = fmt.Sprintf("the catalogue has no skill %q (%s)", first.name.Value, ctx)
		if isLegacy(first.doc) {
			d.Message += "; the page is older guidance, so the skill may have been renamed or retired since"
		}
		switch {
		case !looked:
			d.Message += fmt.Sprintf("; not compared with the catalogue's names: other unknown skills took the %d comparisons that a lint of these documents makes", index.bound)
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

// Tuning of the skill suggestions.
const (
	minSkillScore   = 0.5 // a candidate must score more than this
	roleBonus       = 0.5 // added when the catalogue says the role requires the candidate
	qualifierCost   = 0.1 // taken off a "(qualified)" candidate for an unqualified name
	suggestionRange = 0.4 // candidates this far below the best are dropped
	maxSkillFixes   = 3   // suggestions at most
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
// "(qualifier)" is split off. A key of ASCII text, most names, is split
// byte by byte (TestNameWordsAsPlain holds it to the plain version).
func nameWords(name string) (ws []string, qualified bool) {
	k := framework.Key(name)
	if i := strings.LastIndex(k, " ("); i > 0 && strings.HasSuffix(k, ")") {
		k, qualified = k[:i], true
	}
	n := 0 // words at most: the starts of runs of letters and digits
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= utf8.RuneSelf {
			return unicodeNameWords(k), qualified
		}
		if isASCIIAlnum(c) && (i == 0 || !isASCIIAlnum(k[i-1])) {
			n++
		}
	}
	if n == 0 {
		return nil, qualified
	}
	ws = make([]string, 0, n)
	for i := 0; i < len(k); {
		for i < len(k) && !isASCIIAlnum(k[i]) {
			i++
		}
		j := i
		for j < len(k) && isASCIIAlnum(k[j]) {
			j++
		}
		if w := k[i:j]; w != "" && !skillStopWords[w] {
			ws = append(ws, w)
		}
		i = j
	}
	if len(ws) == 0 {
		return nil, qualified
	}
	return ws, qualified
}

// unicodeNameWords is the content words of a key k that is not ASCII.
func unicodeNameWords(k string) (ws []string) {
	for _, w := range strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !skillStopWords[w] {
			ws = append(ws, w)
		}
	}
	return ws
}

// isASCIIAlnum reports the ASCII letters and digits (unicode.IsLetter or
// IsDigit).
func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
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

// suggestSkills returns the catalogue skills that a role's unknown skill
// name probably means, best first; when there are none, it returns as
// near the best names that share half its content words, which are
// worth a look but too far to offer as a replacement.
func suggestSkills(p *Pass, x *skillIndex, u skillUse) (fixes, near []string, looked bool) {
	if x.spent() {
		return nil, nil, false
	}
	// Skills the role already requires on this page are not suggested.
	have := x.required(u.role)
	k := u.name.Key()
	kr := []rune(k)
	ws, nameQualified := nameWords(u.name.Value)
	role := u.role.Name.Key()
	lk, lc := len(kr), letterCounts(k)
	// The names whose skill the catalogue says the role requires.
	if x.requiredBy == nil {
		x.requiredBy = map[int]bool{}
	}
	required := x.requiredBy
	clear(required)
	for _, i := range x.byRole[role] {
		required[i] = true
	}
	if u.role.Slug != "" {
		for _, i := range x.bySlug[u.role.Slug] {
			required[i] = true
		}
	}
	// The candidates that score, in a buffer the lookups share: a lookup
	// in a large catalogue may have thousands.
	cands := x.scored[:0]
	defer func() { x.scored = cands[:0] }()
	type cand = scoredName
	m := x.measures(u.name.Value, k, ws)
	x.work += len(m.cands)
	for j, cd := range m.cands {
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
		maxD := nearword.SkillNameEdits(n)
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
			if m.d[j] < 0 {
				m.d[j] = nearword.OSA(kr, c.runes, maxD, true, &x.dist)
			}
			d = m.d[j]
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
				full = m.full[j] // measured below, if its score could be suggested
			}
			cands = append(cands, cand{s.Name.Value, score, full, i, j})
		}
	}
	// The suggestions are the first few candidates by score, then
	// distance, then catalogue order; the distance orders only those of
	// one score, and is measured in full (unbounded, the most costly
	// measure) only for the scores that could be suggested: in a large
	// catalogue, thousands of names may share a word with the unknown one.
	sort.Slice(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	strong := len(cands) > 0 && cands[0].score > minSkillScore
	lo := 0
	for lo < min(len(cands), maxSkillFixes) {
		hi := lo + 1
		for hi < len(cands) && cands[hi].score == cands[lo].score {
			hi++
		}
		if sc := cands[lo].score; sc < cands[0].score-suggestionRange || strong && sc <= minSkillScore {
			break // no suggestion: see below
		}
		for g := lo; g < hi; g++ {
			if c := &cands[g]; c.dist < 0 {
				r := x.names[c.idx].runes
				m.full[c.j] = nearword.OSA(kr, r, len(kr)+len(r), true, &x.dist)
				c.dist = m.full[c.j]
			}
		}
		lo = hi
	}
	cands = cands[:lo]
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
	var out []string
	for _, c := range cands {
		if len(out) == maxSkillFixes || c.score < cands[0].score-suggestionRange || strong && c.score <= minSkillScore {
			break
		}
		out = append(out, c.name)
	}
	if !strong {
		return nil, out, true
	}
	return out, nil, true
}
