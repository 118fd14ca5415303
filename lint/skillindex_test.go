package lint

import (
	"os"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint/internal/nearword"
	"github.com/ddat-tools/ddat/parse"
)

// TestSkillIndexCandidates checks the index against measuring every
// catalogue name: every name that could score for an unknown skill (a
// shared or near content word, or a spelling within nearword.SkillNameEdits) is
// among the candidates.
func TestSkillIndexCandidates(t *testing.T) {
	src, err := os.ReadFile("../testdata/skills-a-to-z.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse("skills-a-to-z.md", src)
	if doc == nil {
		t.Fatal(err)
	}
	x := newSkillIndex(framework.Merge(doc))
	unknown := []string{
		"DDaT perspective", "Life-cycle perspective", "Problem ownership", "Product ownership",
		"Experience of working within constraints", "Stakeholder relationshp management",
		"Usre research", "Data opz", "Lifecycle management", "Tehcnical understanding", "Agile workign",
	}
	for _, n := range x.names { // every catalogue name with slips of each kind
		if r := []rune(n.key); len(r) > 8 {
			swapped := append([]rune(nil), r...)
			swapped[1], swapped[2] = swapped[2], swapped[1]
			unknown = append(unknown,
				string(swapped),                          // a transposition
				string(r[:1])+string(r[3:]),              // two runes dropped
				string(r[:2])+"xq"+string(r[2:]),         // two runes added
				string(r[:len(r)-2])+"zz",                // two substitutions
				string(r[:3])+string(r[4:len(r)-1])+"ab", // mixed
			)
		}
	}
	for _, u := range unknown {
		k := framework.Key(u)
		ws, _ := nameWords(u)
		got := map[int]int{}
		for _, cd := range x.candidates(k, ws) {
			got[cd.idx] = cd.shared
		}
		for i, c := range x.names {
			n := max(len([]rune(k)), len(c.runes))
			maxD := nearword.SkillNameEdits(n)
			could := nearword.Distance(k, c.key, maxD) <= maxD
			shared := 0 // the words of u that c has, or has one edit away
			for _, w := range ws {
				for _, cw := range c.words {
					if w == cw || len(w) > 4 && len(cw) > 4 && nearword.Distance(w, cw, nearword.Slip) <= nearword.Slip {
						shared++
						break
					}
				}
			}
			could = could || shared > 0
			g, ok := got[i]
			if could && !ok {
				t.Errorf("%q: candidates leave out %q", u, c.skill.Name.Value)
			}
			if ok && g != shared {
				t.Errorf("%q: candidate %q shares %d words, counted %d", u, c.skill.Name.Value, shared, g)
			}
		}
	}
}

// TestSkillNameBoundsCoverTheCatalogue checks the margin of the bounds of
// the skill suggestions (see maxSkillNameLen): the published catalogue's
// names and words are well within them, so only hostile names are left
// uncompared.
func TestSkillNameBoundsCoverTheCatalogue(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	longest, longestWord := 0, 0
	for _, s := range pub.Skills {
		longest = max(longest, len([]rune(s.Name.Key())))
		ws, _ := nameWords(s.Name.Value)
		for _, w := range ws {
			longestWord = max(longestWord, len(w))
		}
		if tooLongToCompare(s.Name.Value) {
			t.Errorf("%q is too long to compare", s.Name.Value)
		}
	}
	if longest != 85 || longestWord != 15 {
		t.Errorf("the longest name has %d runes and the longest word %d bytes; the comment of maxSkillNameLen says 85 and 15", longest, longestWord)
	}
	if 2*longest > maxSkillNameLen || 2*longestWord > maxNameWordLen {
		t.Errorf("the bounds %d and %d leave less than twice the longest name (%d) and word (%d)", maxSkillNameLen, maxNameWordLen, longest, longestWord)
	}
}
