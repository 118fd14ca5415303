package lint

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ddat-tools/ddat/framework"
)

// runLevelRegressionPlain is [runLevelRegression] as first written: two
// maps made at each level, keyed by track and skill.
func runLevelRegressionPlain(p *Pass) {
	for _, doc := range p.Framework.Documents {
		if doc == nil {
			continue
		}
		for _, r := range doc.Roles {
			type last struct {
				level *framework.RoleLevel
				req   *framework.Requirement
			}
			prev := map[trackSkill]last{}
			for _, l := range r.Levels {
				tr := track(l.Name.Value)
				seen := map[trackSkill]bool{}
				for _, q := range l.Skills {
					k := trackSkill{tr, p.key(q.Skill)}
					if !q.Level.Valid() || seen[k] {
						continue
					}
					seen[k] = true
					if pr, ok := prev[k]; ok && q.Level < pr.req.Level {
						at := q.LevelText
						if at.Value == "" {
							at = q.Skill
						}
						p.Report(Diagnostic{
							Span: at.Span,
							Message: fmt.Sprintf("skill %q drops from %s at role level %q to %s at %q; leadership levels may drop day-to-day skills, but check the level is meant",
								q.Skill.Value, pr.req.Level, pr.level.Name.Value, q.Level, l.Name.Value),
							Related: []Related{{Span: reqLevelSpan(pr.req), Message: fmt.Sprintf("%q requires %s at role level %q", q.Skill.Value, pr.req.Level, pr.level.Name.Value)}},
						})
					}
				}
				set := map[trackSkill]bool{}
				for _, q := range l.Skills {
					if k := (trackSkill{tr, p.key(q.Skill)}); q.Level.Valid() && !set[k] {
						set[k] = true
						prev[k] = last{l, q}
					}
				}
			}
		}
	}
}

// TestLevelRegressionAsPlain holds level-regression, which keeps one
// map of the skills met at a level by their keys, to the plain version:
// the same findings on the real inputs, and on random roles whose levels
// require skills (some repeated, some differing in case only, some
// without a valid level) on two tracks.
func TestLevelRegressionAsPlain(t *testing.T) {
	plain := *LevelRegression
	plain.Run = runLevelRegressionPlain
	check := func(name string, fw *framework.Framework) int {
		t.Helper()
		got := Run(fw, Options{Rules: []*Rule{LevelRegression}})
		want := Run(fw, Options{Rules: []*Rule{&plain}})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %d findings, plain %d:\n%v\n%v", name, len(got), len(want), got, want)
		}
		return len(got)
	}
	n := 0
	for name, docs := range realInputs(t) {
		n += check(name, framework.Merge(docs...))
	}
	if n == 0 {
		t.Fatal("no findings on the real inputs")
	}
	r := rand.New(rand.NewPCG(11, 12))
	skills := []string{"Agile working", "agile working", "AGILE  working", "Testing", "User research", "Data ops"}
	tracks := []string{"Lead %d", "Lead %d - management", "Lead %d (technical)"}
	n = 0
	for i := range 300 {
		doc := &framework.Document{}
		for range 1 + r.IntN(3) {
			ro := &framework.Role{Name: framework.Text{Value: "Role"}}
			for j := range r.IntN(6) {
				l := &framework.RoleLevel{Name: framework.Text{Value: fmt.Sprintf(tracks[r.IntN(len(tracks))], j)}}
				for range r.IntN(8) {
					q := &framework.Requirement{Skill: framework.Text{Value: skills[r.IntN(len(skills))]}, Level: framework.Level(r.IntN(6))}
					if r.IntN(2) == 0 {
						q.LevelText = framework.Text{Value: q.Level.String()}
					}
					l.Skills = append(l.Skills, q)
				}
				ro.Levels = append(ro.Levels, l)
			}
			doc.Roles = append(doc.Roles, ro)
		}
		n += check(fmt.Sprint("random ", i), framework.Merge(doc))
	}
	if n < 100 {
		t.Fatalf("%d findings on the random roles", n)
	}
}
