package report

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ddat-tools/ddat/framework"
)

// changes marks the differences with the base edition in place: a
// requirement's on its cell, a role level's on its column, a skill
// level's on its level, and every one in its role's or skill's list of
// changes; what the page no longer has (a removed role, skill or
// family) is listed apart.
func (b *builder) changes() {
	ds := framework.Diff(b.opts.Base, b.fw)
	base := &Base{Name: b.opts.BaseName, Edition: b.opts.Base.Edition().String(), Changes: len(ds)}
	b.page.Base = base
	kinds := map[framework.DiffKind]int{}
	var pages []PageLink
	seenPage := map[string]int{}
	addPage := func(id, name string) {
		if i, ok := seenPage[id]; ok {
			pages[i].N++
			return
		}
		seenPage[id] = len(pages)
		pages = append(pages, PageLink{ID: id, Name: name, N: 1})
	}
	for _, d := range ds {
		kinds[d.Kind]++
		c := b.change(d)
		rk, sk := framework.Key(d.Role), framework.Key(d.Skill)
		switch d.Kind {
		case framework.FamilyRemoved, framework.RoleRemoved, framework.SkillRemoved:
			base.Removed = append(base.Removed, c)
			continue
		}
		if d.Role != "" {
			rp := b.roles[rk]
			if rp == nil {
				base.Other = append(base.Other, c)
				continue
			}
			rp.Changes = append(rp.Changes, c)
			addPage(rp.ID, rp.Name)
			b.markRole(rp, d)
			continue
		}
		if d.Skill != "" {
			sp := b.skills[sk]
			if sp == nil {
				base.Other = append(base.Other, c)
				continue
			}
			sp.Changes = append(sp.Changes, c)
			addPage(sp.ID, sp.Name)
			switch d.Kind {
			case framework.SkillAdded:
				sp.Marks = append(sp.Marks, Mark{"added", "added"})
			case framework.SkillRenamed:
				sp.Marks = append(sp.Marks, Mark{"renamed", "renamed from " + d.From})
			}
			if sl := b.levels[[2]string{sk, d.SkillLevel.String()}]; sl != nil && d.SkillLevel.Valid() {
				sl.Marks = append(sl.Marks, Mark{levelChangeKind(d), levelChangeText(d)})
			}
			continue
		}
		base.Other = append(base.Other, c)
	}
	for _, k := range framework.DiffKinds() {
		if n := kinds[k]; n > 0 {
			base.Kinds = append(base.Kinds, Count{string(k), n})
		}
	}
	base.Pages = pages
}

func levelChangeKind(d framework.Difference) string {
	switch d.Kind {
	case framework.SkillLevelAdded, framework.SkillLevelDefined:
		return "added"
	case framework.SkillLevelRemoved, framework.SkillLevelUndefined:
		return "removed"
	}
	return "reworded"
}

func levelChangeText(d framework.Difference) string {
	switch d.Kind {
	case framework.SkillLevelAdded:
		return "level added"
	case framework.SkillLevelDefined:
		return "now defined"
	case framework.SkillLevelRemoved:
		return "level removed"
	case framework.SkillLevelUndefined:
		return "no longer defined"
	}
	return "descriptors reworded"
}

// markRole marks a role's difference on its heading, column or cell.
func (b *builder) markRole(rp *RolePage, d framework.Difference) {
	rk, lk, sk := framework.Key(d.Role), framework.Key(d.Level), framework.Key(d.Skill)
	switch d.Kind {
	case framework.RoleAdded:
		rp.Marks = append(rp.Marks, Mark{"added", "added"})
	case framework.RoleRenamed:
		rp.Marks = append(rp.Marks, Mark{"renamed", "renamed from " + d.From})
	case framework.RoleFamilyChanged:
		rp.Marks = append(rp.Marks, Mark{"renamed", "moved from the family " + d.From})
	case framework.LevelAdded, framework.LevelRenamed, framework.LevelGradesChanged,
		framework.LevelDescriptionChanged, framework.LevelResponsibilitiesChanged:
		col := b.columns[[2]string{rk, lk}]
		if col == nil {
			return
		}
		switch d.Kind {
		case framework.LevelAdded:
			col.Marks = append(col.Marks, Mark{"added", "added"})
		case framework.LevelRenamed:
			col.Marks = append(col.Marks, Mark{"renamed", "renamed from " + d.From})
		case framework.LevelGradesChanged:
			from := d.From
			if from == "" {
				from = "none"
			}
			col.Marks = append(col.Marks, Mark{"reworded", "grades were " + from})
		default:
			col.Marks = append(col.Marks, Mark{"reworded", "text reworded"})
		}
	case framework.RequirementAdded:
		if c := b.cells[[3]string{rk, lk, sk}]; c != nil {
			c.Marks = append(c.Marks, Mark{"added", "added"})
		}
	case framework.RequirementRaised:
		if c := b.cells[[3]string{rk, lk, sk}]; c != nil {
			c.Marks = append(c.Marks, Mark{"raised", "raised from " + d.From})
		}
	case framework.RequirementLowered:
		if c := b.cells[[3]string{rk, lk, sk}]; c != nil {
			c.Marks = append(c.Marks, Mark{"lowered", "lowered from " + d.From})
		}
	case framework.RequirementRemoved:
		col := b.columns[[2]string{rk, lk}]
		if col == nil {
			return // the level went too: its removal is in the role's changes
		}
		row := b.rows[[2]string{rk, sk}]
		if row == nil {
			// No level requires the skill now: a row of its own.
			row = &Row{ID: rp.ID + "-r" + strconv.Itoa(len(rp.Rows)+1), Skill: d.Skill}
			if sp := b.skills[sk]; sp != nil {
				row.SkillID = sp.ID
			}
			for i, l := range rp.Levels {
				c := &Cell{ID: row.ID + "-l" + strconv.Itoa(i+1), Empty: true}
				row.Cells = append(row.Cells, c)
				b.cells[[3]string{rk, framework.Key(l.Name), sk}] = c
			}
			rp.Rows = append(rp.Rows, row)
			b.rows[[2]string{rk, sk}] = row
		}
		if c := b.cells[[3]string{rk, lk, sk}]; c != nil {
			was := d.From
			if was == "" {
				was = "no level stated"
			}
			c.Marks = append(c.Marks, Mark{"removed", "removed, was " + was})
		}
	}
}

// change is a difference as the page lists it.
func (b *builder) change(d framework.Difference) *Change {
	c := &Change{Kind: string(d.Kind), Note: string(d.Kind)}
	if b.opts.Note != nil {
		c.Note = b.opts.Note(d)
	}
	where := d.Page
	switch {
	case d.Level != "" && d.Skill != "":
		where = d.Level + ", " + d.Skill
	case d.Level != "":
		where = d.Level
	}
	if where != "" && where != d.Page {
		c.Note = where + ": " + c.Note
	} else if d.Page != "" && (d.Kind == framework.RoleRemoved || d.Kind == framework.SkillRemoved || d.Kind == framework.FamilyRemoved) {
		c.Note = d.Page + ": " + c.Note
	}
	for _, l := range d.Lines {
		ln := Line{Op: string(l.Op), Old: l.Old, New: l.New}
		for _, w := range l.Words {
			text := strings.TrimRightFunc(w.Text, unicode.IsSpace)
			ln.Words = append(ln.Words, Word{Op: string(w.Op), Text: text})
			if space := w.Text[len(text):]; space != "" {
				ln.Words = append(ln.Words, Word{Op: string(framework.EditKept), Text: " "})
			}
		}
		c.Lines = append(c.Lines, ln)
	}
	return c
}
