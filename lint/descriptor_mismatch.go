package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/spell"
)

// DescriptorMismatch finds skill descriptors that differ from the
// catalogue's for the same skill and level, or from another page's for the
// same role level.
var DescriptorMismatch = &Rule{
	ID:    "descriptor-mismatch",
	Title: "skill descriptors differ from the catalogue or from another page",
	Doc: "Reports a role level whose \"You can:\" bullets for a skill differ from the " +
		"Skills A to Z catalogue's bullets for that skill at the stated level, or from " +
		"another page's bullets for the same role level and skill when the catalogue " +
		"has none to compare them with. Each difference is reported once, at the page " +
		"that has it, and the finding says what differs: each line reworded as a word " +
		"diff (`[-the catalogue's words-]{+the page's+}`), each line added, each line " +
		"removed.\n\n" +
		"With two catalogues among the inputs (the skills CSV download and the Skills A " +
		"to Z), an info finding says which is the reference (the Markdown, else the " +
		"first by file name), and the other is compared with it: each skill level whose " +
		"descriptors differ is one finding, at the catalogue that has the difference: the " +
		"other one, unless more role pages give its descriptors than the reference's, or " +
		"the reference's text is damaged (mojibake, a leaked HTML entity). Role pages " +
		"that give the other catalogue's descriptors are not reported.\n\n" +
		"Role pages copy their descriptors from the catalogue; when one side is edited " +
		"and the other is not, readers are told two different things about the same " +
		"level. The finding lists each page line that differs with the closest " +
		"catalogue line, and classifies the difference: *minor drift* (every line has " +
		"a close counterpart, a few words changed; a warning) or *wholesale difference* " +
		"(lines with no close counterpart, lines missing or extra; an error). It says " +
		"when the page's bullets are the catalogue's for another level of the skill, or " +
		"for another skill. When a page states no level (the structured role-level " +
		"export), the closest catalogue level is inferred and named.\n\n" +
		"Skills the catalogue lacks (unknown-skill) and levels it leaves undefined " +
		"(undefined-level) are left to those rules. Prose descriptions of the older " +
		"guidance are not compared: they paraphrase rather than copy.\n\n" +
		"Before:\n\n" +
		"    Skill: Stakeholder relationship management\n" +
		"    Level: working\n" +
		"    - tailor communication to stakeholders' needs while also meeting user needs\n\n" +
		"After:\n\n" +
		"    Skill: Stakeholder relationship management\n" +
		"    Level: working\n" +
		"    - tailor communication to stakeholders' needs while meeting user needs\n",
	Since:    "v0.1.0",
	Category: "consistency",
	Severity: Warning,
	Raised:   "a wholesale difference (lines with no close counterpart, lines missing or extra)",
	Run:      runDescriptorMismatch,
}

// closeLine is the least word similarity at which two descriptor lines
// count as the same line reworded.
const closeLine = 0.6

func runDescriptorMismatch(p *Pass) {
	m := newMatcher()
	sites := p.Requirements()
	others := compareCatalogues(p, m, sites)
	// Page against catalogue. A page compared with the catalogue is not
	// compared with other pages too: each difference is reported once,
	// at the page that has it.
	compared := make([]bool, len(sites))
	skills := p.siteSkillKeys()
	for i, s := range sites {
		if s.Level == nil || len(s.Req.Descriptors) == 0 {
			continue
		}
		if others.has(skills[i], s.Req.Level, s.Req.Descriptors) {
			compared[i] = true
			continue // another catalogue's descriptors: compareCatalogues reports the difference
		}
		sk := p.CatalogueSkill(s.Req.Skill.Value)
		if sk == nil || sk.SeniorCivilService {
			continue
		}
		level, inferred := s.Req.Level, false
		if !level.Valid() {
			if s.Req.LevelText.Value != "" {
				continue // an unrecognised level: unknown-level reports it
			}
			level = m.bestLevel(sk, s.Req.Descriptors)
			if level == 0 {
				continue
			}
			inferred = true
		}
		sl := sk.Level(level)
		if sl == nil || sl.Status != framework.Defined || len(sl.Descriptors) == 0 {
			continue
		}
		compared[i] = true
		c := m.compareLines(s.Req.Descriptors, sl.Descriptors)
		if c.identical || onlyDamage(s.Req.Descriptors, sl.Descriptors) {
			continue // the same, or the encoding rule's finding
		}
		var b strings.Builder
		fmt.Fprintf(&b, "role level %q, skill %q (%s): ", s.Level.Name.Value, s.Req.Skill.Value, level)
		if inferred {
			fmt.Fprintf(&b, "level not stated; closest catalogue level is %s; ", level)
		}
		fmt.Fprintf(&b, "descriptors differ from the catalogue: %s", c.summary("catalogue"))
		explained := false
		if !inferred {
			if other := m.sameAsOtherLevel(sk, level, s.Req.Descriptors); other != 0 {
				fmt.Fprintf(&b, "; these are the catalogue's %s descriptors", other)
				explained = true
			}
		}
		if c.wholesale && !explained {
			if o, ol := m.sameAsOtherSkill(p.Catalogue, sk, s.Req.Descriptors); o != nil {
				fmt.Fprintf(&b, "; these are the catalogue's descriptors of %q (%s)", o.Name.Value, ol)
				explained = true
			}
		}
		if !explained {
			b.WriteString(": " + c.details())
		}
		rel := c.related("catalogue")
		rel = append(rel, Related{Span: sl.Span, Message: fmt.Sprintf("catalogue defines %s (%s) here", sk.Name.Value, level)})
		d := Diagnostic{Span: s.Req.Skill.Span, Message: b.String(), Related: rel}
		if c.wholesale {
			d.Severity = Error
		}
		p.Report(d)
	}
	// Page against page, where one of the two has no catalogue
	// descriptors to be compared with: once per pair, on the later
	// document. Sites are grouped by role, level and skill first, so that
	// each is compared only with the sites that give the same
	// requirement; and only the groups that hold a site not compared
	// with the catalogue are made, since only they have pairs to compare
	// (all but a few of a large input's half a million sites are
	// compared with the catalogue).
	type siteKey struct{ role, level, skill string }
	// The keys of a site's role and level, made once for each: sites
	// come role by role, level by level.
	var role, level string
	var keyedRole *framework.Role
	var keyedLevel *framework.RoleLevel
	keyOf := func(j int) (siteKey, bool) {
		b := sites[j]
		if b.Level == nil || len(b.Req.Descriptors) == 0 {
			return siteKey{}, false
		}
		if b.Role != keyedRole {
			role, keyedRole = p.key(b.Role.Name), b.Role
		}
		if b.Level != keyedLevel {
			level, keyedLevel = p.key(b.Level.Name), b.Level
		}
		return siteKey{role, level, skills[j]}, true
	}
	open := map[siteKey]bool{}
	for j := range sites {
		if k, ok := keyOf(j); ok && !compared[j] {
			open[k] = true
		}
	}
	if len(open) == 0 {
		return
	}
	same := map[siteKey][]int{}
	for j, b := range sites {
		k, ok := keyOf(j)
		if !ok || !open[k] {
			continue
		}
		earlier := same[k]
		same[k] = append(earlier, j)
		for _, i := range earlier {
			a := sites[i]
			if a.Doc == b.Doc || compared[i] && compared[j] {
				continue
			}
			if a.Req.Level.Valid() && b.Req.Level.Valid() && a.Req.Level != b.Req.Level {
				continue // a level mismatch, not a descriptor one
			}
			c := m.compareLines(b.Req.Descriptors, a.Req.Descriptors)
			if c.identical || onlyDamage(b.Req.Descriptors, a.Req.Descriptors) {
				continue
			}
			lv := b.Req.Level
			if !lv.Valid() {
				lv = a.Req.Level
			}
			lvs := "level not stated"
			if lv.Valid() {
				lvs = lv.String()
			}
			rel := c.related(a.Doc.File.Name)
			rel = append(rel, Related{Span: a.Req.Skill.Span, Message: fmt.Sprintf("%s gives %s for role level %q here", a.Doc.File.Name, a.Req.Skill.Value, a.Level.Name.Value)})
			d := Diagnostic{
				Span: b.Req.Skill.Span,
				Message: fmt.Sprintf("role level %q, skill %q (%s): descriptors differ from %s: %s: %s",
					b.Level.Name.Value, b.Req.Skill.Value, lvs, a.Doc.File.Name, c.summary(a.Doc.File.Name), c.details()),
				Related: rel,
			}
			if c.wholesale {
				d.Severity = Error
			}
			p.Report(d)
		}
	}
}

// catalogueDocs returns the linted documents that hold a skills
// catalogue, in precedence order (see [framework.Merge]): the first is
// the reference. It returns nil when the reference catalogue is not
// among the linted documents.
func catalogueDocs(p *Pass) []*framework.Document {
	if p.Catalogue != p.Framework {
		return nil
	}
	var docs []*framework.Document
	for _, d := range p.Framework.Documents {
		if d != nil && len(d.Skills) > 0 {
			docs = append(docs, d)
		}
	}
	return docs
}

// otherDescriptors holds the descriptors of the catalogues other than
// the reference, by skill key and level, where they differ from the
// reference's.
type otherDescriptors map[string]map[framework.Level][][]framework.Text

// has reports whether lines are another catalogue's descriptors of the
// skill (by key) at level.
func (o otherDescriptors) has(skill string, level framework.Level, lines []framework.Text) bool {
	for _, ds := range o[skill][level] {
		if sameValues(ds, lines) {
			return true
		}
	}
	return false
}

// compareCatalogues compares each catalogue among the linted documents
// other than the reference with the reference: an info finding says
// which is the reference, and each skill level whose descriptors differ
// is one finding, at the catalogue that has the difference: the other
// one, unless the role pages side with it (more pages give its
// descriptors than the reference's), when the reference has it. It
// returns the other catalogues' descriptors that differ from the
// reference's, which role pages are then not blamed for.
func compareCatalogues(p *Pass, m *matcher, sites []Site) otherDescriptors {
	docs := catalogueDocs(p)
	if len(docs) < 2 {
		return nil
	}
	ref := docs[0]
	others := otherDescriptors{}
	// The role pages' descriptors, by skill key and level, for the votes:
	// made when a catalogue first differs from the reference (many
	// copies of one catalogue never do, and their role pages can have
	// half a million requirements).
	type siteKey struct {
		skill string
		level framework.Level
	}
	var pages map[siteKey][][]framework.Text
	votes := func(k siteKey, lines []framework.Text) int {
		if pages == nil {
			pages = map[siteKey][][]framework.Text{}
			skills := p.siteSkillKeys()
			for i, s := range sites {
				if s.Level != nil && s.Req.Level.Valid() && len(s.Req.Descriptors) > 0 {
					k := siteKey{skills[i], s.Req.Level}
					pages[k] = append(pages[k], s.Req.Descriptors)
				}
			}
		}
		n := 0
		for _, ds := range pages[k] {
			if sameValues(ds, lines) {
				n++
			}
		}
		return n
	}
	for _, doc := range docs[1:] {
		p.Report(Diagnostic{
			Severity: Info,
			Span:     doc.Skills[0].Name.Span,
			Message: fmt.Sprintf("two skills catalogues among the inputs: %s is the reference (a Markdown catalogue comes before a CSV one, then by file name); this one is compared with it",
				ref.File.Name),
			Related: []Related{{Span: ref.Skills[0].Name.Span, Message: "the reference catalogue"}},
		})
		for _, s := range doc.Skills {
			rs := p.CatalogueSkill(s.Name.Value)
			if rs == nil || rs.Name.Span.File == s.Name.Span.File || rs.SeniorCivilService || s.SeniorCivilService {
				continue // a skill the reference lacks, or a duplicate in one catalogue
			}
			key := p.key(s.Name)
			for _, sl := range s.Levels {
				rl := rs.Level(sl.Level)
				if sl.Status != framework.Defined || rl == nil || rl.Status != framework.Defined ||
					len(sl.Descriptors) == 0 || len(rl.Descriptors) == 0 || sameValues(sl.Descriptors, rl.Descriptors) {
					continue
				}
				if onlyDamage(sl.Descriptors, rl.Descriptors) {
					continue // the encoding rule's finding
				}
				k := siteKey{key, sl.Level}
				if others[key] == nil {
					others[key] = map[framework.Level][][]framework.Text{}
				}
				others[key][sl.Level] = append(others[key][sl.Level], sl.Descriptors)
				// The catalogue that has the difference, and the other.
				at, atSkill, from, fromDoc := sl, s, rl, ref
				note := ""
				switch n, r := votes(k, sl.Descriptors), votes(k, rl.Descriptors); {
				case n > r:
					at, atSkill, from, fromDoc = rl, rs, sl, doc
					note = fmt.Sprintf("; role pages give %s's descriptors %s, the reference's %s", doc.File.Name, times(n), times(r))
				case n == r && damaged(rl.Descriptors) && !damaged(sl.Descriptors):
					at, atSkill, from, fromDoc = rl, rs, sl, doc
					note = "; the reference's text is damaged (see encoding)"
				}
				c := m.compareLines(at.Descriptors, from.Descriptors)
				if c.identical {
					continue
				}
				rel := c.related(fromDoc.File.Name)
				rel = append(rel, Related{Span: from.Span, Message: fmt.Sprintf("%s defines %s (%s) here", fromDoc.File.Name, atSkill.Name.Value, sl.Level)})
				d := Diagnostic{
					Span: at.Heading.Span,
					Message: fmt.Sprintf("skill %q (%s): descriptors differ from %s: %s: %s%s",
						atSkill.Name.Value, sl.Level, fromDoc.File.Name, c.summaryOf("this catalogue", fromDoc.File.Name), c.details(), note),
					Related: rel,
				}
				if !d.Span.IsValid() {
					d.Span = at.Span
				}
				if c.wholesale {
					d.Severity = Error
				}
				p.Report(d)
			}
		}
	}
	return others
}

// onlyDamage reports whether lines a and b differ only by the damage the
// encoding rule reports (and mends): that rule's finding, not a
// descriptor mismatch.
func onlyDamage(a, b []framework.Text) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !slices.Equal(words(repaired(a[i].Value)), words(repaired(b[i].Value))) {
			return false
		}
	}
	return true
}

// damaged reports whether lines hold text the encoding rule reports as
// damage: UTF-8 read as Windows-1252, a leaked HTML entity.
func damaged(lines []framework.Text) bool {
	for _, l := range lines {
		if spell.HasMojibake(l.Value) || strings.IndexByte(l.Value, '&') >= 0 && entityRE().MatchString(l.Value) {
			return true
		}
	}
	return false
}
