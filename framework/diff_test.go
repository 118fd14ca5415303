package framework_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

func tx(s string) framework.Text { return framework.Text{Value: s} }

func txs(ss ...string) []framework.Text {
	var out []framework.Text
	for _, s := range ss {
		out = append(out, tx(s))
	}
	return out
}

// edition builds a small framework in code: two skills, two roles.
func edition(edit func(f *framework.Framework)) *framework.Framework {
	skill := func(name, desc string, ds ...[]string) *framework.Skill {
		s := &framework.Skill{Name: tx(name), Slug: framework.Slug(name), Description: tx(desc),
			Roles: []framework.RoleRef{{Name: tx("Data analyst")}}}
		for i, d := range ds {
			s.Levels = append(s.Levels, &framework.SkillLevel{Level: framework.Level(i + 1), Status: framework.Defined, Descriptors: txs(d...)})
		}
		return s
	}
	req := func(s string, l framework.Level) *framework.Requirement {
		return &framework.Requirement{Skill: tx(s), Level: l}
	}
	f := &framework.Framework{
		Skills: []*framework.Skill{
			skill("Systems analysis", "Systems analysis involves understanding how systems work and interact.",
				[]string{"understand the basics of systems analysis", "help model a system"},
				[]string{"model systems and their boundaries under supervision", "document how a system works"}),
			skill("Data visualisation", "Data visualisation involves showing data in charts that people understand.",
				[]string{"know the common kinds of chart"},
				[]string{"make charts that answer a question clearly and honestly"}),
		},
		Roles: []*framework.Role{
			{Name: tx("Data analyst"), Family: tx("Data"), Description: txs("A data analyst turns data into insight."),
				Levels: []*framework.RoleLevel{
					{Name: tx("Associate data analyst"), Grades: txs("EO"), Description: txs("An associate data analyst learns the trade."),
						Skills: []*framework.Requirement{req("Systems analysis", framework.Awareness), req("Data visualisation", framework.Awareness)}},
					{Name: tx("Data analyst"), Grades: txs("HEO"), Description: txs("A data analyst works on their own."),
						Skills: []*framework.Requirement{req("Systems analysis", framework.Working), req("Data visualisation", framework.Working)}},
				}},
			{Name: tx("Data ethicist"), Family: tx("Data"), Description: txs("A data ethicist makes sure that data is used ethically and lawfully across the organisation."),
				Levels: []*framework.RoleLevel{
					{Name: tx("Lead data ethicist"), Grades: txs("G7"), Description: txs("A lead data ethicist leads the practice of data ethics."),
						Skills: []*framework.Requirement{req("Systems analysis", framework.Practitioner)}},
				}},
		},
	}
	if edit != nil {
		edit(f)
	}
	return f
}

// TestDiffPlanted plants each kind of change in a small framework and
// checks that Diff reports it once, and nothing else.
func TestDiffPlanted(t *testing.T) {
	tests := []struct {
		name string
		edit func(f *framework.Framework)
		want string
	}{
		{"same", nil, ""},
		{"skill renamed", func(f *framework.Framework) {
			f.Skills[0].Name = tx("Digital and data systems analysis")
			f.Skills[0].Slug = "digital-and-data-systems-analysis"
			for _, r := range f.Roles {
				for _, l := range r.Levels {
					for _, q := range l.Skills {
						if q.Skill.Value == "Systems analysis" {
							q.Skill = tx("Digital and data systems analysis")
						}
					}
				}
			}
		}, `skill-renamed page="Digital and data systems analysis" skill="Digital and data systems analysis" from="Systems analysis" to="Digital and data systems analysis" score=0.90` + "\n"},
		{"role renamed", func(f *framework.Framework) {
			f.Roles[1].Name = tx("Data and AI ethicist")
		}, `role-renamed page="Data and AI ethicist" role="Data and AI ethicist" from="Data ethicist" to="Data and AI ethicist" score=0.94` + "\n"},
		{"descriptor reworded", func(f *framework.Framework) {
			f.Skills[0].Levels[1].Descriptors[1] = tx("document how a whole system works")
		}, `skill-descriptors-changed page="Systems analysis" skill="Systems analysis" at=working
  reworded "document how a system works" -> "document how a whole system works"
    added "whole "
`},
		{"level undefined", func(f *framework.Framework) {
			sl := f.Skills[1].Levels[0]
			sl.Status, sl.Descriptors = framework.Undefined, nil
		}, `skill-level-undefined page="Data visualisation" skill="Data visualisation" at=awareness
  removed "know the common kinds of chart" -> ""
`},
		{"requirement raised, added, removed", func(f *framework.Framework) {
			l := f.Roles[0].Levels[1]
			l.Skills[0].Level = framework.Practitioner
			l.Skills = append(l.Skills[:1], &framework.Requirement{Skill: tx("Data ethics"), Level: framework.Awareness})
		}, `requirement-raised page="Data analyst" role="Data analyst" level="Data analyst" skill="Systems analysis" from="working" to="practitioner"
requirement-added page="Data analyst" role="Data analyst" level="Data analyst" skill="Data ethics" to="awareness"
requirement-removed page="Data analyst" role="Data analyst" level="Data analyst" skill="Data visualisation" from="working"
`},
		{"grades and levels reordered", func(f *framework.Framework) {
			ls := f.Roles[0].Levels
			ls[0].Grades = txs("EO", "HEO")
			ls[0], ls[1] = ls[1], ls[0]
		}, `level-grades-changed page="Data analyst" role="Data analyst" level="Associate data analyst" from="EO" to="EO, HEO"
levels-reordered page="Data analyst" role="Data analyst" from="Associate data analyst, Data analyst" to="Data analyst, Associate data analyst"
`},
		{"role and family added, skill removed", func(f *framework.Framework) {
			f.Roles = append(f.Roles, &framework.Role{Name: tx("Agile coach"), Family: tx("Product and delivery")})
			f.Skills = f.Skills[:1]
			f.Roles[0].Levels[0].Skills = f.Roles[0].Levels[0].Skills[:1]
			f.Roles[0].Levels[1].Skills = f.Roles[0].Levels[1].Skills[:1]
		}, `family-added page="Product and delivery"
requirement-removed page="Data analyst" role="Data analyst" level="Associate data analyst" skill="Data visualisation" from="awareness"
requirement-removed page="Data analyst" role="Data analyst" level="Data analyst" skill="Data visualisation" from="working"
role-added page="Agile coach" role="Agile coach"
skill-removed page="Data visualisation" skill="Data visualisation"
`},
		{"level renamed and description changed", func(f *framework.Framework) {
			l := f.Roles[0].Levels[0]
			l.Name = tx("Junior data analyst")
			l.Description = txs("A junior data analyst learns the trade.")
		}, `level-renamed page="Data analyst" role="Data analyst" level="Junior data analyst" from="Associate data analyst" to="Junior data analyst" score=0.76
level-description-changed page="Data analyst" role="Data analyst" level="Junior data analyst"
  reworded "An associate data analyst learns the trade." -> "A junior data analyst learns the trade."
    removed "An associate "
    added "A junior "
`},
		{"roles that require", func(f *framework.Framework) {
			f.Skills[1].Roles = []framework.RoleRef{{Name: tx("Data ethicist")}}
		}, `skill-roles-changed page="Data visualisation" skill="Data visualisation" added=["Data ethicist"] removed=["Data analyst"]` + "\n"},
		{"format only: space and order of duplicates", func(f *framework.Framework) {
			f.Skills[0].Description = tx("Systems analysis  involves understanding\nhow systems work and interact.")
			l := f.Roles[0].Levels[0]
			l.Skills = append(l.Skills, &framework.Requirement{Skill: tx("systems analysis"), Level: framework.Awareness})
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(framework.Diff(edition(nil), edition(tt.edit)))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// A rename is found among many unpaired elements at a cost bounded by
// their size: 2,000 skills removed and 2,000 added, one of them renamed.
func TestDiffManyUnpaired(t *testing.T) {
	mk := func(prefix string, n int) []*framework.Skill {
		var ss []*framework.Skill
		for i := range n {
			name := prefix + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
			ss = append(ss, &framework.Skill{Name: tx(name), Description: tx("the same words for every skill " + name)})
		}
		return ss
	}
	old := &framework.Framework{Skills: mk("old ", 2000)}
	new := &framework.Framework{Skills: mk("new ", 2000)}
	ds := framework.Diff(old, new)
	n := kinds(ds)
	if n[framework.SkillAdded]+n[framework.SkillRenamed] != 2000 || n[framework.SkillRemoved]+n[framework.SkillRenamed] != 2000 {
		t.Errorf("kinds: %v", n)
	}
}
