package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// TestSkillKeysAsKeys checks the run's skill keys against each
// requirement's own key, on the published framework and every document
// of testdata (role pages, the older guidance's role-wide lists, the
// downloads' samples): by site, and by list for each role's and level's
// Skills, for a part of a list, and for a list the run does not hold.
func TestSkillKeysAsKeys(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	docs := pub.Documents
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*"))
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			continue // a folder
		}
		if d, _ := parse.Parse(path, src); d != nil {
			docs = append(docs, d)
		}
	}
	fw := framework.Merge(docs...)
	p := &Pass{Framework: fw, Catalogue: fw, run: newRunState(fw, fw)}
	sites := p.Requirements()
	keys := p.siteSkillKeys()
	if len(keys) != len(sites) || len(sites) < 1_500 {
		t.Fatalf("%d keys for %d sites", len(keys), len(sites))
	}
	for i, s := range sites {
		if keys[i] != s.Req.Skill.Key() {
			t.Fatalf("site %d (%s): key %q, want %q", i, s.Req.Skill.Span, keys[i], s.Req.Skill.Key())
		}
	}
	check := func(what string, qs []*framework.Requirement) {
		t.Helper()
		got := p.listSkillKeys(qs)
		if len(got) != len(qs) {
			t.Fatalf("%s: %d keys for %d requirements", what, len(got), len(qs))
		}
		for i, q := range qs {
			if got[i] != q.Skill.Key() {
				t.Fatalf("%s: key %d is %q, want %q", what, i, got[i], q.Skill.Key())
			}
		}
	}
	// A list of the run is answered from the run's keys, made once.
	kept := func(what string, qs []*framework.Requirement) {
		t.Helper()
		if n := testing.AllocsPerRun(3, func() { p.listSkillKeys(qs) }); n != 0 {
			t.Fatalf("%s: keys made anew (%v allocations), not kept", what, n)
		}
	}
	var other []*framework.Requirement // a requirement of each list, for lists of mixed requirements
	lists, roleWide := 0, 0
	for _, d := range fw.Documents {
		for _, r := range d.Roles {
			if len(r.Skills) > 0 {
				roleWide++
				kept("role "+r.Name.Value, r.Skills)
			}
			check("role "+r.Name.Value, r.Skills)
			for _, l := range r.Levels {
				check("level "+l.Name.Value, l.Skills)
				if len(l.Skills) > 0 {
					kept("level "+l.Name.Value, l.Skills)
					other = append(other, l.Skills[len(l.Skills)-1])
				}
				if len(l.Skills) > 1 && len(other) > len(l.Skills) {
					// A list that starts as the level's does, then
					// holds requirements of other lists.
					mixed := append([]*framework.Requirement{l.Skills[0]}, other[len(other)-len(l.Skills):len(other)-1]...)
					check("mixed list starting as "+l.Name.Value, mixed)
				}
				if len(l.Skills) > 2 {
					check("part of level "+l.Name.Value, l.Skills[1:len(l.Skills)-1])
					// Another list of the same requirements, reversed.
					rev := make([]*framework.Requirement, len(l.Skills))
					for i, q := range l.Skills {
						rev[len(rev)-1-i] = q
					}
					check("reversed level "+l.Name.Value, rev)
				}
				lists++
			}
		}
	}
	if lists < 200 || roleWide == 0 {
		t.Errorf("%d level lists and %d role-wide lists: not the published framework and the older guidance", lists, roleWide)
	}
}
